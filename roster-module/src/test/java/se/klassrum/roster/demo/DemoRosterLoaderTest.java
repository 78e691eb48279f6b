package se.klassrum.roster.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.SecurityMarking;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.testing.TestDatabase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The demo roster saved into a real, migrated PostgreSQL and read back with JPA. The loader's transaction
 * is begun and committed by the test, because {@code @Transactional} is not active outside a container.
 */
class DemoRosterLoaderTest {

    private static final Clock MORNING_OF_10_MARCH_2026 =
            Clock.fixed(Instant.parse("2026-03-10T07:00:00Z"), DemoRoster.SCHOOL_TIME_ZONE);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static TestDatabase db;
    private static boolean firstLoad;
    private static Map<String, Long> countsAfterFirstLoad;

    @BeforeAll
    static void loadTheDemoRoster() {
        db = TestDatabase.create("demo_roster");
        firstLoad = load();
        countsAfterFirstLoad = db.rowCounts();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void the_whole_demo_roster_is_saved() {
        assertThat(firstLoad).isTrue();
        assertThat(countsAfterFirstLoad).containsExactly(
                entry("tenant", 2L), entry("school", 3L), entry("person", 23L), entry("licence", 14L),
                entry("school_role", 18L), entry("subject", 5L), entry("syllabus", 5L), entry("study_group", 10L),
                entry("membership", 28L), entry("teacher_subject", 5L), entry("guardian_link", 7L), entry("guardian_consent", 0L),
                entry("guardian_login", 6L), entry("import_run", 0L), entry("import_run_count", 0L),
                entry("import_run_impact", 0L), entry("import_run_warning", 0L),
                entry("graph_sync_state", 0L), entry("graph_group_state", 0L), entry("graph_group_listing", 0L),
                entry("ss12000_snapshot", 0L), entry("break_plan", 0L), entry("break_change", 0L), entry("break_undo", 0L),
                entry("access_facts_version", 1L), entry("access_facts_change", 0L));
    }

    @Test
    void a_second_load_finds_a_tenant_and_changes_nothing() {
        assertThat(load()).isFalse();
        assertThat(db.rowCounts()).isEqualTo(countsAfterFirstLoad);
    }

    @Test
    void the_active_members_of_ma1c_a_are_read_back_through_their_relationships() {
        List<String> members = db.read(em -> em.createQuery("""
                        select m.person.givenName from Membership m
                        where m.group.id = :group and m.role = :role
                          and m.validity.validFrom <= :today
                          and (m.validity.validTo is null or m.validity.validTo >= :today)
                        order by m.person.givenName""", String.class)
                .setParameter("group", DemoIds.GROUP_MA1C_A)
                .setParameter("role", MembershipRole.MEMBER)
                .setParameter("today", TODAY)
                .getResultList());

        assertThat(members).containsExactly("Elsa", "Filip", "Greta", "Hugo", "Ivar", "Klara");
    }

    @Test
    void anna_owns_three_teaching_groups_that_are_open_for_access() {
        List<String> groups = db.read(em -> em.createQuery("""
                        select m.group.name from Membership m
                        where m.person.entraObjectId = :oid and m.role = :owner
                          and m.group.connected = true and m.group.archived = false
                        order by m.group.name""", String.class)
                .setParameter("oid", DemoIds.OID_ANNA)
                .setParameter("owner", MembershipRole.OWNER)
                .getResultList());

        assertThat(groups).containsExactly("En5-B", "Fy1a-C", "Ma1c-A");
    }

    @Test
    void the_saved_facts_read_back_as_they_were_made() {
        Person greta = db.read(em -> em.find(Person.class, DemoIds.PERSON_GRETA));
        Person karin = db.read(em -> em.find(Person.class, DemoIds.PERSON_KARIN));
        Person ivar = db.read(em -> em.find(Person.class, DemoIds.PERSON_IVAR));
        GuardianLink maria = db.read(em -> em.find(GuardianLink.class, DemoIds.GUARDIAN_LINK_MARIA_FILIP));
        GuardianLink lars = db.read(em -> em.find(GuardianLink.class, DemoIds.GUARDIAN_LINK_LARS_IVAR));
        StudyGroup previous = db.read(em -> em.find(StudyGroup.class, DemoIds.GROUP_MA1C_A_PREVIOUS));
        UUID solbackaTid = db.read(em -> em.createQuery(
                        "select t.entraTenantId from Tenant t where t.name = 'Solbacka kommun'", UUID.class)
                .getSingleResult());

        assertThat(greta.securityMarking()).isEqualTo(SecurityMarking.SKYDDAD_FOLKBOKFORING);
        assertThat(karin.entraObjectId()).isEmpty();
        assertThat(ivar.isMinorOn(TODAY)).isFalse();
        assertThat(maria.isActive()).isFalse();
        assertThat(lars.isActive()).isTrue();
        assertThat(lars.isActiveOn(TODAY)).isFalse();
        assertThat(previous.isArchived()).isTrue();
        assertThat(previous.schoolYear()).isEqualTo("2024/25");
        assertThat(previous.syllabus().orElseThrow().code()).isEqualTo("MATMAT01c");
        assertThat(solbackaTid).isEqualTo(DemoIds.ENTRA_TENANT_SOLBACKA);
        GuardianLogin ebbas = db.read(em -> em.find(GuardianLogin.class, DemoIds.GUARDIAN_LOGIN_EBBA));
        GuardianLogin nils = db.read(em -> em.find(GuardianLogin.class, DemoIds.GUARDIAN_LOGIN_NILS));
        assertThat(ebbas.isActive()).isFalse();
        assertThat(ebbas.method()).isEqualTo(GuardianLoginMethod.EMAIL);
        assertThat(nils.isActive()).isTrue();
        assertThat(nils.subject()).isEqualTo(DemoIds.idpSubject("nils"));
    }

    private static boolean load() {
        return db.inTransaction(em -> new DemoRosterLoader(em, MORNING_OF_10_MARCH_2026).loadIfEmpty());
    }
}
