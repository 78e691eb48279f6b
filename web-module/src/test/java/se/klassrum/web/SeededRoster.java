package se.klassrum.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A small organisation drawn from a seed, written as Microsoft School Data Sync v2.1 CSV files for the product's
 * import: two or three schools; teachers, some at two schools; students at one school each, one or two of them with
 * a protected identity; teaching classes of some of a school's students with one teacher each; a guardian for each
 * student (sometimes one for two siblings). Every name is a made-up word that occurs once among all the rosters of
 * one seed, so that finding it in an answer means that exactly this person leaked.
 *
 * <p>What the files cannot carry — Entra accounts, licences, protected identities, connected groups, guardian
 * logins, a school administrator — is given to the roster after the import (see {@code AccessChecks}), as
 * Microsoft's sync and the organisation's administrator do in production.
 */
final class SeededRoster {

    enum Kind { TEACHER, STUDENT, GUARDIAN }

    /** One person, by the register's id. */
    record Person(String externalId, String givenName, String familyName, Kind kind, LocalDate birthDate) {
    }

    record School(String externalId, String name) {
    }

    record Group(String externalId, School school, String title, Person teacher, List<Person> students) {
    }

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fi", "go",
            "hu", "ja", "ke", "li", "mo", "ny", "pe", "ro", "su", "ta", "ve", "yl", "or", "an", "el", "is", "un", "ar"};

    final String tag;
    final UUID tenantId = UUID.randomUUID();
    final UUID entraTenantId = UUID.randomUUID();
    final String name;
    final List<School> schools = new ArrayList<>();
    final List<Person> teachers = new ArrayList<>();
    final List<Person> students = new ArrayList<>();
    final List<Person> guardians = new ArrayList<>();
    final Map<Person, List<School>> rolesOf = new LinkedHashMap<>();
    final List<Group> groups = new ArrayList<>();
    /** Child to guardians. */
    final Map<Person, List<Person>> guardiansOf = new LinkedHashMap<>();
    final Set<Person> protectedStudents = new LinkedHashSet<>();
    /** The teacher who is also the school administrator of the first school. */
    Person administrator;

    private SeededRoster(String tag, String name) {
        this.tag = tag;
        this.name = name;
    }

    /**
     * @param words the names already given, so that every name of one seed is unique
     */
    static SeededRoster generate(Random random, int index, Set<String> words, LocalDate today) {
        String tag = "seeded" + index + "-" + Long.toHexString(random.nextLong() & 0xffffffL);
        SeededRoster roster = new SeededRoster(tag, capital(word(random, words)) + " kommun");
        int schoolCount = 2 + random.nextInt(2);
        for (int k = 0; k < schoolCount; k++) {
            roster.schools.add(new School(tag + "-school-" + k, capital(word(random, words)) + "skolan"));
        }
        int teacherCount = schoolCount + 1 + random.nextInt(2);
        for (int t = 0; t < teacherCount; t++) {
            Person teacher = roster.person(random, words, tag + "-teacher-" + t, Kind.TEACHER,
                    today.minusYears(30 + random.nextInt(30)).minusDays(random.nextInt(365)));
            roster.teachers.add(teacher);
            List<School> at = new ArrayList<>();
            at.add(roster.schools.get(t % schoolCount));
            if (random.nextInt(3) == 0) {
                at.add(roster.schools.get((t + 1) % schoolCount));
            }
            roster.rolesOf.put(teacher, at);
        }
        roster.administrator = roster.teachers.get(0);
        int studentCount = 2 * schoolCount + 1 + random.nextInt(3);
        for (int s = 0; s < studentCount; s++) {
            Person student = roster.person(random, words, tag + "-student-" + s, Kind.STUDENT,
                    today.minusYears(13 + random.nextInt(4)).minusDays(1 + random.nextInt(300)));
            roster.students.add(student);
            roster.rolesOf.put(student, List.of(roster.schools.get(s % schoolCount)));
        }
        int protectedCount = 1 + random.nextInt(2);
        while (roster.protectedStudents.size() < protectedCount) {
            roster.protectedStudents.add(roster.students.get(random.nextInt(studentCount)));
        }
        Person previousGuardian = null;
        for (int s = 0; s < studentCount; s++) {
            Person student = roster.students.get(s);
            Person guardian;
            if (previousGuardian != null && random.nextInt(4) == 0) {
                guardian = previousGuardian;
            } else {
                guardian = roster.person(random, words, tag + "-guardian-" + s, Kind.GUARDIAN,
                        today.minusYears(35 + random.nextInt(20)));
                roster.guardians.add(guardian);
            }
            roster.guardiansOf.put(student, List.of(guardian));
            previousGuardian = guardian;
        }
        int g = 0;
        for (School school : roster.schools) {
            List<Person> teachersHere = roster.teachers.stream().filter(t -> roster.rolesOf.get(t).contains(school)).toList();
            List<Person> studentsHere = roster.students.stream().filter(s -> roster.rolesOf.get(s).contains(school)).toList();
            for (int c = 0; c < 2; c++) {
                List<Person> members = new ArrayList<>();
                for (Person student : studentsHere) {
                    // Every student is in the first class of their school; the second takes some of them.
                    if (c == 0 || random.nextBoolean()) {
                        members.add(student);
                    }
                }
                if (members.isEmpty()) {
                    members.add(studentsHere.get(random.nextInt(studentsHere.size())));
                }
                roster.groups.add(new Group(tag + "-class-" + g++, school, capital(word(random, words)) + "-" + (c + 7),
                        teachersHere.get(random.nextInt(teachersHere.size())), List.copyOf(members)));
            }
        }
        return roster;
    }

    private Person person(Random random, Set<String> words, String id, Kind kind, LocalDate born) {
        return new Person(id, capital(word(random, words)), capital(word(random, words)), kind, born);
    }

    List<Person> people() {
        List<Person> all = new ArrayList<>(teachers);
        all.addAll(students);
        all.addAll(guardians);
        return all;
    }

    /** The groups a student is a member of. */
    List<Group> groupsOf(Person student) {
        return groups.stream().filter(group -> group.students().contains(student)).toList();
    }

    /** Writes the School Data Sync v2.1 files; the session covers today. */
    List<String> writeSds(Path folder, LocalDate today) throws IOException {
        Files.createDirectories(folder);
        String session = tag + "-year";
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("academicSessions.csv", List.of("sourcedId,title,type,schoolYear,startDate,endDate",
                String.join(",", session, "Läsåret", "schoolYear", String.valueOf(today.plusYears(1).getYear()),
                        today.minusDays(40).toString(), today.plusDays(200).toString())));
        List<String> orgs = new ArrayList<>(List.of("sourcedId,name,type,parentSourcedId",
                tag + "-district," + name + ",district,"));
        schools.forEach(school -> orgs.add(String.join(",", school.externalId(), school.name(), "school", tag + "-district")));
        files.put("orgs.csv", orgs);
        List<String> users = new ArrayList<>(List.of("sourcedId,username,givenName,familyName,email"));
        for (Person person : people()) {
            String email = person.externalId() + "@" + tag + ".example";
            users.add(String.join(",", person.externalId(), email, person.givenName(), person.familyName(), email));
        }
        files.put("users.csv", users);
        List<String> roles = new ArrayList<>(List.of("userSourcedId,orgSourcedId,role,roleStartDate,roleEndDate"));
        rolesOf.forEach((person, at) -> at.forEach(school -> roles.add(String.join(",", person.externalId(),
                school.externalId(), person.kind() == Kind.TEACHER ? "teacher" : "student",
                today.minusDays(40).toString(), ""))));
        files.put("roles.csv", roles);
        List<String> classes = new ArrayList<>(List.of("sourcedId,orgSourcedId,title,sessionSourcedIds"));
        List<String> enrollments = new ArrayList<>(List.of("classSourcedId,userSourcedId,role"));
        for (Group group : groups) {
            classes.add(String.join(",", group.externalId(), group.school().externalId(), group.title(), session));
            enrollments.add(String.join(",", group.externalId(), group.teacher().externalId(), "teacher"));
            group.students().forEach(student -> enrollments.add(String.join(",", group.externalId(),
                    student.externalId(), "student")));
        }
        files.put("classes.csv", classes);
        files.put("enrollments.csv", enrollments);
        List<String> demographics = new ArrayList<>(List.of("userSourcedId,birthDate"));
        people().forEach(person -> demographics.add(person.externalId() + "," + person.birthDate()));
        files.put("demographics.csv", demographics);
        List<String> relationships = new ArrayList<>(List.of("userSourcedId,relationshipUserSourcedId,relationshipRole"));
        guardiansOf.forEach((child, theirs) -> theirs.forEach(guardian -> relationships.add(String.join(",",
                child.externalId(), guardian.externalId(), "guardian"))));
        files.put("relationships.csv", relationships);
        for (Map.Entry<String, List<String>> file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), String.join("\r\n", file.getValue()) + "\r\n",
                    StandardCharsets.UTF_8);
        }
        return List.copyOf(files.keySet());
    }

    /** A made-up word of three syllables, not given before in this seed. */
    private static String word(Random random, Set<String> words) {
        while (true) {
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)].charAt(0));
            if (words.add(word.toString())) {
                return word.toString();
            }
        }
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
