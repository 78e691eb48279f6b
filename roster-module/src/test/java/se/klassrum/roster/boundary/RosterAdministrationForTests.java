package se.klassrum.roster.boundary;

import jakarta.persistence.EntityManager;

/**
 * Lets tests of other packages change the roster through the real boundary outside a container, where the
 * constructor that takes an EntityManager is deliberately not public.
 */
public final class RosterAdministrationForTests {

    private RosterAdministrationForTests() {
    }

    /** The caller begins and ends the transaction, as in RosterAdministrationTest. */
    public static RosterAdministration on(EntityManager em) {
        return new RosterAdministration(em);
    }
}
