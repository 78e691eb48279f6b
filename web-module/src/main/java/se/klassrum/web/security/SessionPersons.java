package se.klassrum.web.security;

import jakarta.persistence.EntityManager;
import se.klassrum.access.api.Actor;

import java.util.Optional;
import java.util.UUID;

/**
 * The person a page session names (signed in through the identity provider, or a demo persona), as the access rules
 * see the caller: only while the roster still has that person in that organisation, checked on every request, so a
 * person removed meanwhile is signed out by the next request.
 */
final class SessionPersons {

    private SessionPersons() {
    }

    static Optional<Actor> actor(EntityManager em, UUID personId, UUID tenantId) {
        boolean exists = !em.createQuery("select p.id from Person p where p.id = :person and p.tenant.id = :tenant",
                        UUID.class)
                .setParameter("person", personId)
                .setParameter("tenant", tenantId)
                .setMaxResults(1)
                .getResultList().isEmpty();
        return exists ? Optional.of(Actor.person(personId, tenantId)) : Optional.empty();
    }
}
