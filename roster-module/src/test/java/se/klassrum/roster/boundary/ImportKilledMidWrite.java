package se.klassrum.roster.boundary;

import se.klassrum.roster.testing.TestTransactions;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A process that imports a folder into a tenant and, once the writing transaction has written people, schools and
 * groups and starts on the memberships, says {@link #WRITING} and waits to be killed ({@link ImportAdmissionTest}).
 * Arguments: the database's JDBC URL, the tenant's id, the folder.
 */
public final class ImportKilledMidWrite {

    static final String WRITING = "writing memberships; kill me now";

    private ImportKilledMidWrite() {
    }

    public static void main(String[] args) throws InterruptedException {
        TestTransactions transactions = TestTransactions.at(args[0]);
        new RosterImports(transactions, java.time.Clock.systemUTC()).importFolder(UUID.fromString(args[1]),
                Path.of(args[2]), "integration:killed", (run, phase, done, total) -> {
                    if (phase.equals("WRITING_MEMBERSHIPS")) {
                        System.out.println(WRITING);
                        System.out.flush();
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        System.out.println("the import ended without being killed");
    }
}
