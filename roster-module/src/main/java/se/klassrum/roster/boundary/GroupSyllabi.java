package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NoStudentData;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which syllabus a teaching group has, so that a question about an assessment set through the group can
 * name its syllabus before the rules decide.
 */
@ApplicationScoped
@Transactional
public class GroupSyllabi {

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    CallerProvider caller;

    /** Empty when the group has no syllabus, or is not a group of the caller's tenant. */
    @NoStudentData("course metadata of a group in the caller's own tenant; names no student")
    public Optional<UUID> syllabusOf(UUID groupId) {
        Optional<UUID> tenant = caller.currentActor().map(Actor::tenantId);
        if (tenant.isEmpty() || groupId == null) {
            return Optional.empty();
        }
        List<UUID> syllabi = em.createQuery("select g.syllabus.id from StudyGroup g where g.id = :group "
                        + "and g.school.tenant.id = :tenant and g.syllabus is not null", UUID.class)
                .setParameter("group", groupId)
                .setParameter("tenant", tenant.get())
                .getResultList();
        return syllabi.stream().findFirst();
    }
}
