package se.klassrum.guardian.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.roster.boundary.StudentProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The guardian's view of their children. Every child the roster links to the caller is a candidate; the
 * access rules (guardian path: an active link, a login, the child's active role at a school) decide, child by
 * child and audited, which ones the guardian sees, so an ended link, a child who turned 18 or a child without a school disappear.
 * The children's posts, assignments, assessments and talks are read through the teaching services with
 * the child named, never around them.
 */
@ApplicationScoped
// Each child's profile is decided in a transaction of its own: a denial must not roll back the others.
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class GuardianView {

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    CallerProvider caller;

    @Inject
    StudentProfiles profiles;

    @NoStudentData("reads only which persons are linked to the caller; each child's profile comes through the guarded "
            + "StudentProfiles.profile, which decides and audits it")
    public List<StudentProfile> children() {
        Actor actor = caller.currentActor().orElseThrow(() -> new NotSignedInException("Sign in to see your children"));
        if (!(actor instanceof Actor.Person guardian)) {
            return List.of();
        }
        List<UUID> children = em.createQuery("select distinct l.child.id from GuardianLink l where l.guardian.id = :guardian",
                        UUID.class)
                .setParameter("guardian", guardian.personId())
                .getResultList();
        List<StudentProfile> visible = new ArrayList<>();
        for (UUID child : children) {
            try {
                visible.add(profiles.profile(child));
            } catch (AccessDeniedException | StudentDataNotFoundException notForThisGuardian) {
                // an ended or inactive link, a child of 18, or a child without a role at a school: left out
            }
        }
        return visible;
    }
}
