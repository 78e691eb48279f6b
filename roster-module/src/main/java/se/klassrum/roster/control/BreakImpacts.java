package se.klassrum.roster.control;

import jakarta.persistence.EntityManager;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GroupKind;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Validity;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.control.BreakPlans.Change;
import se.klassrum.roster.control.BreakPlans.ChangeKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The access impact of a school-year break plan (TRANSITIONS.md, R2), decided by the access rules themselves: every
 * question is asked of {@link AccessRules} twice, on the roster facts as they are and as the plan would leave them.
 * Nothing here is a second copy of the rules.
 * <p>
 * Only the people whose facts the plan changes are asked about: the owners (before and after) and the members of the
 * groups it changes. For each such group, each owner is asked about each of its students (MEMBERs at any time, since
 * an archived group's history is read about its former members too, who are not its owners): the student's profile; in a teaching group the student's hand-ins there and, with a syllabus, the student's
 * assessments in it; in a mentor group the student's development talks there. Each student is asked about the group's
 * posts. A question whose answer differs is a gain or a loss.
 */
public final class BreakImpacts {

    /** Which access a person gains or loses, named by who has it and to what. */
    public enum AccessKind {
        /** A teacher or mentor reads a student's profile (name, groups, contact details). */
        STUDENT_PROFILE,
        /** A teacher reads a student's hand-ins in the group. */
        HAND_INS,
        /** A teacher reads a student's assessments in the group's syllabus. */
        ASSESSMENTS,
        /** A mentor reads a student's development talks in the mentor group. */
        DEVELOPMENT_TALKS,
        /** A student reads the group's posts. */
        GROUP_POSTS
    }

    /**
     * Who gains or loses one kind of access to one student (to the group itself for {@link AccessKind#GROUP_POSTS}).
     *
     * @param groupId    the group of the hand-ins, development talks or posts; null for a profile and for assessments
     * @param syllabusId the syllabus of the assessments; null for every other kind
     */
    public record Difference(UUID schoolId, UUID personId, AccessKind kind, UUID studentId, UUID groupId, UUID syllabusId,
                             boolean gained) {
    }

    /** What the plan would leave without a path that the school needs. */
    public enum WarningKind {
        /** A student of a group the plan changes would have no teacher there who may assess them in its syllabus. */
        STUDENT_WITHOUT_ASSESSOR,
        /** A mentor group the plan leaves connected would have no mentor (owner). */
        MENTOR_GROUP_WITHOUT_MENTOR,
        /** A student with a protected identity would become visible to someone who does not see them today. */
        PROTECTED_STUDENT_VISIBLE
    }

    /** @param studentId the student concerned, or null; @param personId the person who would see them, or null */
    public record Warning(WarningKind kind, UUID schoolId, UUID groupId, UUID studentId, UUID personId) {
    }

    /** Every difference and warning of one plan. */
    public record Impact(List<Difference> differences, List<Warning> warnings, int peopleDecided, int questions) {
    }

    private final AccessRules rules = new AccessRules();
    private final EntityManager em;

    public BreakImpacts(EntityManager em) {
        this.em = em;
    }

    /** The impact of the plan's changes, decided for {@code today} (Europe/Stockholm). */
    public Impact of(UUID tenantId, List<Change> changes, LocalDate today) {
        Set<UUID> groups = new LinkedHashSet<>();
        changes.forEach(change -> groups.add(change.groupId()));
        Set<UUID> people = membersOf(groups);
        changes.stream().filter(change -> change.personId() != null).forEach(change -> people.add(change.personId()));
        RosterFactsInBulk before = RosterFactsInBulk.load(em, people, groups);
        return between(tenantId, groups, people, before, after(before, changes, today), today);
    }

    /** Everyone with a membership in any of the groups, at any time and in any role. */
    public Set<UUID> membersOf(Set<UUID> groups) {
        Set<UUID> people = new HashSet<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct m.person_id from membership m"
                + " join (select distinct unnest(cast(?1 as uuid[])) as id) c on c.id = m.group_id")
                .setParameter(1, uuidArray(groups)).getResultList();
        for (Object row : rows) {
            people.add((UUID) (row instanceof Object[] array ? array[0] : row));
        }
        return people;
    }

    /**
     * The impact of any change of the roster that touches only the given groups and people, decided on the facts before
     * and after it: the plan's, computed in memory, or an import's, read back from the database after writing it in a
     * transaction that is then rolled back. A group or person that exists only after the change (an import's new ones)
     * has no access before it.
     *
     * @param groups the groups whose members' access may change
     * @param people every member of those groups before and after, and every person whose own facts change
     */
    public Impact between(UUID tenantId, Set<UUID> groups, Set<UUID> people, RosterFactsInBulk before,
                          RosterFactsInBulk after, LocalDate today) {
        Map<UUID, List<UUID>> membersOf = new HashMap<>();
        for (UUID person : people) {
            for (RosterFactsInBulk facts : List.of(before, after)) {
                for (MembershipFact membership : facts.membershipsOf(person)) {
                    if (groups.contains(membership.groupId())) {
                        List<UUID> members = membersOf.computeIfAbsent(membership.groupId(), g -> new ArrayList<>());
                        if (!members.contains(person)) {
                            members.add(person);
                        }
                    }
                }
            }
        }
        Decider decider = new Decider(tenantId, before, after, today);
        for (UUID groupId : groups) {
            GroupFact group = before.group(groupId) != null ? before.group(groupId) : after.group(groupId);
            if (group == null) {
                continue;
            }
            // An import may change a group's syllabus: the assessments of both are asked about.
            Set<UUID> syllabi = new LinkedHashSet<>();
            for (GroupFact version : java.util.Arrays.asList(before.group(groupId), after.group(groupId))) {
                if (version != null && version.syllabusId() != null) {
                    syllabi.add(version.syllabusId());
                }
            }
            List<UUID> members = membersOf.getOrDefault(groupId, List.of());
            List<UUID> owners = members.stream().filter(p -> owns(before, p, groupId, today) || owns(after, p, groupId, today))
                    .toList();
            List<UUID> students = members.stream().filter(p -> !owners.contains(p)
                    && (isMember(before, p, groupId) || isMember(after, p, groupId))).toList();
            for (UUID owner : owners) {
                for (UUID student : students) {
                    decider.ask(group, owner, student, AccessKind.STUDENT_PROFILE, null);
                    if (group.kind() == GroupKind.TEACHING) {
                        decider.ask(group, owner, student, AccessKind.HAND_INS, groupId);
                        for (UUID syllabus : syllabi) {
                            decider.ask(group, owner, student, AccessKind.ASSESSMENTS, syllabus);
                        }
                    } else {
                        decider.ask(group, owner, student, AccessKind.DEVELOPMENT_TALKS, groupId);
                    }
                }
            }
            for (UUID student : students) {
                decider.ask(group, student, null, AccessKind.GROUP_POSTS, groupId);
            }
            decider.warnAbout(group, owners, students, after.group(groupId));
        }
        return new Impact(decider.differences, decider.warnings, people.size(), decider.questions);
    }

    /** The facts as the plan would leave them. */
    private static RosterFactsInBulk after(RosterFactsInBulk before, List<Change> changes, LocalDate today) {
        Map<UUID, GroupFact> groups = new HashMap<>();
        Map<UUID, List<MembershipFact>> memberships = new HashMap<>();
        for (Change change : changes) {
            GroupFact group = groups.getOrDefault(change.groupId(), before.group(change.groupId()));
            if (group == null) {
                continue;
            }
            switch (change.kind()) {
                case ARCHIVE -> groups.put(group.groupId(), withFlags(group, group.connected(), true));
                case CONNECT -> groups.put(group.groupId(), withFlags(group, !group.archived() || group.connected(),
                        group.archived()));
                case ADD_OWNER, REMOVE_OWNER -> {
                    List<MembershipFact> theirs = memberships.computeIfAbsent(change.personId(),
                            p -> new ArrayList<>(before.membershipsOf(p)));
                    if (change.kind() == ChangeKind.ADD_OWNER) {
                        if (!owns(theirs, group.groupId(), today)) {
                            theirs.add(new MembershipFact(group.groupId(), change.personId(), MembershipRole.OWNER,
                                    Validity.from(today)));
                        }
                    } else {
                        theirs.replaceAll(m -> m.groupId().equals(group.groupId()) && m.role() == MembershipRole.OWNER
                                && (m.validity().to() == null || !m.validity().to().isBefore(today))
                                ? new MembershipFact(m.groupId(), m.personId(), m.role(), ended(m.validity(), today)) : m);
                    }
                }
            }
        }
        return before.withGroups(groups).withMemberships(memberships);
    }

    /** As apply ends an ownership: the day before the break, or the day before it begins (an empty period). */
    private static Validity ended(Validity validity, LocalDate today) {
        LocalDate from = validity.from();
        LocalDate last = from != null && from.isAfter(today) ? from.minusDays(1) : today.minusDays(1);
        return new Validity(from, last);
    }

    private static GroupFact withFlags(GroupFact group, boolean connected, boolean archived) {
        return new GroupFact(group.groupId(), group.tenantId(), group.schoolId(), group.name(), group.kind(), connected,
                archived, group.syllabusId(), group.syllabusCode(), group.subjectId());
    }

    private static boolean owns(RosterFactsInBulk facts, UUID person, UUID groupId, LocalDate today) {
        return owns(facts.membershipsOf(person), groupId, today);
    }

    private static boolean owns(List<MembershipFact> memberships, UUID groupId, LocalDate today) {
        return memberships.stream().anyMatch(m -> m.groupId().equals(groupId) && m.role() == MembershipRole.OWNER
                && m.validity().isActiveOn(today));
    }

    /** A member at any time: the history of an archived group is read about its former members too (H1). */
    private static boolean isMember(RosterFactsInBulk facts, UUID person, UUID groupId) {
        return facts.membershipsOf(person).stream().anyMatch(m -> m.groupId().equals(groupId)
                && m.role() == MembershipRole.MEMBER);
    }

    private static boolean isMemberOn(RosterFactsInBulk facts, UUID person, UUID groupId, LocalDate today) {
        return facts.membershipsOf(person).stream().anyMatch(m -> m.groupId().equals(groupId)
                && m.role() == MembershipRole.MEMBER && m.validity().isActiveOn(today));
    }

    /** Asks each question once, before and after, and keeps the answers that differ. */
    private final class Decider {
        private final UUID tenantId;
        private final RosterFactsInBulk before;
        private final RosterFactsInBulk after;
        private final LocalDate today;
        private final Set<List<Object>> asked = new HashSet<>();
        private final Map<List<Object>, Boolean> profileAfter = new HashMap<>();
        final List<Difference> differences = new ArrayList<>();
        final List<Warning> warnings = new ArrayList<>();
        int questions;

        Decider(UUID tenantId, RosterFactsInBulk before, RosterFactsInBulk after, LocalDate today) {
            this.tenantId = tenantId;
            this.before = before;
            this.after = after;
            this.today = today;
        }

        /** @param key the group or syllabus the question is about, or null for a profile */
        void ask(GroupFact group, UUID person, UUID student, AccessKind kind, UUID key) {
            if (!asked.add(java.util.Arrays.asList(person, student, kind, key))) {
                return;
            }
            AccessQuestion question = question(person, student, kind, key);
            UUID questionGroup = question.groupId();
            boolean was = allowed(question, before.facts(person, student, questionGroup));
            boolean is = allowed(question, after.facts(person, student, questionGroup));
            if (kind == AccessKind.STUDENT_PROFILE) {
                profileAfter.put(List.of(person, student), is);
            }
            if (was != is) {
                differences.add(new Difference(group.schoolId(), person, kind, student, kind == AccessKind.GROUP_POSTS
                        || kind == AccessKind.HAND_INS || kind == AccessKind.DEVELOPMENT_TALKS ? key : null,
                        kind == AccessKind.ASSESSMENTS ? key : null, is));
                if (is && kind == AccessKind.STUDENT_PROFILE && isProtected(student)) {
                    warnings.add(new Warning(WarningKind.PROTECTED_STUDENT_VISIBLE, group.schoolId(), group.groupId(),
                            student, person));
                }
            }
        }

        private boolean isProtected(UUID student) {
            var facts = after.person(student) != null ? after.person(student) : before.person(student);
            return facts != null && facts.protectedIdentity();
        }

        private boolean allowed(AccessQuestion question, AccessFacts facts) {
            questions++;
            return facts != null && rules.verdict(question, facts, today).allowed();
        }

        private AccessQuestion question(UUID person, UUID student, AccessKind kind, UUID key) {
            Actor actor = new Actor.Person(person, tenantId);
            return switch (kind) {
                case STUDENT_PROFILE -> AccessQuestion.about(actor, student, DataKind.STUDENT_PROFILE, Operation.READ);
                case HAND_INS -> new AccessQuestion(actor, student, DataKind.SUBMISSION, Operation.READ, key,
                        new ItemFacts(null, true, student));
                case ASSESSMENTS -> new AccessQuestion(actor, student, DataKind.ASSESSMENT, Operation.READ, null,
                        ItemFacts.assessment(key, true));
                case DEVELOPMENT_TALKS -> new AccessQuestion(actor, student, DataKind.DEVELOPMENT_TALK, Operation.READ, key,
                        null);
                case GROUP_POSTS -> AccessQuestion.aboutGroup(actor, DataKind.POST, Operation.READ, key, null);
            };
        }

        /**
         * The warnings about one changed group, on the facts after the plan: a mentor group in use without an owner;
         * a teaching group in use with a syllabus where a student has no owner who may set their assessment in it.
         */
        void warnAbout(GroupFact group, List<UUID> owners, List<UUID> students, GroupFact afterGroup) {
            if (afterGroup == null || !afterGroup.isUsable()) {
                return;
            }
            List<UUID> ownersAfter = owners.stream().filter(owner -> owns(after, owner, group.groupId(), today)).toList();
            if (afterGroup.kind() == GroupKind.MENTOR && ownersAfter.isEmpty()) {
                warnings.add(new Warning(WarningKind.MENTOR_GROUP_WITHOUT_MENTOR, group.schoolId(), group.groupId(), null,
                        null));
            }
            if (afterGroup.kind() == GroupKind.TEACHING && afterGroup.syllabusId() != null) {
                for (UUID student : students) {
                    if (!isMemberOn(after, student, group.groupId(), today)) {
                        continue; // a former student (or one who leaves) needs no assessor there
                    }
                    boolean assessed = false;
                    for (UUID owner : ownersAfter) {
                        AccessQuestion question = new AccessQuestion(new Actor.Person(owner, tenantId), student,
                                DataKind.ASSESSMENT, Operation.WRITE, null, ItemFacts.assessment(afterGroup.syllabusId(), false));
                        if (allowed(question, after.facts(owner, student, null))) {
                            assessed = true;
                            break;
                        }
                    }
                    if (!assessed) {
                        warnings.add(new Warning(WarningKind.STUDENT_WITHOUT_ASSESSOR, group.schoolId(), group.groupId(),
                                student, null));
                    }
                }
            }
        }
    }

    /** The differences counted per school and kind: people gaining, students gained, people losing, students lost. */
    public static Map<UUID, Map<AccessKind, int[]>> counts(List<Difference> differences) {
        Map<UUID, Map<AccessKind, Set<UUID>[]>> sets = new LinkedHashMap<>();
        for (Difference difference : differences) {
            @SuppressWarnings("unchecked")
            Set<UUID>[] four = sets.computeIfAbsent(difference.schoolId(), s -> new TreeMap<>())
                    .computeIfAbsent(difference.kind(), k -> new Set[] {new HashSet<>(), new HashSet<>(), new HashSet<>(),
                            new HashSet<>()});
            int offset = difference.gained() ? 0 : 2;
            four[offset].add(difference.personId());
            four[offset + 1].add(difference.studentId() != null ? difference.studentId() : difference.personId());
        }
        Map<UUID, Map<AccessKind, int[]>> counts = new LinkedHashMap<>();
        sets.forEach((school, kinds) -> {
            Map<AccessKind, int[]> perKind = new TreeMap<>(Comparator.naturalOrder());
            kinds.forEach((kind, four) -> perKind.put(kind, new int[] {four[0].size(), four[1].size(), four[2].size(),
                    four[3].size()}));
            counts.put(school, perKind);
        });
        return counts;
    }

    private static String uuidArray(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
