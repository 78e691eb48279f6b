package se.klassrum.roster.control;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.RosterFactsPort.Subject;
import se.klassrum.roster.boundary.RosterAdministrationForTests;
import se.klassrum.roster.demo.DemoIds;
import se.klassrum.roster.demo.DemoRoster;
import se.klassrum.roster.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;

/**
 * The access facts' version (migration V47), which lets a node keep facts it read: every table the facts are read from
 * moves it, at the commit of the transaction that changed it and not before, and never when that transaction rolls
 * back; a transaction that has written anything neither uses kept facts nor keeps its own.
 */
class RosterFactsVersionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private TestDatabase db;

    @BeforeEach
    void demoRoster() {
        db = TestDatabase.create("roster_facts_version");
        db.runInTransaction(em -> DemoRoster.asOf(TODAY).loadIfEmpty(em));
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void every_table_of_the_facts_statement_moves_the_version_when_a_change_of_it_commits() throws SQLException {
        Set<String> tables = RosterFactsAdapter.tablesIn(RosterFactsAdapter.FACTS_SQL);
        assertThat(tables).contains("person", "membership", "study_group", "school_role", "guardian_link", "school");
        for (String table : tables) {
            long before = version();
            try (Connection writer = db.dataSource().getConnection(); Statement statement = writer.createStatement()) {
                writer.setAutoCommit(false);
                // A statement that changes no row is still a change of the table as far as the version goes.
                statement.executeUpdate("delete from " + table + " where false");
                statement.executeUpdate("delete from " + table + " where false");
                assertThat(version()).as("%s: not moved before the commit", table).isEqualTo(before);
                writer.commit();
            }
            assertThat(version()).as("%s: moved once by its transaction's commit", table).isEqualTo(before + 1);
        }
    }

    @Test
    void a_transaction_rolled_back_moves_nothing_and_a_read_only_one_neither() throws SQLException {
        long before = version();
        try (Connection writer = db.dataSource().getConnection(); Statement statement = writer.createStatement()) {
            writer.setAutoCommit(false);
            statement.executeUpdate("update membership set valid_to = valid_from where person_id = '" + PERSON_ELSA + "'");
            writer.rollback();
            statement.executeQuery("select count(*) from membership").close();
            writer.commit();
        }
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void a_savepoint_rolled_back_leaves_the_transaction_to_move_the_version_on_its_next_change() throws SQLException {
        long before = version();
        try (Connection writer = db.dataSource().getConnection(); Statement statement = writer.createStatement()) {
            writer.setAutoCommit(false);
            var savepoint = writer.setSavepoint();
            statement.executeUpdate("delete from person where false");
            writer.rollback(savepoint);
            statement.executeUpdate("delete from licence where false");
            writer.commit();
        }
        assertThat(version()).isEqualTo(before + 1);
    }

    @Test
    void facts_asked_again_while_nothing_changed_are_kept_and_a_commit_elsewhere_reads_them_again() {
        EntityManager em = db.entityManagerFactory().createEntityManager();
        try {
            RosterFactsAdapter adapter = new RosterFactsAdapter(em);
            List<Subject> classList = List.of(new Subject(null, GROUP_MA1C_A), new Subject(PERSON_ELSA, GROUP_MA1C_A));
            AccessFacts first = adapter.loadAll(PERSON_ANNA, classList).get(classList.get(1));
            long hits = adapter.keptHits();
            List<Subject> reversed = List.of(classList.get(1), classList.get(0));
            Map<Subject, AccessFacts> keptAgain = adapter.loadAll(PERSON_ANNA, reversed);
            assertThat(adapter.keptHits()).as("the same questions in another order are kept").isEqualTo(hits + 1);
            assertThat(keptAgain.keySet()).as("in the order asked").containsExactlyElementsOf(reversed);
            assertThat(keptAgain.get(classList.get(1))).isEqualTo(first);

            UUID elsasMembership = DemoIds.membership("ma1c-a", "elsa");
            db.runInTransaction(other -> RosterAdministrationForTests.on(other).endMembership(elsasMembership, TODAY.minusDays(1)));

            AccessFacts after = adapter.loadAll(PERSON_ANNA, classList).get(classList.get(1));
            assertThat(adapter.keptHits()).isEqualTo(hits + 1);
            assertThat(after.memberships()).filteredOn(m -> m.personId().equals(PERSON_ELSA) && m.groupId().equals(GROUP_MA1C_A))
                    .extracting(MembershipFact::validity).allMatch(validity -> validity.to() != null);
        } finally {
            em.close();
        }
    }

    @Test
    void a_writing_transaction_reads_its_own_uncommitted_facts_and_keeps_none_of_them() {
        EntityManager em = db.entityManagerFactory().createEntityManager();
        try {
            RosterFactsAdapter adapter = new RosterFactsAdapter(em);
            Subject elsa = new Subject(PERSON_ELSA, GROUP_MA1C_A);
            assertThat(openEnded(adapter.loadAll(PERSON_ANNA, List.of(elsa)).get(elsa))).isTrue();

            em.getTransaction().begin();
            RosterAdministrationForTests.on(em).endMembership(DemoIds.membership("ma1c-a", "elsa"), TODAY.minusDays(1));
            long hits = adapter.keptHits();
            assertThat(openEnded(adapter.loadAll(PERSON_ANNA, List.of(elsa)).get(elsa)))
                    .as("its own change, not the facts kept before it").isFalse();
            assertThat(adapter.keptHits()).isEqualTo(hits);
            em.getTransaction().rollback();
            em.clear();

            assertThat(openEnded(adapter.loadAll(PERSON_ANNA, List.of(elsa)).get(elsa)))
                    .as("nothing of the rolled-back transaction was kept").isTrue();
        } finally {
            em.close();
        }
    }

    private static boolean openEnded(AccessFacts facts) {
        return facts.memberships().stream()
                .filter(m -> m.personId().equals(PERSON_ELSA) && m.groupId().equals(GROUP_MA1C_A))
                .allMatch(m -> m.validity().to() == null);
    }

    private long version() {
        return db.number("select version from access_facts_version where singleton");
    }
}
