package se.klassrum.roster.importer;

import java.util.UUID;

/**
 * Told how a running import is getting on, in the importing thread, after each phase and chunk. The same
 * progress is written to the run's row in a transaction of its own (at most about once a second), where
 * another request can read it while the import writes.
 */
@FunctionalInterface
public interface ImportProgressListener {

    ImportProgressListener NONE = (runId, phase, done, total) -> {
    };

    /**
     * @param phase e.g. "READING", "LOADING", "PLANNING", "WRITING_MEMBERSHIPS"
     * @param done  rows written so far (0 before writing)
     * @param total rows to write (0 before the plan is made)
     */
    void progress(UUID runId, String phase, long done, long total);
}
