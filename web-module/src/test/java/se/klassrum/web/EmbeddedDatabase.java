package se.klassrum.web;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL for the server tests, started once per test JVM on the port that the build reserved
 * ({@code klassrum.test.db.port}) and that Payara Micro was told about. Registered before Arquillian so
 * that the database is starting before the server deploys; the application waits for it anyway.
 */
public final class EmbeddedDatabase implements BeforeAllCallback, ParameterResolver {

    private static final String PORT_PROPERTY = "klassrum.test.db.port";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    /** A test method may take a {@link DataSource} parameter to check what the server wrote. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).get(Running.class, Running.class)
                .postgres.getPostgresDatabase();
    }

    private static Running start() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            throw new IllegalStateException("Run the server tests through Maven (./mvnw verify): the build reserves "
                    + PORT_PROPERTY + " and passes it to Payara Micro");
        }
        try {
            return new Running(EmbeddedPostgres.builder().setPort(Integer.parseInt(port)).start());
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
        }
    }

    private record Running(EmbeddedPostgres postgres) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
