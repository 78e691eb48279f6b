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

/**
 * Reads a folder in 1EdTech OneRoster 1.1 or 1.2 CSV format, bulk or delta, as its manifest.csv says. The
 * mapping is in IMPORT.md.
 * <p>
 * Bulk: every file marked "bulk" is a full set. Delta: rows are upserts unless their status is "tobedeleted",
 * and they may refer to rows the roster already has. An empty status counts as active.
 */
final class OneRosterReader {

    static final String MANIFEST = "manifest.csv";
    static final String ORGS = "orgs.csv";
    static final String USERS = "users.csv";
    static final String ROLES = "roles.csv";
    static final String CLASSES = "classes.csv";
    static final String COURSES = "courses.csv";
    static final String ENROLLMENTS = "enrollments.csv";
    static final String SESSIONS = "academicSessions.csv";
    static final String DEMOGRAPHICS = "demographics.csv";

    /** The files Klassrum reads, in lower case as the manifest names them. */
    private static final Set<String> READ = Set.of("orgs.csv", "users.csv", "roles.csv", "classes.csv", "courses.csv",
            "enrollments.csv", "academicsessions.csv", "demographics.csv");

    private static final Set<String> TEACHING = Set.of("teacher");
    private static final Set<String> GUARDIANS = Set.of("parent", "guardian");

    /** What manifest.csv says: the version and whether the files are a bulk (full) set or a delta. */
    record Manifest(ImportFormat format, boolean fullSet, Map<String, String> files) {
    }

    private record Session(LocalDate start, LocalDate end) {
    }

    private record Course(String code, String title, String subject, Where where) {
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    private final LocalDate importDate;
    private final Problems problems;
    private RosterSet set;
    private Manifest manifest;

    private final Map<String, String> orgTypes = new HashMap<>();
    private final Map<String, String> orgParents = new HashMap<>();
    private final Map<String, Where> orgLines = new HashMap<>();
    private final Set<String> users = new HashSet<>();
    private final Map<String, List<String>> agents = new LinkedHashMap<>();
    private final Map<String, Where> agentLines = new HashMap<>();
    private final Set<String> guardians = new HashSet<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Course> courses = new HashMap<>();
    private final Map<String, Period> classes = new HashMap<>();
    private final Set<String> classesNotAtASchool = new HashSet<>();
    /** Users of a bulk file whose status ends them: what refers to them is left out, not refused. */
    private final Set<String> endedUsers = new HashSet<>();
    /** Classes and sessions whose line was refused or ended: a reference to one is no further problem. */
    private final Set<String> refusedClasses = new HashSet<>();
    private final Set<String> refusedSessions = new HashSet<>();
    private boolean coursesRead;
    /** Whether users.csv was read whole: if not, a reference to a user is not checked against it (no follow-ons). */
    private boolean usersUsable = true;
    private int classesWithoutCourses;

    OneRosterReader(LocalDate importDate, Problems problems) {
        this.importDate = importDate;
        this.problems = problems;
    }

    static Manifest manifest(Path folder, Problems problems) {
        Path file = CsvTable.find(folder, MANIFEST);
        Map<String, String> properties = new HashMap<>();
        if (file == null) {
            problems.fileProblem(MANIFEST, "the required file is missing");
            return new Manifest(ImportFormat.ONEROSTER_1_1, true, Map.of());
        }
        Map<String, Where> lines = new HashMap<>();
        CsvTable.read(file, MANIFEST, List.of("propertyName", "value"), problems, row -> {
            properties.put(row.get("propertyName"), row.get("value").toLowerCase(Locale.ROOT));
            lines.put(row.get("propertyName"), row.where());
        });
        String version = properties.getOrDefault("oneroster.version", "");
        ImportFormat format = switch (version) {
            case "1.1" -> ImportFormat.ONEROSTER_1_1;
            case "1.2" -> ImportFormat.ONEROSTER_1_2;
            default -> {
                problems.add(lines.getOrDefault("oneroster.version", new Where(MANIFEST, 1)),
                        "the oneroster.version '" + version + "' is not 1.1 or 1.2");
                yield ImportFormat.ONEROSTER_1_1;
            }
        };
        Map<String, String> files = new LinkedHashMap<>();
        boolean bulk = false;
        boolean delta = false;
        List<String> emptyUnread = new ArrayList<>();
        for (var property : new java.util.TreeMap<>(properties).entrySet()) {
            if (!property.getKey().startsWith("file.")) {
                continue;
            }
            String mode = property.getValue();
            String named = property.getKey().substring(5).toLowerCase(Locale.ROOT) + ".csv";
            if (mode.isEmpty() && !READ.contains(named)) {
                // Other consumers leave a file they never read without a value; Klassrum does not read it either.
                emptyUnread.add(property.getKey().toLowerCase(Locale.ROOT));
                continue;
            }
            if (!Set.of("bulk", "delta", "absent").contains(mode)) {
                problems.add(lines.get(property.getKey()), "'" + mode + "' is not bulk, delta or absent");
                continue;
            }
            files.put(property.getKey().substring(5).toLowerCase(Locale.ROOT) + ".csv", mode);
            bulk |= mode.equals("bulk");
            delta |= mode.equals("delta");
        }
        if (!emptyUnread.isEmpty()) {
            problems.note(MANIFEST + ": " + String.join(", ", emptyUnread) + (emptyUnread.size() == 1 ? " has" : " have")
                    + " no value; Klassrum does not read " + (emptyUnread.size() == 1 ? "that file" : "those files"));
        }
        if (bulk && delta) {
            problems.fileProblem(MANIFEST, "the manifest mixes bulk and delta files; Klassrum imports one or the other");
        }
        return new Manifest(format, !delta, files);
    }

    RosterSet read(Path folder) {
        manifest = manifest(folder, problems);
        set = new RosterSet(manifest.format(), manifest.fullSet());
        if (!problems.isEmpty()) {
            return set;
        }
        boolean v12 = manifest.format() == ImportFormat.ONEROSTER_1_2;
        Map<String, Path> files = new HashMap<>();
        for (String name : List.of(ORGS, USERS, ROLES, CLASSES, COURSES, ENROLLMENTS, SESSIONS, DEMOGRAPHICS)) {
            String mode = manifest.files().getOrDefault(name.toLowerCase(Locale.ROOT), "absent");
            Path file = CsvTable.find(folder, name);
            if (!mode.equals("absent") && file == null) {
                problems.fileProblem(name, "the manifest lists the file as " + mode + " but it is missing");
            } else if (!mode.equals("absent")) {
                files.put(name, file);
                set.files.add(file.getFileName().toString());
            }
        }
        if (set.fullSet && (!files.containsKey(ORGS) || !files.containsKey(USERS) || (v12 && !files.containsKey(ROLES)))) {
            problems.fileProblem(MANIFEST, "a bulk set needs orgs.csv, users.csv" + (v12 ? " and roles.csv" : ""));
        }
        if (!problems.isEmpty()) {
            return set;
        }
        set.managedRoles.addAll(v12 ? List.of(RoleKind.STUDENT, RoleKind.TEACHER, RoleKind.PRINCIPAL)
                : List.of(RoleKind.STUDENT, RoleKind.TEACHER));
        read(files, ORGS, this::readOrgs);
        read(files, SESSIONS, this::readSessions);
        read(files, COURSES, this::readCourses);
        if (files.containsKey(USERS)) {
            set.managedRelations.add(GuardianRelation.VARDNADSHAVARE);
            readUsers(files.get(USERS), v12);
        }
        read(files, ROLES, this::readRoles);
        if (files.containsKey(CLASSES) || files.containsKey(ENROLLMENTS)) {
            set.managesGroups = true;
        }
        coursesRead = files.containsKey(COURSES);
        read(files, CLASSES, this::readClasses);
        if (classesWithoutCourses > 0) {
            set.note(CLASSES + ": " + classesWithoutCourses + (classesWithoutCourses == 1 ? " class names a course"
                    : " classes name a course") + ", but the manifest says file.courses=absent: imported without a"
                    + " syllabus");
        }
        read(files, ENROLLMENTS, this::readEnrollments);
        read(files, DEMOGRAPHICS, this::readDemographics);
        linkGuardians();
        return set;
    }

    private void read(Map<String, Path> files, String name, java.util.function.Consumer<Path> reader) {
        if (files.containsKey(name)) {
            reader.accept(files.get(name));
        }
    }

    /** Active, or (in a delta) to be deleted; a problem for anything else. Null for a line with a problem. */
    private Boolean active(CsvTable.Row row) {
        String status = row.get("status").toLowerCase(Locale.ROOT);
        if (status.isEmpty() || status.equals("active")) {
            return true;
        }
        if (status.equals("tobedeleted") && !set.fullSet) {
            return false;
        }
        if ((status.equals("tobedeleted") || status.equals("inactive")) && set.fullSet) {
            // Other consumers read such a row in a bulk file as gone: so does Klassrum, and says so.
            set.ignore(row.file(), "the status '" + status + "' in a bulk file is taken as ended");
            return false;
        }
        problems.add(row.where(), "the status '" + row.get("status") + "' is not allowed in a "
                + (set.fullSet ? "bulk file (leave it empty)" : "delta file (active or tobedeleted)"));
        return null;
    }

    private void readOrgs(Path file) {
        CsvTable.read(file, ORGS, List.of("sourcedId", "name", "type"), problems, row -> {
            String id = Fields.required(row, "sourcedId", Fields.ID, problems);
            String name = Fields.required(row, "name", Fields.TITLE, problems);
            String type = Fields.required(row, "type", Fields.TITLE, problems);
            Boolean active = active(row);
            if (id == null || active == null || duplicate(orgLines, id, row)) {
                return;
            }
            orgTypes.put(id, type == null ? "" : type.toLowerCase(Locale.ROOT));
            String parent = row.get("parentSourcedId");
            if (!parent.isEmpty()) {
                orgParents.put(id, parent);
            }
            if (active && "school".equalsIgnoreCase(type) && name != null) {
                set.schools.put(id, new RosterSet.School(id, name, row.where()));
            }
        });
        orgParents.forEach((org, parent) -> {
            if (!orgTypes.containsKey(parent) && set.fullSet) {
                problems.add(orgLines.get(org), "the parent organisation '" + parent + "' is not in " + ORGS);
            }
        });
    }

    /** The org if it is a school, else the nearest school above it; in a delta an org not in the files is taken as a school. */
    private String school(String org, Where where) {
        if (!orgTypes.containsKey(org)) {
            if (set.fullSet) {
                problems.add(where, "the organisation '" + org + "' is not in " + ORGS);
            }
            return set.fullSet ? null : org;
        }
        Set<String> seen = new HashSet<>();
        for (String at = org; at != null && orgTypes.containsKey(at); at = orgParents.get(at)) {
            if (!seen.add(at)) {
                return null;
            }
            if (orgTypes.get(at).equals("school")) {
                return at;
            }
        }
        return null;
    }

    private void readSessions(Path file) {
        Map<String, Where> seen = new HashMap<>();
        CsvTable.read(file, SESSIONS, List.of("sourcedId", "title", "type", "startDate", "endDate", "schoolYear"),
                problems, row -> {
                    String id = Fields.required(row, "sourcedId", Fields.ID, problems);
                    LocalDate start = Fields.date(row, "startDate", Dates::iso, problems);
                    LocalDate end = Fields.date(row, "endDate", Dates::iso, problems);
                    Boolean active = id == null ? null : active(row);
                    if (id == null || active == null || duplicate(seen, id, row)) {
                        if (id != null && active == null) {
                            refusedSessions.add(id);
                        }
                        return;
                    }
                    if (!active) {
                        refusedSessions.add(id);
                    } else if (start == null || end == null) {
                        problems.add(row.where(), "a session needs both a startDate and an endDate");
                        refusedSessions.add(id);
                    } else if (end.isBefore(start)) {
                        problems.add(row.where(), "the endDate " + end + " is before the startDate " + start);
                        refusedSessions.add(id);
                    } else {
                        sessions.put(id, new Session(start, end));
                    }
                });
    }

    private void readCourses(Path file) {
        Map<String, Where> seen = new HashMap<>();
        CsvTable.read(file, COURSES, List.of("sourcedId", "title", "orgSourcedId"), problems, row -> {
            String id = Fields.required(row, "sourcedId", Fields.ID, problems);
            String title = Fields.required(row, "title", Fields.TITLE, problems);
            String code = Fields.optional(row, "courseCode", Fields.CODE, problems);
            List<String> subjects = Fields.list(row.get("subjectCodes"));
            if (subjects.isEmpty()) {
                subjects = Fields.list(row.get("subjects"));
            }
            String subject = subjects.isEmpty() ? null : subjects.get(0);
            if (subject != null && subject.length() > Fields.CODE) {
                problems.add(row.where(), "the subject '" + subject + "' is longer than " + Fields.CODE + " characters");
                subject = null;
            }
            if (id == null || active(row) == null || duplicate(seen, id, row)) {
                return;
            }
            courses.put(id, new Course(code, title, subject, row.where()));
        });
    }

    private void readUsers(Path file, boolean v12) {
        Map<String, Where> seen = new HashMap<>();
        List<String> required = v12 ? List.of("sourcedId", "enabledUser", "username", "givenName", "familyName")
                : List.of("sourcedId", "enabledUser", "orgSourcedIds", "role", "username", "givenName", "familyName");
        Set<String> columns = CsvTable.read(file, USERS, required, problems, row -> {
            String id = Fields.required(row, "sourcedId", Fields.ID, problems);
            Boolean active = active(row);
            if (id == null || active == null || duplicate(seen, id, row)) {
                return;
            }
            users.add(id);
            if (!active) {
                if (set.fullSet) {
                    endedUsers.add(id);
                } else {
                    set.removedPersons.put(id, row.where());
                }
                return;
            }
            String given = Fields.required(row, "givenName", Fields.NAME, problems);
            String family = Fields.required(row, "familyName", Fields.NAME, problems);
            String email = Fields.optional(row, "email", Fields.EMAIL, problems);
            set.persons.put(id, new RosterSet.Person(id, given, family, email, row.where()));
            agents.put(id, Fields.list(row.get("agentSourcedIds")));
            agentLines.put(id, row.where());
            if (!v12) {
                String role = Fields.required(row, "role", Fields.TITLE, problems);
                if (role != null) {
                    userRole(id, role.toLowerCase(Locale.ROOT), Fields.list(row.get("orgSourcedIds")), null, null,
                            row.where(), USERS);
                }
            }
        });
        set.managesEmail = columns != null && columns.contains("email");
        usersUsable = columns != null;
    }

    /** A user's role at orgs: a school role, a guardian, or nothing. */
    private void userRole(String user, String role, List<String> orgs, LocalDate from, LocalDate to, Where where,
                          String file) {
        if (GUARDIANS.contains(role)) {
            guardians.add(user);
            return;
        }
        RoleKind kind = switch (role) {
            case "student" -> RoleKind.STUDENT;
            case "teacher" -> RoleKind.TEACHER;
            case "principal" -> RoleKind.PRINCIPAL;
            default -> null;
        };
        if (kind == null) {
            set.ignore(file, "the role '" + role + "' gives no school role in Klassrum");
            return;
        }
        for (String org : orgs) {
            String school = school(org, where);
            if (school == null) {
                if (orgTypes.containsKey(org)) {
                    set.ignore(file, "the organisation is not a school and belongs to none");
                }
                continue;
            }
            set.facts.add(new RosterSet.Fact(RosterSet.FactKind.ROLE, user, school, kind, from, to, where));
        }
    }

    private void readRoles(Path file) {
        Map<String, Where> seen = new HashMap<>();
        CsvTable.read(file, ROLES, List.of("sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"), problems,
                row -> {
                    String id = Fields.required(row, "sourcedId", Fields.ID, problems);
                    String user = knownUser(row, "userSourcedId");
                    String role = Fields.required(row, "role", Fields.TITLE, problems);
                    String org = Fields.required(row, "orgSourcedId", Fields.ID, problems);
                    LocalDate from = Fields.date(row, "beginDate", Dates::iso, problems);
                    LocalDate to = Fields.date(row, "endDate", Dates::iso, problems);
                    Boolean active = active(row);
                    if (id == null || user == null || role == null || org == null || active == null
                            || duplicate(seen, id, row)) {
                        return;
                    }
                    if (from != null && to != null && to.isBefore(from)) {
                        problems.add(row.where(), "the endDate " + to + " is before the beginDate " + from);
                        return;
                    }
                    if (active) {
                        userRole(user, role.toLowerCase(Locale.ROOT), List.of(org), from, to, row.where(), ROLES);
                    } else {
                        int before = set.facts.size();
                        userRole(user, role.toLowerCase(Locale.ROOT), List.of(org), from, to, row.where(), ROLES);
                        while (set.facts.size() > before) {
                            set.removedFacts.add(set.facts.remove(set.facts.size() - 1));
                        }
                    }
                });
    }

    private void readClasses(Path file) {
        Map<String, Where> seen = new HashMap<>();
        CsvTable.read(file, CLASSES, List.of("sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId",
                "termSourcedIds"), problems, row -> {
            String id = Fields.required(row, "sourcedId", Fields.ID, problems);
            String title = Fields.required(row, "title", Fields.TITLE, problems);
            String org = Fields.required(row, "schoolSourcedId", Fields.ID, problems);
            Boolean active = active(row);
            if (id == null || org == null || active == null || duplicate(seen, id, row)) {
                if (id != null && !seen.containsKey(id)) {
                    refusedClasses.add(id); // refused here: its enrollments are no further problem
                }
                return;
            }
            if (!active) {
                if (set.fullSet) {
                    refusedClasses.add(id);
                } else {
                    set.removedGroups.put(id, row.where());
                }
                return;
            }
            List<Session> periods = new ArrayList<>();
            for (String term : Fields.list(row.get("termSourcedIds"))) {
                Session session = sessions.get(term);
                if (session != null) {
                    periods.add(session);
                } else if (set.fullSet && !refusedSessions.contains(term)) {
                    problems.add(row.where(), "the academic session '" + term + "' is not in " + SESSIONS);
                }
            }
            String courseId = row.get("courseSourcedId");
            Course course = courses.get(courseId);
            if (!courseId.isEmpty() && course == null && set.fullSet && !coursesRead) {
                // The manifest says courses.csv is absent: as other consumers do, the class comes without a syllabus.
                classesWithoutCourses++;
            } else if (!courseId.isEmpty() && course == null && set.fullSet) {
                problems.add(row.where(), "the course '" + courseId + "' is not in " + COURSES);
            }
            String school = school(org, row.where());
            if (school == null) {
                classesNotAtASchool.add(id);
                if (orgTypes.containsKey(org)) {
                    set.ignore(CLASSES, "the organisation is not a school and belongs to none");
                }
                return;
            }
            LocalDate from = periods.stream().map(Session::start).min(LocalDate::compareTo).orElse(null);
            LocalDate to = periods.stream().map(Session::end).max(LocalDate::compareTo).orElse(null);
            classes.put(id, new Period(from, to));
            if (title != null) {
                // In a delta, a course that is not in the delta is one the roster already has: the syllabus stays.
                boolean courseUnknown = !courseId.isEmpty() && course == null && !set.fullSet;
                set.groups.put(id, new RosterSet.Group(id, school, title,
                        Dates.schoolYearOf(from == null ? importDate : from), course == null ? null : syllabus(course),
                        !courseUnknown, row.where()));
            }
        });
    }

    private String syllabus(Course course) {
        return set.syllabus(course.code(), course.title(), course.subject(), course.where(), "course code", problems);
    }

    private void readEnrollments(Path file) {
        Map<String, Where> seen = new HashMap<>();
        CsvTable.read(file, ENROLLMENTS, List.of("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId",
                "role"), problems, row -> {
            String id = Fields.required(row, "sourcedId", Fields.ID, problems);
            String classId = Fields.required(row, "classSourcedId", Fields.ID, problems);
            String user = knownUser(row, "userSourcedId");
            String role = Fields.required(row, "role", Fields.TITLE, problems);
            LocalDate begin = Fields.date(row, "beginDate", Dates::iso, problems);
            LocalDate end = Fields.date(row, "endDate", Dates::iso, problems);
            Boolean active = active(row);
            if (id == null || classId == null || user == null || role == null || active == null
                    || duplicate(seen, id, row)) {
                return;
            }
            if (classesNotAtASchool.contains(classId)) {
                set.ignore(ENROLLMENTS, "the class is not at a school");
                return;
            }
            Period period = classes.get(classId);
            if (period == null && refusedClasses.contains(classId)) {
                return; // the class's own line was refused or ended: said there
            }
            if (period == null && set.fullSet) {
                problems.add(row.where(), "the class '" + classId + "' is not in " + CLASSES);
                return;
            }
            LocalDate from = begin != null ? begin : period == null ? null : period.from();
            LocalDate to = end != null ? end : period == null ? null : period.to();
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(row.where(), "the endDate " + to + " is before the beginDate " + from);
                return;
            }
            String lower = role.toLowerCase(Locale.ROOT);
            List<MembershipRole> memberships = lower.equals("student") ? List.of(MembershipRole.MEMBER)
                    : TEACHING.contains(lower) ? List.of(MembershipRole.OWNER, MembershipRole.MEMBER) : List.of();
            if (memberships.isEmpty()) {
                set.ignore(ENROLLMENTS, "the role '" + lower + "' gives no membership in Klassrum");
            }
            for (MembershipRole membership : memberships) {
                RosterSet.Fact fact = new RosterSet.Fact(RosterSet.FactKind.MEMBERSHIP, classId, user, membership, from,
                        to, row.where());
                (active ? set.facts : set.removedFacts).add(fact);
            }
        });
    }

    private void readDemographics(Path file) {
        if (set.fullSet) {
            set.persons.keySet().forEach(user -> set.birthDates.put(user, null));
        }
        Map<String, Where> seen = new HashMap<>();
        CsvTable.read(file, DEMOGRAPHICS, List.of("sourcedId"), problems, row -> {
            String user = knownUser(row, "sourcedId");
            LocalDate birthDate = Fields.date(row, "birthDate", Dates::iso, problems);
            Boolean active = active(row);
            if (user == null || active == null || duplicate(seen, user, row)) {
                return;
            }
            set.birthDates.put(user, active ? birthDate : null);
        });
    }

    /**
     * Guardian links from agentSourcedIds: a student's agents who are parents or guardians, and a parent's or
     * guardian's agents (their children). Agents who are relatives, or not users at all, give none.
     */
    private void linkGuardians() {
        Set<String> linked = new HashSet<>();
        agents.forEach((user, list) -> {
            for (String agent : list) {
                if (!users.contains(agent)) {
                    if (set.fullSet && usersUsable) {
                        problems.add(agentLines.get(user), "the agent '" + agent + "' is not in " + USERS);
                    }
                    continue;
                }
                String guardian = guardians.contains(agent) ? agent : guardians.contains(user) ? user : null;
                String child = guardian == null ? null : guardian.equals(agent) ? user : agent;
                if (guardian == null || guardians.contains(child)) {
                    continue;
                }
                if (linked.add(guardian + "\n" + child)) {
                    set.facts.add(new RosterSet.Fact(RosterSet.FactKind.GUARDIAN_LINK, guardian, child,
                            GuardianRelation.VARDNADSHAVARE, null, null, agentLines.get(user)));
                }
            }
        });
    }

    /** The user id of the column; in a bulk set it must be in users.csv, in a delta it may be in the roster. */
    private String knownUser(CsvTable.Row row, String column) {
        String id = Fields.required(row, column, Fields.ID, problems);
        if (id != null && endedUsers.contains(id)) {
            set.ignore(row.file(), "a reference to a user whose status ends them");
            return null;
        }
        if (id != null && set.fullSet && !users.contains(id) && !usersUsable) {
            return null; // users.csv could not be read whole: said there
        }
        if (id != null && set.fullSet && !users.contains(id)) {
            problems.add(row.where(), "the user '" + id + "' is not in " + USERS);
            return null;
        }
        return id;
    }

    private boolean duplicate(Map<String, Where> seen, String id, CsvTable.Row row) {
        Where earlier = seen.putIfAbsent(id, row.where());
        if (earlier != null) {
            problems.add(row.where(), "the sourcedId '" + id + "' appears twice (first at line " + earlier.line() + ")");
            return true;
        }
        return false;
    }
}
