package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.testing.RosterView;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.boundary.RosterImportsTest.DAY;

/**
 * The property that makes a full set a full set: importing A and then B ends in the same roster as importing
 * B into an empty tenant, for generated School Data Sync v2.1 sets A and B (B a random variation of A: people
 * leave and arrive, are renamed, classes change title, course and session, enrollments, roles, birth dates
 * and guardians change). "The same" means: the same schools, the same people and groups of B with the same
 * values, and the same facts holding on the import date. A keeps what B no longer has, but ended: never
 * deleted, never holding.
 */
class RosterImportPropertyTest {

    private static TestDatabase db;
    private static TestTransactions transactions;

    @TempDir
    Path temp;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("roster_import_property");
        transactions = new TestTransactions(db);
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void importing_a_then_b_equals_importing_b_alone(long seed) throws IOException {
        Random random = new Random(seed);
        World a = World.generate(random);
        World b = a.vary(random);
        Path folderA = a.write(temp.resolve("a"));
        Path folderB = b.write(temp.resolve("b"));
        UUID afterA = RosterImportsTest.newTenant(db);
        UUID onlyB = RosterImportsTest.newTenant(db);
        RosterImports imports = RosterImportsTest.importsOn(transactions, DAY);

        assertSucceeded(imports.importFolder(afterA, folderA, "test"));
        assertSucceeded(imports.importFolder(afterA, folderB, "test"));
        assertSucceeded(imports.importFolder(onlyB, folderB, "test"));

        RosterView expected = RosterView.of(db, onlyB).currentOn(DAY);
        RosterView actual = RosterView.of(db, afterA).currentOn(DAY);
        Set<String> peopleOfB = b.users.stream().map(u -> u.id).collect(Collectors.toSet());
        Set<String> groupsOfB = b.classes.stream().map(c -> c.id).collect(Collectors.toSet());
        assertThat(actual.schools()).isEqualTo(expected.schools());
        assertThat(only(actual.persons(), peopleOfB)).isEqualTo(expected.persons());
        assertThat(only(actual.groups(), groupsOfB)).isEqualTo(expected.groups());
        assertThat(actual.roles()).isEqualTo(expected.roles());
        assertThat(actual.memberships()).isEqualTo(expected.memberships());
        assertThat(actual.guardianLinks()).isEqualTo(expected.guardianLinks());
        assertThat(actual.syllabi()).containsAll(expected.syllabi());
        // And the variation did change something, so that the property is not tested on A = B alone.
        assertThat(RosterView.of(db, afterA)).isNotEqualTo(RosterView.of(db, onlyB));
    }

    private static void assertSucceeded(ImportSummary run) {
        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
    }

    private static Set<String> only(Set<String> rows, Set<String> ids) {
        return rows.stream().filter(row -> ids.contains(row.substring(0, row.indexOf('|'))))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A small municipality in School Data Sync v2.1 terms. */
    static final class World {

        static final List<String> ORGS = List.of("sourcedId,name,type,parentSourcedId",
                "D1,Provkommun,district,", "S1,Norra skolan,school,D1", "S2,Södra skolan,school,D1");
        static final List<String> SESSIONS = List.of("sourcedId,title,type,schoolYear,startDate,endDate",
                "Y,Läsår 2025/26,schoolYear,2026,2025-08-18,2026-06-12",
                "HT,Hösttermin,term,2026,2025-08-18,2026-01-16",
                "VT,Vårtermin,term,2026,2026-01-12,2026-06-12");
        static final List<String> COURSES = List.of("sourcedId,orgSourcedId,title,code,schoolYearSourcedId,subject,grade",
                "C1,S1,Matematik 1c,MATMAT01c,Y,MAT,10", "C2,S1,Engelska 5,ENGENG05,Y,ENG,10",
                "C3,S2,Svenska 1,SVESVE01,Y,SVE,10", "C4,S2,Biologi 1,BIOBIO01,Y,BIO,11");
        static final String[] GIVEN = {"Alva", "Elsa", "Hugo", "Liam", "Maja", "Noah", "Olle", "Saga", "Vera", "Ture"};
        static final String[] FAMILY = {"Ek", "Lind", "Berg", "Holm", "Sjö", "Ström", "Dahl", "Ahl"};
        static final String[] RELATIONS = {"parent", "guardian", "relative"};

        static final class User {
            String id;
            String given;
            String family;
            String email;
            LocalDate birth;
            String kind;

            User copy() {
                User user = new User();
                user.id = id;
                user.given = given;
                user.family = family;
                user.email = email;
                user.birth = birth;
                user.kind = kind;
                return user;
            }
        }

        record Role(String user, String org, String role, String session, LocalDate start, LocalDate end) {
        }

        static final class Clazz {
            String id;
            String org;
            String title;
            List<String> sessions = new ArrayList<>();
            String course;

            Clazz copy() {
                Clazz clazz = new Clazz();
                clazz.id = id;
                clazz.org = org;
                clazz.title = title;
                clazz.sessions = new ArrayList<>(sessions);
                clazz.course = course;
                return clazz;
            }
        }

        record Enrollment(String clazz, String user, String role) {
        }

        record Relationship(String child, String related, String role) {
        }

        final List<User> users = new ArrayList<>();
        final List<Role> roles = new ArrayList<>();
        final List<Clazz> classes = new ArrayList<>();
        final List<Enrollment> enrollments = new ArrayList<>();
        final List<Relationship> relationships = new ArrayList<>();
        private int nextId = 1;

        static World generate(Random random) {
            World world = new World();
            for (int i = 0; i < 14; i++) {
                world.addStudent(random);
            }
            for (int i = 0; i < 4; i++) {
                User teacher = world.user(random, "teacher");
                for (String school : List.of("S1", "S2")) {
                    if (i < 2 || random.nextBoolean()) {
                        world.roles.add(new Role(teacher.id, school, random.nextBoolean() ? "teacher" : "instructor",
                                "Y", null, null));
                    }
                }
            }
            for (int i = 0; i < 6; i++) {
                Clazz clazz = new Clazz();
                clazz.id = "K" + i;
                clazz.org = i % 2 == 0 ? "S1" : "S2";
                clazz.title = "Klass " + i;
                world.changeSessions(clazz, random);
                clazz.course = random.nextInt(3) == 0 ? "" : (clazz.org.equals("S1") ? "C" + (1 + random.nextInt(2))
                        : "C" + (3 + random.nextInt(2)));
                world.classes.add(clazz);
                List<User> teachers = world.users.stream().filter(u -> u.kind.equals("teacher")).toList();
                world.enrollments.add(new Enrollment(clazz.id, teachers.get(random.nextInt(teachers.size())).id, "teacher"));
            }
            for (User student : world.users.stream().filter(u -> u.kind.equals("student")).toList()) {
                world.enrollRandomly(student, random);
            }
            for (int i = 0; i < 6; i++) {
                User guardian = world.user(random, "guardian");
                world.relate(guardian, random);
            }
            return world;
        }

        World vary(Random random) {
            World b = new World();
            b.nextId = 1000;
            users.forEach(user -> b.users.add(user.copy()));
            b.roles.addAll(roles);
            classes.forEach(clazz -> b.classes.add(clazz.copy()));
            b.enrollments.addAll(enrollments);
            b.relationships.addAll(relationships);
            // Some students leave.
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                List<User> students = b.users.stream().filter(u -> u.kind.equals("student")).toList();
                String leaving = students.get(random.nextInt(students.size())).id;
                b.users.removeIf(u -> u.id.equals(leaving));
                b.roles.removeIf(r -> r.user().equals(leaving));
                b.enrollments.removeIf(e -> e.user().equals(leaving));
                b.relationships.removeIf(r -> r.child().equals(leaving));
            }
            // Some arrive.
            for (int i = 0; i < random.nextInt(3); i++) {
                b.enrollRandomly(b.addStudent(random), random);
            }
            // Renames, new e-mail addresses and birth dates.
            for (User user : b.users) {
                if (random.nextInt(6) == 0) {
                    user.family = FAMILY[random.nextInt(FAMILY.length)] + "-" + user.family;
                }
                if (random.nextInt(6) == 0) {
                    user.email = random.nextBoolean() ? null : user.id.toLowerCase() + "@ny.example.se";
                }
                if (user.kind.equals("student") && random.nextInt(6) == 0) {
                    user.birth = random.nextBoolean() ? null : LocalDate.of(2010, 1, 1).plusDays(random.nextInt(900));
                }
            }
            // Classes change title, course, sessions; one may go.
            for (Clazz clazz : b.classes) {
                if (random.nextInt(3) == 0) {
                    clazz.title = clazz.title + " (ny)";
                }
                if (random.nextInt(4) == 0) {
                    clazz.course = clazz.course.isEmpty() ? (clazz.org.equals("S1") ? "C1" : "C3") : "";
                }
                if (random.nextInt(3) == 0) {
                    b.changeSessions(clazz, random);
                }
            }
            if (random.nextBoolean()) {
                Clazz gone = b.classes.remove(random.nextInt(b.classes.size()));
                b.enrollments.removeIf(e -> e.clazz().equals(gone.id));
            }
            // Enrollments and roles change.
            b.enrollments.removeIf(e -> e.role().equals("student") && random.nextInt(8) == 0);
            List<Role> roles = new ArrayList<>();
            for (Role role : b.roles) {
                roles.add(random.nextInt(5) != 0 ? role : new Role(role.user(), role.org(), role.role(), role.session(),
                        role.start() == null ? LocalDate.of(2025, 8, 18) : role.start(), LocalDate.of(2026, 1, 31)));
            }
            b.roles.clear();
            b.roles.addAll(roles);
            // Guardians change.
            b.relationships.removeIf(r -> random.nextInt(5) == 0);
            List<User> guardians = b.users.stream().filter(u -> u.kind.equals("guardian")).toList();
            b.relate(guardians.get(random.nextInt(guardians.size())), random);
            return b;
        }

        private User user(Random random, String kind) {
            User user = new User();
            user.id = "U" + nextId++;
            user.given = GIVEN[random.nextInt(GIVEN.length)];
            user.family = FAMILY[random.nextInt(FAMILY.length)];
            user.email = random.nextBoolean() ? user.id.toLowerCase() + "@skola.example.se" : null;
            user.birth = kind.equals("student") && random.nextInt(4) != 0
                    ? LocalDate.of(2009, 1, 1).plusDays(random.nextInt(1500)) : null;
            user.kind = kind;
            users.add(user);
            return user;
        }

        private User addStudent(Random random) {
            User student = user(random, "student");
            String school = random.nextBoolean() ? "S1" : "S2";
            switch (random.nextInt(3)) {
                case 0 -> roles.add(new Role(student.id, school, "student", "Y", null, null));
                case 1 -> roles.add(new Role(student.id, school, "student", "", LocalDate.of(2025, 8, 18), null));
                default -> roles.add(new Role(student.id, school, "student", "", null, null));
            }
            return student;
        }

        private void enrollRandomly(User student, Random random) {
            for (Clazz clazz : classes) {
                if (random.nextInt(3) == 0) {
                    enrollments.add(new Enrollment(clazz.id, student.id, "student"));
                }
            }
        }

        private void relate(User guardian, Random random) {
            List<User> students = users.stream().filter(u -> u.kind.equals("student")).toList();
            for (int i = 0; i < 1 + random.nextInt(2); i++) {
                String child = students.get(random.nextInt(students.size())).id;
                Relationship relationship = new Relationship(child, guardian.id, RELATIONS[random.nextInt(RELATIONS.length)]);
                if (relationships.stream().noneMatch(r -> r.child().equals(child) && r.related().equals(guardian.id))) {
                    relationships.add(relationship);
                }
            }
        }

        private void changeSessions(Clazz clazz, Random random) {
            clazz.sessions = switch (random.nextInt(4)) {
                case 0 -> new ArrayList<>(List.of("Y"));
                case 1 -> new ArrayList<>(List.of("HT"));
                case 2 -> new ArrayList<>(List.of("HT", "VT"));
                default -> new ArrayList<>();
            };
        }

        Path write(Path folder) throws IOException {
            Files.createDirectories(folder);
            Files.write(folder.resolve("orgs.csv"), ORGS);
            Files.write(folder.resolve("academicSessions.csv"), SESSIONS);
            Files.write(folder.resolve("courses.csv"), COURSES);
            List<String> lines = new ArrayList<>(List.of("sourcedId,username,givenName,familyName,password,"
                    + "activeDirectoryMatchId,email,phone,sms"));
            users.forEach(u -> lines.add(u.id + "," + u.id.toLowerCase() + "@skola.example.se," + u.given + ","
                    + u.family + ",,," + (u.email == null ? "" : u.email) + ",,"));
            Files.write(folder.resolve("users.csv"), lines);
            lines.clear();
            lines.add("userSourcedId,orgSourcedId,role,sessionSourcedId,grade,isPrimary,roleStartDate,roleEndDate");
            roles.forEach(r -> lines.add(r.user() + "," + r.org() + "," + r.role() + "," + r.session() + ",,TRUE,"
                    + (r.start() == null ? "" : r.start()) + "," + (r.end() == null ? "" : r.end())));
            Files.write(folder.resolve("roles.csv"), lines);
            lines.clear();
            lines.add("sourcedId,orgSourcedId,title,sessionSourcedIds,courseSourcedId");
            classes.forEach(c -> lines.add(c.id + "," + c.org + ",\"" + c.title + "\",\"" + String.join(",", c.sessions)
                    + "\"," + c.course));
            Files.write(folder.resolve("classes.csv"), lines);
            lines.clear();
            lines.add("classSourcedId,userSourcedId,role");
            enrollments.forEach(e -> lines.add(e.clazz() + "," + e.user() + "," + e.role()));
            Files.write(folder.resolve("enrollments.csv"), lines);
            lines.clear();
            lines.add("userSourcedId,sex,birthDate");
            users.stream().filter(u -> u.birth != null).forEach(u -> lines.add(u.id + ",," + u.birth));
            Files.write(folder.resolve("demographics.csv"), lines);
            lines.clear();
            lines.add("userSourcedId,relationshipUserSourcedId,relationshipRole");
            relationships.forEach(r -> lines.add(r.child() + "," + r.related() + "," + r.role()));
            Files.write(folder.resolve("relationships.csv"), lines);
            return folder;
        }
    }
}
