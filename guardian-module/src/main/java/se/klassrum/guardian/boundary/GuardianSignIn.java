package se.klassrum.guardian.boundary;

import se.klassrum.access.api.Actor;

import java.util.Objects;
import java.util.UUID;

/**
 * A guardian who has just proved they hold their login: who to start a session for. What the guardian may then
 * see is for the access rules to decide, request by request.
 *
 * @param personId the guardian (a roster person)
 * @param tenantId the organiser (a roster tenant) of the login used
 * @param loginId  the login used, for the audit log
 */
public record GuardianSignIn(UUID personId, UUID tenantId, UUID loginId) {

    public GuardianSignIn {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(loginId, "loginId");
    }

    /** The guardian as the access rules see a caller. */
    public Actor.Person actor() {
        return Actor.person(personId, tenantId);
    }
}
