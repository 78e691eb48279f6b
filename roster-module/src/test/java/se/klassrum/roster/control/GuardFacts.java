package se.klassrum.roster.control;

import jakarta.persistence.EntityManager;
import se.klassrum.access.api.AccessFacts;

import java.util.Optional;
import java.util.UUID;

/** The facts of one question as the guard reads them ({@link RosterFactsAdapter}), for tests of other packages. */
public final class GuardFacts {

    private GuardFacts() {
    }

    public static Optional<AccessFacts> load(EntityManager em, UUID actorPersonId, UUID studentId, UUID groupId) {
        return new RosterFactsAdapter(em).load(actorPersonId, studentId, groupId);
    }
}
