package se.klassrum.roster.importer;

import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.SecurityMarking;
import se.klassrum.roster.sync.ss12000.Endpoint;
import se.klassrum.roster.sync.ss12000.Ss12000Model;
import se.klassrum.roster.sync.ss12000.Ss12000Snapshot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps what a student register's SS 12000 v2.1 API holds onto a full {@link RosterSet}, as IMPORT.md's
 * section on SS 12000 describes: school units are schools; persons with their responsibles, enrolments and
 * security markings; placements; duties as teacher, principal and mentor roles; teaching groups with their
 * memberships; activities as the groups' owners and syllabus.
 * <p>
 * A problem is reported against the entity as {@code persons/<id>: message}. A reference to something the
 * register did not send is a problem (the set is the whole register), as an unknown row is in a file.
 */
final class Ss12000Reader {

    static final String SCHOOL_UNIT = "Skolenhet";
    private static final Map<String, RoleKind> DUTY_ROLES = Map.of(
            "Lärare", RoleKind.TEACHER,
            "Förstelärare", RoleKind.TEACHER,
            "Speciallärare/specialpedagog", RoleKind.TEACHER,
            "Rektor", RoleKind.PRINCIPAL);
    private static final Map<String, SecurityMarking> MARKINGS = Map.of(
            "Ingen", SecurityMarking.NONE,
            "Sekretessmarkering", SecurityMarking.SEKRETESSMARKERING,
            "Skyddad folkbokföring", SecurityMarking.SKYDDAD_FOLKBOKFORING);
    /** E-mail types in order of preference: the school's address before a private one. */
    private static final List<String> EMAIL_TYPES = List.of("Skola personal", "Skola elev", "Arbete");

    private final LocalDate importDate;
    private final Problems problems;
    private final RosterSet set = new RosterSet(ImportFormat.SS12000_V2_1, true);
    private final SecurityMarkings markings = new SecurityMarkings();
    private Ss12000Snapshot register;

    /** Facts by everything but their last day, so that the same fact from two sources is one. */
    private final Map<List<Object>, RosterSet.Fact> facts = new LinkedHashMap<>();

    Ss12000Reader(LocalDate importDate, Problems problems) {
        this.importDate = importDate;
        this.problems = problems;
    }

    /** A mentor's assignment to a Mentor group, kept until the groups are read. */
    private record Mentorship(String groupId, String personId, LocalDate from, LocalDate to, Where where) {
    }

    private final List<Mentorship> mentorships = new ArrayList<>();

    SecurityMarkings securityMarkings() {
        return markings;
    }

    RosterSet read(Ss12000Snapshot snapshot) {
        register = snapshot;
        snapshot.notes().forEach(set::note);
        set.files.addAll(Ss12000Snapshot.ENDPOINTS.stream().map(Endpoint::name).toList());
        set.managesGroups = true;
        set.managesEmail = true;
        set.managedRoles.addAll(List.of(RoleKind.STUDENT, RoleKind.TEACHER, RoleKind.PRINCIPAL));
        set.managedRelations.add(GuardianRelation.VARDNADSHAVARE);
        readOrganisations();
        readPersons();
        readPlacements();
        readDuties();
        Map<String, Set<String>> syllabiByGroup = readActivities();
        readGroups(syllabiByGroup);
        for (Mentorship mentorship : mentorships) {
            if (set.groups.containsKey(mentorship.groupId())) {
                fact(RosterSet.FactKind.MEMBERSHIP, mentorship.groupId(), mentorship.personId(), MembershipRole.OWNER,
                        mentorship.from(), mentorship.to(), mentorship.where());
                fact(RosterSet.FactKind.MEMBERSHIP, mentorship.groupId(), mentorship.personId(), MembershipRole.MEMBER,
                        mentorship.from(), mentorship.to(), mentorship.where());
            }
        }
        // A register that names no Mentor group leaves the mentor groups made in Klassrum, and their members, alone.
        set.managesMentorGroups = set.groups.values().stream().anyMatch(group -> group.kind() == GroupKind.MENTOR);
        set.facts.addAll(facts.values());
        // A register that never names a mentor or another kind of responsible adult does not keep them: the ones
        // an administrator made in Klassrum stay. One that names any is taken to name them all.
        for (RosterSet.Fact fact : set.facts) {
            if (fact.type() == RoleKind.MENTOR) {
                set.managedRoles.add(RoleKind.MENTOR);
            } else if (fact.type() instanceof GuardianRelation relation) {
                set.managedRelations.add(relation);
            }
        }
        return set;
    }

    private void readOrganisations() {
        for (Ss12000Model.Organisation org : register.all(Endpoint.ORGANISATIONS)) {
            Where where = where(Endpoint.ORGANISATIONS, org.id());
            if (!SCHOOL_UNIT.equals(org.organisationType())) {
                continue;
            }
            String name = required(org.displayName(), "displayName", Fields.TITLE, where);
            String code = org.schoolUnitCode() == null || org.schoolUnitCode().isBlank() ? null
                    : org.schoolUnitCode().trim();
            if (code != null && !code.matches("[0-9]{8}")) {
                set.note(where.file() + ": the schoolUnitCode '" + code + "' is not eight digits; the school is kept"
                        + " without it");
                code = null;
            }
            if (name != null) {
                set.schools.put(org.id(), new RosterSet.School(org.id(), name, code, where));
            }
        }
    }

    private void readPersons() {
        for (Ss12000Model.Person person : register.all(Endpoint.PERSONS)) {
            Where where = where(Endpoint.PERSONS, person.id());
            String given = required(person.givenName(), "givenName", Fields.NAME, where);
            String family = required(person.familyName(), "familyName", Fields.NAME, where);
            String email = optional(email(person), "emails", Fields.EMAIL, where);
            set.persons.put(person.id(), new RosterSet.Person(person.id(), given, family, email, where));
            set.birthDates.put(person.id(), date(person.birthDate(), "birthDate", where));
            if (person.securityMarking() != null) {
                SecurityMarking marking = MARKINGS.get(person.securityMarking());
                if (marking == null) {
                    problems.add(where, "the securityMarking '" + person.securityMarking() + "' is not one of "
                            + MARKINGS.keySet());
                } else {
                    markings.add(person.id(), marking);
                }
            }
        }
        for (Ss12000Model.Person person : register.all(Endpoint.PERSONS)) {
            Where where = where(Endpoint.PERSONS, person.id());
            for (Ss12000Model.Responsible responsible : person.responsibles()) {
                GuardianRelation relation = relation(responsible.relationType());
                if (responsible.relationType() == null || responsible.personId() == null) {
                    // Both are optional in the standard; without them there is no link to make.
                    set.ignore(Endpoint.PERSONS.name(), "a responsible without a person or relationType gives no link");
                } else if (relation == null) {
                    problems.add(where, "the relationType '" + responsible.relationType() + "' of a responsible is not"
                            + " one of Vårdnadshavare, Annan ansvarig, God man, Utsedd behörig");
                } else if (knownPerson(responsible.personId(), "responsible", where)) {
                    fact(RosterSet.FactKind.GUARDIAN_LINK, responsible.personId(), person.id(), relation, null, null,
                            where);
                }
            }
            for (Ss12000Model.Enrolment enrolment : person.enrolments()) {
                if (enrolment.cancelled()) {
                    set.ignore(Endpoint.PERSONS.name(), "a cancelled enrolment gives no role");
                    continue;
                }
                String school = schoolUnit(enrolment.schoolUnitId(), "enroledAt", where, Endpoint.PERSONS);
                LocalDate from = date(enrolment.startDate(), "enrolments.startDate", where);
                LocalDate to = date(enrolment.endDate(), "enrolments.endDate", where);
                if (school != null && period(from, to, where)) {
                    fact(RosterSet.FactKind.ROLE, person.id(), school, RoleKind.STUDENT, from, to, where);
                }
            }
        }
    }

    private void readPlacements() {
        for (Ss12000Model.Placement placement : register.all(Endpoint.PLACEMENTS)) {
            Where where = where(Endpoint.PLACEMENTS, placement.id());
            String school = schoolUnit(placement.schoolUnitId(), "placedAt", where, Endpoint.PLACEMENTS);
            LocalDate from = date(placement.startDate(), "startDate", where);
            LocalDate to = date(placement.endDate(), "endDate", where);
            if (knownPerson(placement.childId(), "child", where) && school != null && period(from, to, where)) {
                fact(RosterSet.FactKind.ROLE, placement.childId(), school, RoleKind.STUDENT, from, to, where);
            }
        }
    }

    private void readDuties() {
        for (Ss12000Model.Duty duty : register.all(Endpoint.DUTIES)) {
            Where where = where(Endpoint.DUTIES, duty.id());
            if (duty.personId() == null) {
                // Optional in the standard: a post nobody holds yet.
                set.ignore(Endpoint.DUTIES.name(), "a duty without a person gives no role");
                continue;
            }
            if (!knownPerson(duty.personId(), "person", where)) {
                continue;
            }
            String school = schoolUnit(duty.dutyAt(), "dutyAt", where, Endpoint.DUTIES);
            LocalDate from = date(duty.startDate(), "startDate", where);
            LocalDate to = date(duty.endDate(), "endDate", where);
            if (school == null || !period(from, to, where)) {
                continue;
            }
            RoleKind role = DUTY_ROLES.get(duty.dutyRole());
            if (role != null) {
                fact(RosterSet.FactKind.ROLE, duty.personId(), school, role, from, to, where);
            } else {
                set.ignore(Endpoint.DUTIES.name(), "the dutyRole '" + duty.dutyRole() + "' gives no school role in Klassrum");
            }
            for (Ss12000Model.AssignmentRole assignment : duty.assignmentRoles()) {
                if (!"Mentor".equals(assignment.type())) {
                    set.ignore(Endpoint.DUTIES.name(), "the assignmentRole '" + assignment.type()
                            + "' gives no school role in Klassrum");
                    continue;
                }
                LocalDate mentorFrom = assignment.startDate() == null ? from
                        : date(assignment.startDate(), "assignmentRole.startDate", where);
                LocalDate mentorTo = assignment.endDate() == null ? to
                        : date(assignment.endDate(), "assignmentRole.endDate", where);
                if (period(mentorFrom, mentorTo, where)) {
                    fact(RosterSet.FactKind.ROLE, duty.personId(), school, RoleKind.MENTOR, mentorFrom, mentorTo, where);
                    Ss12000Model.Group group = assignment.groupId() == null ? null
                            : register.get(Endpoint.GROUPS, assignment.groupId());
                    if (group != null && mentor(group)) {
                        // The mentor owns the mentor group, as a teacher owns a teaching group (once the group is read).
                        mentorships.add(new Mentorship(group.id(), duty.personId(), mentorFrom, mentorTo, where));
                    } else {
                        set.ignore(Endpoint.DUTIES.name(), "a mentor's assignment to a group that is not a Mentor group"
                                + " gives the MENTOR role only");
                    }
                }
            }
        }
    }

    /**
     * Teachers of activities become owners (and members) of the activity's teaching groups; the syllabi of a
     * group's activities are returned by group.
     */
    private Map<String, Set<String>> readActivities() {
        Map<String, Set<String>> syllabi = new HashMap<>();
        for (Ss12000Model.Activity activity : register.all(Endpoint.ACTIVITIES)) {
            Where where = where(Endpoint.ACTIVITIES, activity.id());
            LocalDate start = date(activity.startDate(), "startDate", where);
            LocalDate end = date(activity.endDate(), "endDate", where);
            String syllabus = null;
            if (activity.syllabusId() != null) {
                Ss12000Model.Syllabus known = register.get(Endpoint.SYLLABUSES, activity.syllabusId());
                if (known == null && !register.offers(Endpoint.SYLLABUSES)) {
                    // Noted once for the run: the register has no syllabuses to refer to.
                } else if (known == null) {
                    problems.add(where, "the syllabus '" + activity.syllabusId() + "' is not in " + Endpoint.SYLLABUSES.name());
                } else {
                    syllabus = syllabus(known);
                }
            }
            List<String> groups = new ArrayList<>();
            Set<String> schools = new LinkedHashSet<>();
            for (String groupId : activity.groupIds()) {
                Ss12000Model.Group group = register.get(Endpoint.GROUPS, groupId);
                if (group == null) {
                    problems.add(where, "the group '" + groupId + "' is not in " + Endpoint.GROUPS.name());
                } else if (teaching(group) && set.schools.containsKey(group.organisationId())) {
                    groups.add(groupId);
                    schools.add(group.organisationId());
                    if (syllabus != null) {
                        syllabi.computeIfAbsent(groupId, id -> new LinkedHashSet<>()).add(syllabus);
                    }
                }
            }
            if (groups.isEmpty()) {
                set.ignore(Endpoint.ACTIVITIES.name(), "an activity without a teaching group gives no group owner");
                continue;
            }
            for (Ss12000Model.TeacherAssignment teacher : activity.teachers()) {
                Ss12000Model.Duty duty = register.get(Endpoint.DUTIES, teacher.dutyId());
                if (duty == null) {
                    problems.add(where, "the teacher's duty '" + teacher.dutyId() + "' is not in " + Endpoint.DUTIES.name());
                    continue;
                }
                if (duty.personId() == null || !set.persons.containsKey(duty.personId())) {
                    continue; // reported at the duty
                }
                LocalDate from = teacher.startDate() == null ? start : date(teacher.startDate(), "teachers.startDate", where);
                LocalDate to = teacher.endDate() == null ? end : date(teacher.endDate(), "teachers.endDate", where);
                if (!period(from, to, where)) {
                    continue;
                }
                for (String group : groups) {
                    fact(RosterSet.FactKind.MEMBERSHIP, group, duty.personId(), MembershipRole.OWNER, from, to, where);
                    fact(RosterSet.FactKind.MEMBERSHIP, group, duty.personId(), MembershipRole.MEMBER, from, to, where);
                }
                // Teaching the syllabus links the teacher to its subject at the school (TEACHER_SUBJECT).
                RosterSet.Syllabus taught = syllabus == null ? null : set.syllabi.get(syllabus);
                if (taught != null) {
                    for (String school : schools) {
                        set.teacherSubjects.putIfAbsent(duty.personId() + "|" + school + "|" + taught.subjectCode(),
                                new RosterSet.TeacherSubject(duty.personId(), school, taught.subjectCode(), where));
                    }
                }
            }
        }
        return syllabi;
    }

    private void readGroups(Map<String, Set<String>> syllabiByGroup) {
        for (Ss12000Model.Group group : register.all(Endpoint.GROUPS)) {
            Where where = where(Endpoint.GROUPS, group.id());
            if (!teaching(group) && !mentor(group)) {
                set.ignore(Endpoint.GROUPS.name(), "the groupType '" + group.groupType() + "' is not imported (only"
                        + " Undervisning and Mentor)");
                continue;
            }
            String name = required(group.displayName(), "displayName", Fields.TITLE, where);
            LocalDate start = date(group.startDate(), "startDate", where);
            LocalDate end = date(group.endDate(), "endDate", where);
            String school = schoolUnit(group.organisationId(), "organisation", where, Endpoint.GROUPS);
            if (name == null || school == null || !period(start, end, where)) {
                continue;
            }
            Set<String> syllabi = syllabiByGroup.getOrDefault(group.id(), Set.of());
            if (syllabi.size() > 1) {
                set.ignore(Endpoint.GROUPS.name(), "a group whose activities have several syllabi is left without one");
            }
            String syllabus = syllabi.size() == 1 && teaching(group) ? syllabi.iterator().next() : null;
            set.groups.put(group.id(), new RosterSet.Group(group.id(), school, name,
                    Dates.schoolYearOf(start == null ? importDate : start), syllabus, true,
                    teaching(group) ? GroupKind.TEACHING : GroupKind.MENTOR, where));
            for (Ss12000Model.GroupMembership membership : group.memberships()) {
                String personId = membership.personId();
                if (personId != null && register.get(Endpoint.PERSONS, personId) == null
                        && !register.wasDeleted(Endpoint.PERSONS, personId)) {
                    // Some registers keep the memberships of a person they deleted: skip it, apply the rest.
                    set.note(where.file() + ": the membership of the person '" + personId + "', who is not in "
                            + Endpoint.PERSONS.name() + " (deleted from the register?), is skipped");
                    continue;
                }
                if (!knownPerson(personId, "groupMemberships.person", where)) {
                    continue;
                }
                LocalDate from = membership.startDate() == null ? start
                        : date(membership.startDate(), "groupMemberships.startDate", where);
                LocalDate to = membership.endDate() == null ? end
                        : date(membership.endDate(), "groupMemberships.endDate", where);
                if (period(from, to, where)) {
                    fact(RosterSet.FactKind.MEMBERSHIP, group.id(), membership.personId(), MembershipRole.MEMBER, from,
                            to, where);
                }
            }
        }
    }

    private static boolean teaching(Ss12000Model.Group group) {
        return "Undervisning".equals(group.groupType());
    }

    private static boolean mentor(Ss12000Model.Group group) {
        return "Mentor".equals(group.groupType());
    }

    /** The syllabus's course code (else its subject code) in the set, or null if it has no subject. */
    private String syllabus(Ss12000Model.Syllabus syllabus) {
        Where where = where(Endpoint.SYLLABUSES, syllabus.id());
        String code = syllabus.courseCode() != null ? syllabus.courseCode() : syllabus.subjectCode();
        String name = syllabus.courseName() != null ? syllabus.courseName() : syllabus.subjectName();
        String subject = syllabus.subjectDesignation() != null ? syllabus.subjectDesignation() : syllabus.subjectCode();
        code = optional(code, "courseCode", Fields.CODE, where);
        subject = optional(subject, "subjectDesignation", Fields.CODE, where);
        name = optional(name, "courseName", Fields.TITLE, where);
        return set.syllabus(code, name == null ? code : name, subject, where, "course code", problems);
    }

    private static String email(Ss12000Model.Person person) {
        for (String type : EMAIL_TYPES) {
            for (Ss12000Model.Email email : person.emails()) {
                if (type.equals(email.type()) && email.value() != null && !email.value().isBlank()) {
                    return email.value().trim();
                }
            }
        }
        return person.emails().stream().map(Ss12000Model.Email::value).filter(Objects::nonNull)
                .filter(value -> !value.isBlank()).map(String::trim).findFirst().orElse(null);
    }

    private static GuardianRelation relation(String type) {
        return Arrays.stream(GuardianRelation.values()).filter(relation -> relation.labelSv().equals(type))
                .findFirst().orElse(null);
    }

    /** The id of a school unit the register sent; a problem for an unknown organisation, a note for another type. */
    private String schoolUnit(String id, String property, Where where, Endpoint<?> endpoint) {
        if (id == null) {
            problems.add(where, "the " + property + " is missing");
            return null;
        }
        if (set.schools.containsKey(id)) {
            return id;
        }
        Ss12000Model.Organisation org = register.get(Endpoint.ORGANISATIONS, id);
        if (org == null) {
            problems.add(where, "the " + property + " '" + id + "' is not in " + Endpoint.ORGANISATIONS.name());
        } else if (!SCHOOL_UNIT.equals(org.organisationType())) {
            set.ignore(endpoint.name(), "the organisation is not a school unit (Skolenhet)");
        }
        return null;
    }

    private boolean knownPerson(String id, String property, Where where) {
        if (id == null) {
            problems.add(where, "the " + property + " is missing");
            return false;
        }
        if (register.get(Endpoint.PERSONS, id) == null) {
            if (register.wasDeleted(Endpoint.PERSONS, id)) {
                // The register deleted the person but has not (yet) changed what still refers to them.
                set.ignore(where.file().substring(0, where.file().indexOf('/')), "a reference to a person the"
                        + " register has deleted");
            } else {
                problems.add(where, "the " + property + " '" + id + "' is not in " + Endpoint.PERSONS.name());
            }
            return false;
        }
        return true;
    }

    /** Whether a period is whole: an end before the start is a problem. */
    private boolean period(LocalDate from, LocalDate to, Where where) {
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(where, "the endDate " + to + " is before the startDate " + from);
            return false;
        }
        return true;
    }

    /** Adds a fact, or lengthens the same fact (the same ends, type and first day) already added. */
    private void fact(RosterSet.FactKind kind, String first, String second, Enum<?> type, LocalDate from, LocalDate to,
                      Where where) {
        List<Object> key = Arrays.asList(kind, first, second, type, from);
        RosterSet.Fact earlier = facts.get(key);
        if (earlier == null) {
            facts.put(key, new RosterSet.Fact(kind, first, second, type, from, to, where));
        } else if (earlier.to() != null && (to == null || to.isAfter(earlier.to()))) {
            facts.put(key, new RosterSet.Fact(kind, first, second, type, from, to, earlier.where()));
        }
    }

    private LocalDate date(String value, String property, Where where) {
        if (value == null) {
            return null;
        }
        try {
            return Dates.iso(value.trim());
        } catch (IllegalArgumentException e) {
            problems.add(where, "the " + property + " " + e.getMessage());
            return null;
        }
    }

    private String required(String value, String property, int max, Where where) {
        if (value == null || value.isBlank()) {
            problems.add(where, "the " + property + " is missing");
            return null;
        }
        return optional(value, property, max, where);
    }

    private String optional(String value, String property, int max, Where where) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            problems.add(where, "the " + property + " is longer than " + max + " characters");
            return null;
        }
        return trimmed;
    }

    private static Where where(Endpoint<?> endpoint, String id) {
        return new Where(endpoint.name() + "/" + id, 0);
    }
}
