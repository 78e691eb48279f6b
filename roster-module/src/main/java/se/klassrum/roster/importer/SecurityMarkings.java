package se.klassrum.roster.importer;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.entity.SecurityMarking;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The protected identities a student register reports (SS 12000 {@code securityMarking}), written in the
 * import's transaction so that a person never appears in the roster unprotected, not even for a moment.
 * <p>
 * A marking is set or changed to the register's, never taken away: a register that stops reporting one (or
 * reports "Ingen") leaves the person protected until an administrator lifts it in Klassrum. Showing a
 * protected person by mistake is the harm the rules exist to prevent (ACCESS-RULES.md); hiding one a little
 * longer is not.
 */
final class SecurityMarkings {

    private static final int CHUNK = 1_000;

    private final Map<SecurityMarking, List<String>> byMarking = new EnumMap<>(SecurityMarking.class);

    void add(String personExternalId, SecurityMarking marking) {
        if (marking.isProtected()) {
            byMarking.computeIfAbsent(marking, m -> new ArrayList<>()).add(personExternalId);
        }
    }

    /** @return how many people got a new marking */
    int write(EntityManager em, UUID tenantId) {
        int changed = 0;
        for (Map.Entry<SecurityMarking, List<String>> entry : byMarking.entrySet()) {
            List<String> ids = entry.getValue();
            for (int from = 0; from < ids.size(); from += CHUNK) {
                changed += em.createQuery("update Person p set p.securityMarking = :marking"
                                + " where p.tenant.id = :tenant and p.externalId in :ids and p.securityMarking <> :marking")
                        .setParameter("marking", entry.getKey())
                        .setParameter("tenant", tenantId)
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                        .executeUpdate();
            }
        }
        return changed;
    }
}
