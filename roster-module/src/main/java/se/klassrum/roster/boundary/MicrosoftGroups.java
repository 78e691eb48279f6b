package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.School;
import se.klassrum.roster.entity.SchoolRole;
import se.klassrum.roster.entity.SchoolYear;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.ImportTransactions;
import se.klassrum.roster.importer.RosterImporter;
import se.klassrum.roster.sync.graph.GraphClient;
import se.klassrum.roster.sync.graph.GraphSettings;
import se.klassrum.roster.sync.graph.GraphSync;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The roster's side of Microsoft 365: the Microsoft Graph sync of a tenant (connected groups' owners and members,
 * licences; see {@link GraphSync}) and connecting a Microsoft group (Team) as a teaching or mentor group of a school.
 * Settings are MicroProfile Config keys {@code klassrum.graph.*} (README.md, "Settings"); without a client id and
 * secret nothing is asked of Microsoft.
 * <p>
 * Not in the caller's transaction: a sync makes its own (as an import does), and Microsoft is asked outside any.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class MicrosoftGroups {

    /** A Microsoft group connected to a school: the roster's group, and the run that read its owners and members. */
    public record Connected(UUID groupId, boolean created, ImportSummary run) {
    }

    /** Absent outside the container. */
    @Inject
    RosterMetrics metrics;

    @Inject
    ImportTransactions transactions;

    @Inject
    @ConfigProperty(name = "klassrum.graph.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "klassrum.graph.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "klassrum.graph.url", defaultValue = "https://graph.microsoft.com/v1.0/")
    String graphUrl;

    @Inject
    @ConfigProperty(name = "klassrum.graph.login-url", defaultValue = "https://login.microsoftonline.com/")
    String loginUrl;

    @Inject
    @ConfigProperty(name = "klassrum.graph.teacher-skus")
    Optional<String> teacherSkus;

    @Inject
    @ConfigProperty(name = "klassrum.graph.student-skus")
    Optional<String> studentSkus;

    @Inject
    @ConfigProperty(name = "klassrum.graph.timeout-seconds", defaultValue = "30")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "klassrum.graph.attempts", defaultValue = "5")
    int attempts;

    private volatile GraphClient client;

    @NoStudentData("whether Microsoft Graph is configured; names no student")
    public boolean configured() {
        return settings().configured();
    }

    /**
     * One sync of the tenant with Microsoft Graph, recorded as an import run (also when it fails).
     *
     * @param actor who started it, as the caller authorised it, or {@code schedule}
     * @throws RosterException GRAPH_NOT_CONFIGURED when there is no client id and secret
     */
    @NoStudentData("synchronises the tenant's connected groups and licences for its administrator or schedule; returns"
            + " counts and problems, never a student's information")
    public ImportSummary sync(UUID tenantId, String actor) {
        if (metrics == null) {
            return graphSync().sync(tenantId, actor, null);
        }
        return metrics.measure(RosterMetrics.Source.GRAPH, null, measured -> graphSync().sync(tenantId, actor, measured));
    }

    /** The tenants' ids, for the schedule. */
    @NoStudentData("the organisations Klassrum serves; names no student")
    public List<UUID> tenants() {
        return transactions.inNewTransaction(em -> em.createQuery("select t.id from Tenant t order by t.name, t.id",
                UUID.class).getResultList());
    }

    /**
     * Connects a Microsoft group (Team) as a teaching or mentor group of one school of the caller's organisation, and
     * reads its owners and members at once. The group already linked to the Microsoft group is the one connected; else
     * the group the student register made of the same class (the education class's {@code externalId}), whose members
     * stay the register's to say; else a new group with the Microsoft group's name, whose owners and members Microsoft
     * keeps in step from now on. Allowed to the school's administrators and to a teacher at the school who owns the
     * group in Microsoft 365.
     *
     * @throws NotPermittedException for anyone else
     * @throws RosterException UNKNOWN_SCHOOL, UNKNOWN_GROUP (no such Microsoft group), GROUP_ARCHIVED,
     *                         GROUP_AT_OTHER_SCHOOL, GRAPH_NOT_CONFIGURED
     */
    @NoStudentData("connects a Microsoft group of the caller's school; returns the group's id and the run's counts")
    public Connected connect(Actor caller, UUID schoolId, String microsoftGroupId, GroupKind kind) {
        if (!configured()) {
            throw RosterException.of(RosterError.GRAPH_NOT_CONFIGURED);
        }
        String groupId = microsoftGroupId == null ? "" : microsoftGroupId.strip();
        if (groupId.isEmpty() || groupId.length() > 100) {
            throw RosterException.of(RosterError.VALUE_REQUIRED, "field", "microsoftGroupId");
        }
        String entraTenant = transactions.inNewTransaction(em -> {
            School school = em.find(School.class, schoolId);
            if (school == null || !school.tenant().id().equals(caller.tenantId())) {
                throw RosterException.of(RosterError.UNKNOWN_SCHOOL, "id", schoolId);
            }
            return school.tenant().entraTenantId().toString();
        });
        GraphClient graph = client();
        GraphClient.Group group = graph.group(entraTenant, groupId)
                .orElseThrow(() -> RosterException.of(RosterError.UNKNOWN_GROUP, "id", groupId));
        authorise(caller, schoolId, entraTenant, graph, groupId);
        Optional<String> registerId = graph.educationClassExternalId(entraTenant, groupId);
        Connected link = transactions.inNewTransaction(em -> {
            RosterImporter.lockRoster(em, caller.tenantId());
            School school = em.find(School.class, schoolId);
            // The group already linked to the Microsoft group, else the register's group of the same class.
            StudyGroup existing = em.createQuery("select g from StudyGroup g where g.tenant.id = :tenant"
                            + " and g.microsoftGroupId = :ms", StudyGroup.class)
                    .setParameter("tenant", caller.tenantId()).setParameter("ms", groupId)
                    .getResultStream().findFirst()
                    .or(() -> registerId.flatMap(register -> em.createQuery("select g from StudyGroup g"
                                    + " where g.tenant.id = :tenant and g.externalId = :register", StudyGroup.class)
                            .setParameter("tenant", caller.tenantId()).setParameter("register", register)
                            .getResultStream().findFirst()))
                    .orElse(null);
            if (existing != null) {
                if (!existing.school().id().equals(schoolId)) {
                    throw RosterException.of(RosterError.GROUP_AT_OTHER_SCHOOL, "group", existing.name());
                }
                if (existing.isArchived()) {
                    throw RosterException.of(RosterError.GROUP_ARCHIVED, "group", existing.name());
                }
                existing.linkMicrosoftGroup(groupId);
                existing.connect();
                return new Connected(existing.id(), false, null);
            }
            LocalDate today = LocalDate.now(RosterImporter.SCHOOL_ZONE);
            SchoolYear year = SchoolYear.startingIn(today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1);
            StudyGroup created = new StudyGroup(null, school, kind == null ? GroupKind.TEACHING : kind,
                    group.displayName(), year.label());
            created.linkMicrosoftGroup(groupId);
            created.connect();
            em.persist(created);
            return new Connected(created.id(), true, null);
        });
        ImportSummary run = graphSync().sync(caller.tenantId(), actorName(caller), null, link.groupId());
        return new Connected(link.groupId(), link.created(), run);
    }

    /** A school administrator, or a teacher at the school who owns the group in Microsoft 365. */
    private void authorise(Actor caller, UUID schoolId, String entraTenant, GraphClient graph, String groupId) {
        if (!(caller instanceof Actor.Person person)) {
            throw new NotPermittedException();
        }
        LocalDate today = LocalDate.now(RosterImporter.SCHOOL_ZONE);
        record Standing(Set<RoleKind> roles, Optional<UUID> objectId) {
        }
        Standing standing = transactions.inNewTransaction(em -> {
            Person found = em.find(Person.class, person.personId());
            Set<RoleKind> roles = new HashSet<>();
            em.createQuery("select r from SchoolRole r where r.person.id = :person and r.school.id = :school",
                            SchoolRole.class).setParameter("person", person.personId()).setParameter("school", schoolId)
                    .getResultStream().filter(role -> role.isActiveOn(today)).forEach(role -> roles.add(role.role()));
            return new Standing(roles, found == null ? Optional.empty() : found.entraObjectId());
        });
        if (standing.roles().contains(RoleKind.SCHOOL_ADMIN)) {
            return;
        }
        boolean owner = standing.objectId().isPresent() && graph.owners(entraTenant, groupId).stream()
                .anyMatch(o -> o.id().toLowerCase(Locale.ROOT).equals(standing.objectId().get().toString()));
        if (!standing.roles().contains(RoleKind.TEACHER) || !owner) {
            throw new NotPermittedException();
        }
    }

    private static String actorName(Actor caller) {
        return caller instanceof Actor.Person person ? person.personId().toString()
                : ((Actor.Application) caller).clientId();
    }

    private GraphSync graphSync() {
        if (!configured()) {
            throw RosterException.of(RosterError.GRAPH_NOT_CONFIGURED);
        }
        return new GraphSync(transactions, client(), settings(), Clock.system(RosterImporter.SCHOOL_ZONE));
    }

    private GraphClient client() {
        GraphClient current = client;
        if (current == null) {
            current = GraphClient.of(settings());
            client = current;
        }
        return current;
    }

    private GraphSettings settings() {
        return new GraphSettings(URI.create(graphUrl), URI.create(loginUrl), clientId.orElse(null),
                clientSecret.orElse(null), teacherSkus.map(MicrosoftGroups::list).orElse(GraphSettings.TEACHER_SKUS),
                studentSkus.map(MicrosoftGroups::list).orElse(GraphSettings.STUDENT_SKUS), Duration.ofSeconds(timeoutSeconds),
                attempts);
    }

    /** A comma-separated setting as a set of its non-blank entries. */
    private static Set<String> list(String setting) {
        Set<String> entries = new HashSet<>();
        for (String entry : setting.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }
}
