package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.SecurityMarking;
import se.klassrum.roster.entity.StudyGroup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The names an audit extract shows to an administrator who has been allowed to read it: the people who asked and
 * the student it is about, and the groups its refusals concern. A person with a protected identity is never named
 * (the extract says only that such a person asked), nor a guardian of a child with one; a group is named only where the reader has an active role at
 * its school, as an explanation names it (docs/ACCESS-RULES.md, "Names in explanations").
 */
@ApplicationScoped
public class AuditNames {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    CallerProvider caller;

    /** A person as an extract names them; {@code given} and {@code full} are null when the name is masked. */
    public record PersonName(String given, String full, boolean masked) {
    }

    /** A group and its school, by name; both null when the reader may not see them. */
    public record GroupName(String name, String school) {

        public boolean withheld() {
            return name == null;
        }
    }

    /**
     * The names of those of the given ids that are people of the caller's organisation; other ids (client ids of
     * applications, unknown ids) are left out.
     */
    @NoStudentData("names in an audit extract the caller has already been allowed to read; protected identities masked")
    public Map<String, PersonName> people(Collection<String> ids) {
        UUID tenant = tenant();
        List<UUID> persons = uuids(ids);
        Map<String, PersonName> names = new HashMap<>();
        if (tenant == null || persons.isEmpty()) {
            return names;
        }
        // A guardian of a protected child shares the child's family name often enough to point at the child.
        Set<UUID> guardiansOfProtected = new HashSet<>(em.createQuery("select distinct l.guardian.id from GuardianLink l "
                        + "where l.guardian.id in :ids and l.child.securityMarking <> :none", UUID.class)
                .setParameter("ids", persons)
                .setParameter("none", SecurityMarking.NONE)
                .getResultList());
        for (Person person : em.createQuery("select p from Person p where p.id in :ids and p.tenant.id = :tenant", Person.class)
                .setParameter("ids", persons)
                .setParameter("tenant", tenant)
                .getResultList()) {
            boolean masked = person.isProtectedIdentity() || guardiansOfProtected.contains(person.id());
            names.put(person.id().toString(), masked ? new PersonName(null, null, true)
                    : new PersonName(person.givenName(), person.displayName(), false));
        }
        return names;
    }

    /** The groups of the caller's organisation among the ids, named where the caller has an active role at the school. */
    @NoStudentData("the names of groups an audit extract mentions, only at schools where the reader has a role")
    public Map<String, GroupName> groups(Collection<String> ids) {
        UUID tenant = tenant();
        List<UUID> groupIds = uuids(ids);
        Map<String, GroupName> names = new HashMap<>();
        if (tenant == null || groupIds.isEmpty()) {
            return names;
        }
        Set<UUID> readerSchools = new HashSet<>();
        if (caller.currentActor().orElseThrow() instanceof Actor.Person person) {
            LocalDate today = LocalDate.now(SCHOOL_ZONE);
            readerSchools.addAll(em.createQuery("select r.school.id from SchoolRole r where r.person.id = :person "
                            + "and r.validity.validFrom <= :today "
                            + "and (r.validity.validTo is null or r.validity.validTo >= :today)", UUID.class)
                    .setParameter("person", person.personId())
                    .setParameter("today", today)
                    .getResultList());
        }
        for (StudyGroup group : em.createQuery("select g from StudyGroup g join fetch g.school where g.id in :ids "
                        + "and g.tenant.id = :tenant", StudyGroup.class)
                .setParameter("ids", groupIds)
                .setParameter("tenant", tenant)
                .getResultList()) {
            names.put(group.id().toString(), readerSchools.contains(group.school().id())
                    ? new GroupName(group.name(), group.school().name()) : new GroupName(null, null));
        }
        return names;
    }

    private UUID tenant() {
        return caller.currentActor().map(Actor::tenantId).orElse(null);
    }

    private static List<UUID> uuids(Collection<String> ids) {
        return ids.stream().filter(ProtectedActors::isUuid).map(UUID::fromString).distinct().toList();
    }
}
