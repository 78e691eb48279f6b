package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.roster.entity.SecurityMarking;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who in an audit extract has a protected identity. Such a person's id is never shown as the actor of an entry
 * (a classmate with a protected identity who opened a member list would otherwise be named in the other
 * students' extracts); the entry says only that a person with a protected identity asked.
 */
@ApplicationScoped
public class ProtectedActors {

    /** What an extract shows in place of the id of an actor with a protected identity. */
    public static final String MASK = "protected-identity";

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @NoStudentData("tells only which of the given actor ids must not be shown")
    public Set<String> among(Collection<String> actorIds) {
        List<UUID> ids = actorIds.stream().filter(ProtectedActors::isUuid).map(UUID::fromString).distinct().toList();
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<String> hidden = new HashSet<>();
        em.createQuery("select p.id from Person p where p.id in :ids and p.securityMarking <> :none", UUID.class)
                .setParameter("ids", ids)
                .setParameter("none", SecurityMarking.NONE)
                .getResultList()
                .forEach(id -> hidden.add(id.toString()));
        return hidden;
    }

    static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notAPerson) {
            return false;
        }
    }
}
