package se.klassrum.roster.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Loads the demo roster into an empty database, e.g. at start-up of a demo or development server.
 * <p>
 * Safe to call on every start: it does nothing once any tenant exists. If two nodes start on an empty
 * database at the same moment, both may try; the fixed demo ids make the second fail on the first
 * tenant's primary key, and its transaction then writes nothing.
 */
@ApplicationScoped
public class DemoRosterLoader {

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    private Clock clock = Clock.system(DemoRoster.SCHOOL_TIME_ZONE);

    /** For CDI, which needs a no-argument constructor to make its proxy. */
    protected DemoRosterLoader() {
    }

    /** For tests outside a container, which must then begin and end the transaction themselves. */
    DemoRosterLoader(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** @return whether the demo roster was loaded; {@code false} if the database already had a tenant */
    @Transactional
    public boolean loadIfEmpty() {
        return DemoRoster.asOf(DemoRoster.todayInSweden(clock)).loadIfEmpty(em);
    }
}
