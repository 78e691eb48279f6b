package se.klassrum.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.roster.demo.DemoRosterLoader;

import java.util.logging.Logger;

/**
 * Loads the demo municipality into an empty database so that a newcomer's first run has teachers,
 * students and guardians to sign in as. Switched off with {@code KLASSRUM_DEMO_DATA=false}; a database
 * that already holds any organisation is never touched.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoDataStartup {

    private static final Logger LOG = Logger.getLogger(DemoDataStartup.class.getName());

    @Inject
    DatabaseMigration migration;

    @Inject
    DemoRosterLoader demoRoster;

    @Inject
    @ConfigProperty(name = "klassrum.demo-data", defaultValue = "true")
    boolean demoDataEnabled;

    @Inject
    StartupProgress progress;

    @PostConstruct
    void loadDemoData() {
        try {
            if (!demoDataEnabled || !migration.status().isMigrated()) {
                return;
            }
            if (demoRoster.loadIfEmpty()) {
                LOG.info("Loaded the demo data (Solbacka kommun); set KLASSRUM_DEMO_DATA=false to start empty");
            }
        } catch (RuntimeException failed) {
            LOG.severe("Klassrum could not load the demo data: " + DatabaseMigration.oneLine(failed));
        } finally {
            progress.demoDataSettled();
        }
    }
}
