package se.klassrum.web.platform;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far the application's start-up has come: the schema migration, the demo data and the web
 * application's own initialisation (its servlets, the API among them). A plain CDI bean, so that the
 * readiness check can ask while the start-up singletons are still initialising (asking them then fails).
 * Start-up is finished once all three are done; it never becomes unfinished again.
 */
@ApplicationScoped
public class StartupProgress {

    private volatile MigrationStatus migration = MigrationStatus.pending();
    private volatile boolean demoDataSettled;
    private volatile boolean webStarted;

    public MigrationStatus migration() {
        return migration;
    }

    void migration(MigrationStatus status) {
        migration = status;
    }

    /** The demo data were loaded, were not needed or could not be loaded (which is logged). */
    void demoDataSettled() {
        demoDataSettled = true;
    }

    void webStarted() {
        webStarted = true;
    }

    public boolean finished() {
        return migration.isMigrated() && demoDataSettled && webStarted;
    }

    /** What start-up still waits for, in words. */
    public String awaiting() {
        if (!migration.isMigrated()) {
            return "the schema migration";
        }
        if (!demoDataSettled) {
            return "the demo data";
        }
        return webStarted ? "nothing" : "the web application";
    }
}
