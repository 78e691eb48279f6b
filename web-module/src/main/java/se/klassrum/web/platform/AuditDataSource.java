package se.klassrum.web.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import se.klassrum.access.audit.AuditWriter;

/**
 * The audit writer's own connections to the application's database: outside the requests' pool and outside
 * their transactions, so that recording a decision never waits for a connection that a waiting request holds.
 * One writer thread per node uses it; the second connection covers a replacement while the first is lost.
 */
@DataSourceDefinition(
        name = AuditWriter.DATA_SOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=klassrum.db.url}",
        user = "${MPCONFIG=klassrum.db.user}",
        password = "${MPCONFIG=klassrum.db.password}",
        transactional = false,
        minPoolSize = 0,
        maxPoolSize = 2,
        properties = {
                "connectTimeout=5",
                "ApplicationName=klassrum-audit",
                // A batch of entries and of a list's subjects goes to PostgreSQL as multi-row inserts.
                "reWriteBatchedInserts=true"
        })
@ApplicationScoped
public class AuditDataSource {
}
