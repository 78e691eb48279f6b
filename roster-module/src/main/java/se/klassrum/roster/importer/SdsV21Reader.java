package se.klassrum.roster.importer;

import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.RoleKind;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a folder in Microsoft School Data Sync v2.1 CSV format. Always a full set: School Data Sync has no
 * deltas, and what a new upload leaves out is no longer active. The mapping is in IMPORT.md.
 */
final class SdsV21Reader {

    static final String ORGS = "orgs.csv";
    static final String USERS = "users.csv";
    static final String ROLES = "roles.csv";
    static final String CLASSES = "classes.csv";
    static final String ENROLLMENTS = "enrollments.csv";
    static final String SESSIONS = "academicSessions.csv";
    static final String COURSES = "courses.csv";
    static final String DEMOGRAPHICS = "demographics.csv";
    static final String USER_FLAGS = "userFlags.csv";
    static final String RELATIONSHIPS = "relationships.csv";

    /** The role values School Data Sync accepts in roles.csv (its "default list of values"). */
    private static final Set<String> ROLE_VALUES = lowerCase("principal", "chair", "professor", "researcher", "adjunct",
            "affiliate", "occupationalTherapist", "physicalTherapist", "speechTherapist", "visionTherapist",
            "paraprofessional", "specialServices", "advisor", "proctor", "nurse", "officeStaff", "lecturer", "itAdmin",
            "administrator", "teacher", "faculty", "staff", "teacherAssistant", "assistant", "instructor", "substitute",
            "coach", "alumni", "student", "other");
    /** The role values School Data Sync accepts in enrollments.csv; "aide" as well as its "aid". */
    private static final Set<String> ENROLLMENT_VALUES = lowerCase("student", "visionTherapist", "substitute", "aid",
            "aide", "paraprofessional", "principal", "proctor", "teacherAssistant", "specialServices", "teacher",
            "professor", "advisor", "administrator", "lecturer", "coach", "occupationalTherapist", "affiliate",
            "assistant", "physicalTherapist", "adjunct", "staff", "speechTherapist", "instructor", "alumni", "chair",
            "itAdmin", "officeStaff", "faculty");
    private static final Set<String> RELATIONSHIP_VALUES = lowerCase("parent", "guardian", "relative", "other",
            "doctor", "aide");
    /** Staff who teach: a TEACHER role at the school, and owners of the classes they are enrolled in. */
    static final Set<String> TEACHING_STAFF = lowerCase("teacher", "professor", "lecturer", "instructor", "faculty",
            "adjunct", "substitute");

    private final LocalDate importDate;
    private final Problems problems;
    private final RosterSet set = new RosterSet(ImportFormat.SDS_V2_1, true);

    private record Org(String id, String type, String parent, Where where) {
    }

    private record Session(LocalDate start, LocalDate end) {
    }

    private record Course(String code, String title, String subject, Where where) {
    }

    /** A class that became a group, with the days its sessions cover (nulls if it names none). */
    private record ClassPeriod(LocalDate from, LocalDate to) {
    }

    private final Map<String, Org> orgs = new LinkedHashMap<>();
    private final Map<String, String> schoolOfOrg = new HashMap<>();
    private final Map<String, Where> users = new HashMap<>();
    /** Every user id on a line of users.csv, also of a line with problems. */
    private final Set<String> seenUsers = new HashSet<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Course> courses = new HashMap<>();
    private final Map<String, ClassPeriod> classes = new HashMap<>();
    private final Set<String> classesNotAtASchool = new HashSet<>();
    /** Ids of lines that had problems of their own: a reference to one is not a second problem. */
    private final Set<String> brokenClasses = new HashSet<>();
    // A file that could not be read at all (e.g. a required column is missing) is one problem, not one per
    // reference into it.
    private boolean orgsUsable = true;
    private boolean usersUsable = true;
    private boolean classesUsable = true;

    SdsV21Reader(LocalDate importDate, Problems problems) {
        this.importDate = importDate;
        this.problems = problems;
    }

    RosterSet read(Path folder) {
        Path orgsFile = required(folder, ORGS);
        Path usersFile = required(folder, USERS);
        Path rolesFile = required(folder, ROLES);
        Path classesFile = CsvTable.find(folder, CLASSES);
        Path enrollmentsFile = CsvTable.find(folder, ENROLLMENTS);
        if ((classesFile == null) != (enrollmentsFile == null)) {
            problems.fileProblem(classesFile == null ? CLASSES : ENROLLMENTS,
                    "the required file is missing: classes.csv and enrollments.csv come together");
        }
        Path sessionsFile = CsvTable.find(folder, SESSIONS);
        Path coursesFile = CsvTable.find(folder, COURSES);
        Path demographicsFile = CsvTable.find(folder, DEMOGRAPHICS);
        Path relationshipsFile = CsvTable.find(folder, RELATIONSHIPS);
        if (!problems.isEmpty()) {
            return set;
        }
        set.managedRoles.addAll(List.of(RoleKind.STUDENT, RoleKind.TEACHER, RoleKind.PRINCIPAL));
        Stream.of(orgsFile, usersFile, rolesFile, classesFile, enrollmentsFile, sessionsFile, coursesFile,
                demographicsFile, relationshipsFile, CsvTable.find(folder, USER_FLAGS))
                .filter(file -> file != null).forEach(file -> set.files.add(file.getFileName().toString()));

        readOrgs(orgsFile);
        readUsers(usersFile);
        if (sessionsFile != null) {
            readSessions(sessionsFile);
        }
        if (coursesFile != null) {
            readCourses(coursesFile);
        }
        readRoles(rolesFile, sessionsFile != null);
        if (classesFile != null && enrollmentsFile != null) {
            set.managesGroups = true;
            readClasses(classesFile, sessionsFile != null, coursesFile != null);
            readEnrollments(enrollmentsFile);
        }
        if (demographicsFile != null) {
            readDemographics(demographicsFile);
        }
        if (relationshipsFile != null) {
            set.managedRelations.add(GuardianRelation.VARDNADSHAVARE);
            readRelationships(relationshipsFile);
        }
        return set;
    }

    private Path required(Path folder, String name) {
        Path file = CsvTable.find(folder, name);
        if (file == null) {
            problems.fileProblem(name, "the required file is missing");
        }
        return file;
    }

    private void readOrgs(Path file) {
        orgsUsable = null != CsvTable.read(file, ORGS, List.of("sourcedId", "name", "type"), problems, row -> {
            String id = Fields.required(row, "sourcedId", Fields.ID, problems);
            String name = Fields.required(row, "name", Fields.TITLE, problems);
            String type = Fields.required(row, "type", Fields.TITLE, problems);
            String parent = Fields.optional(row, "parentSourcedId", Fields.ID, problems);
            if (id == null || unique(orgs.containsKey(id) ? orgs.get(id).where() : null, id, row)) {
                return;
            }
            orgs.put(id, new Org(id, type == null ? "" : type.toLowerCase(Locale.ROOT), parent, row.where()));
            if ("school".equalsIgnoreCase(type) && name != null) {
                set.schools.put(id, new RosterSet.School(id, name, row.where()));
            }
        });
        for (Org org : orgs.values()) {
            if (org.parent() != null && !orgs.containsKey(org.parent())) {
                problems.add(org.where(), "the parent organisation '" + org.parent() + "' is not in " + ORGS);
            }
        }
        for (Org org : orgs.values()) {
            schoolOfOrg.put(org.id(), schoolOf(org));
        }
    }

    /** The org itself if it is a school, else the nearest school above it, else null. */
    private String schoolOf(Org org) {
        Set<String> seen = new HashSet<>();
        for (Org at = org; at != null; at = at.parent() == null ? null : orgs.get(at.parent())) {
            if (!seen.add(at.id())) {
                problems.add(org.where(), "the organisation is its own ancestor through parentSourcedId");
                return null;
            }
            if ("school".equals(at.type())) {
                return at.id();
            }
        }
        return null;
    }

    private void readUsers(Path file) {
        Set<String> columns = CsvTable.read(file, USERS, List.of("sourcedId", "username", "givenName", "familyName"),
                problems, row -> {
            String raw = row.get("sourcedId");
            if (!raw.isEmpty()) {
                seenUsers.add(raw);
            }
            String id = Fields.required(row, "sourcedId", Fields.ID, problems);
            Fields.required(row, "username", Fields.EMAIL, problems);
            String given = Fields.required(row, "givenName", Fields.NAME, problems);
            String family = Fields.required(row, "familyName", Fields.NAME, problems);
            String email = Fields.optional(row, "email", Fields.EMAIL, problems);
            if (id == null || unique(users.get(id), id, row)) {
                return;
            }
            users.put(id, row.where());
            set.persons.put(id, new RosterSet.Person(id, given, family, email, row.where()));
        });
        set.managesEmail = columns != null && columns.contains("email");
        usersUsable = columns != null;
    }

    private void readSessions(Path file) {
        Map<String, Where> seen = new HashMap<>();
        CsvTable.read(file, SESSIONS, List.of("sourcedId", "title", "type", "schoolYear", "startDate", "endDate"),
                problems, row -> {
                    String id = Fields.required(row, "sourcedId", Fields.ID, problems);
                    LocalDate start = requiredDate(row, "startDate");
                    LocalDate end = requiredDate(row, "endDate");
                    if (id == null || unique(seen.get(id), id, row)) {
                        return;
                    }
                    seen.put(id, row.where());
                    if (start != null && end != null && end.isBefore(start)) {
                        problems.add(row.where(), "the endDate " + end + " is before the startDate " + start);
                        return;
                    }
                    sessions.put(id, new Session(start, end));
                });
    }

    private void readCourses(Path file) {
        CsvTable.read(file, COURSES, List.of("sourcedId", "orgSourcedId", "title"), problems, row -> {
            String id = Fields.required(row, "sourcedId", Fields.ID, problems);
            String org = Fields.required(row, "orgSourcedId", Fields.ID, problems);
            String title = Fields.required(row, "title", Fields.TITLE, problems);
            String code = Fields.optional(row, "code", Fields.CODE, problems);
            String subject = Fields.optional(row, "subject", Fields.CODE, problems);
            String year = row.get("schoolYearSourcedId");
            if (org != null && !orgs.containsKey(org) && orgsUsable) {
                problems.add(row.where(), "the organisation '" + org + "' is not in " + ORGS);
            }
            if (!year.isEmpty() && !sessions.containsKey(year)) {
                problems.add(row.where(), "the academic session '" + year + "' is not in " + SESSIONS);
            }
            if (id == null || unique(courses.containsKey(id) ? courses.get(id).where() : null, id, row)) {
                return;
            }
            courses.put(id, new Course(code, title, subject, row.where()));
        });
    }

    private void readRoles(Path file, boolean haveSessions) {
        CsvTable.read(file, ROLES, List.of("userSourcedId", "orgSourcedId", "role"), problems, row -> {
            String user = knownUser(row, "userSourcedId");
            String org = Fields.required(row, "orgSourcedId", Fields.ID, problems);
            String role = Fields.required(row, "role", Fields.TITLE, problems);
            Session session = session(row, "sessionSourcedId", haveSessions);
            LocalDate start = Fields.date(row, "roleStartDate", Dates::iso, problems);
            LocalDate end = Fields.date(row, "roleEndDate", Dates::iso, problems);
            if (org != null && !orgs.containsKey(org)) {
                if (orgsUsable) {
                    problems.add(row.where(), "the organisation '" + org + "' is not in " + ORGS);
                }
                return;
            }
            if (role != null && !ROLE_VALUES.contains(role.toLowerCase(Locale.ROOT))) {
                problems.add(row.where(), "'" + role + "' is not a role of School Data Sync");
                return;
            }
            if (user == null || org == null || role == null) {
                return;
            }
            if (start == null && session != null) {
                start = session.start();
            }
            if (end == null && session != null) {
                end = session.end();
            }
            if (start != null && end != null && end.isBefore(start)) {
                problems.add(row.where(), "the roleEndDate " + end + " is before the roleStartDate " + start);
                return;
            }
            RoleKind kind = roleKind(role);
            String school = schoolOfOrg.get(org);
            if (kind == null) {
                set.ignore(ROLES, "the role '" + role.toLowerCase(Locale.ROOT) + "' gives no school role in Klassrum");
            } else if (school == null) {
                set.ignore(ROLES, "the organisation is not a school and belongs to none");
            } else {
                set.facts.add(new RosterSet.Fact(RosterSet.FactKind.ROLE, user, school, kind, start, end, row.where()));
            }
        });
    }

    private void readClasses(Path file, boolean haveSessions, boolean haveCourses) {
        Map<String, Where> seen = new HashMap<>();
        classesUsable = null != CsvTable.read(file, CLASSES, List.of("sourcedId", "orgSourcedId", "title"), problems, row -> {
            int before = problems.size();
            String id = Fields.required(row, "sourcedId", Fields.ID, problems);
            if (id != null) {
                brokenClasses.add(id);
            }
            String org = Fields.required(row, "orgSourcedId", Fields.ID, problems);
            String title = Fields.required(row, "title", Fields.TITLE, problems);
            List<Session> periods = new ArrayList<>();
            for (String sessionId : Fields.list(row.get("sessionSourcedIds"))) {
                Session session = haveSessions ? sessions.get(sessionId) : null;
                if (session == null) {
                    problems.add(row.where(), "the academic session '" + sessionId + "' is not in " + SESSIONS);
                } else {
                    periods.add(session);
                }
            }
            String courseId = row.get("courseSourcedId");
            Course course = courseId.isEmpty() ? null : haveCourses ? courses.get(courseId) : null;
            if (!courseId.isEmpty() && course == null) {
                problems.add(row.where(), "the course '" + courseId + "' is not in " + COURSES);
            }
            if (org != null && !orgs.containsKey(org) && orgsUsable) {
                problems.add(row.where(), "the organisation '" + org + "' is not in " + ORGS);
            }
            if (id == null || unique(seen.get(id), id, row) || problems.size() > before) {
                return;
            }
            seen.put(id, row.where());
            brokenClasses.remove(id);
            String school = org == null ? null : schoolOfOrg.get(org);
            if (school == null) {
                classesNotAtASchool.add(id);
                set.ignore(CLASSES, "the organisation is not a school and belongs to none");
                return;
            }
            LocalDate from = periods.stream().map(Session::start).min(LocalDate::compareTo).orElse(null);
            LocalDate to = periods.stream().map(Session::end).max(LocalDate::compareTo).orElse(null);
            classes.put(id, new ClassPeriod(from, to));
            String syllabus = course == null ? null : syllabus(course);
            if (title != null) {
                set.groups.put(id, new RosterSet.Group(id, school, title,
                        Dates.schoolYearOf(from == null ? importDate : from), syllabus, row.where()));
            }
        });
    }

    private String syllabus(Course course) {
        return set.syllabus(course.code(), course.title(), course.subject(), course.where(), "course code", problems);
    }

    private void readEnrollments(Path file) {
        CsvTable.read(file, ENROLLMENTS, List.of("classSourcedId", "userSourcedId", "role"), problems, row -> {
            String classId = Fields.required(row, "classSourcedId", Fields.ID, problems);
            String user = knownUser(row, "userSourcedId");
            String role = Fields.required(row, "role", Fields.TITLE, problems);
            if (role != null && !ENROLLMENT_VALUES.contains(role.toLowerCase(Locale.ROOT))) {
                problems.add(row.where(), "'" + role + "' is not an enrollment role of School Data Sync");
                return;
            }
            if (classId != null && !classes.containsKey(classId) && !classesNotAtASchool.contains(classId)) {
                if (classesUsable && !brokenClasses.contains(classId)) {
                    problems.add(row.where(), "the class '" + classId + "' is not in " + CLASSES);
                }
                return;
            }
            if (classId == null || user == null || role == null) {
                return;
            }
            if (classesNotAtASchool.contains(classId)) {
                set.ignore(ENROLLMENTS, "the class is not at a school");
                return;
            }
            ClassPeriod period = classes.get(classId);
            String lower = role.toLowerCase(Locale.ROOT);
            if (lower.equals("student")) {
                membership(classId, user, MembershipRole.MEMBER, period, row);
            } else if (TEACHING_STAFF.contains(lower)) {
                membership(classId, user, MembershipRole.OWNER, period, row);
                membership(classId, user, MembershipRole.MEMBER, period, row);
            } else {
                set.ignore(ENROLLMENTS, "the role '" + lower + "' gives no membership in Klassrum");
            }
        });
    }

    private void membership(String classId, String user, MembershipRole role, ClassPeriod period, CsvTable.Row row) {
        set.facts.add(new RosterSet.Fact(RosterSet.FactKind.MEMBERSHIP, classId, user, role, period.from(), period.to(),
                row.where()));
    }

    private void readDemographics(Path file) {
        // demographics.csv speaks for every user: one it leaves out has no known birth date.
        set.persons.keySet().forEach(user -> set.birthDates.put(user, null));
        Map<String, Where> seen = new HashMap<>();
        CsvTable.read(file, DEMOGRAPHICS, List.of("userSourcedId"), problems, row -> {
            String user = knownUser(row, "userSourcedId");
            LocalDate birthDate = Fields.date(row, "birthDate", Dates::iso, problems);
            if (user == null || unique(seen.get(user), user, row)) {
                return;
            }
            seen.put(user, row.where());
            if (birthDate != null) {
                set.birthDates.put(user, birthDate);
            }
        });
    }

    private void readRelationships(Path file) {
        CsvTable.read(file, RELATIONSHIPS, List.of("userSourcedId", "relationshipUserSourcedId", "relationshipRole"),
                problems, row -> {
                    String child = knownUser(row, "userSourcedId");
                    String related = knownUser(row, "relationshipUserSourcedId");
                    String role = Fields.required(row, "relationshipRole", Fields.TITLE, problems);
                    if (role != null && !RELATIONSHIP_VALUES.contains(role.toLowerCase(Locale.ROOT))) {
                        problems.add(row.where(), "'" + role + "' is not a relationship role of School Data Sync");
                        return;
                    }
                    if (child == null || related == null || role == null) {
                        return;
                    }
                    if (child.equals(related)) {
                        problems.add(row.where(), "the user '" + child + "' cannot be related to themself");
                        return;
                    }
                    String lower = role.toLowerCase(Locale.ROOT);
                    if (lower.equals("parent") || lower.equals("guardian")) {
                        set.facts.add(new RosterSet.Fact(RosterSet.FactKind.GUARDIAN_LINK, related, child,
                                GuardianRelation.VARDNADSHAVARE, null, null, row.where()));
                    } else {
                        set.ignore(RELATIONSHIPS, "the relationship '" + lower + "' gives no guardian link");
                    }
                });
    }

    private static RoleKind roleKind(String role) {
        String lower = role.toLowerCase(Locale.ROOT);
        if (lower.equals("student")) {
            return RoleKind.STUDENT;
        }
        if (lower.equals("principal")) {
            return RoleKind.PRINCIPAL;
        }
        return TEACHING_STAFF.contains(lower) ? RoleKind.TEACHER : null;
    }

    /** The user id of the column, or null with a problem if it is blank or not in users.csv. */
    private String knownUser(CsvTable.Row row, String column) {
        String id = Fields.required(row, column, Fields.ID, problems);
        if (id != null && !users.containsKey(id)) {
            if (usersUsable && !seenUsers.contains(id)) {
                problems.add(row.where(), "the user '" + id + "' is not in " + USERS);
            }
            return null;
        }
        // The instance kept in the map, so that a million enrollments share one string per person.
        return id == null ? null : set.persons.containsKey(id) ? set.persons.get(id).externalId() : id;
    }

    private Session session(CsvTable.Row row, String column, boolean haveSessions) {
        String id = row.get(column);
        if (id.isEmpty()) {
            return null;
        }
        Session session = haveSessions ? sessions.get(id) : null;
        if (session == null) {
            problems.add(row.where(), "the academic session '" + id + "' is not in " + SESSIONS);
        }
        return session;
    }

    private LocalDate requiredDate(CsvTable.Row row, String column) {
        if (row.get(column).isEmpty()) {
            problems.add(row.where(), "the value of '" + column + "' is missing");
            return null;
        }
        return Fields.date(row, column, Dates::iso, problems);
    }

    /** @return true (with a problem) if the id was seen before */
    private boolean unique(Where earlier, String id, CsvTable.Row row) {
        if (earlier != null) {
            problems.add(row.where(), "the sourcedId '" + id + "' appears twice (first at line " + earlier.line() + ")");
            return true;
        }
        return false;
    }

    private static Set<String> lowerCase(String... values) {
        return Stream.of(values).map(value -> value.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
