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
     * @param studentId the student asked about
     * @param groupId the group the item is linked to, or null
     * @return empty when no such student exists, or when a group was named and no such group exists;
     *         a student or group of another tenant is returned, so that the rules can say SAME_TENANT
     */
    Optional<AccessFacts> load(UUID actorPersonId, UUID studentId, UUID groupId);
}
