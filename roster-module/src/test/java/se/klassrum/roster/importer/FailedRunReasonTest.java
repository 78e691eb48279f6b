package se.klassrum.roster.importer;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failed run's record says of the failure, which every administrator of the organisation may read: the reason
 * as it is, except a database's text, which may quote a student's row.
 */
class FailedRunReasonTest {

    @Test
    void aDatabaseFailureIsToldByItsSqlStateAndAReferenceNeverByItsRow() {
        SQLException refused = new SQLException("ERROR: value too long for type character varying(200)\n  Where: "
                + "row (Elsa, Ek, elsa.ek@skola.se)", "22001");

        String reason = RosterImporter.explain(new PersistenceException("Exception [EclipseLink-4002]: " + refused, refused));

        assertThat(reason).startsWith("PersistenceException: the database refused it (SQL state 22001; reference ")
                .endsWith(" in the server log)").doesNotContain("Elsa").doesNotContain("elsa.ek");
    }

    @Test
    void anyOtherFailureKeepsItsReason() {
        assertThat(RosterImporter.explain(new OutOfMemoryError("Java heap space")))
                .isEqualTo("OutOfMemoryError: Java heap space");
    }
}
