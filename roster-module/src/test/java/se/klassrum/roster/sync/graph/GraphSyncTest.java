package se.klassrum.roster.sync.graph;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.klassrum.roster.boundary.NewGroup;
import se.klassrum.roster.boundary.NewPerson;
import se.klassrum.roster.boundary.RosterAdministration;
import se.klassrum.roster.boundary.RosterAdministrationForTests;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.ImportKind;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.SecurityMarking;
import se.klassrum.roster.entity.Validity;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.RosterImporter;
import se.klassrum.roster.testing.RosterView;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Microsoft Graph sync against a stand-in for Graph and a real PostgreSQL: owners and members of a connected
 * Microsoft group become memberships, licences follow the SKUs Microsoft assigned, what Microsoft no longer lists ends
 * the day before, a register's group is left to the register, and a sync that fails half-way writes nothing and
 * leaves the delta link where it was, so that the next run completes it.
 */
class GraphSyncTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final UUID ANNA = UUID.fromString("a0000000-0000-4000-8000-00000000000a");
    private static final UUID ELSA = UUID.fromString("e0000000-0000-4000-8000-00000000000e");
    private static final UUID FILIP = UUID.fromString("f0000000-0000-4000-8000-00000000000f");
    private static final UUID HUGO = UUID.fromString("b0000000-0000-4000-8000-00000000000b");
    private static final String MS_GROUP = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
    private static final String REGISTER_MS_GROUP = "11bd9fd6-8f93-4758-87c3-1fb73740a399";

    private static TestDatabase db;
    private static TestTransactions transactions;

    /** Each test's organisation in Microsoft's directory. */
    private final UUID entraTenant = UUID.randomUUID();
    private GraphServer graph;
    private UUID tenant;
    private UUID group;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("graph_sync");
        transactions = new TestTransactions(db);
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    @BeforeEach
    void roster() {
        graph = new GraphServer();
        graph.tokenEndpoint(entraTenant.toString());
        graph.subscribedSkus();
        graph.educationUsers(null, "e1");
        db.runInTransaction(em -> {
            RosterAdministration admin = RosterAdministrationForTests.on(em);
            tenant = admin.createTenant(null, entraTenant, "Graphkommun");
            UUID school = admin.createSchool(null, tenant, "Molnskolan", null, null);
            UUID anna = person(admin, "anna", ANNA, "Anna");
            UUID elsa = person(admin, "elsa", ELSA, "Elsa");
            person(admin, "filip", FILIP, "Filip");
            UUID hugo = person(admin, "hugo", HUGO, "Hugo");
            person(admin, "greta", null, "Greta");
            group = admin.createGroup(null, school, new NewGroup(GroupKind.TEACHING, "Ma1c i Teams", "2025/26", null,
                    MS_GROUP));
            admin.connectGroup(group);
            admin.addMembership(null, group, hugo, MembershipRole.MEMBER, Validity.between(DAY.minusMonths(2), null));
            admin.grantLicence(null, elsa, LicenceKind.STUDENT, Validity.between(DAY.minusMonths(6), null));
            admin.grantLicence(null, hugo, LicenceKind.STUDENT, Validity.between(DAY.minusMonths(6), null));
            // A group of the student register, connected too: its members are the register's to say.
            UUID registers = admin.createGroup(null, school, new NewGroup(GroupKind.TEACHING, "Ma1c NA25a", "2025/26",
                    "K1", REGISTER_MS_GROUP));
            admin.connectGroup(registers);
            admin.addMembership(null, registers, anna, MembershipRole.OWNER, Validity.between(DAY.minusMonths(6), null));
        });
    }

    @AfterEach
    void stopGraph() {
        graph.close();
    }

    @Test
    void owners_and_members_become_memberships_and_licences_follow_the_assigned_skus() throws SQLException {
        graph.group(MS_GROUP, List.of(ANNA.toString()), List.of(ANNA.toString(), ELSA.toString(), FILIP.toString(),
                "c0000000-0000-4000-8000-0000000000cc", "device-7"));
        usersDelta(null, "d1", GraphServer.user(ANNA.toString(), Set.of(GraphServer.FACULTY_SKU)),
                GraphServer.user(ELSA.toString(), Set.of(GraphServer.STUDENT_SKU)),
                GraphServer.user(FILIP.toString(), Set.of(GraphServer.OTHER_SKU)),
                GraphServer.user(HUGO.toString(), null));

        ImportSummary run = sync(DAY);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.format()).isEqualTo("MICROSOFT_GRAPH");
        assertThat(memberships()).containsExactly(
                "Ma1c NA25a|anna|OWNER|2025-09-02|-",
                "Ma1c i Teams|anna|MEMBER|" + DAY + "|-", "Ma1c i Teams|anna|OWNER|" + DAY + "|-",
                "Ma1c i Teams|elsa|MEMBER|" + DAY + "|-", "Ma1c i Teams|filip|MEMBER|" + DAY + "|-",
                "Ma1c i Teams|hugo|MEMBER|2026-01-02|" + DAY.minusDays(1));
        assertThat(licences()).containsExactly("anna|TEACHER|" + DAY + "|-", "elsa|STUDENT|2025-09-02|-",
                "hugo|STUDENT|2025-09-02|" + DAY.minusDays(1));
        assertThat(run.created(ImportKind.MEMBERSHIP)).isEqualTo(4);
        assertThat(run.ended(ImportKind.MEMBERSHIP)).isEqualTo(1);
        assertThat(run.created(ImportKind.LICENCE)).isEqualTo(1);
        assertThat(run.ended(ImportKind.LICENCE)).isEqualTo(1);
        assertThat(run.notes()).containsExactly(
                "Microsoft Graph: 1 owners or members are not users (devices, groups) and give no membership",
                "Microsoft Graph: 1 owners or members of connected groups are not in the roster (no person with their"
                        + " Entra object id) and give no membership");
        assertThat(deltaLink()).isEqualTo(graph.link("users/delta?$deltatoken=d1"));
        assertThat(groupDeltaLink()).isEqualTo(graph.link("groups/delta?$deltatoken=" + MS_GROUP + "-1"));
        // The register's group was not even asked for.
        graph.server.verify(0, getRequestedFor(urlPathMatching("/v1.0/groups/.*"))
                .withQueryParam("$filter", containing(REGISTER_MS_GROUP)));
    }

    @Test
    void the_next_run_asks_only_for_changes_and_ends_what_microsoft_no_longer_lists() throws SQLException {
        graph.group(MS_GROUP, List.of(ANNA.toString()), List.of(ANNA.toString(), ELSA.toString(), FILIP.toString()));
        usersDelta(null, "d1", GraphServer.user(ELSA.toString(), Set.of(GraphServer.STUDENT_SKU)));
        assertThat(sync(DAY).status()).isEqualTo(ImportStatus.SUCCEEDED);

        // A week later Filip has left the Team, Elsa's licence was taken away, Anna got one.
        graph.groupChanges(MS_GROUP, MS_GROUP + "-1", MS_GROUP + "-2", List.of(), List.of(), List.of(),
                List.of(FILIP.toString()));
        graph.stub(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$deltatoken", equalTo("d1"))
                .willReturn(okJson(GraphServer.deltaPage(null, graph.link("users/delta?$deltatoken=d2"),
                        GraphServer.user(ELSA.toString(), Set.of()),
                        GraphServer.user(ANNA.toString(), Set.of(GraphServer.FACULTY_SKU))))));
        LocalDate week = DAY.plusDays(7);

        ImportSummary run = sync(week);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(memberships()).contains("Ma1c i Teams|filip|MEMBER|" + DAY + "|" + week.minusDays(1),
                "Ma1c i Teams|elsa|MEMBER|" + DAY + "|-");
        assertThat(licences()).contains("elsa|STUDENT|2025-09-02|" + week.minusDays(1), "anna|TEACHER|" + week + "|-");
        assertThat(deltaLink()).isEqualTo(graph.link("users/delta?$deltatoken=d2"));
        assertThat(groupDeltaLink()).isEqualTo(graph.link("groups/delta?$deltatoken=" + MS_GROUP + "-2"));
        assertThat(run.ended(ImportKind.MEMBERSHIP)).isEqualTo(1);
        // Only the changes were asked for: the group's first round was read once.
        graph.server.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$filter",
                containing(MS_GROUP)));
    }

    @Test
    void a_group_whose_delta_link_expired_is_read_anew_and_one_deleted_in_microsoft_ends_its_memberships()
            throws SQLException {
        graph.group(MS_GROUP, List.of(ANNA.toString()), List.of(ANNA.toString(), ELSA.toString(), FILIP.toString()));
        usersDelta(null, "d1");
        assertThat(sync(DAY).status()).isEqualTo(ImportStatus.SUCCEEDED);

        // Graph has forgotten the link; read anew, the Team has Anna and Elsa only.
        graph.stub(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$deltatoken", equalTo(MS_GROUP + "-1"))
                .willReturn(GraphServer.error(410, "syncStateNotFound", "The sync state is no longer valid.")));
        graph.group(MS_GROUP, List.of(ANNA.toString()), List.of(ANNA.toString(), ELSA.toString()));
        usersDelta("d1", "d2");
        LocalDate week = DAY.plusDays(7);

        ImportSummary anew = sync(week);

        assertThat(anew.status()).as(String.join("\n", anew.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(anew.notes()).contains("Microsoft Graph: the delta links of 1 groups had expired; their owners and"
                + " members were read anew");
        assertThat(memberships()).contains("Ma1c i Teams|filip|MEMBER|" + DAY + "|" + week.minusDays(1),
                "Ma1c i Teams|elsa|MEMBER|" + DAY + "|-");
        assertThat(listing()).containsExactly("MEMBER|" + ANNA, "MEMBER|" + ELSA, "OWNER|" + ANNA);

        // Then the Team is deleted in Microsoft 365: nobody has access through it any more.
        graph.stub(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$deltatoken", equalTo(MS_GROUP + "-1"))
                .willReturn(okJson(GraphServer.groupDeltaPage(null, graph.link("groups/delta?$deltatoken=gone"),
                        GraphServer.groupRemoved(MS_GROUP)))));
        usersDelta("d2", "d3");
        LocalDate later = week.plusDays(7);

        ImportSummary removed = sync(later);

        assertThat(removed.status()).as(String.join("\n", removed.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(removed.notes()).contains("Microsoft Graph: the Microsoft group of Ma1c i Teams was deleted; its"
                + " owners and members no longer have access through it");
        assertThat(memberships()).filteredOn(row -> row.startsWith("Ma1c i Teams|")).allMatch(row -> !row.endsWith("|-"));
        assertThat(listing()).isEmpty();
    }

    @Test
    void a_sync_that_fails_half_way_writes_nothing_and_the_next_run_completes_it() throws SQLException {
        graph.stub(get(urlPathEqualTo("/v1.0/groups/delta"))
                .willReturn(GraphServer.error(500, "generalException", "An unexpected error occurred")));
        usersDelta(null, "d1", GraphServer.user(ANNA.toString(), Set.of(GraphServer.FACULTY_SKU)));
        RosterView before = RosterView.of(db, tenant);
        List<String> licencesBefore = licences();

        ImportSummary failed = sync(DAY);

        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.problems()).containsExactly("Microsoft Graph: the sync failed and nothing was written:"
                + " Microsoft Graph answered 500 for /groups/delta after 4 tries: An unexpected error occurred");
        assertThat(RosterView.of(db, tenant)).isEqualTo(before);
        assertThat(licences()).isEqualTo(licencesBefore);
        assertThat(deltaLink()).isNull();
        assertThat(groupDeltaLink()).isNull();

        graph.server.resetMappings();
        graph.tokenEndpoint(entraTenant.toString());
        graph.subscribedSkus();
        graph.educationUsers(null, "e1");
        usersDelta(null, "d1", GraphServer.user(ANNA.toString(), Set.of(GraphServer.FACULTY_SKU)));
        graph.group(MS_GROUP, List.of(ANNA.toString()), List.of(ANNA.toString()));
        ImportSummary next = sync(DAY);

        assertThat(next.status()).as(String.join("\n", next.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(memberships()).contains("Ma1c i Teams|anna|OWNER|" + DAY + "|-");
        assertThat(licences()).contains("anna|TEACHER|" + DAY + "|-");
        assertThat(deltaLink()).isEqualTo(graph.link("users/delta?$deltatoken=d1"));
    }

    @Test
    void people_of_the_register_are_linked_to_the_accounts_school_data_sync_made_for_them() throws SQLException {
        UUID ivar = UUID.fromString("1f000000-0000-4000-8000-0000000000f1");
        UUID tove = UUID.fromString("70000000-0000-4000-8000-0000000000f2");
        db.runInTransaction(em -> {
            RosterAdministration admin = RosterAdministrationForTests.on(em);
            person(admin, "elev-ivar", null, "Ivar");
            person(admin, "lar-tove", null, "Tove");
        });
        // Greta (no account yet) is claimed by an account that Hugo already has: left alone, and said.
        graph.educationUsers(null, "e1", ivar + "=student:elev-ivar", tove + "=teacher:lar-tove",
                HUGO + "=student:greta", "99000000-0000-4000-8000-000000000099=student:not-in-the-roster");
        graph.group(MS_GROUP, List.of(tove.toString()), List.of(tove.toString(), ivar.toString()));
        usersDelta(null, "d1", GraphServer.user(ivar.toString(), Set.of(GraphServer.STUDENT_SKU)));

        ImportSummary run = sync(DAY);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(rows("select external_id, entra_object_id from person where tenant_id = ? and external_id in"
                + " ('elev-ivar', 'lar-tove', 'greta', 'hugo')")).containsExactly("elev-ivar|" + ivar,
                "greta|-", "hugo|" + HUGO, "lar-tove|" + tove);
        assertThat(run.updated(ImportKind.PERSON)).isEqualTo(2);
        assertThat(run.notes()).contains("Microsoft Graph: 1 people of the roster are linked to another Microsoft"
                + " account than the one School Data Sync gives their register id, or that account is another"
                + " person's; they were left as they are");
        // Linked in the same run: the Team's owner and member, and Ivar's licence.
        assertThat(memberships()).contains("Ma1c i Teams|lar-tove|OWNER|" + DAY + "|-",
                "Ma1c i Teams|elev-ivar|MEMBER|" + DAY + "|-");
        assertThat(licences()).contains("elev-ivar|STUDENT|" + DAY + "|-");
        assertThat(rows("select education_users_delta_link from graph_sync_state where tenant_id = ?"))
                .containsExactly(graph.link("education/users/delta?$deltatoken=e1"));
    }

    @Test
    void a_tenant_without_school_data_sync_is_kept_in_step_all_the_same() throws SQLException {
        graph.stub(get(urlPathEqualTo("/v1.0/education/users/delta")).willReturn(GraphServer.error(404,
                "Request_ResourceNotFound", "Resource not found for the segment 'education'.")));
        graph.group(MS_GROUP, List.of(ANNA.toString()), List.of(ANNA.toString()));
        usersDelta(null, "d1");

        ImportSummary run = sync(DAY);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.notes()).contains("Microsoft Graph: the tenant has no education users (School Data Sync), so"
                + " people are linked to their Microsoft accounts only by hand");
        assertThat(memberships()).contains("Ma1c i Teams|anna|OWNER|" + DAY + "|-");
        assertThat(rows("select coalesce(education_users_delta_link, '-') from graph_sync_state where tenant_id = ?"))
                .containsExactly("-");
    }

    @Test
    void a_disconnected_group_is_no_longer_kept_in_step() throws SQLException {
        db.runInTransaction(em -> RosterAdministrationForTests.on(em).disconnectGroup(group));
        usersDelta(null, "d1");

        ImportSummary run = sync(DAY);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(memberships()).contains("Ma1c i Teams|hugo|MEMBER|2026-01-02|-");
        graph.server.verify(0, getRequestedFor(urlPathMatching("/v1.0/groups/.*")));
    }

    // ---------------------------------------------------------------- helpers

    private ImportSummary sync(LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(3, 0).atZone(RosterImporter.SCHOOL_ZONE).toInstant(),
                RosterImporter.SCHOOL_ZONE);
        return new GraphSync(transactions, graph.client(), graph.settings(), clock).sync(tenant, "schedule", null);
    }

    private void usersDelta(String token, String deltaToken, String... users) {
        var request = get(urlPathEqualTo("/v1.0/users/delta"));
        request = token == null ? request.withQueryParam("$select", equalTo("id,assignedLicenses"))
                : request.withQueryParam("$deltatoken", equalTo(token));
        graph.stub(request.willReturn(okJson(GraphServer.deltaPage(null,
                graph.link("users/delta?$deltatoken=" + deltaToken), users))));
    }

    private UUID person(RosterAdministration admin, String id, UUID objectId, String given) {
        return admin.createPerson(null, tenant, new NewPerson(id, objectId, given, "Moln", null, null,
                SecurityMarking.NONE));
    }

    /** "group|person|ROLE|from|to" of the tenant's memberships. */
    private List<String> memberships() throws SQLException {
        return rows("select g.name, p.external_id, m.role, m.valid_from, m.valid_to from membership m"
                + " join study_group g on g.id = m.group_id join person p on p.id = m.person_id where m.tenant_id = ?");
    }

    /** "person|KIND|from|to" of the tenant's licences. */
    private List<String> licences() throws SQLException {
        return rows("select p.external_id, l.kind, l.valid_from, l.valid_to from licence l join person p"
                + " on p.id = l.person_id where p.tenant_id = ?");
    }

    private String deltaLink() throws SQLException {
        List<String> rows = rows("select users_delta_link from graph_sync_state where tenant_id = ?");
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String groupDeltaLink() throws SQLException {
        List<String> rows = rows("select delta_link from graph_group_state where tenant_id = ?");
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** "RELATION|Entra object id" of the tenant's stored Microsoft group listings. */
    private List<String> listing() throws SQLException {
        return rows("select relation, entra_object_id from graph_group_listing where tenant_id = ?");
    }

    private List<String> rows(String sql) throws SQLException {
        TreeSet<String> rows = new TreeSet<>();
        try (Connection connection = db.dataSource().getConnection();
             var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, tenant);
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        row.append(i > 1 ? "|" : "").append(value == null ? "-" : value.toString());
                    }
                    rows.add(row.toString());
                }
            }
        }
        return List.copyOf(rows);
    }
}
