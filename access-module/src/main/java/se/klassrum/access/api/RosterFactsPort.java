package se.klassrum.access.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the rules get their facts. The roster module implements it with one database round trip per
 * request, however many students a list names, never from a cache: a decision must see the latest committed
 * roster change (ACCESS-RULES.md, OWASP ASVS 8.3.2).
 */
public interface RosterFactsPort {

    /**
     * The facts one question needs.
     *
     * @param actorPersonId the acting person, or null when the actor is an application
     * @param studentId the student asked about, or null for a group-level question (the posts or assignments
     *                  of a group as a whole, see {@link AccessQuestion#aboutGroup}); the facts then have no
     *                  student, no student's memberships and no guardian links
     * @param groupId the group the item is linked to, or null; required when {@code studentId} is null
     * @return empty when no such student exists, when a group was named and no such group exists, or when a
     *         person is named as the actor and no such person exists; a student or group of another tenant
     *         is returned, so that the rules can say SAME_TENANT
     * @throws IllegalArgumentException when neither a student nor a group is named
     */
    Optional<AccessFacts> load(UUID actorPersonId, UUID studentId, UUID groupId);

    /**
     * The facts of one question that may name a development talk: as {@link #load(UUID, UUID, UUID)}, and with
     * the guardians the subject's talk invites ({@link AccessFacts#invitedGuardians}).
     */
    default Optional<AccessFacts> load(UUID actorPersonId, Subject subject) {
        return Optional.ofNullable(loadAll(actorPersonId, List.of(subject)).get(subject));
    }

    /**
     * The facts of several questions of one actor at once, in one round trip: what a list needs to decide all
     * its items together.
     *
     * @return for each subject asked about, the facts {@link #load} would give for it alone; a subject for which
     *         {@link #load} would be empty is missing
     * @throws IllegalArgumentException when a subject names neither a student nor a group
     */
    default Map<Subject, AccessFacts> loadAll(UUID actorPersonId, Collection<Subject> subjects) {
        // One round trip per subject, and no talk's invitations: only for small stand-ins in tests; the roster's
        // adapter reads them at once.
        Map<Subject, AccessFacts> facts = new java.util.LinkedHashMap<>();
        for (Subject subject : subjects) {
            load(actorPersonId, subject.studentId(), subject.groupId()).ifPresent(found -> facts.put(subject, found));
        }
        return facts;
    }

    /**
     * What one question is about: a student, with the group the item is linked to (or null), or, for a
     * group-level question, a group and no student; the development talk asked about, or null; and the group an
     * assessment asked about was given in, or null: its facts come with the rest, so that the rules know whether the
     * assessment is an earlier one.
     */
    record Subject(UUID studentId, UUID groupId, UUID talkId, UUID assessmentGroupId) {

        public Subject(UUID studentId, UUID groupId, UUID talkId) {
            this(studentId, groupId, talkId, null);
        }

        public Subject(UUID studentId, UUID groupId) {
            this(studentId, groupId, null, null);
        }

        /** The subject of a question about this student, group and item. */
        public static Subject of(UUID studentId, UUID groupId, ItemFacts item) {
            return new Subject(studentId, groupId, item == null ? null : item.talkId(),
                    item == null ? null : item.assessmentGroupId());
        }
    }
}
