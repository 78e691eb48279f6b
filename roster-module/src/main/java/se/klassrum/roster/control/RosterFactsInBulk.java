package se.klassrum.roster.control;

import jakarta.persistence.EntityManager;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.LicenceFact;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.TeacherSubjectFact;
import se.klassrum.access.api.Validity;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.SecurityMarking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The roster facts of many people at once, for a question asked of many pairs of them: what the access impact of a
 * planned change (the school-year break) decides, for every person the plan touches, with one statement per kind of
 * fact instead of one round trip per person ({@link RosterFactsAdapter} reads one actor's at a time).
 * <p>
 * The facts are the same raw rows the adapter reads (ended memberships and roles, archived and disconnected groups
 * included; the rules judge them), with three things left out because no question of a group's change needs them:
 * guardian links and guardian logins (a group's change gives or takes no guardian path), the guardians a talk invites
 * (no question names a talk) and the students of archived groups (no group-level question of a teacher is asked).
 * School names are left out too: they only word explanations, and the impact gives none.
 * <p>
 * A group's facts can be replaced ({@link #withGroup}) and memberships added or ended ({@link #withMemberships}):
 * the facts as they would be after a change, on which the rules decide again.
 */
public final class RosterFactsInBulk {

    /**
     * The people asked about as a relation, joined rather than compared with {@code = any(array)}: PostgreSQL then
     * reads each table once with a hash of the ids instead of once per id.
     */
    private static final String PEOPLE = "with people as (select distinct unnest(cast(?1 as uuid[])) as id) ";

    private final Map<UUID, PersonFacts> people;
    private final Map<UUID, List<MembershipFact>> memberships;
    private final Map<UUID, GroupFact> groups;
    private final Map<UUID, List<TeacherSubjectFact>> teacherSubjects;

    private RosterFactsInBulk(Map<UUID, PersonFacts> people, Map<UUID, List<MembershipFact>> memberships,
                              Map<UUID, GroupFact> groups, Map<UUID, List<TeacherSubjectFact>> teacherSubjects) {
        this.people = people;
        this.memberships = memberships;
        this.groups = groups;
        this.teacherSubjects = teacherSubjects;
    }

    /**
     * Reads the facts of the people (their licences, roles, memberships and subject links) and of every group they
     * have a membership in, plus the named groups, in one statement per kind.
     */
    public static RosterFactsInBulk load(EntityManager em, Collection<UUID> personIds, Collection<UUID> groupIds) {
        String people = uuidArray(personIds);
        Map<UUID, List<LicenceFact>> licences = new HashMap<>();
        for (Object[] row : rows(em, PEOPLE + "select l.person_id, l.kind, l.valid_from - date '1970-01-01', l.valid_to - date '1970-01-01'"
                + " from licence l join people p on p.id = l.person_id", people)) {
            licences.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                    .add(new LicenceFact(RosterToAccess.licence(LicenceKind.valueOf((String) row[1])), validity(row, 2)));
        }
        Map<UUID, List<RoleFact>> roles = new HashMap<>();
        for (Object[] row : rows(em, PEOPLE + "select r.person_id, r.school_id, r.role, r.valid_from - date '1970-01-01',"
                + " r.valid_to - date '1970-01-01' from school_role r join people p on p.id = r.person_id", people)) {
            roles.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                    .add(new RoleFact((UUID) row[1], RosterToAccess.role(RoleKind.valueOf((String) row[2])), validity(row, 3)));
        }
        Map<UUID, PersonFacts> persons = new HashMap<>();
        for (Object[] row : rows(em, PEOPLE + "select s.id, s.tenant_id, s.security_marking, s.birth_date - date '1970-01-01' from person s"
                + " join people p on p.id = s.id", people)) {
            UUID id = (UUID) row[0];
            persons.put(id, new PersonFacts(id, (UUID) row[1], licences.getOrDefault(id, List.of()),
                    roles.getOrDefault(id, List.of()), SecurityMarking.valueOf((String) row[2]).isProtected(), false,
                    date(row[3])));
        }
        Map<UUID, List<MembershipFact>> memberships = new HashMap<>();
        for (Object[] row : rows(em, PEOPLE + "select m.group_id, m.person_id, m.role, m.valid_from - date '1970-01-01',"
                + " m.valid_to - date '1970-01-01' from membership m join people p on p.id = m.person_id"
                + " order by m.person_id, m.valid_from, m.id", people)) {
            memberships.computeIfAbsent((UUID) row[1], id -> new ArrayList<>()).add(new MembershipFact((UUID) row[0],
                    (UUID) row[1], RosterToAccess.membership(MembershipRole.valueOf((String) row[2])), validity(row, 3)));
        }
        Map<UUID, GroupFact> groups = new HashMap<>();
        for (Object[] row : rows(em, PEOPLE + ", wanted as (select m.group_id as id from membership m join people p on p.id = m.person_id"
                + " union select unnest(cast(?2 as uuid[])))"
                + " select g.id, g.tenant_id, g.school_id, g.name, g.kind, g.connected, g.archived,"
                + " g.syllabus_id, s.code, s.subject_id from wanted w join study_group g on g.id = w.id"
                + " left join syllabus s on s.id = g.syllabus_id", people, uuidArray(groupIds))) {
            groups.put((UUID) row[0], new GroupFact((UUID) row[0], (UUID) row[1], (UUID) row[2], (String) row[3],
                    RosterToAccess.group(GroupKind.valueOf((String) row[4])), (Boolean) row[5], (Boolean) row[6],
                    (UUID) row[7], (String) row[8], (UUID) row[9]));
        }
        Map<UUID, List<TeacherSubjectFact>> subjects = new HashMap<>();
        for (Object[] row : rows(em, PEOPLE + "select t.teacher_id, t.school_id, t.subject_id from teacher_subject t join people p on p.id = t.teacher_id", people)) {
            subjects.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                    .add(new TeacherSubjectFact((UUID) row[0], (UUID) row[1], (UUID) row[2]));
        }
        return new RosterFactsInBulk(persons, memberships, groups, subjects);
    }

    /** The person's facts, or null when no such person was read. */
    public PersonFacts person(UUID personId) {
        return people.get(personId);
    }

    /** The group's facts, or null when no such group was read. */
    public GroupFact group(UUID groupId) {
        return groups.get(groupId);
    }

    /** Every membership of the person, whatever its validity. */
    public List<MembershipFact> membershipsOf(UUID personId) {
        return memberships.getOrDefault(personId, List.of());
    }

    /**
     * The facts of one question, as {@link RosterFactsAdapter} would give them apart from what this class leaves out.
     *
     * @param studentId null for a group-level question
     * @param groupId   the question's group, or null
     * @return null when the actor, the student or the group was not read
     */
    public AccessFacts facts(UUID actorId, UUID studentId, UUID groupId) {
        PersonFacts actor = people.get(actorId);
        PersonFacts student = studentId == null ? null : people.get(studentId);
        if (actor == null || studentId != null && student == null || groupId != null && !groups.containsKey(groupId)) {
            return null;
        }
        List<MembershipFact> theirs = new ArrayList<>(membershipsOf(actorId));
        if (studentId != null && !studentId.equals(actorId)) {
            theirs.addAll(membershipsOf(studentId));
        }
        Map<UUID, GroupFact> theirGroups = new LinkedHashMap<>();
        for (MembershipFact membership : theirs) {
            GroupFact group = groups.get(membership.groupId());
            if (group != null) {
                theirGroups.putIfAbsent(group.groupId(), group);
            }
        }
        if (groupId != null) {
            theirGroups.putIfAbsent(groupId, groups.get(groupId));
        }
        return new AccessFacts(actor, student, theirGroups, theirs, teacherSubjects.getOrDefault(actorId, List.of()),
                List.of(), Map.of(), java.util.Set.of(), List.of());
    }

    /** The same facts with the group's replaced by {@code changed}. */
    public RosterFactsInBulk withGroups(Map<UUID, GroupFact> changed) {
        Map<UUID, GroupFact> copy = new HashMap<>(groups);
        copy.putAll(changed);
        return new RosterFactsInBulk(people, memberships, copy, teacherSubjects);
    }

    /** The same facts with each named person's memberships replaced by the given ones. */
    public RosterFactsInBulk withMemberships(Map<UUID, List<MembershipFact>> changed) {
        Map<UUID, List<MembershipFact>> copy = new HashMap<>(memberships);
        copy.putAll(changed);
        return new RosterFactsInBulk(people, copy, groups, teacherSubjects);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, String sql, String... arrays) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < arrays.length; i++) {
            query.setParameter(i + 1, arrays[i]);
        }
        return query.getResultList();
    }

    /** PostgreSQL's text form of a uuid array, e.g. {@code {a,b}}. */
    private static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static Validity validity(Object[] row, int from) {
        return new Validity(date(row[from]), date(row[from + 1]));
    }

    /** Dates come as days since 1970-01-01, as in {@link RosterFactsAdapter}: no calendar per date. */
    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.ofEpochDay(((Number) value).longValue());
    }
}
