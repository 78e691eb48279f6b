package se.klassrum.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import se.klassrum.roster.boundary.RosterImports;

import java.util.logging.Logger;

/**
 * At start-up, closes as FAILED ("interrupted") every import run left RUNNING that no node works on any more, e.g.
 * because this node was killed during it: otherwise the organisation could never import again. A run that another
 * live node still works on holds its run lock and is left alone (roster-module/IMPORT.md, "Admission").
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class InterruptedImports {

    private static final Logger LOG = Logger.getLogger(InterruptedImports.class.getName());

    @Inject
    DatabaseMigration migration;

    @Inject
    RosterImports imports;

    @PostConstruct
    void closeInterruptedRuns() {
        try {
            if (!migration.status().isMigrated()) {
                return;
            }
            int closed = imports.closeInterruptedRuns();
            if (closed > 0) {
                LOG.warning("Closed " + closed + " import run(s) left running by a stopped server as interrupted");
            }
        } catch (RuntimeException failed) {
            LOG.severe("Klassrum could not close the import runs left running: " + DatabaseMigration.oneLine(failed));
        }
    }
}
