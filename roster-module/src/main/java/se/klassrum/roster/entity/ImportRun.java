package se.klassrum.roster.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of a roster import: who started it, when, from which files, how far it has come, and what it
 * changed or why it was refused. The row is written in transactions of its own, so it survives a run
 * whose roster changes were rolled back, and its progress can be read while the run is still writing.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "import_run")
public class ImportRun extends RosterEntity {

    public static final int MAX_ACTOR_LENGTH = 200;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
    private Tenant tenant;

    @Column(name = "actor", nullable = false, updatable = false, length = MAX_ACTOR_LENGTH)
    private String actor;

    @Column(name = "format", nullable = false, updatable = false, length = 30)
    private String format;

    @Column(name = "full_set", nullable = false, updatable = false)
    private boolean fullSet;

    /** The file names read, separated by ", ". */
    @Column(name = "files", nullable = false, updatable = false, length = 4000)
    private String files;

    @Column(name = "import_date", nullable = false, updatable = false)
    private LocalDate importDate;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ImportStatus status = ImportStatus.RUNNING;

    @Column(name = "phase", length = 40)
    private String phase;

    @Column(name = "progress_done", nullable = false)
    private long progressDone;

    @Column(name = "progress_total", nullable = false)
    private long progressTotal;

    @Column(name = "problem_count", nullable = false)
    private int problemCount;

    /** Every problem, one per line, each "file:line: message". */
    @Column(name = "problems")
    private String problems;

    /** What was read but deliberately not imported, one note per line. */
    @Column(name = "notes")
    private String notes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "import_run_count", joinColumns = @JoinColumn(name = "run_id"))
    private List<ImportCount> counts = new ArrayList<>();

    /** A preview: written and rolled back, recorded PREVIEWED with its impact. */
    @Column(name = "preview", nullable = false, updatable = false)
    private boolean preview;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "import_run_impact", joinColumns = @JoinColumn(name = "run_id"))
    private List<ImportImpactCount> impact = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "import_run_warning", joinColumns = @JoinColumn(name = "run_id"))
    private List<ImportImpactWarning> warnings = new ArrayList<>();

    /** For JPA only. */
    protected ImportRun() {
    }

    /**
     * A new run is RUNNING.
     *
     * @param id         the id to use, or {@code null} for a new random one
     * @param actor      who started it: a person's or an application's id, as the caller knows it
     * @param format     the file format, e.g. "SDS_V2_1"
     * @param fullSet    a full set (what is missing ends) rather than a delta
     * @param importDate the school-local day the run judges validity on
     */
    public ImportRun(UUID id, Tenant tenant, String actor, String format, boolean fullSet, Collection<String> files,
                     LocalDate importDate, OffsetDateTime startedAt) {
        super(id);
        this.tenant = Require.present(tenant, "tenant");
        this.actor = Require.text(actor, "actor", MAX_ACTOR_LENGTH);
        this.format = Require.text(format, "format", 30);
        this.fullSet = fullSet;
        this.files = Require.present(String.join(", ", Require.present(files, "files")), "files");
        this.importDate = Require.present(importDate, "importDate");
        this.startedAt = Require.present(startedAt, "startedAt");
    }

    /** As {@link #ImportRun(UUID, Tenant, String, String, boolean, Collection, LocalDate, OffsetDateTime)}, a preview. */
    public static ImportRun preview(UUID id, Tenant tenant, String actor, String format, boolean fullSet,
                                    Collection<String> files, LocalDate importDate, OffsetDateTime startedAt) {
        ImportRun run = new ImportRun(id, tenant, actor, format, fullSet, files, importDate, startedAt);
        run.preview = true;
        return run;
    }

    public Tenant tenant() {
        return tenant;
    }

    public String actor() {
        return actor;
    }

    public String format() {
        return format;
    }

    public boolean isFullSet() {
        return fullSet;
    }

    public List<String> files() {
        return files.isEmpty() ? List.of() : List.of(files.split(", "));
    }

    public LocalDate importDate() {
        return importDate;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public Optional<OffsetDateTime> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public Optional<Duration> duration() {
        return Optional.ofNullable(durationMs).map(Duration::ofMillis);
    }

    public ImportStatus status() {
        return status;
    }

    public Optional<String> phase() {
        return Optional.ofNullable(phase);
    }

    public long progressDone() {
        return progressDone;
    }

    public long progressTotal() {
        return progressTotal;
    }

    public int problemCount() {
        return problemCount;
    }

    public List<String> problems() {
        return problems == null || problems.isEmpty() ? List.of() : Arrays.asList(problems.split("\n"));
    }

    public List<String> notes() {
        return notes == null || notes.isEmpty() ? List.of() : Arrays.asList(notes.split("\n"));
    }

    public List<ImportCount> counts() {
        return List.copyOf(counts);
    }

    /** Whether the run is a preview, which writes nothing. */
    public boolean isPreview() {
        return preview;
    }

    /** A previewed run's access impact per school and kind of access; empty for every other run. */
    public List<ImportImpactCount> impact() {
        return List.copyOf(impact);
    }

    /** A previewed run's warnings, one per group and kind; empty for every other run. */
    public List<ImportImpactWarning> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Ends a preview as PREVIEWED, with what it would have changed and its impact.
     *
     * @throws IllegalStateException if the run is no preview, or has ended
     */
    public void previewed(OffsetDateTime at, Collection<ImportCount> wouldChange, Collection<ImportImpactCount> finalImpact,
                          Collection<ImportImpactWarning> finalWarnings, Collection<String> finalNotes) {
        if (!preview) {
            throw new IllegalStateException("run " + id() + " is no preview");
        }
        finish(ImportStatus.PREVIEWED, at, wouldChange, java.util.List.of(), finalNotes);
        this.impact.addAll(Require.present(finalImpact, "impact"));
        this.warnings.addAll(Require.present(finalWarnings, "warnings"));
    }

    /** @param phase what the run is doing, e.g. "WRITING_MEMBERSHIPS" */
    public void progress(String phase, long done, long total) {
        this.phase = Require.optionalText(phase, "phase", 40);
        this.progressDone = done;
        this.progressTotal = total;
    }

    /**
     * Ends the run once and for all.
     *
     * @param finalProblems each "file:line: message"; a line break inside one is replaced by a space
     * @param finalNotes    what was deliberately not imported, likewise one line each
     */
    public void finish(ImportStatus finalStatus, OffsetDateTime at, Collection<ImportCount> finalCounts,
                       Collection<String> finalProblems, Collection<String> finalNotes) {
        Require.present(finalStatus, "status");
        // A preview never succeeds (it writes nothing) and only a preview is previewed.
        boolean wrongKind = finalStatus == ImportStatus.PREVIEWED ? !preview : preview && finalStatus == ImportStatus.SUCCEEDED;
        if (!finalStatus.isFinished() || status.isFinished() || wrongKind) {
            throw new IllegalStateException("run " + id() + " is " + status + " and cannot finish as " + finalStatus);
        }
        this.status = finalStatus;
        this.finishedAt = Require.present(at, "finishedAt");
        this.durationMs = Math.max(0, Duration.between(startedAt, at).toMillis());
        this.counts.clear();
        this.counts.addAll(Require.present(finalCounts, "counts"));
        List<String> lines = oneLineEach(Require.present(finalProblems, "problems"));
        this.problemCount = lines.size();
        this.problems = lines.isEmpty() ? null : String.join("\n", lines);
        List<String> noteLines = oneLineEach(Require.present(finalNotes, "notes"));
        this.notes = noteLines.isEmpty() ? null : String.join("\n", noteLines);
        this.phase = null;
    }

    private static List<String> oneLineEach(Collection<String> texts) {
        return texts.stream().map(text -> text.replace('\n', ' ').replace('\r', ' ')).toList();
    }
}
