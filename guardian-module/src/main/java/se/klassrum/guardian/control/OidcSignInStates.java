package se.klassrum.guardian.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import se.klassrum.guardian.entity.OidcSignInState;
import se.klassrum.roster.entity.GuardianLoginMethod;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of sign-in through an identity provider, each call its own short transaction, so that no
 * connection is held while Klassrum waits for the provider.
 */
@ApplicationScoped
@Transactional
public class OidcSignInStates {

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    /** Keeps a started sign-in, and clears out those that never came back (one node at a time). */
    public void save(OidcSignInState state) {
        em.persist(state);
        if (AdvisoryLocks.tryLock(em, AdvisoryLocks.CLEANUP, "guardian-oidc-state")) {
            em.createQuery("delete from OidcSignInState s where s.expiresAt <= :now")
                    .setParameter("now", state.createdAt())
                    .executeUpdate();
        }
    }

    /**
     * Takes the started sign-in with this state out of the table, so that it works once; a second callback
     * with the same state, even at the same moment on another node, finds nothing. Empty if unknown or expired.
     */
    public Optional<OidcSignInState> take(String stateHash, OffsetDateTime now) {
        OidcSignInState state = em.find(OidcSignInState.class, stateHash, LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            return Optional.empty();
        }
        em.remove(state);
        return state.isLiveAt(now) ? Optional.of(state) : Optional.empty();
    }

    /** The enabled IdP logins with this subject, at every organiser; oldest id first. */
    public List<IdpLogin> enabledIdpLogins(String subject) {
        return em.createQuery("select l.id, l.guardian.id, l.tenant.id from GuardianLogin l "
                        + "where l.method = :idp and l.subject = :subject and l.enabled = true order by l.id", Object[].class)
                .setParameter("idp", GuardianLoginMethod.IDP)
                .setParameter("subject", subject)
                .getResultList().stream()
                .map(row -> new IdpLogin((UUID) row[0], (UUID) row[1], (UUID) row[2]))
                .toList();
    }

    /** Whether the person is a guardian and nothing else, and so may sign in as a guardian ({@link GuardianOnly}). */
    public boolean isGuardianOnly(UUID personId) {
        return GuardianOnly.isGuardianOnly(em, personId, GuardianOnly.today());
    }
}
