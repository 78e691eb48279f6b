package se.klassrum.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.access.api.Actor;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Demo sign-in: with the demo data on ({@code klassrum.demo-data}, the default run), anyone may choose a demo
 * persona on {@code /demo.xhtml}; the choice is kept in the HTTP session and {@link TokenCaller} takes the caller
 * from it when a request carries neither a token nor a guardian session. With the demo data off (production),
 * nobody can sign in this way and a demo session that still exists is ignored.
 */
@ApplicationScoped
public class DemoSessions {

    /** The session attribute that holds the {@link DemoCaller}. */
    public static final String ATTRIBUTE = "klassrum.demo.caller";

    /** The person chosen on the demo page, in their tenant. */
    public record DemoCaller(UUID personId, UUID tenantId, String name) implements Serializable {
        private static final long serialVersionUID = 1L;

        public DemoCaller {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(tenantId, "tenantId");
        }
    }

    @Inject
    @ConfigProperty(name = "klassrum.demo-data", defaultValue = "true")
    boolean enabled;

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    public boolean enabled() {
        return enabled;
    }

    /**
     * Signs the session in as the person, in a new session id (no fixation), when the demo is on and the person
     * exists in that tenant.
     *
     * @return whether it signed in
     */
    public boolean signIn(HttpServletRequest request, UUID personId, UUID tenantId, String name) {
        if (!enabled || SessionPersons.actor(em, personId, tenantId).isEmpty()) {
            return false;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        // One person per session: a demo persona replaces a person signed in through the identity provider.
        session.removeAttribute(StaffSessions.ATTRIBUTE);
        session.setAttribute(ATTRIBUTE, new DemoCaller(personId, tenantId, name));
        return true;
    }

    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** Who the session names, while the demo is on; always empty with the demo off. */
    public Optional<DemoCaller> caller(HttpServletRequest request) {
        if (!enabled) {
            return Optional.empty();
        }
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof DemoCaller caller)) {
            return Optional.empty();
        }
        return Optional.of(caller);
    }

    /** The caller of the request as the access rules see it, checked against the database on every request. */
    Optional<Actor> actor(HttpServletRequest request) {
        return caller(request).flatMap(caller -> SessionPersons.actor(em, caller.personId(), caller.tenantId()));
    }
}
