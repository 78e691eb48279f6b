package se.klassrum.roster.importer;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.control.ConstraintViolations;
import se.klassrum.roster.entity.ImportCount;
import se.klassrum.roster.entity.ImportRun;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.Tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports a folder of roster files into a tenant: reads and checks every file, then, only if nothing is
 * wrong, writes the differences in one transaction, all or nothing. Every run is recorded as an
 * {@link ImportRun}, in transactions of its own: started, progressing, and finished as SUCCEEDED, REJECTED
 * (with every problem as file:line: message, nothing written) or FAILED (rolled back).
 * <p>
 * The import date is today in Europe/Stockholm, the day on which the access rules judge every validity.
 * A run is admitted before anything is read ({@link ImportAdmission}): at most one per tenant on all nodes, and no
 * more on this node at once than its import slots; writes of the same tenant (imports and syncs) are also serialised
 * by a PostgreSQL advisory lock held by the writing transaction.
 */
public final class RosterImporter {

    private static final Logger LOG = Logger.getLogger(RosterImporter.class.getName());

    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");

    /** Progress is written to the run's row at most this often, besides every change of phase. */
    private static final long PROGRESS_INTERVAL_MS = 1_000;
    /** The first key of the advisory lock; the second is the tenant's. */
    private static final int LOCK_NAMESPACE = 0x524f5354;

    private final ImportTransactions transactions;
    private final Clock clock;

    public RosterImporter(ImportTransactions transactions, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A format and mode told by the file names (and a OneRoster manifest), before a run is recorded. */
    private record Source(ImportFormat format, boolean fullSet, List<String> files) {
    }

    /**
     * What a preview does in its writing transaction, which is rolled back afterwards: it reads what it needs of the
     * roster as it is, calls {@code write} once (the plan, and what the source carries beyond it, are written and
     * flushed), reads the roster as the import leaves it, and decides.
     *
     * @param <T> what the preview shows its caller beyond what the run records
     */
    @FunctionalInterface
    public interface ImpactOfWriting<T> {
        Impact<T> decide(EntityManager em, UUID tenantId, LocalDate importDate, Changed changed, Runnable write);
    }

    /**
     * What an import's plan changes, to ask the access rules about: the groups whose memberships it adds, ends,
     * reopens or whose syllabus it changes, the new groups, and every group of a person whose school roles it changes;
     * the people of those memberships and roles, and those whose own details it changes. Guardian links are not in it.
     */
    public record Changed(Set<UUID> groups, Set<UUID> people) {
    }

    /** What a preview decided: what the run records (counts and warnings, no person named) and what only its caller sees. */
    public record Impact<T>(List<se.klassrum.roster.entity.ImportImpactCount> counts,
                            List<se.klassrum.roster.entity.ImportImpactWarning> warnings, T shown) {
    }

    /** A previewed run, and what the preview shows its caller; {@code shown} is null unless the run is PREVIEWED. */
    public record Previewed<T>(ImportSummary run, T shown) {
    }

    /** Thrown inside a preview's writing transaction to roll it back with what the preview decided. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<ImportCount> counts;
        private final transient Impact<?> impact;

        RolledBack(List<ImportCount> counts, Impact<?> impact) {
            super(null, null, false, false);
            this.counts = counts;
            this.impact = impact;
        }
    }

    /** Thrown inside the writing transaction to roll it back when the plan found problems. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected() {
            super(null, null, false, false);
        }
    }

    /**
     * @param actor who imports: a person's or an application's id, as the caller authorised it
     * @throws RosterException   UNKNOWN_TENANT, or VALUE_REQUIRED for a blank actor; then no run is recorded
     * @throws ImportNotAdmitted the tenant has a run in progress, or this node imports as many as it may; no run is
     *                           recorded and nothing is read
     */
    public ImportSummary importFolder(UUID tenantId, Path folder, String actor, ImportProgressListener listener) {
        return folder(tenantId, folder, actor, listener, null).run();
    }

    /**
     * Reads, checks, plans and writes the folder's files as {@link #importFolder} does, decides the access impact of what
     * was written with {@code impact}, and rolls the writing back: nothing of the roster changes. The run is recorded as
     * a preview: PREVIEWED with what it would have created, updated and ended and the impact's counts and warnings; or
     * REJECTED or FAILED as an import would be.
     *
     * @throws RosterException   UNKNOWN_TENANT, or VALUE_REQUIRED for a blank actor; then no run is recorded
     * @throws ImportNotAdmitted as {@link #importFolder}: a preview takes the organisation's one run and a slot of the node
     */
    public <T> Previewed<T> previewFolder(UUID tenantId, Path folder, String actor, ImportProgressListener listener,
                                          ImpactOfWriting<T> impact) {
        return folder(tenantId, folder, actor, listener, Objects.requireNonNull(impact, "impact"));
    }

    private <T> Previewed<T> folder(UUID tenantId, Path folder, String actor, ImportProgressListener listener,
                                    ImpactOfWriting<T> impact) {
        Objects.requireNonNull(folder, "folder");
        ImportProgressListener progressListener = listener == null ? ImportProgressListener.NONE : listener;
        Instant started = clock.instant();
        LocalDate importDate = LocalDate.ofInstant(started, SCHOOL_ZONE);
        Problems problems = new Problems();
        Source source = source(folder, problems);
        try (ImportAdmission admitted = ImportAdmission.admit(transactions, tenantId, clock, (em, id) -> {
            String format = source.format() == null ? "UNKNOWN" : source.format().name();
            OffsetDateTime at = OffsetDateTime.ofInstant(started, ZoneOffset.UTC);
            return impact == null
                    ? new ImportRun(id, tenant(em, tenantId), actor, format, source.fullSet(), source.files(), importDate, at)
                    : ImportRun.preview(id, tenant(em, tenantId), actor, format, source.fullSet(), source.files(), importDate, at);
        })) {
            RunProgress progress = new RunProgress(admitted, progressListener);
            String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
            return run(admitted.runId(), tenantId, importDate, problems, progress,
                    () -> read(source, folder, importDate, problems), (em, tenant) -> { }, name, impact);
        }
    }

    /**
     * Imports a roster from a source other than a folder (e.g. a student register's API) with the same
     * checks, plan, single writing transaction and record as {@link #importFolder}: the source is read in the
     * READING phase, and a problem it reports (the register refused the token, a reference to nothing) refuses
     * the run with nothing written.
     *
     * @throws RosterException   UNKNOWN_TENANT, or VALUE_REQUIRED for a blank actor; then no run is recorded
     * @throws ImportNotAdmitted the tenant has a run in progress, or this node imports as many as it may; no run is
     *                           recorded and nothing is read
     */
    public ImportSummary importSource(UUID tenantId, RosterSource source, String actor, ImportProgressListener listener) {
        Objects.requireNonNull(source, "source");
        ImportProgressListener progressListener = listener == null ? ImportProgressListener.NONE : listener;
        Instant started = clock.instant();
        LocalDate importDate = LocalDate.ofInstant(started, SCHOOL_ZONE);
        try (ImportAdmission admitted = ImportAdmission.admit(transactions, tenantId, clock, (em, id) ->
                new ImportRun(id, tenant(em, tenantId), actor, source.format().name(), true, source.names(), importDate,
                        OffsetDateTime.ofInstant(started, ZoneOffset.UTC)))) {
            RunProgress progress = new RunProgress(admitted, progressListener);
            Problems problems = new Problems();
            return run(admitted.runId(), tenantId, importDate, problems, progress,
                    () -> source.read(importDate, problems), source::afterWrite, source.names().get(0), null).run();
        }
    }

    /**
     * What was read, until it is planned: then only its notes are kept, so that the files read and the roster loaded
     * are garbage while the plan is written (the longest phase), and only the plan takes the heap.
     */
    private static final class Reading {
        private RosterSet set;
        private List<String> notes = List.of();

        Reading(RosterSet set) {
            this.set = set;
        }

        RosterSet set() {
            return set;
        }

        void planned() {
            notes = set.notes();
            set = null;
        }

        List<String> notes() {
            return set != null ? set.notes() : notes;
        }
    }

    /** Reads, plans and writes an admitted run, and records its end, whatever happens. */
    @SuppressWarnings("unchecked")
    private <T> Previewed<T> run(UUID runId, UUID tenantId, LocalDate importDate, Problems problems, RunProgress progress,
                                 java.util.function.Supplier<RosterSet> read,
                                 java.util.function.BiConsumer<EntityManager, UUID> afterWrite, String name,
                                 ImpactOfWriting<T> impact) {
        Reading reading = new Reading(null);
        try {
            progress.phase("READING");
            if (problems.isEmpty()) {
                RosterSet set = read.get();
                set.read();
                reading = new Reading(set);
            }
            if (!problems.isEmpty()) {
                return new Previewed<>(finish(runId, ImportStatus.REJECTED, List.of(), problems, reading.notes()), null);
            }
            Reading toWrite = reading;
            Plan plan;
            try {
                plan = transactions.inNewTransaction(em -> write(em, tenantId, toWrite, importDate, problems, progress,
                        afterWrite, impact));
            } catch (Rejected rejected) {
                return new Previewed<>(finish(runId, ImportStatus.REJECTED, List.of(), problems, reading.notes()), null);
            } catch (RolledBack previewed) {
                List<String> notes = new java.util.ArrayList<>(problems.notes());
                notes.addAll(reading.notes());
                ImportSummary run = transactions.inNewTransaction(em -> {
                    ImportRun recorded = em.find(ImportRun.class, runId);
                    recorded.previewed(OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), previewed.counts,
                            previewed.impact.counts(), previewed.impact.warnings(), notes);
                    return ImportSummary.of(recorded);
                });
                return new Previewed<>(run, (T) previewed.impact.shown());
            }
            return new Previewed<>(finish(runId, ImportStatus.SUCCEEDED, plan.counts(), problems, reading.notes()), null);
        } catch (RuntimeException | Error failure) {
            // After an Error (e.g. OutOfMemoryError) what was read may be what exhausted the heap: drop it.
            return new Previewed<>(failed(runId, name, failure, failure instanceof Error ? List.of() : reading.notes()), null);
        }
    }

    /** The tenant for a new run's row; UNKNOWN_TENANT if there is none. */
    public static Tenant tenant(EntityManager em, UUID tenantId) {
        Tenant tenant = tenantId == null ? null : em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw RosterException.of(RosterError.UNKNOWN_TENANT, "id", tenantId);
        }
        return tenant;
    }

    /**
     * Ends the run as FAILED with the reason, whatever went wrong (an OutOfMemoryError too): nothing was written, as the
     * roster is written in one transaction.
     */
    private ImportSummary failed(UUID runId, String file, Throwable failure, List<String> notes) {
        Problems failed = new Problems();
        failed.fileProblem(file, "the import failed and nothing was written: " + explain(failure));
        return finish(runId, ImportStatus.FAILED, List.of(), failed, notes);
    }

    private Plan write(EntityManager em, UUID tenantId, Reading reading, LocalDate importDate, Problems problems,
                       RunProgress progress, java.util.function.BiConsumer<EntityManager, UUID> afterWrite,
                       ImpactOfWriting<?> impact) {
        lockRoster(em, tenantId);
        Plan plan = plan(em, tenantId, reading, importDate, problems, progress);
        if (!problems.isEmpty()) {
            throw new Rejected();
        }
        Runnable writing = () -> {
            progress.written("WRITING", 0, plan.size());
            new PlanWriter(em, tenantId, progress::written).write(plan);
            afterWrite.accept(em, tenantId);
        };
        if (impact == null) {
            writing.run();
            progress.phase("COMMITTING");
            return plan;
        }
        progress.phase("PREVIEWING");
        Changed changed = changed(em, plan);
        boolean[] written = {false};
        Impact<?> decided = impact.decide(em, tenantId, importDate, changed, () -> {
            if (written[0]) {
                throw new IllegalStateException("a preview writes its plan once");
            }
            writing.run();
            em.flush();
            written[0] = true;
            progress.phase("PREVIEWING");
        });
        if (!written[0]) {
            throw new IllegalStateException("the preview decided without writing the plan");
        }
        throw new RolledBack(plan.counts(), decided);
    }

    /** The groups and people whose access the plan may change: see {@link Changed}. */
    private static Changed changed(EntityManager em, Plan plan) {
        Set<UUID> groups = new java.util.LinkedHashSet<>();
        Set<UUID> people = new java.util.HashSet<>();
        Set<UUID> roleHolders = new java.util.HashSet<>();
        plan.newFacts.get(RosterSet.FactKind.MEMBERSHIP).forEach(fact -> {
            groups.add(fact.first());
            people.add(fact.second());
        });
        plan.newFacts.get(RosterSet.FactKind.ROLE).forEach(fact -> roleHolders.add(fact.first()));
        for (Object[] row : rows(em, "select group_id, person_id from membership where id in (select unnest(cast(?1 as uuid[])))",
                plan.newEnds.get(RosterSet.FactKind.MEMBERSHIP).stream().map(Plan.NewEnd::id).toList())) {
            groups.add((UUID) row[0]);
            people.add((UUID) row[1]);
        }
        for (Object[] row : rows(em, "select id, person_id from school_role where id in (select unnest(cast(?1 as uuid[])))",
                plan.newEnds.get(RosterSet.FactKind.ROLE).stream().map(Plan.NewEnd::id).toList())) {
            roleHolders.add((UUID) row[1]);
        }
        plan.changedGroups.forEach(group -> groups.add(group.id()));
        plan.newGroups.forEach(group -> groups.add(group.id()));
        plan.changedPersons.forEach(person -> people.add(person.id()));
        people.addAll(roleHolders);
        for (Object[] row : rows(em, "select distinct group_id, 0 from membership where person_id in"
                + " (select unnest(cast(?1 as uuid[])))", List.copyOf(roleHolders))) {
            groups.add((UUID) row[0]);
        }
        return new Changed(groups, people);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, String sql, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String array = ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        return em.createNativeQuery(sql).setParameter(1, array).getResultList();
    }

    /** Loads the tenant's roster and plans the differences; then drops what was read (its notes are kept). */
    private static Plan plan(EntityManager em, UUID tenantId, Reading reading, LocalDate importDate, Problems problems,
                             RunProgress progress) {
        progress.phase("LOADING");
        TenantState state = TenantState.load(em, tenantId, reading.set());
        progress.phase("PLANNING");
        Plan plan = new Planner(reading.set(), state, importDate, problems).plan();
        reading.planned();
        return plan;
    }

    /**
     * Takes the tenant's roster lock for the rest of the caller's transaction: imports and syncs of one tenant write one
     * after the other, on any node, each planning against what the one before committed.
     */
    public static void lockRoster(EntityManager em, UUID tenantId) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, LOCK_NAMESPACE)
                .setParameter(2, tenantId.hashCode())
                .getResultList();
    }

    private RosterSet read(Source source, Path folder, LocalDate importDate, Problems problems) {
        return switch (source.format()) {
            case SDS_V2_1 -> new SdsV21Reader(importDate, problems).read(folder);
            case SDS_V1 -> new SdsV1Reader(importDate, problems).read(folder);
            case ONEROSTER_1_1, ONEROSTER_1_2 -> new OneRosterReader(importDate, problems).read(folder);
            case SS12000_V2_1 -> throw new IllegalStateException("SS 12000 is read from its API, never from a folder");
        };
    }

    private static Source source(Path folder, Problems problems) {
        String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        if (!Files.isDirectory(folder)) {
            problems.fileProblem(name, "there is no such folder");
            return new Source(null, true, List.of());
        }
        List<String> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(file -> file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.Map<String, List<String>> byLowerCase = new java.util.TreeMap<>();
        files.forEach(file -> byLowerCase.computeIfAbsent(file.toLowerCase(java.util.Locale.ROOT),
                lower -> new java.util.ArrayList<>()).add(file));
        boolean twice = false;
        for (List<String> same : byLowerCase.values()) {
            if (same.size() > 1) {
                problems.fileProblem(name, "the folder holds " + String.join(" and ", same) + ", whose names differ"
                        + " only in case; keep one of them");
                twice = true;
            }
        }
        if (twice) {
            return new Source(null, true, files);
        }
        ImportFormat format = ImportFormat.detect(Set.copyOf(files));
        if (format == null) {
            problems.fileProblem(name, "the files fit no known format: expected School Data Sync v2.1 (orgs.csv,"
                    + " users.csv, roles.csv, ...), School Data Sync v1 (School.csv, Section.csv, Student.csv, ...)"
                    + " or OneRoster (manifest.csv, ...), and only one of them");
            return new Source(null, true, files);
        }
        if (format == ImportFormat.ONEROSTER_1_1) {
            OneRosterReader.Manifest manifest = OneRosterReader.manifest(folder, problems);
            return new Source(manifest.format(), manifest.fullSet(), files);
        }
        return new Source(format, true, files);
    }

    private ImportSummary finish(UUID runId, ImportStatus status, List<ImportCount> counts, Problems problems,
                                 List<String> setNotes) {
        List<String> problemLines = problems.listed().stream().map(ImportProblem::toString).toList();
        List<String> notes = new java.util.ArrayList<>(problems.notes());
        notes.addAll(setNotes);
        return transactions.inNewTransaction(em -> {
            ImportRun run = em.find(ImportRun.class, runId);
            run.finish(status, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), counts, problemLines, notes);
            return ImportSummary.of(run);
        });
    }

    /**
     * The reason a run failed, as its record tells every administrator who reads it. A database's error text may quote
     * the failing row ("Failing row contains (…)"), a student's name among it: such a failure is told by its SQL state,
     * with a reference to the server log, which has the whole text.
     */
    static String explain(Throwable failure) {
        if (failure instanceof RosterException roster) {
            return roster.messageEn();
        }
        var explained = failure instanceof RuntimeException runtime
                ? ConstraintViolations.explain(runtime, Map.of()) : java.util.Optional.<RosterException>empty();
        if (explained.isPresent()) {
            return explained.get().messageEn();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                String reference = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "An import failed in the database, reference " + reference, failure);
                return failure.getClass().getSimpleName() + ": the database refused it (SQL state " + sql.getSQLState()
                        + "; reference " + reference + " in the server log)";
            }
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /** Tells the listener everything, and the run's row now and then, in a transaction of its own. */
    private final class RunProgress {

        private final UUID runId;
        private final ImportAdmission admitted;
        private final ImportProgressListener listener;
        private String lastPhase;
        private long lastWrite;

        RunProgress(ImportAdmission admitted, ImportProgressListener listener) {
            this.runId = admitted.runId();
            this.admitted = admitted;
            this.listener = listener;
        }

        void phase(String phase) {
            written(phase, 0, 0);
        }

        void written(String phase, long done, long total) {
            listener.progress(runId, phase, done, total);
            long now = clock.millis();
            if (phase.equals(lastPhase) && now - lastWrite < PROGRESS_INTERVAL_MS && done < total) {
                return;
            }
            lastPhase = phase;
            lastWrite = now;
            admitted.progress(phase, done, total);
        }
    }
}
