package se.klassrum.roster.importer;

import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.RoleKind;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a folder in Microsoft School Data Sync v1 ("classic") CSV format: School, Section, Student,
 * Teacher, StudentEnrollment and TeacherRoster. Always a full set. The mapping is in IMPORT.md.
 */
final class SdsV1Reader {

    static final String SCHOOL = "School.csv";
    static final String SECTION = "Section.csv";
    static final String STUDENT = "Student.csv";
    static final String TEACHER = "Teacher.csv";
    static final String STUDENT_ENROLLMENT = "StudentEnrollment.csv";
    static final String TEACHER_ROSTER = "TeacherRoster.csv";

    private final LocalDate importDate;
    private final Problems problems;
    private final RosterSet set = new RosterSet(ImportFormat.SDS_V1, true);

    private record Period(LocalDate from, LocalDate to) {
    }

    /** A person's first line, to which later lines of the same SIS ID must agree. */
    private record FirstLine(RosterSet.Person person, String file) {
    }

    private final Map<String, String> principalOfSchool = new HashMap<>();
    private final Map<String, Where> principalLine = new HashMap<>();
    private final Map<String, Period> sections = new HashMap<>();
    private final Map<String, FirstLine> students = new HashMap<>();
    private final Map<String, FirstLine> teachers = new HashMap<>();
    private final Set<String> rolesSeen = new HashSet<>();
    /** Ids on lines with problems of their own, and files that could not be read: no second problem for them. */
    private final Set<String> brokenIds = new HashSet<>();
    private final Set<String> unusableFiles = new HashSet<>();

    SdsV1Reader(LocalDate importDate, Problems problems) {
        this.importDate = importDate;
        this.problems = problems;
    }

    RosterSet read(Path folder) {
        Path schoolFile = required(folder, SCHOOL);
        Path sectionFile = required(folder, SECTION);
        Path studentFile = required(folder, STUDENT);
        Path teacherFile = required(folder, TEACHER);
        Path enrollmentFile = required(folder, STUDENT_ENROLLMENT);
        Path rosterFile = required(folder, TEACHER_ROSTER);
        if (!problems.isEmpty()) {
            return set;
        }
        for (Path file : List.of(schoolFile, sectionFile, studentFile, teacherFile, enrollmentFile, rosterFile)) {
            set.files.add(file.getFileName().toString());
        }
        set.managedRoles.addAll(List.of(RoleKind.STUDENT, RoleKind.TEACHER));
        set.managesGroups = true;
        // School Data Sync v1 has no e-mail address of the person's own (Secondary Email is another one).
        set.managesEmail = false;

        Set<String> schoolColumns = readSchools(schoolFile);
        readPeople(studentFile, STUDENT, RoleKind.STUDENT, students);
        readPeople(teacherFile, TEACHER, RoleKind.TEACHER, teachers);
        for (var student : students.entrySet()) {
            FirstLine teacher = teachers.get(student.getKey());
            if (teacher != null) {
                problems.add(teacher.person().where(), "the SIS ID '" + student.getKey() + "' is also a student at "
                        + student.getValue().person().where() + "; one person cannot be both");
            }
        }
        if (schoolColumns != null && schoolColumns.contains(CsvTable.key("Principal SIS ID"))) {
            set.managedRoles.add(RoleKind.PRINCIPAL);
            principalOfSchool.forEach((school, principal) -> {
                if (!teachers.containsKey(principal)) {
                    if (!worthReporting(TEACHER, principal)) {
                        return;
                    }
                    problems.add(principalLine.get(school), "the principal '" + principal + "' is not in " + TEACHER);
                } else {
                    set.facts.add(new RosterSet.Fact(RosterSet.FactKind.ROLE, teachers.get(principal).person().externalId(),
                            school, RoleKind.PRINCIPAL, null, null, principalLine.get(school)));
                }
            });
        }
        readSections(sectionFile);
        readMembers(enrollmentFile, STUDENT_ENROLLMENT, students, STUDENT, false);
        readMembers(rosterFile, TEACHER_ROSTER, teachers, TEACHER, true);
        return set;
    }

    private Path required(Path folder, String name) {
        Path file = CsvTable.find(folder, name);
        if (file == null) {
            problems.fileProblem(name, "the required file is missing");
        }
        return file;
    }

    private Set<String> readSchools(Path file) {
        return usable(SCHOOL, CsvTable.read(file, SCHOOL, List.of("SIS ID", "Name"), problems, row -> {
            String id = Fields.required(row, "SIS ID", Fields.ID, problems);
            String name = Fields.required(row, "Name", Fields.TITLE, problems);
            String principal = Fields.optional(row, "Principal SIS ID", Fields.ID, problems);
            if (id == null) {
                return;
            }
            RosterSet.School earlier = set.schools.get(id);
            if (earlier != null) {
                problems.add(row.where(), "the SIS ID '" + id + "' appears twice (first at line " + earlier.where().line()
                        + ")");
                return;
            }
            if (name != null) {
                set.schools.put(id, new RosterSet.School(id, name, row.where()));
            }
            if (principal != null) {
                principalOfSchool.put(id, principal);
                principalLine.put(id, row.where());
            }
        }));
    }

    private Set<String> usable(String file, Set<String> columns) {
        if (columns == null) {
            unusableFiles.add(file);
        }
        return columns;
    }

    /** Whether a reference to an id that is not there is a problem of its own. */
    private boolean worthReporting(String file, String id) {
        return !unusableFiles.contains(file) && !brokenIds.contains(file + "\n" + id);
    }

    /**
     * Student.csv or Teacher.csv. A person at several schools has a line per school with the same SIS ID; the
     * lines must agree on the name.
     */
    private void readPeople(Path file, String name, RoleKind role, Map<String, FirstLine> people) {
        usable(name, CsvTable.read(file, name, List.of("SIS ID", "School SIS ID", "Username", "First Name",
                "Last Name"), problems, row -> {
            int before = problems.size();
            String id = Fields.required(row, "SIS ID", Fields.ID, problems);
            String school = Fields.required(row, "School SIS ID", Fields.ID, problems);
            Fields.required(row, "Username", Fields.EMAIL, problems);
            String given = Fields.required(row, "First Name", Fields.NAME, problems);
            String family = Fields.required(row, "Last Name", Fields.NAME, problems);
            LocalDate birthDate = Fields.date(row, "Birthdate", Dates::usOrIso, problems);
            if (school != null && !set.schools.containsKey(school) && worthReporting(SCHOOL, school)) {
                problems.add(row.where(), "the school '" + school + "' is not in " + SCHOOL);
            }
            if (id != null && problems.size() > before && !people.containsKey(id)) {
                brokenIds.add(name + "\n" + id);
            }
            if (id == null || school == null || problems.size() > before) {
                return;
            }
            if (!rolesSeen.add(name + "\n" + id + "\n" + school)) {
                problems.add(row.where(), "the SIS ID '" + id + "' appears twice for the school '" + school + "'");
                return;
            }
            FirstLine first = people.get(id);
            if (first == null) {
                RosterSet.Person person = new RosterSet.Person(id, given, family, null, row.where());
                people.put(id, new FirstLine(person, name));
                set.persons.putIfAbsent(id, person);
                if (row.has("Birthdate")) {
                    set.birthDates.put(id, birthDate);
                }
            } else if (!Objects.equals(first.person().givenName(), given)
                    || !Objects.equals(first.person().familyName(), family)) {
                problems.add(row.where(), "the SIS ID '" + id + "' has another name here than at "
                        + first.person().where());
                return;
            }
            String externalId = people.get(id).person().externalId();
            set.facts.add(new RosterSet.Fact(RosterSet.FactKind.ROLE, externalId, school, role, null, null, row.where()));
        }));
    }

    private void readSections(Path file) {
        usable(SECTION, CsvTable.read(file, SECTION, List.of("SIS ID", "School SIS ID", "Section Name"), problems, row -> {
            int before = problems.size();
            String id = Fields.required(row, "SIS ID", Fields.ID, problems);
            String school = Fields.required(row, "School SIS ID", Fields.ID, problems);
            String title = Fields.required(row, "Section Name", Fields.TITLE, problems);
            LocalDate from = Fields.date(row, "Term StartDate", Dates::usOrIso, problems);
            LocalDate to = Fields.date(row, "Term EndDate", Dates::usOrIso, problems);
            String code = Fields.optional(row, "Course Number", Fields.CODE, problems);
            String courseName = Fields.optional(row, "Course Name", Fields.TITLE, problems);
            String subject = Fields.optional(row, "Course Subject", Fields.CODE, problems);
            if (school != null && !set.schools.containsKey(school) && worthReporting(SCHOOL, school)) {
                problems.add(row.where(), "the school '" + school + "' is not in " + SCHOOL);
            }
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(row.where(), "the Term EndDate " + to + " is before the Term StartDate " + from);
            }
            if (id != null && problems.size() > before && !sections.containsKey(id)) {
                brokenIds.add(SECTION + "\n" + id);
            }
            if (id == null || school == null || title == null || problems.size() > before) {
                return;
            }
            RosterSet.Group earlier = set.groups.get(id);
            if (earlier != null) {
                problems.add(row.where(), "the SIS ID '" + id + "' appears twice (first at line " + earlier.where().line()
                        + ")");
                return;
            }
            String syllabus = set.syllabus(code, courseName == null ? title : courseName, subject, row.where(),
                    "course number", problems);
            sections.put(id, new Period(from, to));
            set.groups.put(id, new RosterSet.Group(id, school, title,
                    Dates.schoolYearOf(from == null ? importDate : from), syllabus, row.where()));
        }));
    }

    /** StudentEnrollment.csv (members) or TeacherRoster.csv (owners and members). */
    private void readMembers(Path file, String name, Map<String, FirstLine> people, String peopleFile, boolean owners) {
        CsvTable.read(file, name, List.of("Section SIS ID", "SIS ID"), problems, row -> {
            String section = Fields.required(row, "Section SIS ID", Fields.ID, problems);
            String person = Fields.required(row, "SIS ID", Fields.ID, problems);
            if (section != null && !sections.containsKey(section)) {
                if (worthReporting(SECTION, section)) {
                    problems.add(row.where(), "the section '" + section + "' is not in " + SECTION);
                }
                return;
            }
            if (person != null && !people.containsKey(person)) {
                if (worthReporting(peopleFile, person)) {
                    problems.add(row.where(), "the SIS ID '" + person + "' is not in " + peopleFile);
                }
                return;
            }
            if (section == null || person == null) {
                return;
            }
            String externalId = people.get(person).person().externalId();
            Period period = sections.get(section);
            if (owners) {
                set.facts.add(new RosterSet.Fact(RosterSet.FactKind.MEMBERSHIP, section, externalId,
                        MembershipRole.OWNER, period.from(), period.to(), row.where()));
            }
            set.facts.add(new RosterSet.Fact(RosterSet.FactKind.MEMBERSHIP, section, externalId,
                    MembershipRole.MEMBER, period.from(), period.to(), row.where()));
        });
    }
}
