package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.klassrum.roster.entity.ImportCount;
import se.klassrum.roster.entity.ImportKind;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.OneRosterDelta;
import se.klassrum.roster.importer.SyntheticMunicipality;
import se.klassrum.roster.testing.RosterView;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.roster.testing.TestTransactions;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A OneRoster delta reads only the part of the roster it names. This checks that it still does what the register's
 * next full set would do: a small synthetic municipality (students leave and arrive with their families, teachers
 * are replaced, enrollments move, people and groups are renamed) is imported, then the next night once as a OneRoster
 * 1.2 delta and once as a full School Data Sync set, into two tenants: both end in the same roster, and the full set
 * imported after the delta finds nothing left to change.
 */
class DeltaImportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate NEXT_DAY = DAY.plusDays(1);

    private static TestDatabase db;
    private static TestTransactions transactions;

    @TempDir
    static Path temp;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("roster_delta_import");
        transactions = new TestTransactions(db);
    }

    @AfterAll
    static void dropDatabase() {
        transactions.close();
        db.close();
    }

    @Test
    void the_next_nights_oneroster_delta_leaves_the_roster_as_the_next_nights_full_set_does() {
        Path full = temp.resolve("full");
        Path next = temp.resolve("next");
        Path delta = temp.resolve("delta");
        SyntheticMunicipality.write(full, next, 7, DAY.getYear() - 1, SyntheticMunicipality.Size.STOCKHOLM.scaled(0.01));
        OneRosterDelta.write(full, next, delta);
        UUID byDelta = RosterImportsTest.newTenant(db);
        UUID byFullSet = RosterImportsTest.newTenant(db);

        succeeded(importOn(DAY, byDelta, full));
        succeeded(importOn(DAY, byFullSet, full));
        ImportSummary deltaRun = succeeded(importOn(NEXT_DAY, byDelta, delta));
        ImportSummary fullSetRun = succeeded(importOn(NEXT_DAY, byFullSet, next));

        assertThat(RosterView.of(db, byDelta)).isEqualTo(RosterView.of(db, byFullSet));
        assertThat(counts(deltaRun)).isEqualTo(counts(fullSetRun));
        // The night changed each kind of thing, so the comparison is not of two untouched rosters.
        assertThat(counts(deltaRun)).allSatisfy((kind, count) -> assertThat(count).isNotEqualTo("0/0/0"))
                .containsKeys(ImportKind.PERSON, ImportKind.SCHOOL_ROLE, ImportKind.GROUP, ImportKind.MEMBERSHIP,
                        ImportKind.GUARDIAN_LINK);
        assertThat(counts(deltaRun).get(ImportKind.PERSON)).doesNotStartWith("0/");

        ImportSummary again = succeeded(importOn(NEXT_DAY, byDelta, next));
        assertThat(again.counts()).allSatisfy(count -> assertThat(count.created() + count.updated() + count.ended())
                .as(count.kind().toString()).isZero());
    }

    private static ImportSummary importOn(LocalDate day, UUID tenant, Path folder) {
        return RosterImportsTest.importsOn(transactions, day).importFolder(tenant, folder, "integration:test");
    }

    private static ImportSummary succeeded(ImportSummary run) {
        assertThat(run.status()).as(String.join("\n", run.problems())).isEqualTo(ImportStatus.SUCCEEDED);
        return run;
    }

    /** "created/updated/ended" per kind that changed. */
    private static Map<ImportKind, String> counts(ImportSummary run) {
        return run.counts().stream().filter(c -> c.created() + c.updated() + c.ended() > 0)
                .collect(Collectors.toMap(ImportCount::kind, c -> c.created() + "/" + c.updated() + "/" + c.ended()));
    }
}
