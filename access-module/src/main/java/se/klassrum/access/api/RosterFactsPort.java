package se.klassrum.access.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the rules get their facts. The roster module implements it with one or two database round trips
 * per question, never from a cache: a decision must see the latest committed roster change
 * (ACCESS-RULES.md, OWASP ASVS 8.3.2).
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
}
