package se.klassrum.web.platform;

/**
 * Where the start-up migration stands.
 *
 * @param state   pending while start-up runs, then migrated or failed
 * @param detail  the schema version when migrated, the one-line reason when failed
 */
public record MigrationStatus(State state, String detail) {

    public enum State { PENDING, MIGRATED, FAILED }

    static MigrationStatus pending() {
        return new MigrationStatus(State.PENDING, "start-up migration has not finished");
    }

    static MigrationStatus migrated(String schemaVersion) {
        return new MigrationStatus(State.MIGRATED, schemaVersion);
    }

    static MigrationStatus failed(String reason) {
        return new MigrationStatus(State.FAILED, reason);
    }

    public boolean isMigrated() {
        return state == State.MIGRATED;
    }
}
