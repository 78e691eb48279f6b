package se.klassrum.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import se.klassrum.access.api.Cursors;
import se.klassrum.access.api.NoStudentData;

import java.util.logging.Logger;

/**
 * Gives {@link Cursors} the installation's secret ({@code klassrum.cursor.secret}) as the application starts.
 * Every node of a cluster needs the same one, so that a page asked of one node continues on another.
 */
@ApplicationScoped
@NoStudentData("configures how paging cursors are sealed; reads no student data")
public class CursorSecret {

    private static final Logger LOG = Logger.getLogger(CursorSecret.class.getName());

    void configure(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Config config = ConfigProvider.getConfig();
        config.getOptionalValue("klassrum.cursor.secret", String.class)
                .filter(secret -> !secret.isBlank())
                .ifPresentOrElse(Cursors::useSecret, () -> LOG.info("No KLASSRUM_CURSOR_SECRET: paging cursors are "
                        + "sealed with a key of this process, valid on this node until it restarts"));
    }
}
