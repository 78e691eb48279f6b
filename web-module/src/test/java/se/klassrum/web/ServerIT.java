package se.klassrum.web;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WAR as built, deployed on Payara Micro against a real PostgreSQL, called over HTTP as an
 * operator's load balancer would.
 */
@ExtendWith(EmbeddedDatabase.class)
@ExtendWith(TestIssuer.class)
@ExtendWith(ArquillianExtension.class)
class ServerIT {

    @Deployment(testable = false)
    static WebArchive klassrumWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("klassrum.war")));
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void isReadyOnlyWithTheDatabaseMigrated() throws Exception {
        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"name\":\"database\"").contains("\"schemaVersion\"");
    }

    @Test
    void isLive() throws Exception {
        HttpResponse<String> live = get("/health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void migratedTheSchemaAtStartUp(DataSource database) throws SQLException {
        assertThat(queryLong(database, "select count(*) from flyway_schema_history where success and version = '1'"))
                .isEqualTo(1);
        assertThat(queryLong(database, "select count(*) from flyway_schema_history where success and description = 'audit log'"))
                .isEqualTo(1);
        assertThat(queryLong(database, "select count(*) from flyway_schema_history where not success")).isZero();
    }

    @Test
    void loadedTheDemoMunicipalityIntoTheEmptyDatabase(DataSource database) throws SQLException {
        assertThat(queryLong(database, "select count(*) from tenant")).isEqualTo(2);
        assertThat(queryLong(database, "select count(*) from school")).isGreaterThanOrEqualTo(3);
        assertThat(queryLong(database, "select count(*) from person where security_marking <> 'NONE'")).isPositive();
        assertThat(queryLong(database, "select count(*) from study_group where archived")).isPositive();
        assertThat(queryLong(database, "select count(*) from study_group where not connected")).isPositive();
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = base.toURI().resolve(path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long queryLong(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
