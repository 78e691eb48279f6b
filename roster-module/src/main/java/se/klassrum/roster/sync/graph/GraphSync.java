package se.klassrum.roster.sync.graph;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.entity.ImportCount;
import se.klassrum.roster.entity.ImportKind;
import se.klassrum.roster.entity.ImportRun;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.Membership;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Tenant;
import se.klassrum.roster.entity.Validity;
import se.klassrum.roster.importer.CopyRows;
import se.klassrum.roster.importer.ImportAdmission;
import se.klassrum.roster.importer.ImportProgressListener;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.ImportTransactions;
import se.klassrum.roster.importer.RosterImporter;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One run of the Microsoft Graph sync for a tenant, recorded as an import run (format {@code MICROSOFT_GRAPH}) with
 * the same run machinery, transactions and roster lock as a file import:
 * <ol>
 *     <li>reads, in a short transaction, the connected groups that Microsoft manages (connected from a Microsoft group
 *     and not named by the student register: the register's groups keep the register's memberships) and the delta
 *     links of the last committed sync: one per group, one for the users' licences;</li>
 *     <li>asks Microsoft Graph, outside any transaction, through delta queries, who was added to or removed from each
 *     such group's owners and members, which users' licences changed, and which education users School Data Sync
 *     gave a register id, since those links (everything the first time, or when Graph no longer knows a link);</li>
 *     <li>writes, in one transaction, under the roster lock: the Entra object id of each person whose register id an
 *     education user carries (see {@code linkAccounts}); each group's listing as Microsoft now has it (the last one
 *     with the changes applied) and, from it, the memberships: owners become OWNER and MEMBER, members MEMBER, from
 *     today; a membership Microsoft no longer lists ends yesterday, so access through it ends at once; each changed
 *     user's licences follow the SKUs Microsoft assigned (configured as teacher or student licences); and the new delta
 *     links. Nothing is written if anything failed before: the next run reads the same changes again.</li>
 * </ol>
 * Users Microsoft lists who are not in the roster (no person with that Entra object id) are counted in the run's notes.
 */
public final class GraphSync {

    public static final String FORMAT = "MICROSOFT_GRAPH";

    /** Ids per {@code in} list and per bulk statement. */
    private static final int CHUNK = 1_000;

    private final ImportTransactions transactions;
    private final GraphClient graph;
    private final GraphSettings settings;
    private final Clock clock;

    public GraphSync(ImportTransactions transactions, GraphClient graph, GraphSettings settings, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A connected group that Microsoft manages. */
    private record ManagedGroup(UUID id, String microsoftGroupId, String name) {
    }

    /** What a run read before writing anything; {@code groupLinks} by Microsoft group id. */
    private record Snapshot(String entraTenant, List<ManagedGroup> groups, Map<String, String> groupLinks,
                            String deltaLink, String educationLink) {
    }

    /** How one group's owners and members changed; {@code fromScratch} when they were all listed anew. */
    private record Listing(ManagedGroup group, GraphClient.GroupDelta delta, boolean fromScratch) {
    }

    /** A group's owners and members as Microsoft lists them, by user id. */
    private record Members(Set<String> owners, Set<String> members) {
    }

    /** {@code users} is null when a run reads no licences (one group only). */
    private record Read(Snapshot snapshot, List<Listing> listings, GraphClient.EducationUserDelta education,
                        GraphClient.UserDelta users, boolean allUsers,
                        Set<String> teacherSkuIds, Set<String> studentSkuIds, List<String> notes) {
    }

    /**
     * @param actor who started the run: a person's or an application's id, or {@code schedule}
     * @throws RosterException UNKNOWN_TENANT; then no run is recorded
     */
    public ImportSummary sync(UUID tenantId, String actor, ImportProgressListener listener) {
        return sync(tenantId, actor, listener, null);
    }

    /**
     * As {@link #sync(UUID, String, ImportProgressListener)}, or, with {@code onlyGroup}, the owners and members of
     * that one connected group and nothing else (no licences): what a group needs at once when it has been connected.
     */
    public ImportSummary sync(UUID tenantId, String actor, ImportProgressListener listener, UUID onlyGroup) {
        ImportProgressListener progress = listener == null ? ImportProgressListener.NONE : listener;
        LocalDate today = LocalDate.now(clock.withZone(RosterImporter.SCHOOL_ZONE));
        try (ImportAdmission admitted = ImportAdmission.admit(transactions, tenantId, clock, (em, id) ->
                new ImportRun(id, RosterImporter.tenant(em, tenantId), actor, FORMAT, false, List.of("Microsoft Graph"),
                        today, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))))) {
            UUID runId = admitted.runId();
            try {
                phase(runId, progress, "READING_MICROSOFT_GRAPH", 0, 0);
                Read read = read(tenantId, runId, progress, onlyGroup);
                phase(runId, progress, "WRITING", 0, 0);
                Map<ImportKind, int[]> counts = transactions.inNewTransaction(em -> write(em, tenantId, read, today));
                List<ImportCount> list = new ArrayList<>();
                counts.forEach((kind, count) -> list.add(new ImportCount(kind, count[0], count[1], count[2])));
                return finish(runId, ImportStatus.SUCCEEDED, list, List.of(), read.notes());
            } catch (GraphException | RosterException failure) {
                return finish(runId, ImportStatus.FAILED, List.of(), List.of("Microsoft Graph: the sync failed and"
                        + " nothing was written: " + failure.getMessage()), List.of());
            } catch (RuntimeException | Error failure) {
                finish(runId, ImportStatus.FAILED, List.of(), List.of("Microsoft Graph: the sync failed and nothing"
                        + " was written: " + failure.getClass().getSimpleName()), List.of());
                throw failure;
            }
        }
    }

    // ---------------------------------------------------------------- reading

    private Read read(UUID tenantId, UUID runId, ImportProgressListener progress, UUID onlyGroup) {
        Snapshot all = transactions.inNewTransaction(em -> snapshot(em, tenantId));
        Snapshot snapshot = onlyGroup == null ? all : new Snapshot(all.entraTenant(),
                all.groups().stream().filter(group -> group.id().equals(onlyGroup)).toList(), all.groupLinks(),
                all.deltaLink(), all.educationLink());
        List<String> notes = new ArrayList<>();
        List<Listing> listings = new ArrayList<>();
        int skipped = 0;
        int expired = 0;
        for (ManagedGroup group : snapshot.groups()) {
            String link = snapshot.groupLinks().get(group.microsoftGroupId());
            Delta<GraphClient.GroupDelta> read = fromLink(link,
                    from -> graph.groupMembers(snapshot.entraTenant(), group.microsoftGroupId(), from));
            expired += read.expired() ? 1 : 0;
            GraphClient.GroupDelta delta = read.value();
            boolean fromScratch = link == null || read.expired();
            skipped += delta.notUsers();
            if (delta.groupRemoved()) {
                notes.add("Microsoft Graph: the Microsoft group of " + group.name() + " was deleted; its owners and"
                        + " members no longer have access through it");
            }
            listings.add(new Listing(group, delta, fromScratch));
            phase(runId, progress, "READING_MICROSOFT_GRAPH", listings.size(), snapshot.groups().size());
        }
        if (expired > 0) {
            notes.add("Microsoft Graph: the delta links of " + expired + " groups had expired; their owners and members"
                    + " were read anew");
        }
        if (skipped > 0) {
            notes.add("Microsoft Graph: " + skipped + " owners or members are not users (devices, groups) and give no"
                    + " membership");
        }
        if (onlyGroup != null) {
            return new Read(snapshot, listings, null, null, false, Set.of(), Set.of(), notes);
        }
        Map<String, String> skus = graph.subscribedSkus(snapshot.entraTenant());
        Set<String> teacherSkus = skuIds(settings.teacherSkus(), skus);
        Set<String> studentSkus = skuIds(settings.studentSkus(), skus);
        Delta<GraphClient.UserDelta> users = fromLink(snapshot.deltaLink(),
                from -> graph.userLicences(snapshot.entraTenant(), from));
        if (users.expired()) {
            notes.add("Microsoft Graph: the delta link of the last sync had expired; all users' licences were read");
        }
        boolean allUsers = snapshot.deltaLink() == null || users.expired();
        GraphClient.EducationUserDelta education = educationUsers(snapshot, notes);
        return new Read(snapshot, listings, education, users.value(), allUsers, teacherSkus, studentSkus, notes);
    }

    /** What a delta query gave; {@code expired} when Graph no longer knew the link and everything was read anew. */
    private record Delta<T>(T value, boolean expired) {
    }

    /**
     * A delta query from the link (from the start when there is none); when Graph no longer knows the link (404, 410),
     * once more from the start.
     */
    private static <T> Delta<T> fromLink(String link, Function<String, T> query) {
        try {
            return new Delta<>(query.apply(link), false);
        } catch (GraphException gone) {
            if (gone.status() != 404 && gone.status() != 410 || link == null) {
                throw gone;
            }
            return new Delta<>(query.apply(null), true);
        }
    }

    /**
     * The register's ids of the tenant's education users, changed since the last link (all of them the first time);
     * none, with a note, when the tenant has no education data in Microsoft 365.
     */
    private GraphClient.EducationUserDelta educationUsers(Snapshot snapshot, List<String> notes) {
        try {
            Delta<GraphClient.EducationUserDelta> education = fromLink(snapshot.educationLink(),
                    from -> graph.educationUsers(snapshot.entraTenant(), from));
            if (education.expired()) {
                notes.add("Microsoft Graph: the delta link of the last sync of education users had expired; all were"
                        + " read");
            }
            return education.value();
        } catch (GraphException none) {
            if (none.status() != 404 && none.status() != 410 || snapshot.educationLink() != null) {
                throw none;
            }
            notes.add("Microsoft Graph: the tenant has no education users (School Data Sync), so people are"
                    + " linked to their Microsoft accounts only by hand");
            return new GraphClient.EducationUserDelta(Map.of(), null);
        }
    }

    private Snapshot snapshot(EntityManager em, UUID tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        List<ManagedGroup> groups = em.createQuery("select g from StudyGroup g where g.tenant.id = :tenant"
                        + " and g.connected = true and g.archived = false and g.microsoftGroupId is not null"
                        + " and g.externalId is null order by g.name, g.id", StudyGroup.class)
                .setParameter("tenant", tenantId).getResultStream()
                .map(g -> new ManagedGroup(g.id(), g.microsoftGroupId().orElseThrow(), g.name())).toList();
        List<?> links = em.createNativeQuery("select users_delta_link, education_users_delta_link from graph_sync_state"
                + " where tenant_id = ?1").setParameter(1, tenantId).getResultList();
        Object[] link = links.isEmpty() ? new Object[2] : (Object[]) links.get(0);
        Map<String, String> groupLinks = new HashMap<>();
        for (Object row : em.createNativeQuery("select microsoft_group_id, delta_link from graph_group_state"
                + " where tenant_id = ?1").setParameter(1, tenantId).getResultList()) {
            Object[] columns = (Object[]) row;
            groupLinks.put((String) columns[0], (String) columns[1]);
        }
        return new Snapshot(tenant.entraTenantId().toString(), groups, groupLinks, (String) link[0], (String) link[1]);
    }

    /** The configured SKUs as ids: an id as it is, a part number through the tenant's subscriptions. */
    private static Set<String> skuIds(Set<String> configured, Map<String, String> subscribed) {
        Set<String> ids = new HashSet<>();
        for (String sku : configured) {
            String wanted = sku.strip().toLowerCase(Locale.ROOT);
            if (subscribed.containsKey(wanted)) {
                ids.add(wanted);
            }
            subscribed.forEach((id, partNumber) -> {
                if (partNumber.equalsIgnoreCase(wanted)) {
                    ids.add(id);
                }
            });
            if (wanted.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                ids.add(wanted);
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------- writing

    /** @return per kind of fact: how many were created, updated and ended */
    private Map<ImportKind, int[]> write(EntityManager em, UUID tenantId, Read read, LocalDate today) {
        RosterImporter.lockRoster(em, tenantId);
        Map<ImportKind, int[]> counts = new EnumMap<>(ImportKind.class);
        counts.put(ImportKind.MEMBERSHIP, new int[3]);
        counts.put(ImportKind.LICENCE, new int[3]);
        if (read.education() != null) {
            counts.put(ImportKind.PERSON, new int[3]);
            linkAccounts(em, tenantId, read.education().externalIds(), counts.get(ImportKind.PERSON), read.notes());
        }
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        Map<UUID, Members> current = new HashMap<>();
        Set<String> everyone = new HashSet<>();
        for (Listing listing : read.listings()) {
            Members members = keepListing(em, tenantId, listing, now);
            current.put(listing.group().id(), members);
            everyone.addAll(members.owners());
            everyone.addAll(members.members());
        }
        List<GraphClient.UserChange> changes = read.users() == null ? List.of() : read.users().changes();
        changes.forEach(change -> everyone.add(change.userId().toLowerCase(Locale.ROOT)));
        Map<String, UUID> persons = persons(em, tenantId, everyone, read.allUsers());
        Set<String> unknown = new HashSet<>();
        for (Listing listing : read.listings()) {
            StudyGroup group = em.find(StudyGroup.class, listing.group().id());
            if (group == null || !group.isConnected() || group.isArchived()) {
                continue; // disconnected or archived meanwhile: nothing to keep in step
            }
            Members listed = current.get(listing.group().id());
            Map<UUID, Set<MembershipRole>> wanted = new LinkedHashMap<>();
            listed.members().forEach(id -> person(persons, id, unknown).ifPresent(person ->
                    wanted.computeIfAbsent(person, p -> EnumSet.noneOf(MembershipRole.class)).add(MembershipRole.MEMBER)));
            listed.owners().forEach(id -> person(persons, id, unknown).ifPresent(person ->
                    wanted.computeIfAbsent(person, p -> EnumSet.noneOf(MembershipRole.class))
                            .addAll(EnumSet.of(MembershipRole.OWNER, MembershipRole.MEMBER))));
            keepMembershipsInStep(em, group, wanted, today, counts.get(ImportKind.MEMBERSHIP));
        }
        if (!unknown.isEmpty()) {
            read.notes().add("Microsoft Graph: " + unknown.size() + " owners or members of connected groups are not in"
                    + " the roster (no person with their Entra object id) and give no membership");
        }
        if (read.users() == null) {
            return counts;
        }
        Map<UUID, Set<LicenceKind>> licences = new HashMap<>();
        for (GraphClient.UserChange change : changes) {
            Optional<UUID> person = person(persons, change.userId().toLowerCase(Locale.ROOT), null);
            if (person.isEmpty() || change.skuIds() == null && !change.removed()) {
                continue;
            }
            Set<LicenceKind> kinds = licences.computeIfAbsent(person.get(), p -> EnumSet.noneOf(LicenceKind.class));
            if (!change.removed()) {
                change.skuIds().forEach(sku -> {
                    if (read.teacherSkuIds().contains(sku)) {
                        kinds.add(LicenceKind.TEACHER);
                    }
                    if (read.studentSkuIds().contains(sku)) {
                        kinds.add(LicenceKind.STUDENT);
                    }
                });
            }
        }
        if (read.allUsers()) {
            // Everyone Microsoft has was listed: a person of the roster it did not list has no licence from it.
            persons.values().forEach(person -> licences.putIfAbsent(person, EnumSet.noneOf(LicenceKind.class)));
        }
        keepLicencesInStep(em, tenantId, licences, read.allUsers(), today, counts.get(ImportKind.LICENCE));
        em.createNativeQuery("insert into graph_sync_state (tenant_id, users_delta_link, education_users_delta_link,"
                        + " updated_at) values (?1, ?2, ?3, ?4) on conflict (tenant_id) do update set"
                        + " users_delta_link = excluded.users_delta_link,"
                        + " education_users_delta_link = excluded.education_users_delta_link,"
                        + " updated_at = excluded.updated_at")
                .setParameter(1, tenantId).setParameter(2, read.users().deltaLink())
                .setParameter(3, read.education().deltaLink()).setParameter(4, now).executeUpdate();
        return counts;
    }

    /**
     * The group's owners and members as Microsoft lists them now: the stored listing with the delta applied (or the
     * delta alone, when it listed everyone anew), stored again with the group's new delta link.
     */
    private static Members keepListing(EntityManager em, UUID tenantId, Listing listing, OffsetDateTime now) {
        String groupId = listing.group().microsoftGroupId();
        GraphClient.GroupDelta delta = listing.delta();
        Set<String> owners = new HashSet<>();
        Set<String> members = new HashSet<>();
        if (listing.fromScratch()) {
            em.createNativeQuery("delete from graph_group_listing where tenant_id = ?1 and microsoft_group_id = ?2")
                    .setParameter(1, tenantId).setParameter(2, groupId).executeUpdate();
        } else {
            for (Object row : em.createNativeQuery("select relation, entra_object_id from graph_group_listing"
                    + " where tenant_id = ?1 and microsoft_group_id = ?2").setParameter(1, tenantId)
                    .setParameter(2, groupId).getResultList()) {
                Object[] columns = (Object[]) row;
                ("OWNER".equals(columns[0]) ? owners : members).add(columns[1].toString());
            }
        }
        Set<String> newOwners = delta.groupRemoved() ? Set.of() : GraphClient.GroupDelta.apply(owners, delta.owners());
        Set<String> newMembers = delta.groupRemoved() ? Set.of() : GraphClient.GroupDelta.apply(members, delta.members());
        em.createNativeQuery("insert into graph_group_state (tenant_id, microsoft_group_id, delta_link, updated_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict (tenant_id, microsoft_group_id) do update"
                        + " set delta_link = excluded.delta_link, updated_at = excluded.updated_at")
                .setParameter(1, tenantId).setParameter(2, groupId).setParameter(3, delta.deltaLink())
                .setParameter(4, now).executeUpdate();
        store(em, tenantId, groupId, "OWNER", owners, newOwners);
        store(em, tenantId, groupId, "MEMBER", members, newMembers);
        return new Members(newOwners, newMembers);
    }

    /**
     * Writes the difference between the stored and the new list: rows that went are deleted, new rows added. Only
     * Entra object ids are kept (Graph gives no other kind of user id; anything else could never match a person).
     */
    private static void store(EntityManager em, UUID tenantId, String groupId, String relation, Set<String> stored,
                              Set<String> now) {
        List<UUID> gone = stored.stream().filter(id -> !now.contains(id)).map(GraphSync::uuid).filter(Objects::nonNull)
                .toList();
        for (int start = 0; start < gone.size(); start += CHUNK) {
            em.createNativeQuery("delete from graph_group_listing where tenant_id = ?1 and microsoft_group_id = ?2"
                            + " and relation = ?3 and entra_object_id = any(?4)")
                    .setParameter(1, tenantId).setParameter(2, groupId).setParameter(3, relation)
                    .setParameter(4, gone.subList(start, Math.min(gone.size(), start + CHUNK)).toArray(UUID[]::new))
                    .executeUpdate();
        }
        List<UUID> added = now.stream().filter(id -> !stored.contains(id)).map(GraphSync::uuid)
                .filter(Objects::nonNull).toList();
        if (added.isEmpty()) {
            return; // the usual night: nobody joined
        }
        em.flush();
        try (CopyRows copy = CopyRows.into(em.unwrap(Connection.class), "graph_group_listing",
                List.of("tenant_id", "microsoft_group_id", "relation", "entra_object_id"))) {
            added.forEach(id -> copy.row(tenantId, groupId, relation, id));
        }
    }

    /**
     * Links the people the student register brought in to their Microsoft accounts: a person whose register id is an
     * education user's {@code externalId} gets that user's Entra object id, if the person has none yet and no one else
     * in the tenant has it. A person linked to another account, or whose account another person has, is left as it is
     * and counted in a note (an administrator decides). In bulk: one COPY and one update.
     */
    private static void linkAccounts(EntityManager em, UUID tenantId, Map<String, String> externalIds, int[] count,
                                     List<String> notes) {
        if (externalIds.isEmpty()) {
            return;
        }
        em.flush();
        em.createNativeQuery("create temporary table graph_account_link (external_id varchar(100) not null,"
                + " entra_object_id uuid not null) on commit drop").executeUpdate();
        try (CopyRows copy = CopyRows.into(em.unwrap(Connection.class), "graph_account_link",
                List.of("external_id", "entra_object_id"))) {
            externalIds.forEach((objectId, externalId) -> {
                UUID id = uuid(objectId);
                if (id != null && externalId.length() <= 100) {
                    copy.row(externalId, id);
                }
            });
        }
        String taken = "exists (select 1 from person o where o.tenant_id = ?1 and o.entra_object_id = l.entra_object_id)";
        long conflicts = ((Number) em.createNativeQuery("select count(*) from graph_account_link l join person p"
                        + " on p.tenant_id = ?1 and p.external_id = l.external_id"
                        + " where p.entra_object_id is distinct from l.entra_object_id"
                        + " and (p.entra_object_id is not null or " + taken + ")")
                .setParameter(1, tenantId).getSingleResult()).longValue();
        count[1] += em.createNativeQuery("update person p set entra_object_id = l.entra_object_id, version = p.version + 1"
                        + " from graph_account_link l where p.tenant_id = ?1 and p.external_id = l.external_id"
                        + " and p.entra_object_id is null and not " + taken)
                .setParameter(1, tenantId).executeUpdate();
        if (conflicts > 0) {
            notes.add("Microsoft Graph: " + conflicts + " people of the roster are linked to another Microsoft account"
                    + " than the one School Data Sync gives their register id, or that account is another person's;"
                    + " they were left as they are");
        }
    }

    /**
     * The ids of the tenant's people with an Entra object id, by that id: those named, or (when every user was read)
     * all of them, so that the people Microsoft no longer lists lose the licences it gave. Scalar rows: a first sync of a
     * large municipality reads hundreds of thousands.
     */
    private static Map<String, UUID> persons(EntityManager em, UUID tenantId, Set<String> objectIds, boolean all) {
        Map<String, UUID> persons = new HashMap<>();
        String jpql = "select p.id, p.entraObjectId from Person p where p.tenant.id = :tenant and p.entraObjectId ";
        if (all) {
            em.createQuery(jpql + "is not null", Object[].class).setParameter("tenant", tenantId).getResultStream()
                    .forEach(row -> persons.put(row[1].toString(), (UUID) row[0]));
            return persons;
        }
        List<UUID> ids = objectIds.stream().map(GraphSync::uuid).filter(Objects::nonNull).toList();
        for (int start = 0; start < ids.size(); start += CHUNK) {
            em.createQuery(jpql + "in :ids", Object[].class).setParameter("tenant", tenantId)
                    .setParameter("ids", ids.subList(start, Math.min(ids.size(), start + CHUNK))).getResultStream()
                    .forEach(row -> persons.put(row[1].toString(), (UUID) row[0]));
        }
        return persons;
    }

    private static Optional<UUID> person(Map<String, UUID> persons, String objectId, Set<String> unknown) {
        UUID person = persons.get(objectId);
        if (person == null && unknown != null) {
            unknown.add(objectId);
        }
        return Optional.ofNullable(person);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnObjectId) {
            return null;
        }
    }

    /** Adds what is wanted and not held, ends (or, not yet begun, withdraws) what is held and not wanted. */
    private static void keepMembershipsInStep(EntityManager em, StudyGroup group, Map<UUID, Set<MembershipRole>> wanted,
                                              LocalDate today, int[] count) {
        List<Membership> current = em.createQuery("select m from Membership m where m.group = :group"
                        + " and (m.validity.validTo is null or m.validity.validTo >= :today)", Membership.class)
                .setParameter("group", group).setParameter("today", today).getResultList();
        Map<UUID, Set<MembershipRole>> held = new HashMap<>();
        for (Membership membership : current) {
            Set<MembershipRole> roles = wanted.getOrDefault(membership.person().id(), Set.of());
            if (roles.contains(membership.role())) {
                held.computeIfAbsent(membership.person().id(), p -> EnumSet.noneOf(MembershipRole.class))
                        .add(membership.role());
            } else {
                end(em, membership, membership.validity(), membership::endOn, today);
                count[2]++;
            }
        }
        wanted.forEach((personId, roles) -> {
            for (MembershipRole role : roles) {
                if (!held.getOrDefault(personId, Set.of()).contains(role)) {
                    em.persist(new Membership(null, group, em.find(Person.class, personId), role,
                            Validity.between(today, null)));
                    count[0]++;
                }
            }
        });
    }

    /**
     * Gives each person the licences wanted of them, in bulk: one read of their current licences, chunked updates and
     * deletes for those that end, and COPY for the new ones (a first sync may grant a municipality's every licence).
     */
    private static void keepLicencesInStep(EntityManager em, UUID tenantId, Map<UUID, Set<LicenceKind>> wanted,
                                           boolean everyone, LocalDate today, int[] count) {
        if (wanted.isEmpty()) {
            return;
        }
        Map<UUID, Set<LicenceKind>> held = new HashMap<>();
        List<UUID> ending = new ArrayList<>();
        List<UUID> withdrawn = new ArrayList<>();
        String jpql = "select l.id, l.person.id, l.kind, l.validity.validFrom from Licence l where l.person.tenant.id = :tenant"
                + " and (l.validity.validTo is null or l.validity.validTo >= :today)";
        Consumer<Object[]> row = licence -> {
            UUID person = (UUID) licence[1];
            Set<LicenceKind> kinds = wanted.get(person);
            if (kinds == null) {
                return; // not asked about: left as it is
            }
            LicenceKind kind = (LicenceKind) licence[2];
            LocalDate from = (LocalDate) licence[3];
            if (kinds.contains(kind) && held.computeIfAbsent(person, p -> EnumSet.noneOf(LicenceKind.class)).add(kind)) {
                return;
            }
            (from.isBefore(today) ? ending : withdrawn).add((UUID) licence[0]);
        };
        if (everyone) {
            em.createQuery(jpql, Object[].class).setParameter("tenant", tenantId).setParameter("today", today)
                    .getResultStream().forEach(row);
        } else {
            List<UUID> people = new ArrayList<>(wanted.keySet());
            for (int start = 0; start < people.size(); start += CHUNK) {
                em.createQuery(jpql + " and l.person.id in :people", Object[].class).setParameter("tenant", tenantId)
                        .setParameter("today", today)
                        .setParameter("people", people.subList(start, Math.min(people.size(), start + CHUNK)))
                        .getResultStream().forEach(row);
            }
        }
        for (int start = 0; start < ending.size(); start += CHUNK) {
            count[2] += em.createQuery("update Licence l set l.validity.validTo = :yesterday, l.version = l.version + 1"
                            + " where l.id in :ids").setParameter("yesterday", today.minusDays(1))
                    .setParameter("ids", ending.subList(start, Math.min(ending.size(), start + CHUNK))).executeUpdate();
        }
        for (int start = 0; start < withdrawn.size(); start += CHUNK) {
            count[2] += em.createQuery("delete from Licence l where l.id in :ids")
                    .setParameter("ids", withdrawn.subList(start, Math.min(withdrawn.size(), start + CHUNK)))
                    .executeUpdate();
        }
        em.flush();
        try (CopyRows copy = CopyRows.into(em.unwrap(Connection.class), "licence",
                List.of("id", "person_id", "kind", "valid_from"))) {
            wanted.forEach((person, kinds) -> {
                for (LicenceKind kind : kinds) {
                    if (!held.getOrDefault(person, Set.of()).contains(kind)) {
                        copy.row(UUID.randomUUID(), person, kind, today);
                        count[0]++;
                    }
                }
            });
        }
    }

    /** Ends a fact yesterday, so that it no longer holds today; one that has not begun never held and goes. */
    private static void end(EntityManager em, Object fact, Validity validity, java.util.function.Consumer<LocalDate> endOn,
                            LocalDate today) {
        if (validity.validFrom().isBefore(today)) {
            endOn.accept(today.minusDays(1));
        } else {
            em.remove(fact);
        }
    }

    // ---------------------------------------------------------------- the run's row

    private void phase(UUID runId, ImportProgressListener listener, String phase, long done, long total) {
        listener.progress(runId, phase, done, total);
        transactions.inNewTransaction(em -> {
            em.find(ImportRun.class, runId).progress(phase, done, total);
            return null;
        });
    }

    private ImportSummary finish(UUID runId, ImportStatus status, List<ImportCount> counts, List<String> problems,
                                 List<String> notes) {
        return transactions.inNewTransaction(em -> {
            ImportRun run = em.find(ImportRun.class, runId);
            run.finish(status, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), counts, problems, notes);
            return ImportSummary.of(run);
        });
    }
}
