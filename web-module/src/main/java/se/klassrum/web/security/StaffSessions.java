package se.klassrum.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import se.klassrum.access.api.Actor;
import se.klassrum.roster.entity.Person;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff and students signed in to the pages through the organisation's identity provider ({@link StaffOidcLogin}):
 * the person is kept in the HTTP session, found as {@link TokenCaller} finds the person of an API token — the
 * tenant by its Entra tenant id ({@code tid}), the person by their Entra object id ({@code oid}) in that tenant.
 * The person is checked against the roster again on every request, so a person removed from the roster is signed
 * out at once.
 */
@ApplicationScoped
public class StaffSessions {

    /** The session attribute that holds the {@link StaffCaller}. */
    public static final String ATTRIBUTE = "klassrum.staff.caller";

    /** The person signed in through the identity provider, in their tenant. */
    public record StaffCaller(UUID personId, UUID tenantId, String name) implements Serializable {
        private static final long serialVersionUID = 1L;

        public StaffCaller {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(tenantId, "tenantId");
        }
    }

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    /**
     * The person with this Entra account in the tenant with this Entra tenant id, if Klassrum serves the tenant
     * and knows the person there.
     */
    public Optional<StaffCaller> personOf(UUID entraTenantId, UUID objectId) {
        List<Person> people = em.createQuery("select p from Person p where p.tenant.entraTenantId = :tid "
                        + "and p.entraObjectId = :oid", Person.class)
                .setParameter("tid", entraTenantId)
                .setParameter("oid", objectId)
                .setMaxResults(1)
                .getResultList();
        return people.stream().findFirst()
                .map(person -> new StaffCaller(person.id(), person.tenant().id(), person.displayName()));
    }

    /** Signs the session in as the person, in a new session id (no fixation). */
    public void signIn(HttpServletRequest request, StaffCaller caller) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        // One person per session: the person signed in replaces a demo persona chosen before.
        session.removeAttribute(DemoSessions.ATTRIBUTE);
        session.setAttribute(ATTRIBUTE, caller);
    }

    /** Who the session names, if someone signed in through the identity provider. */
    public Optional<StaffCaller> caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof StaffCaller caller)) {
            return Optional.empty();
        }
        return Optional.of(caller);
    }

    /** The caller of the request as the access rules see it, checked against the roster on every request. */
    Optional<Actor> actor(HttpServletRequest request) {
        return caller(request).flatMap(caller -> SessionPersons.actor(em, caller.personId(), caller.tenantId()));
    }
}
