package se.klassrum.roster.importer;

import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.RoleKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The roster that a folder of files describes, in the roster's own terms and independent of the file
 * format: what the readers produce and the {@link Planner} compares with the tenant's roster.
 * <p>
 * Schools, people and groups are keyed by their id in the student register (the external id), syllabi by
 * their course code. Facts (school roles, memberships, guardian links) are keyed by the external ids they
 * link and their kind; a missing start date means "as long as the roster already has it, else from the
 * import date". Every value remembers the file and line it came from.
 */
final class RosterSet {

    /** The facts a roster import writes: a pair of ends and a type, valid for a period. */
    enum FactKind {
        /** (person, school, {@link RoleKind}). */
        ROLE,
        /** (group, person, {@link se.klassrum.roster.entity.MembershipRole}). */
        MEMBERSHIP,
        /** (guardian, child, {@link GuardianRelation}). */
        GUARDIAN_LINK
    }

    /** @param schoolUnitCode the skolenhetskod, or null when the source does not say (the roster's is kept) */
    record School(String externalId, String name, String schoolUnitCode, Where where) {

        School(String externalId, String name, Where where) {
            this(externalId, name, null, where);
        }
    }

    record Person(String externalId, String givenName, String familyName, String email, Where where) {
    }

    /** A syllabus (kursplan) with its course code, and the code of the subject it belongs to. */
    record Syllabus(String code, String name, String subjectCode, Where where) {
    }

    /**
     * A teaching group (or, from a register that names them, a mentor group, which has no syllabus);
     * {@code syllabusCode} null means the group has no syllabus, unless {@code syllabusKnown} is false: a delta's class
     * whose course is not in the delta says nothing about the syllabus, which then stays.
     */
    record Group(String externalId, String schoolExternalId, String name, String schoolYear, String syllabusCode,
                 boolean syllabusKnown, GroupKind kind, Where where) {

        Group(String externalId, String schoolExternalId, String name, String schoolYear, String syllabusCode,
              Where where) {
            this(externalId, schoolExternalId, name, schoolYear, syllabusCode, true, GroupKind.TEACHING, where);
        }

        Group(String externalId, String schoolExternalId, String name, String schoolYear, String syllabusCode,
              boolean syllabusKnown, Where where) {
            this(externalId, schoolExternalId, name, schoolYear, syllabusCode, syllabusKnown, GroupKind.TEACHING, where);
        }
    }

    /**
     * @param first  the person of a role, the group of a membership, the guardian of a link (external ids)
     * @param second the school of a role, the person of a membership, the child of a link
     * @param type   a {@link RoleKind}, {@link se.klassrum.roster.entity.MembershipRole} or {@link GuardianRelation}
     * @param from   the first day, or null if the files do not say
     * @param to     the last day, or null for no end
     */
    static final class Fact {
        private final String first;
        private final String second;
        private final Enum<?> type;
        private final LocalDate from;
        private final LocalDate to;
        // Where it came from, as the file's (shared) name and the line: a Where per fact would cost 24 bytes a fact,
        // 40 MB of heap at Stockholm's scale while the roster is planned. The kind is told by the type.
        private final String file;
        private final int line;

        Fact(FactKind kind, String first, String second, Enum<?> type, LocalDate from, LocalDate to, Where where) {
            if (kindOf(type) != kind) {
                throw new IllegalArgumentException("a " + kind + " cannot have the type " + type);
            }
            this.first = first;
            this.second = second;
            this.type = type;
            this.from = from;
            this.to = to;
            this.file = where.file();
            this.line = Math.toIntExact(where.line());
        }

        private Fact(Fact fact, String first, String second, LocalDate from, LocalDate to) {
            this.first = first;
            this.second = second;
            this.type = fact.type;
            this.from = from;
            this.to = to;
            this.file = fact.file;
            this.line = fact.line;
        }

        private static FactKind kindOf(Enum<?> type) {
            return switch (type) {
                case RoleKind ignored -> FactKind.ROLE;
                case se.klassrum.roster.entity.MembershipRole ignored -> FactKind.MEMBERSHIP;
                case GuardianRelation ignored -> FactKind.GUARDIAN_LINK;
                default -> throw new IllegalArgumentException("not the type of a fact: " + type);
            };
        }

        FactKind kind() {
            return kindOf(type);
        }

        String first() {
            return first;
        }

        String second() {
            return second;
        }

        Enum<?> type() {
            return type;
        }

        LocalDate from() {
            return from;
        }

        LocalDate to() {
            return to;
        }

        Where where() {
            return new Where(file, line);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Fact fact && first.equals(fact.first) && second.equals(fact.second)
                    && type == fact.type && java.util.Objects.equals(from, fact.from) && java.util.Objects.equals(to, fact.to)
                    && file.equals(fact.file) && line == fact.line;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(first, second, type, from, to, file, line);
        }

        @Override
        public String toString() {
            return kind() + "(" + first + ", " + second + ", " + type + ", " + from + ", " + to + ") at " + file + ":" + line;
        }
    }

    final ImportFormat format;
    final boolean fullSet;
    final List<String> files = new ArrayList<>();

    // What this set speaks for. A kind it does not manage is left as the roster has it, whatever the files say.
    /** Groups and their memberships (classes and enrollments were given). */
    boolean managesGroups;
    /** Mentor groups and their memberships too: only a source that names mentor groups (an SS 12000 register). */
    boolean managesMentorGroups;
    /** The e-mail address of people (the users file has the column). */
    boolean managesEmail;
    final Set<RoleKind> managedRoles = EnumSet.noneOf(RoleKind.class);
    final Set<GuardianRelation> managedRelations = EnumSet.noneOf(GuardianRelation.class);

    final Map<String, School> schools = new LinkedHashMap<>();
    final Map<String, Person> persons = new LinkedHashMap<>();
    /**
     * Birth dates by person's external id. A person with an entry has the birth date it says (null: none); a
     * person without one keeps the birth date the roster has, because the files do not speak of it.
     */
    final Map<String, LocalDate> birthDates = new LinkedHashMap<>();
    final Map<String, Syllabus> syllabi = new LinkedHashMap<>();
    /** Rows already reported for a syllabus code seen with another subject, so each is reported once. */
    private final Set<Where> conflictingSyllabi = new java.util.HashSet<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    final List<Fact> facts = new Facts();

    /**
     * A teacher's subject at a school (external ids of the teacher and the school, the subject's code), from the
     * register's activities. Added when missing; never removed by an import, since a school administrator may have
     * made the same link by hand.
     */
    record TeacherSubject(String teacherExternalId, String schoolExternalId, String subjectCode, Where where) {
    }

    final Map<String, TeacherSubject> teacherSubjects = new LinkedHashMap<>();

    // A delta says what it removes; a full set removes whatever it leaves out.
    final Map<String, Where> removedPersons = new LinkedHashMap<>();
    final Map<String, Where> removedGroups = new LinkedHashMap<>();
    final List<Fact> removedFacts = new Facts();

    /** One String per external id, whichever fact or row it came from (see {@link Facts}); null once read. */
    private Map<String, String> ids = new java.util.HashMap<>();
    /** One LocalDate per day of the facts; null once read. */
    private Map<LocalDate, LocalDate> days = new java.util.HashMap<>();

    private LocalDate day(LocalDate day) {
        return day == null ? null : days.computeIfAbsent(day, same -> same);
    }

    /**
     * The set is read: what only served to share values between its facts is dropped (a few hundred thousand ids at
     * a municipality's scale). Facts added later are kept as they come.
     */
    void read() {
        ids = new java.util.HashMap<>();
        days = new java.util.HashMap<>();
    }

    /**
     * A list of facts that keeps one String per external id. Every CSV cell is a new String, and a municipality's
     * million enrollments name the same few hundred thousand people and groups over and over: sharing them saves
     * about a hundred bytes a fact, 150 MB at Stockholm's scale, while the roster is planned.
     */
    private final class Facts extends ArrayList<Fact> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean add(Fact fact) {
            String first = ids.computeIfAbsent(fact.first(), id -> id);
            String second = ids.computeIfAbsent(fact.second(), id -> id);
            LocalDate from = day(fact.from());
            LocalDate to = day(fact.to());
            return super.add(first == fact.first() && second == fact.second() && from == fact.from() && to == fact.to()
                    ? fact : new Fact(fact, first, second, from, to));
        }
    }

    /** Lines read but deliberately not imported, counted by file and reason, for the run's notes. */
    private final Map<String, Integer> ignored = new TreeMap<>();

    RosterSet(ImportFormat format, boolean fullSet) {
        this.format = format;
        this.fullSet = fullSet;
    }

    /** Notes said as they are, once each, before the counted ones: about a whole file, or one line that matters. */
    private final Set<String> said = new java.util.LinkedHashSet<>();

    void ignore(String file, String reason) {
        ignored.merge(file + ": " + reason, 1, Integer::sum);
    }

    /** A note for the run, as it is (e.g. "placements: ..." or "groups/17: ..."). */
    void note(String note) {
        said.add(note);
    }

    /** The notes said as they are, then "classes.csv: 1 line ignored: ...", one per file and reason. */
    List<String> notes() {
        List<String> notes = new ArrayList<>(said);
        ignored.forEach((fileAndReason, count) -> {
            int colon = fileAndReason.indexOf(": ");
            notes.add(fileAndReason.substring(0, colon) + ": " + count + (count == 1 ? " line" : " lines")
                    + " ignored: " + fileAndReason.substring(colon + 2));
        });
        return notes;
    }

    /**
     * Records a course's code as a syllabus of its subject and returns the code, or null when the course lacks
     * either. A code seen before with another subject is a problem at this row.
     *
     * @param codeLabel how the format names the code in a message, e.g. "course code" or "course number"
     */
    String syllabus(String code, String name, String subjectCode, Where where, String codeLabel, Problems problems) {
        if (code == null || subjectCode == null) {
            return null;
        }
        Syllabus earlier = syllabi.putIfAbsent(code, new Syllabus(code, name, subjectCode, where));
        if (earlier != null && !earlier.subjectCode().equals(subjectCode) && conflictingSyllabi.add(where)) {
            problems.add(where, "the " + codeLabel + " '" + code + "' has the subject '" + subjectCode + "' here but '"
                    + earlier.subjectCode() + "' at " + earlier.where());
        }
        return code;
    }
}
