package se.klassrum.roster.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import se.klassrum.teaching.control.TalkInvitations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table the access facts are read from, the roster's and the teaching module's talk invitations, moves the access
 * facts' version when a change of it commits (migrations V47 and V48): a node keeps facts only while the version stands
 * still, so a table without the trigger would let kept facts outlive a change of it. Checked on the application's whole
 * schema, every module's migrations applied, as the server runs them.
 */
class AccessFactsVersionTriggersTest {

    @Test
    void every_table_of_the_facts_and_of_the_talk_invitations_moves_the_version() throws Exception {
        Set<String> read = new TreeSet<>(RosterFactsAdapter.tablesIn(RosterFactsAdapter.FACTS_SQL));
        read.addAll(RosterFactsAdapter.tablesIn(new TalkInvitations().select()));
        assertThat(read).contains("membership", "development_talk_guardian");

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
            Set<String> moving = new TreeSet<>();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select c.relname from pg_trigger t "
                         + "join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid "
                         + "where p.proname = 'access_facts_changed' and t.tgenabled <> 'D'")) {
                while (rows.next()) {
                    moving.add(rows.getString(1));
                }
            }
            assertThat(moving).containsAll(read);
        }
    }
}
