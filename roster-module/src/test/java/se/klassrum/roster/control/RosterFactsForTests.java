package se.klassrum.roster.control;

import jakarta.persistence.EntityManager;
import se.klassrum.access.api.RosterFactsPort;

/**
 * Lets tests of other packages give the access guard the roster's facts outside a container, where the adapter's
 * constructor that takes an EntityManager is deliberately not public.
 */
public final class RosterFactsForTests {

    private RosterFactsForTests() {
    }

    public static RosterFactsPort on(EntityManager em) {
        return new RosterFactsAdapter(em);
    }
}
