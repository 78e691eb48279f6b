package se.klassrum.roster.importer;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.sync.ss12000.Ss12000Exception;
import se.klassrum.roster.sync.ss12000.Ss12000Snapshot;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A roster that does not come from a folder of files, e.g. a student register's API, imported through the
 * same reading, planning, writing and recording as the files (see {@link RosterImporter#importSource}).
 * Only this package makes sources, because only its readers can make a {@link RosterSet}.
 */
public abstract class RosterSource {

    RosterSource() {
    }

    abstract ImportFormat format();

    /** What the run records as read, in place of file names: e.g. the API's address. */
    abstract List<String> names();

    /** The roster, read and checked; every problem refuses the run. Called once, in the READING phase. */
    abstract RosterSet read(LocalDate importDate, Problems problems);

    /** Writes what the source carries beyond the plan, in the same transaction, after the plan is written. */
    void afterWrite(EntityManager em, UUID tenantId) {
    }

    /**
     * A student register's SS 12000 v2.1 API, mapped as IMPORT.md describes.
     *
     * @param origin   the API's address, recorded with the run
     * @param snapshot reads the register when the run reads; an {@link Ss12000Exception} it throws (the
     *                 register refused the token, did not answer, ...) refuses the run with its message
     */
    public static RosterSource ss12000(String origin, String description, Supplier<Ss12000Snapshot> snapshot) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(snapshot, "snapshot");
        return new RosterSource() {
            private Ss12000Reader reader;

            @Override
            ImportFormat format() {
                return ImportFormat.SS12000_V2_1;
            }

            @Override
            List<String> names() {
                return description == null ? List.of(origin) : List.of(origin, description);
            }

            @Override
            RosterSet read(LocalDate importDate, Problems problems) {
                Ss12000Snapshot read;
                try {
                    read = snapshot.get();
                } catch (Ss12000Exception refused) {
                    problems.fileProblem(origin, refused.getMessage());
                    return new RosterSet(ImportFormat.SS12000_V2_1, true);
                }
                reader = new Ss12000Reader(importDate, problems);
                return reader.read(read);
            }

            @Override
            void afterWrite(EntityManager em, UUID tenantId) {
                if (reader != null) {
                    reader.securityMarkings().write(em, tenantId);
                }
            }
        };
    }
}
