package se.klassrum.roster.importer;

import se.klassrum.roster.entity.ImportCount;
import se.klassrum.roster.entity.ImportImpactCount;
import se.klassrum.roster.entity.ImportImpactWarning;
import se.klassrum.roster.entity.ImportKind;
import se.klassrum.roster.entity.ImportRun;
import se.klassrum.roster.entity.ImportStatus;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recorded import run as its caller sees it: who, when, which files, the status, how far it has come,
 * the counts per kind of row, and every problem as "file:line: message".
 *
 * @param finishedAt null while running
 * @param duration   null while running
 * @param phase      null once finished
 * @param preview    a preview, which writes nothing: PREVIEWED (or REJECTED, FAILED)
 * @param impact     a previewed run's access impact per school and kind of access; empty for every other run
 * @param warnings   a previewed run's warnings, one per group and kind; empty for every other run
 */
public record ImportSummary(java.util.UUID runId, java.util.UUID tenantId, String actor, String format, boolean fullSet,
                            List<String> files, LocalDate importDate, OffsetDateTime startedAt,
                            OffsetDateTime finishedAt, Duration duration, ImportStatus status, String phase,
                            long progressDone, long progressTotal, List<ImportCount> counts, List<String> problems,
                            List<String> notes, boolean preview, List<ImportImpactCount> impact,
                            List<ImportImpactWarning> warnings) {

    public static ImportSummary of(ImportRun run) {
        return new ImportSummary(run.id(), run.tenant().id(), run.actor(), run.format(), run.isFullSet(), run.files(),
                run.importDate(), run.startedAt(), run.finishedAt().orElse(null), run.duration().orElse(null),
                run.status(), run.phase().orElse(null), run.progressDone(), run.progressTotal(),
                run.counts().stream().sorted(java.util.Comparator.comparing(ImportCount::kind)).toList(),
                run.problems(), run.notes(), run.isPreview(),
                run.impact().stream().sorted(java.util.Comparator.comparing(ImportImpactCount::schoolName,
                                java.util.Comparator.nullsLast(java.util.Comparator.<String>naturalOrder()))
                        .thenComparing(ImportImpactCount::schoolId)
                        .thenComparing(count -> ACCESS_KINDS.indexOf(count.kind()))).toList(),
                run.warnings().stream().sorted(java.util.Comparator.comparing(ImportImpactWarning::schoolName,
                                java.util.Comparator.nullsLast(java.util.Comparator.<String>naturalOrder()))
                        .thenComparing(ImportImpactWarning::groupName,
                                java.util.Comparator.nullsLast(java.util.Comparator.<String>naturalOrder()))
                        .thenComparing(ImportImpactWarning::kind).thenComparing(ImportImpactWarning::groupId)).toList());
    }

    /** This run with only the given warnings, e.g. those its reader may see. */
    public ImportSummary withWarnings(List<ImportImpactWarning> shown) {
        return new ImportSummary(runId, tenantId, actor, format, fullSet, files, importDate, startedAt, finishedAt, duration,
                status, phase, progressDone, progressTotal, counts, problems, notes, preview, impact, List.copyOf(shown));
    }

    /** The kinds of access of an impact, in the order a school's counts are shown. */
    private static final List<String> ACCESS_KINDS = List.of("STUDENT_PROFILE", "HAND_INS", "ASSESSMENTS",
            "DEVELOPMENT_TALKS", "GROUP_POSTS");

    public ImportCount count(ImportKind kind) {
        return counts.stream().filter(count -> count.kind() == kind).findFirst()
                .orElse(new ImportCount(kind, 0, 0, 0));
    }

    public int created(ImportKind kind) {
        return count(kind).created();
    }

    public int updated(ImportKind kind) {
        return count(kind).updated();
    }

    public int ended(ImportKind kind) {
        return count(kind).ended();
    }

    /** Whether the run changed nothing at all (a re-run of the same files). */
    public boolean changedNothing() {
        return counts.stream().allMatch(count -> count.created() == 0 && count.updated() == 0 && count.ended() == 0);
    }
}
