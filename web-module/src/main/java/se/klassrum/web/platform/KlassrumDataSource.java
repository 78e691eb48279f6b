package se.klassrum.web.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one database, chosen at start-up by MicroProfile Config (environment variables
 * {@code KLASSRUM_DB_URL}, {@code KLASSRUM_DB_USER}, {@code KLASSRUM_DB_PASSWORD}) so that the same WAR
 * runs against the launcher's embedded PostgreSQL or any external one without rebuilding.
 */
@DataSourceDefinition(
        name = KlassrumDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=klassrum.db.url}",
        user = "${MPCONFIG=klassrum.db.user}",
        password = "${MPCONFIG=klassrum.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                // Fail fast with a clear message instead of hanging on an unreachable host.
                "connectTimeout=5",
                "ApplicationName=klassrum"
        })
@ApplicationScoped
public class KlassrumDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/klassrum";
}
