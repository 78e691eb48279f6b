package se.klassrum.roster.sync;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.klassrum.roster.boundary.RosterAdministrationForTests;
import se.klassrum.roster.entity.ImportKind;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.Validity;
import se.klassrum.roster.entity.SecurityMarking;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.ImportTransactions;
import se.klassrum.roster.importer.RosterImporter;
import se.klassrum.roster.sync.ss12000.Endpoint;
import se.klassrum.roster.sync.ss12000.Ss12000Snapshot;
import se.klassrum.roster.sync.ss12000.Ss12000Client;
import se.klassrum.roster.sync.ss12000.Ss12000Requests;
import se.klassrum.roster.sync.ss12000.Ss12000Settings;
import se.klassrum.roster.testing.RosterView;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;
import se.klassrum.roster.testing.ss12000.Register;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.klassrum.roster.testing.ss12000.Register.CREATED;
import static se.klassrum.roster.testing.ss12000.Register.activity;
import static se.klassrum.roster.testing.ss12000.Register.duty;
import static se.klassrum.roster.testing.ss12000.Register.emails;
import static se.klassrum.roster.testing.ss12000.Register.enrolment;
import static se.klassrum.roster.testing.ss12000.Register.group;
import static se.klassrum.roster.testing.ss12000.Register.id;
import static se.klassrum.roster.testing.ss12000.Register.organisation;
import static se.klassrum.roster.testing.ss12000.Register.person;
import static se.klassrum.roster.testing.ss12000.Register.placement;
import static se.klassrum.roster.testing.ss12000.Register.responsible;
import static se.klassrum.roster.testing.ss12000.Register.syllabus;

/**
 * The sync against a student register on loopback that answers as SS 12000 v2.1 specifies: a first run brings
 * the whole register into the roster, later runs only what changed or was deleted, a refused token is said plainly, and a run that fails half-way leaves the roster as it was for the next run
 * to complete.
 */
class Ss12000SyncTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String TERM_START = "2025-08-18";
    static final String TERM_END = "2026-06-12";
    static final String LATER = "2026-03-01T10:00:00+01:00";

    private static TestDatabase db;
    private static TestTransactions transactions;

    private Register register;
    private UUID tenant;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("ss12000_sync");
        transactions = new TestTransactions(db);
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    @BeforeEach
    void startRegister() {
        register = new Register();
        tenant = db.inTransaction(em -> RosterAdministrationForTests.on(em).createTenant(null, UUID.randomUUID(),
                "Provkommun " + UUID.randomUUID()));
    }

    @AfterEach
    void stopRegister() {
        register.close();
    }

    // The register of a small municipality: a school unit with a teacher, a principal, a mentor, three pupils
    // (one with a protected identity), their guardians; a fritidshem child at a second unit.

    static List<JsonObject> organisations() {
        return List.of(organisation("kommunen", "Provkommunen", "Huvudman", null),
                organisation("solskolan", "Solskolan", "Skolenhet", "kommunen"),
                organisation("fritids", "Månens fritidshem", "Skolenhet", "kommunen"));
    }

    static JsonObject elsa() {
        return person("elsa", "Elsa", "Ek", CREATED, Map.of("birthDate", Json.createValue("2013-04-12"),
                "securityMarking", Json.createValue("Ingen"), "responsibles", responsible("karin", "Vårdnadshavare"),
                "enrolments", enrolment("solskolan", TERM_START)));
    }

    static JsonObject filip(String familyName, String modified) {
        return person("filip", "Filip", familyName, modified, Map.of("responsibles", responsible("nils", "God man"),
                "enrolments", enrolment("solskolan", TERM_START)));
    }

    static List<JsonObject> persons() {
        return List.of(
                person("anna", "Anna", "Andersson", CREATED, Map.of("emails", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "Privat").add("value", "anna@example.com"))
                        .add(Json.createObjectBuilder().add("type", "Skola personal").add("value", "anna.andersson@skola.example.se"))
                        .build())),
                person("sara", "Sara", "Svensson", CREATED, Map.of()),
                person("petra", "Petra", "Pettersson", CREATED, Map.of()),
                elsa(),
                filip("Fors", CREATED),
                person("greta", "Greta", "Gran", CREATED, Map.of("securityMarking", Json.createValue("Skyddad folkbokföring"),
                        "enrolments", enrolment("solskolan", TERM_START))),
                person("karin", "Karin", "Ek", CREATED, Map.of("emails", emails("Privat", "karin.ek@example.com"))),
                person("nils", "Nils", "Nilsson", CREATED, Map.of()),
                person("rut", "Rut", "Rask", CREATED, Map.of()));
    }

    static List<JsonObject> duties() {
        return List.of(duty("anna-larare", "anna", "solskolan", "Lärare", "2020-08-01", null),
                duty("sara-rektor", "sara", "solskolan", "Rektor", "2019-01-01", null),
                duty("petra-mentor", "petra", "solskolan", "Lärare", "2021-08-01", "klass-7a"),
                duty("sara-bibliotek", "sara", "solskolan", "Bibliotekarie", "2019-01-01", null));
    }

    static JsonObject mathGroup(List<String> members, String modified) {
        return group("ma-7a", "Matematik 7A", "Undervisning", "solskolan", TERM_START, TERM_END, modified, members);
    }

    static List<JsonObject> groups() {
        return List.of(mathGroup(List.of("elsa", "filip", "greta"), CREATED),
                group("klass-7a", "7A", "Klass", "solskolan", TERM_START, TERM_END, CREATED, List.of("elsa", "filip", "greta")));
    }

    void serveWholeRegister() {
        register.serve("organisations", organisations(), 100);
        register.serve("persons", persons(), 4); // three pages
        register.serve("placements", List.of(placement("rut-fritids", "rut", "fritids", TERM_START)), 100);
        register.serve("duties", duties(), 100);
        register.serve("groups", groups(), 100);
        register.serve("activities", List.of(activity("ma-7a-lektioner", "Matematik 7A", "solskolan", "ma-7a",
                "anna-larare", "grgrmat01", TERM_START, TERM_END)), 100);
        register.serve("syllabuses", List.of(syllabus("grgrmat01", "GRGRMAT01", "Matematik", "MA")), 100);
    }

    void serveNoChanges() {
        for (String endpoint : List.of("organisations", "persons", "placements", "duties", "groups", "activities",
                "syllabuses")) {
            register.serveChanges(endpoint, List.of());
        }
        register.serveDeleted(Map.of());
    }

    /** When armed, the next transaction that adds a person to the tenant fails at its end, after writing. */
    private final AtomicBoolean failWriting = new AtomicBoolean();

    private final ImportTransactions failingOnDemand = new ImportTransactions() {
        @Override
        public <T> T inNewTransaction(Function<EntityManager, T> work) {
            return transactions.inNewTransaction(em -> {
                long before = persons(em);
                T result = work.apply(em);
                if (persons(em) > before && failWriting.getAndSet(false)) {
                    throw new IllegalStateException("the connection to the database was lost");
                }
                return result;
            });
        }

        @Override
        public java.sql.Connection connectionOfItsOwn() throws java.sql.SQLException {
            return transactions.connectionOfItsOwn();
        }

        @Override
        public se.klassrum.roster.importer.ImportSlots importSlots() {
            return transactions.importSlots();
        }

        private long persons(EntityManager em) {
            return em.createQuery("select count(p) from Person p where p.tenant.id = :t", Long.class)
                    .setParameter("t", tenant).getSingleResult();
        }
    };

    /**
     * A sync whose requests are each sent once: the retry policy is MicroProfile Fault Tolerance's, which acts in
     * the container (LiveSyncChecks in the web module); here nothing intercepts {@link Ss12000Requests}.
     */
    Ss12000Sync sync(String token) {
        return sync(token, 0);
    }

    /** A sync that asks for pages of at most pageSize entities (0: the register chooses). */
    Ss12000Sync sync(String token, int pageSize) {
        return sync(token, pageSize, 3);
    }

    /** A sync that reads the whole register after fullReadAfter runs in a row could not read the changes. */
    Ss12000Sync sync(String token, int pageSize, int fullReadAfter) {
        return sync(new Ss12000Settings(register.baseUri(), token, pageSize, Duration.ofSeconds(10)), fullReadAfter);
    }

    /** A sync that gets its tokens from the register's token endpoint with these client credentials. */
    Ss12000Sync sync(URI tokenEndpoint, String clientId, String secret) {
        return sync(new Ss12000Settings(register.baseUri(), null, 0, Duration.ofSeconds(10),
                new Ss12000Settings.ClientCredentials(tokenEndpoint, clientId, secret, null)), 3);
    }

    Ss12000Sync sync(Ss12000Settings settings, int fullReadAfter) {
        Ss12000Client client = Ss12000Client.of(settings, new Ss12000Requests());
        Clock clock = Clock.fixed(DAY.atTime(9, 30).atZone(RosterImporter.SCHOOL_ZONE).toInstant(),
                RosterImporter.SCHOOL_ZONE);
        return new Ss12000Sync(tenant, client, new RosterImporter(failingOnDemand, clock), clock, Duration.ofMinutes(5),
                fullReadAfter, new Ss12000SnapshotStore(transactions));
    }

    Ss12000Sync sync() {
        return sync(Register.TOKEN);
    }

    /** The roster with the register's ids replaced by the names they were made from. */
    RosterView roster() {
        return named(RosterView.of(db, tenant));
    }

    static RosterView named(RosterView view) {
        return new RosterView(named(view.schools()), named(view.persons()), named(view.roles()), named(view.subjects()),
                named(view.syllabi()), named(view.groups()), named(view.memberships()), named(view.guardianLinks()));
    }

    private static final List<String> NAMES = List.of("kommunen", "solskolan", "fritids", "anna", "sara", "petra",
            "elsa", "filip", "greta", "karin", "nils", "rut", "ma-7a", "klass-7a", "hugo", "mentor-7a");

    static Set<String> named(Set<String> rows) {
        Set<String> named = new TreeSet<>();
        for (String row : rows) {
            for (String name : NAMES) {
                row = row.replace(id(name), name);
            }
            named.add(row);
        }
        return named;
    }

    /** "teacher|school|subject code" of the tenant's teacher-subject links, by the register's names. */
    Set<String> teacherSubjects() {
        List<?> rows = db.read(em -> em.createNativeQuery("select p.external_id || '|' || s.external_id || '|' || j.code"
                + " from teacher_subject t join person p on p.id = t.teacher_id join school s on s.id = t.school_id"
                + " join subject j on j.id = t.subject_id where t.tenant_id = ?1").setParameter(1, tenant).getResultList());
        return named(rows.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()));
    }

    SecurityMarking marking(String person) {
        return db.read(em -> em.createQuery("select p.securityMarking from Person p where p.tenant.id = :t"
                        + " and p.externalId = :id", SecurityMarking.class)
                .setParameter("t", tenant).setParameter("id", id(person)).getSingleResult());
    }

    /**
     * A register with a Mentor group: it becomes a mentor group of the school, its pupils members and the mentor, from
     * her Mentor assignment, its owner; a pupil who leaves the group in the register leaves it in Klassrum.
     */
    @Test
    void a_mentor_group_of_the_register_becomes_the_mentors_group_with_its_pupils() {
        register.serve("organisations", organisations(), 100);
        register.serve("persons", persons(), 100);
        register.serve("placements", List.of(), 100);
        register.serve("duties", List.of(duty("anna-larare", "anna", "solskolan", "Lärare", "2020-08-01", null),
                duty("petra-mentor", "petra", "solskolan", "Lärare", "2021-08-01", "mentor-7a")), 100);
        register.serve("groups", List.of(mathGroup(List.of("elsa", "filip"), CREATED),
                group("mentor-7a", "Mentorsgrupp 7A", "Mentor", "solskolan", TERM_START, TERM_END, CREATED,
                        List.of("elsa", "filip"))), 100);
        register.serve("activities", List.of(), 100);
        register.serve("syllabuses", List.of(), 100);

        Ss12000Sync sync = sync();
        ImportSummary run = sync.sync("admin:sara", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        RosterView roster = roster();
        assertThat(roster.groups()).contains("mentor-7a|solskolan|MENTOR|Mentorsgrupp 7A|2025/26|false|false|-");
        assertThat(roster.memberships()).contains("mentor-7a|petra|OWNER|2021-08-01|-", "mentor-7a|petra|MEMBER|2021-08-01|-",
                "mentor-7a|elsa|MEMBER|" + TERM_START + "|" + TERM_END, "mentor-7a|filip|MEMBER|" + TERM_START + "|" + TERM_END);
        assertThat(roster.roles()).contains("petra|solskolan|MENTOR|2021-08-01|-");

        // Filip moves to another mentor group in the register: he leaves this one the day before the next sync.
        serveNoChanges();
        register.serveChanges("groups", List.of(group("mentor-7a", "Mentorsgrupp 7A", "Mentor", "solskolan", TERM_START,
                TERM_END, LATER, List.of("elsa"))));

        ImportSummary next = sync.sync("schedule", null);

        assertThat(next.status()).as(String.join("\n", next.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(roster().memberships()).contains("mentor-7a|filip|MEMBER|" + TERM_START + "|" + DAY.minusDays(1),
                "mentor-7a|elsa|MEMBER|" + TERM_START + "|" + TERM_END);
    }

    @Test
    void a_first_sync_brings_the_whole_register_into_the_roster_page_by_page() {
        serveWholeRegister();

        ImportSummary run = sync().sync("admin:sara", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.format()).isEqualTo("SS12000_V2_1");
        assertThat(run.files()).containsExactly(register.baseUri().toString(), "all entities");
        RosterView roster = roster();
        // School units are schools; the organiser (Huvudman) is not.
        assertThat(roster.schools()).containsExactly("fritids|Månens fritidshem", "solskolan|Solskolan");
        // Everyone, guardians too; the school's address is preferred to a private one, a guardian's private one is kept.
        assertThat(roster.persons()).containsExactly(
                "anna|Anna|Andersson|anna.andersson@skola.example.se|-",
                "elsa|Elsa|Ek|-|2013-04-12",
                "filip|Filip|Fors|-|-",
                "greta|Greta|Gran|-|-",
                "karin|Karin|Ek|karin.ek@example.com|-",
                "nils|Nils|Nilsson|-|-",
                "petra|Petra|Pettersson|-|-",
                "rut|Rut|Rask|-|-",
                "sara|Sara|Svensson|-|-");
        // Lärare -> TEACHER, Rektor -> PRINCIPAL, a Mentor assignment -> MENTOR; enrolments and placements -> STUDENT.
        assertThat(roster.roles()).containsExactly(
                "anna|solskolan|TEACHER|2020-08-01|-",
                "elsa|solskolan|STUDENT|2025-08-18|-",
                "filip|solskolan|STUDENT|2025-08-18|-",
                "greta|solskolan|STUDENT|2025-08-18|-",
                "petra|solskolan|MENTOR|2021-08-01|-",
                "petra|solskolan|TEACHER|2021-08-01|-",
                "rut|fritids|STUDENT|2025-08-18|-",
                "sara|solskolan|PRINCIPAL|2019-01-01|-");
        // The teaching group, with its activity's syllabus; the class (Klass) is not a teaching group.
        assertThat(roster.groups()).containsExactly("ma-7a|solskolan|TEACHING|Matematik 7A|2025/26|false|false|GRGRMAT01");
        assertThat(roster.syllabi()).containsExactly("GRGRMAT01|MA|Matematik");
        // Pupils are members; the activity's teacher is owner and member.
        assertThat(roster.memberships()).containsExactly(
                "ma-7a|anna|MEMBER|2025-08-18|2026-06-12",
                "ma-7a|anna|OWNER|2025-08-18|2026-06-12",
                "ma-7a|elsa|MEMBER|2025-08-18|2026-06-12",
                "ma-7a|filip|MEMBER|2025-08-18|2026-06-12",
                "ma-7a|greta|MEMBER|2025-08-18|2026-06-12");
        assertThat(roster.guardianLinks()).containsExactly(
                "karin|elsa|VARDNADSHAVARE|true|2026-03-02|-",
                "nils|filip|GOD_MAN|true|2026-03-02|-");
        // The register's protected identity is protected in Klassrum from the first moment.
        assertThat(marking("greta")).isEqualTo(SecurityMarking.SKYDDAD_FOLKBOKFORING);
        assertThat(marking("elsa")).isEqualTo(SecurityMarking.NONE);
        assertThat(run.created(ImportKind.PERSON)).isEqualTo(9);
        // Anna teaches the maths activity's syllabus: she may assess in its subject at the school.
        assertThat(teacherSubjects()).containsExactly("anna|solskolan|MA");
        assertThat(run.created(ImportKind.TEACHER_SUBJECT)).isEqualTo(1);
        assertThat(run.notes()).contains(
                "duties: 1 line ignored: the dutyRole 'Bibliotekarie' gives no school role in Klassrum",
                "groups: 1 line ignored: the groupType 'Klass' is not imported (only Undervisning and Mentor)");
        // Nine persons in pages of four: the second and third pages are asked for by their token alone.
        List<LoggedRequest> persons = register.requests("persons");
        assertThat(persons).hasSize(3);
        assertThat(persons.get(1).queryParameter("pageToken").firstValue()).isEqualTo("persons-page-2");
        assertThat(persons.get(2).queryParameter("pageToken").firstValue()).isEqualTo("persons-page-3");
        assertThat(persons.get(1).getQueryParams()).containsOnlyKeys("pageToken");
        assertThat(persons).allSatisfy(request ->
                assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + Register.TOKEN));
    }

    @Test
    void a_later_sync_asks_only_for_changes_and_deletions_and_applies_them() {
        serveWholeRegister();
        Ss12000Sync sync = sync();
        assertThat(sync.sync("admin:sara", null).status()).isEqualTo(ImportStatus.SUCCEEDED);
        register.forgetRequests();
        serveNoChanges();
        // Filip changed his family name; Greta left the maths group; Elsa was deleted from the register (and so
        // from the group), with the specification's own spelling "activitites" in the same answer.
        register.serveChanges("persons", List.of(filip("Forsberg", LATER)));
        register.serveChanges("groups", List.of(mathGroup(List.of("filip"), LATER),
                group("klass-7a", "7A", "Klass", "solskolan", TERM_START, TERM_END, LATER, List.of("filip", "greta"))));
        register.serveDeleted(Map.of("persons", List.of(id("elsa")), "activitites", List.of(id("gone-activity"))));

        ImportSummary run = sync.sync("schedule", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.files()).hasSize(2);
        assertThat(run.files().get(1)).startsWith("changes after 2026-03-02T08:25:00Z");
        assertThat(teacherSubjects()).containsExactly("anna|solskolan|MA");
        assertThat(run.created(ImportKind.TEACHER_SUBJECT)).isZero();
        RosterView current = roster().currentOn(DAY);
        assertThat(current.persons()).contains("filip|Filip|Forsberg|-|-");
        // Elsa's facts end the day before the import date; Greta's membership of the group ends too.
        assertThat(current.roles()).doesNotContain("elsa|solskolan|STUDENT|2025-08-18|-");
        assertThat(roster().roles()).contains("elsa|solskolan|STUDENT|2025-08-18|2026-03-01");
        assertThat(roster().memberships()).contains("ma-7a|greta|MEMBER|2025-08-18|2026-03-01",
                "ma-7a|elsa|MEMBER|2025-08-18|2026-03-01", "ma-7a|filip|MEMBER|2025-08-18|2026-06-12");
        // Karin's link to Elsa (the register gives links no dates) began today, with the first run: it ends the day
        // before, holding on no day, kept, never deleted.
        assertThat(roster().guardianLinks()).containsExactly("karin|elsa|VARDNADSHAVARE|true|2026-03-02|2026-03-01",
                "nils|filip|GOD_MAN|true|2026-03-02|-");
        // Every list was asked for its changes only, from the first run's start less the overlap.
        List<LoggedRequest> persons = register.requests("persons");
        assertThat(persons).hasSize(1);
        assertThat(persons.get(0).queryParameter("meta.modified.after").firstValue()).isEqualTo("2026-03-02T08:25:00Z");
        assertThat(register.requests("deletedEntities")).singleElement()
                .satisfies(request -> assertThat(request.queryParameter("after").firstValue())
                        .isEqualTo("2026-03-02T08:25:00Z"));
    }

    @Test
    void after_a_restart_the_next_run_still_asks_only_for_changes() {
        serveWholeRegister();
        assertThat(sync().sync("admin:sara", null).status()).isEqualTo(ImportStatus.SUCCEEDED);
        RosterView before = roster();
        register.forgetRequests();
        serveNoChanges();
        register.serveChanges("persons", List.of(filip("Forsberg", LATER)));

        // A new sync, as after a restart or on another node: the kept snapshot is where it goes on from.
        ImportSummary run = sync().sync("schedule", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.files().get(1)).startsWith("changes after 2026-03-02T08:25:00Z");
        assertThat(register.requests("persons")).singleElement().satisfies(request ->
                assertThat(request.queryParameter("meta.modified.after").firstValue()).isEqualTo("2026-03-02T08:25:00Z"));
        assertThat(roster().persons()).contains("filip|Filip|Forsberg|-|-").hasSameSizeAs(before.persons());
        assertThat(roster().memberships()).isEqualTo(before.memberships());
    }

    @Test
    void a_kept_snapshot_reads_back_as_it_was_written() {
        serveWholeRegister();
        Ss12000Snapshot read = Ss12000Snapshot.read(Ss12000Client.of(new Ss12000Settings(register.baseUri(),
                Register.TOKEN, 0, Duration.ofSeconds(10)), new Ss12000Requests()));

        Ss12000Snapshot back = Ss12000Snapshot.fromBytes(read.toBytes());

        assertThat(back).isEqualTo(read);
        assertThat(back.all(Endpoint.PERSONS)).hasSize(9).containsExactlyElementsOf(read.all(Endpoint.PERSONS));
        assertThat(back.get(Endpoint.DUTIES, id("petra-mentor")).assignmentRoles()).isNotEmpty();
        assertThatThrownBy(() -> Ss12000Snapshot.fromBytes("not a snapshot".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessage("the kept SS 12000 snapshot could not be read");
    }

    @Test
    void a_sync_with_no_changes_writes_nothing() {
        serveWholeRegister();
        Ss12000Sync sync = sync();
        sync.sync("admin:sara", null);
        long versions = RosterView.versions(db, tenant);
        serveNoChanges();

        ImportSummary run = sync.sync("schedule", null);

        assertThat(run.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.changedNothing()).isTrue();
        assertThat(RosterView.versions(db, tenant)).isEqualTo(versions);
    }

    @Test
    void a_refused_token_is_said_plainly_and_nothing_is_written() {
        serveWholeRegister();

        ImportSummary run = sync("an-expired-token").sync("admin:sara", null);

        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.problems()).containsExactly(register.baseUri() + ": the student register refused Klassrum's"
                + " token for GET /organisations (HTTP 401): check the token (KLASSRUM_SS12000_TOKEN) and that it has"
                + " not expired");
        assertThat(roster().persons()).isEmpty();
        assertThat(register.requests("organisations")).as("one request, the first").hasSize(1);
    }

    @Test
    void a_token_without_the_right_to_read_persons_is_said_plainly() {
        serveWholeRegister();
        register.fail("persons", null, 403, Map.of());

        ImportSummary run = sync().sync("admin:sara", null);

        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.problems()).containsExactly(register.baseUri() + ": the student register does not let"
                + " Klassrum's token read /persons (HTTP 403): ask the register's administrator to grant it: Fel 403");
        assertThat(roster().schools()).isEmpty();
        assertThat(register.requests("persons")).hasSize(1);
    }

    @Test
    void a_sync_that_fails_half_way_leaves_the_roster_as_it_was_and_the_next_run_completes_it() {
        serveWholeRegister();
        Ss12000Sync sync = sync();
        assertThat(sync.sync("admin:sara", null).status()).isEqualTo(ImportStatus.SUCCEEDED);
        RosterView before = roster();
        // A new pupil arrives, and the register breaks down while the changes are read: persons answer, groups fail.
        serveNoChanges();
        JsonObject hugo = person("hugo", "Hugo", "Holm", LATER, Map.of("enrolments", enrolment("solskolan", "2026-03-02")));
        register.serveChanges("persons", List.of(hugo));
        register.serveChanges("groups", List.of(mathGroup(List.of("elsa", "filip", "greta", "hugo"), LATER)));
        StubMapping failing = register.fail("groups", null, 500, Map.of());

        ImportSummary failed = sync.sync("schedule", null);

        assertThat(failed.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(failed.problems()).singleElement().asString()
                .contains("did not answer GET /groups after 1 attempt (last: HTTP 500: Fel 500)");
        assertThat(roster()).isEqualTo(before);

        register.remove(failing);
        register.forgetRequests();
        ImportSummary next = sync.sync("schedule", null);

        assertThat(next.status()).as(String.join("\n", next.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(roster().persons()).contains("hugo|Hugo|Holm|-|-");
        assertThat(roster().memberships()).contains("ma-7a|hugo|MEMBER|2025-08-18|2026-06-12");
        // The next run asked again for the changes since the last good read, not since the failed one.
        assertThat(register.requests("persons").get(0).queryParameter("meta.modified.after").firstValue())
                .isEqualTo("2026-03-02T08:25:00Z");
    }

    @Test
    void a_sync_whose_writing_fails_leaves_the_roster_as_it_was_and_the_next_run_completes_it_without_new_changes() {
        serveWholeRegister();
        Ss12000Sync sync = sync();
        assertThat(sync.sync("admin:sara", null).status()).isEqualTo(ImportStatus.SUCCEEDED);
        RosterView before = roster();
        serveNoChanges();
        JsonObject hugo = person("hugo", "Hugo", "Holm", LATER, Map.of("enrolments", enrolment("solskolan", "2026-03-02")));
        register.serveChanges("persons", List.of(hugo));
        failWriting.set(true);

        ImportSummary failed = sync.sync("schedule", null);

        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.problems()).containsExactly(register.baseUri() + ": the import failed and nothing was written:"
                + " IllegalStateException: the connection to the database was lost");
        assertThat(roster()).isEqualTo(before);

        // The register has nothing newer to say; the next run still brings Hugo in.
        register.serveChanges("persons", List.of());
        ImportSummary next = sync.sync("schedule", null);

        assertThat(next.status()).as(String.join("\n", next.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(roster().persons()).contains("hugo|Hugo|Holm|-|-");
        assertThat(roster().roles()).contains("hugo|solskolan|STUDENT|2026-03-02|-");
    }

    @Test
    void mentors_and_other_responsible_adults_made_in_klassrum_stay_when_the_register_names_none() {
        serveWholeRegister();
        register.serve("duties", List.of(duties().get(0), duties().get(1)), 100);
        register.serve("persons", persons().stream().map(person -> person.getString("id").equals(id("filip"))
                ? Json.createObjectBuilder(person).remove("responsibles").build() : person).toList(), 100);
        Ss12000Sync sync = sync();
        assertThat(sync.sync("admin:sara", null).status()).isEqualTo(ImportStatus.SUCCEEDED);
        UUID petra = personId("petra");
        db.runInTransaction(em -> {
            var admin = RosterAdministrationForTests.on(em);
            admin.assignRole(null, petra, schoolId("solskolan"), RoleKind.MENTOR, Validity.from(DAY.minusDays(10)));
            admin.linkGuardian(null, personId("nils"), personId("filip"), GuardianRelation.GOD_MAN,
                    Validity.from(DAY.minusDays(10)));
        });
        serveNoChanges();

        ImportSummary run = sync.sync("schedule", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.changedNothing()).isTrue();
        assertThat(roster().roles()).contains("petra|solskolan|MENTOR|2026-02-20|-");
        assertThat(roster().guardianLinks()).contains("nils|filip|GOD_MAN|true|2026-02-20|-");
    }

    UUID personId(String name) {
        return db.read(em -> em.createQuery("select p.id from Person p where p.tenant.id = :t and p.externalId = :id",
                UUID.class).setParameter("t", tenant).setParameter("id", id(name)).getSingleResult());
    }

    UUID schoolId(String name) {
        return db.read(em -> em.createQuery("select s.id from School s where s.tenant.id = :t and s.externalId = :id",
                UUID.class).setParameter("t", tenant).setParameter("id", id(name)).getSingleResult());
    }

    @Test
    void a_teaching_group_of_the_organiser_rather_than_a_school_unit_is_left_out_with_its_teachers() {
        serveWholeRegister();
        register.serve("groups", List.of(groups().get(0), group("studiedag", "Studiedag", "Undervisning", "kommunen",
                TERM_START, TERM_END, CREATED, List.of("elsa"))), 100);
        register.serve("activities", List.of(activity("ma-7a-lektioner", "Matematik 7A", "solskolan", "ma-7a",
                "anna-larare", "grgrmat01", TERM_START, TERM_END), activity("studiedag-aktivitet", "Studiedag",
                "kommunen", "studiedag", "anna-larare", "grgrmat01", TERM_START, TERM_END)), 100);

        ImportSummary run = sync().sync("admin:sara", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(roster().groups()).singleElement().asString().startsWith("ma-7a|");
        assertThat(run.notes()).contains(
                "activities: 1 line ignored: an activity without a teaching group gives no group owner",
                "groups: 1 line ignored: the organisation is not a school unit (Skolenhet)");
    }

    @Test
    void a_responsible_without_a_relation_type_gives_no_link_and_refuses_nothing() {
        serveWholeRegister();
        register.serve("persons", persons().stream().map(person -> person.getString("id").equals(id("filip"))
                ? Json.createObjectBuilder(person).add("responsibles", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("person", Register.ref("nils")))).build()
                : person).toList(), 100);

        ImportSummary run = sync().sync("admin:sara", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(roster().guardianLinks()).containsExactly("karin|elsa|VARDNADSHAVARE|true|2026-03-02|-");
        assertThat(run.notes()).contains("persons: 1 line ignored: a responsible without a person or relationType gives"
                + " no link");
    }

    @Test
    void a_duty_nobody_holds_yet_gives_no_role_and_refuses_nothing() {
        serveWholeRegister();
        List<JsonObject> duties = new ArrayList<>(duties());
        duties.add(Json.createObjectBuilder(duty("vakant", "anna", "solskolan", "Lärare", "2026-08-01", null))
                .remove("person").build());
        register.serve("duties", duties, 100);

        ImportSummary run = sync().sync("admin:sara", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.notes()).contains("duties: 1 line ignored: a duty without a person gives no role");
    }

    @Test
    void a_person_the_register_deleted_but_still_lists_in_a_group_leaves_without_refusing_the_run() {
        serveWholeRegister();
        Ss12000Sync sync = sync();
        assertThat(sync.sync("admin:sara", null).status()).isEqualTo(ImportStatus.SUCCEEDED);
        serveNoChanges();
        register.serveDeleted(Map.of("persons", List.of(id("greta"))));

        ImportSummary run = sync.sync("schedule", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(roster().memberships()).contains("ma-7a|greta|MEMBER|2025-08-18|2026-03-01");
        assertThat(roster().roles()).contains("greta|solskolan|STUDENT|2025-08-18|2026-03-01");
        assertThat(run.notes()).contains("groups: 1 line ignored: a reference to a person the register has deleted");
    }

    @Test
    void a_reference_to_something_the_register_did_not_send_refuses_the_run_naming_the_entity() {
        serveWholeRegister();
        register.serve("placements", List.of(placement("nobody-fritids", "nobody", "fritids", TERM_START)), 100);

        ImportSummary run = sync().sync("admin:sara", null);

        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.problems()).containsExactly("placements/" + id("nobody-fritids") + ": the child '"
                + id("nobody") + "' is not in persons");
        assertThat(roster().persons()).isEmpty();
    }

    /**
     * Some registers keep the memberships of a person they deleted: a full read finds the group naming someone who
     * is not in /persons. That membership is skipped with a note naming the group and the person; the rest applies.
     */
    @Test
    void a_membership_of_a_person_the_register_no_longer_lists_is_skipped_with_a_note_and_the_rest_applies() {
        serveWholeRegister();
        register.serve("groups", List.of(mathGroup(List.of("elsa", "nobody", "filip"), CREATED)), 100);

        ImportSummary run = sync().sync("admin:sara", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.notes()).contains("groups/" + id("ma-7a") + ": the membership of the person '" + id("nobody")
                + "', who is not in persons (deleted from the register?), is skipped");
        assertThat(roster().memberships()).contains("ma-7a|elsa|MEMBER|2025-08-18|2026-06-12",
                "ma-7a|filip|MEMBER|2025-08-18|2026-06-12");
        assertThat(roster().persons()).hasSize(9);
    }

    /**
     * A register that implements only part of the standard: no /placements (404, as a web server answers an
     * unknown path) and no /syllabuses (501). What the rules need is there, so the run goes through; what the
     * missing endpoints would have carried is simply absent, and the run says so.
     */
    @Test
    void a_register_without_placements_and_syllabuses_is_synced_without_what_they_would_carry() {
        serveWholeRegister();
        register.withhold("placements", 404);
        register.withhold("syllabuses", 501);
        Ss12000Sync sync = sync();

        ImportSummary run = sync.sync("admin:sara", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.notes()).contains(
                "placements: the student register does not offer GET /placements (HTTP 404): placed children"
                        + " (fritidshem, förskola) get no student role from it",
                "syllabuses: the student register does not offer GET /syllabuses (HTTP 501): teaching groups have no"
                        + " syllabus and teachers get no subject from it");
        RosterView roster = roster();
        assertThat(roster.roles()).noneMatch(role -> role.startsWith("rut|"));
        assertThat(roster.groups()).containsExactly("ma-7a|solskolan|TEACHING|Matematik 7A|2025/26|false|false|-");
        assertThat(roster.memberships()).contains("ma-7a|anna|OWNER|2025-08-18|2026-06-12");
        assertThat(register.requests("placements")).as("a missing endpoint is not retried").hasSize(1);

        // The changes are read the same way: the missing endpoints are noted again, and nothing else is refused.
        serveNoChanges();
        register.withhold("placements", 404);
        register.withhold("syllabuses", 501);
        register.serveChanges("persons", List.of(filip("Forsberg", LATER)));

        ImportSummary next = sync.sync("schedule", null);

        assertThat(next.status()).as(String.join("\n", next.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(next.notes()).anyMatch(note -> note.startsWith("placements: the student register does not offer"));
        assertThat(roster().persons()).contains("filip|Filip|Forsberg|-|-");
    }

    /** Without persons there is nothing to sync: the run is refused, and says which endpoint is missing. */
    @Test
    void a_register_without_persons_is_refused_naming_the_endpoint() {
        serveWholeRegister();
        register.withhold("persons", 404);

        ImportSummary run = sync().sync("admin:sara", null);

        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.problems()).containsExactly(register.baseUri() + ": the student register does not offer GET"
                + " /persons (HTTP 404), which the sync cannot do without: check the base URL"
                + " (KLASSRUM_SS12000_BASE_URL) and ask the register's supplier for the endpoint");
        assertThat(roster().persons()).isEmpty();
    }

    /**
     * A delta of more than one page, with a register that refuses a pageToken beside a filter (400) as the
     * standard allows: every list and /deletedEntities go on with their page token (and limit) alone.
     */
    @Test
    void a_delta_of_several_pages_asks_for_the_next_pages_by_their_token_alone() {
        serveWholeRegister();
        Ss12000Sync sync = sync(Register.TOKEN, 5);
        assertThat(sync.sync("admin:sara", null).status()).isEqualTo(ImportStatus.SUCCEEDED);
        register.forgetRequests();
        serveNoChanges();
        List<JsonObject> changed = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            changed.add(person("ny-" + i, "Ny", "Elev " + i, LATER,
                    Map.of("enrolments", enrolment("solskolan", "2026-03-02"))));
        }
        changed.add(filip("Forsberg", LATER));
        register.serveChanges("persons", changed, 5);
        register.serveDeleted(List.of(Map.of("activitites", List.of(id("gone-activity"))),
                Map.of("persons", List.of(id("greta")))));

        ImportSummary run = sync.sync("schedule", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(roster().persons()).contains("filip|Filip|Forsberg|-|-").hasSize(9 + 7);
        assertThat(roster().roles()).contains("greta|solskolan|STUDENT|2025-08-18|2026-03-01");
        List<LoggedRequest> persons = register.requests("persons");
        assertThat(persons).hasSize(2);
        assertThat(persons.get(0).getQueryParams()).containsOnlyKeys("meta.modified.after", "limit");
        assertThat(persons.get(1).getQueryParams()).containsOnlyKeys("pageToken", "limit");
        List<LoggedRequest> deleted = register.requests("deletedEntities");
        assertThat(deleted).hasSize(2);
        assertThat(deleted.get(1).getQueryParams()).containsOnlyKeys("pageToken", "limit");
    }

    /**
     * A register whose changes cannot be read run after run: after the set number of failed runs, the next run
     * reads the whole register instead, and says so; the sync is back on its feet.
     */
    @Test
    void a_delta_that_keeps_failing_falls_back_to_a_full_read_after_the_set_number_of_runs() {
        serveWholeRegister();
        Ss12000Sync sync = sync(Register.TOKEN, 0, 2);
        assertThat(sync.sync("admin:sara", null).status()).isEqualTo(ImportStatus.SUCCEEDED);
        serveNoChanges();
        StubMapping failing = register.failChanges("groups", 400);
        register.serve("persons", List.of(persons().get(0), persons().get(1), persons().get(2), persons().get(3),
                filip("Forsberg", LATER), persons().get(5), persons().get(6), persons().get(7), persons().get(8)), 4);

        for (int failed = 1; failed <= 2; failed++) {
            ImportSummary refused = sync.sync("schedule", null);
            assertThat(refused.status()).as("run " + failed).isEqualTo(ImportStatus.REJECTED);
            assertThat(refused.problems()).singleElement().asString().contains("GET /groups").contains("HTTP 400");
        }
        register.forgetRequests();
        ImportSummary run = sync.sync("schedule", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.files().get(1)).isEqualTo("all entities");
        assertThat(run.notes()).anySatisfy(note -> assertThat(note).startsWith("the changes could not be read in the"
                + " last 2 runs (last: ").contains("GET /groups").endsWith("); this run read the whole register"));
        assertThat(register.requests("persons").get(0).getQueryParams()).doesNotContainKey("meta.modified.after");
        assertThat(roster().persons()).contains("filip|Filip|Forsberg|-|-");

        // Back on its feet: the next run asks for the changes again.
        register.remove(failing);
        register.forgetRequests();
        assertThat(sync.sync("schedule", null).status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(register.requests("persons").get(0).getQueryParams()).containsKey("meta.modified.after");
    }

    /**
     * A register that hands out short-lived tokens for Klassrum's client credentials: the first run gets one, and a
     * run when it is about to expire gets a new one before sending anything, so no request meets a 401.
     */
    @Test
    void a_register_that_hands_out_short_lived_tokens_is_read_with_one_renewed_before_it_expires() throws Exception {
        serveWholeRegister();
        URI tokens = register.issueTokens("/oauth2/token", 4);
        Ss12000Sync sync = sync(tokens, Register.CLIENT_ID, Register.CLIENT_SECRET);

        ImportSummary first = sync.sync("admin:sara", null);

        assertThat(first.status()).as(String.join("\n", first.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(register.tokenRequests("/oauth2/token")).hasSize(1);
        assertThat(register.tokenRequests("/oauth2/token").get(0).getBodyAsString())
                .contains("grant_type=client_credentials");
        String firstToken = register.requests("persons").get(0).getHeader("Authorization");
        assertThat(register.requests("persons")).hasSize(3)
                .allSatisfy(request -> assertThat(request.getHeader("Authorization")).isEqualTo(firstToken));

        // Three and a half of its four seconds later, the token is still good but about to expire: renewed first.
        Thread.sleep(3_500 - Duration.between(register.tokenRequests("/oauth2/token").get(0).getLoggedDate()
                .toInstant(), java.time.Instant.now()).toMillis());
        serveNoChanges();
        register.forgetRequests();
        ImportSummary next = sync.sync("schedule", null);

        assertThat(next.status()).as(String.join("\n", next.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(register.tokenRequests("/oauth2/token")).as("renewed once").hasSize(1);
        assertThat(register.requests("persons")).as("no request refused and sent again").singleElement()
                .satisfies(request -> assertThat(request.getHeader("Authorization")).isNotEqualTo(firstToken));
    }

    /** A token the register revokes before it expires: after its 401, a new one, and the request once more. */
    @Test
    void a_token_the_register_refuses_before_it_expires_is_renewed_once_and_the_run_goes_on() {
        serveWholeRegister();
        URI tokens = register.issueTokens("/oauth2/token", 3600);
        Ss12000Sync sync = sync(tokens, Register.CLIENT_ID, Register.CLIENT_SECRET);
        assertThat(sync.sync("admin:sara", null).status()).isEqualTo(ImportStatus.SUCCEEDED);
        register.revokeTokens();
        serveNoChanges();
        register.forgetRequests();

        ImportSummary run = sync.sync("schedule", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(register.tokenRequests("/oauth2/token")).hasSize(1);
        assertThat(register.requests("deletedEntities")).as("refused once, then answered").hasSize(2);

        // A token the register keeps refusing, even a new one, refuses the run with what to check.
        register.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(Register.ROOT + "/.*")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(401)));
        register.forgetRequests();
        ImportSummary refused = sync.sync("schedule", null);

        assertThat(refused.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(refused.problems()).containsExactly(register.baseUri() + ": the student register refused"
                + " Klassrum's token for GET /deletedEntities (HTTP 401): check that the client"
                + " (KLASSRUM_SS12000_CLIENT_ID) may read it at the register");
        assertThat(register.requests("deletedEntities")).as("once with the old token, once with a new one").hasSize(2);
    }

    @Test
    void client_credentials_the_token_endpoint_refuses_are_said_plainly_and_nothing_is_written() {
        serveWholeRegister();
        URI tokens = register.issueTokens("/oauth2/token", 3600);

        ImportSummary run = sync(tokens, Register.CLIENT_ID, "a-wrong-secret").sync("admin:sara", null);

        assertThat(run.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(run.problems()).containsExactly(register.baseUri() + ": the student register's token endpoint "
                + tokens + " refused Klassrum's client credentials (HTTP 401: invalid_client (Unknown client)): check"
                + " the client id and secret (KLASSRUM_SS12000_CLIENT_ID, KLASSRUM_SS12000_CLIENT_SECRET)");
        assertThat(register.requests("organisations")).isEmpty();
        assertThat(roster().persons()).isEmpty();
    }

    /** A school unit's skolenhetskod from the register is kept with the school, and follows the register's changes. */
    @Test
    void the_school_unit_code_of_a_school_unit_is_kept() {
        serveWholeRegister();
        Ss12000Sync sync = sync();

        ImportSummary run = sync.sync("admin:sara", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        String code = organisations().get(1).getString("schoolUnitCode");
        assertThat(schoolUnitCode("solskolan")).isEqualTo(code);

        serveNoChanges();
        register.serveChanges("organisations", List.of(Json.createObjectBuilder(organisations().get(1))
                .add("schoolUnitCode", "12345678").add("meta", Register.meta(LATER)).build()));
        ImportSummary next = sync.sync("schedule", null);

        assertThat(next.status()).as(String.join("\n", next.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(schoolUnitCode("solskolan")).isEqualTo("12345678");
        assertThat(next.updated(ImportKind.SCHOOL)).isEqualTo(1);
    }

    /**
     * A guardian's link has no dates in SS 12000: it begins on the day of the run. When the register drops the
     * responsible later the same day, the link ends the day before it began (it holds on no day: no access through it
     * today) and is kept; nothing is deleted. When the responsible comes back, the same link opens again.
     */
    @Test
    void an_undated_link_that_began_today_and_leaves_the_register_the_same_day_is_ended_and_kept() {
        serveWholeRegister();
        Ss12000Sync sync = sync();
        assertThat(sync.sync("admin:sara", null).status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(roster().guardianLinks()).contains("karin|elsa|VARDNADSHAVARE|true|2026-03-02|-");
        serveNoChanges();
        register.serveChanges("persons", List.of(Json.createObjectBuilder(elsa()).remove("responsibles")
                .add("meta", Register.meta(LATER)).build()));

        ImportSummary run = sync.sync("schedule", null);

        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(run.ended(ImportKind.GUARDIAN_LINK)).isEqualTo(1);
        assertThat(roster().guardianLinks()).contains("karin|elsa|VARDNADSHAVARE|true|2026-03-02|2026-03-01");
        assertThat(roster().currentOn(DAY).guardianLinks()).noneMatch(link -> link.startsWith("karin|elsa|"));

        register.serveChanges("persons", List.of(Json.createObjectBuilder(elsa()).add("meta", Register.meta(LATER))
                .build()));
        ImportSummary back = sync.sync("schedule", null);

        assertThat(back.status()).as(String.join("\n", back.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(roster().guardianLinks()).contains("karin|elsa|VARDNADSHAVARE|true|2026-03-02|-");
    }

    String schoolUnitCode(String name) {
        return db.read(em -> (String) em.createNativeQuery("select school_unit_code from school where tenant_id = ?1"
                + " and external_id = ?2").setParameter(1, tenant).setParameter(2, id(name)).getSingleResult());
    }
}
