package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.roster.entity.ImportRun;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.importer.ImportAdmission;
import se.klassrum.roster.importer.ImportProgressListener;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.roster.importer.ImportTransactions;
import se.klassrum.roster.importer.RosterImporter;

import jakarta.persistence.EntityManager;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.roster.control.BreakImpacts;
import se.klassrum.roster.control.RosterFactsInBulk;
import se.klassrum.roster.entity.ImportImpactCount;
import se.klassrum.roster.entity.ImportImpactWarning;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Roster import from files: School Data Sync CSV (v2.1, v1) and OneRoster CSV, as documented in
 * roster-module/IMPORT.md.
 * <p>
 * An import is all or nothing: the files are read and checked first, and any problem (a missing file or
 * column, an unknown reference, a bad date, a duplicate id) refuses the whole run with every problem listed
 * as file:line: message. Otherwise only the differences are written, in one transaction, and what a full set
 * leaves out ends the day before the import date, so that access through it ends with the very next request.
 * Re-running the same files changes nothing. Every run, refused or not, is recorded with its counts.
 * <p>
 * The methods do not run in the caller's transaction: an import makes its own (see {@link ImportTransactions}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
@NoStudentData("roster import by the tenant's integration or administrator, authorised by the caller of the boundary;"
        + " it writes and lists roster facts and import runs, and returns counts and file:line problems, never a"
        + " student's information")
public class RosterImports {

    private ImportTransactions transactions;
    /** Absent outside the container. */
    @Inject
    RosterMetrics metrics;
    /** Absent outside the container: then a preview names nobody. */
    @Inject
    RosterDirectory directory;
    private Clock clock = Clock.system(RosterImporter.SCHOOL_ZONE);

    /** For CDI, which needs a no-argument constructor to make its proxy. */
    protected RosterImports() {
    }

    @Inject
    RosterImports(ImportTransactions transactions) {
        this.transactions = transactions;
    }

    /** For tests outside a container: their own transactions and clock. */
    RosterImports(ImportTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Imports the roster files of a folder on the server into the tenant. The format is told by the file
     * names: orgs.csv, users.csv, roles.csv, ... (School Data Sync v2.1); School.csv, Section.csv,
     * Student.csv, ... (School Data Sync v1); manifest.csv, ... (OneRoster 1.1 or 1.2, bulk or delta).
     *
     * @param actor who imports: the id of the person or application the caller authorised
     * @return the recorded run: SUCCEEDED with its counts, or REJECTED or FAILED with its problems
     * @throws RosterException UNKNOWN_TENANT, or VALUE_REQUIRED for a blank actor (no run is recorded then)
     */
    public ImportSummary importFolder(UUID tenantId, Path folder, String actor) {
        return importFolder(tenantId, folder, actor, ImportProgressListener.NONE);
    }

    /** As {@link #importFolder(UUID, Path, String)}, telling the listener how the run is getting on. */
    public ImportSummary importFolder(UUID tenantId, Path folder, String actor, ImportProgressListener listener) {
        RosterImporter importer = new RosterImporter(transactions, clock);
        if (metrics == null) {
            return importer.importFolder(tenantId, folder, actor, listener);
        }
        return metrics.measure(RosterMetrics.Source.FILES, listener,
                measured -> importer.importFolder(tenantId, folder, actor, measured));
    }

    /**
     * What an import's preview shows the administrator who asked for it: the access impact at every school, decided by
     * the access rules on the roster before and after the import's writing (then rolled back). Names only at the caller's
     * own schools; a student with a protected identity is never named here.
     *
     * @param run           the recorded run: PREVIEWED with what it would change, or REJECTED or FAILED as an import
     * @param peopleDecided how many people the rules were asked about
     * @param questions     how many questions they answered (each twice: before and after)
     * @param millis        how long deciding took, reading the facts before and after and writing the plan included
     * @param details       for the school asked about (one the caller administers), who gains and loses what
     */
    public record ImportPreview(ImportSummary run, int peopleDecided, int questions, long millis,
                                List<SchoolYearBreaks.BreakSchoolImpact> schools, List<SchoolYearBreaks.BreakWarning> warnings,
                                List<SchoolYearBreaks.BreakPersonChange> details) {
    }

    /**
     * Previews an import of the folder's files: reads, checks, plans and writes them as {@link #importFolder} does,
     * decides who would gain and lose which access, and rolls everything back. The run is recorded as a preview.
     *
     * @param detailSchool a school the caller administers, to name who gains and loses what there; or null
     * @throws NotPermittedException the caller does not administer {@code detailSchool}
     */
    @NoStudentData("an import's preview for the organisation's import administrators: counts per school; names only at "
            + "the caller's own schools, never a student with a protected identity, and nothing stored but counts")
    public ImportPreview previewFolder(UUID tenantId, Path folder, String actor, ImportProgressListener listener,
                                       UUID detailSchool) {
        Set<UUID> administered = directory == null ? Set.of() : directory.administeredSchools().stream()
                .map(RosterDirectory.SchoolView::id).collect(Collectors.toSet());
        if (detailSchool != null && !administered.contains(detailSchool)) {
            throw new NotPermittedException();
        }
        boolean integration = directory != null && directory.callerIsApplication();
        ImportPreview preview = previewFolder(tenantId, folder, actor, listener, administered, detailSchool, integration);
        return new ImportPreview(forReader(preview.run(), readersSchools()), preview.peopleDecided(), preview.questions(),
                preview.millis(), preview.schools(), preview.warnings(), preview.details());
    }

    /**
     * As {@link #previewFolder(UUID, Path, String, ImportProgressListener, UUID)}, naming nobody: for a preview that runs
     * on the server's own thread, whose recorded counts and warnings are all it shows.
     */
    @NoStudentData("an import's preview that names nobody: counts per school and warnings per group, as recorded")
    public ImportSummary previewFolder(UUID tenantId, Path folder, String actor, ImportProgressListener listener) {
        return previewFolder(tenantId, folder, actor, listener, Set.of(), null, false).run();
    }

    /**
     * As {@link #previewFolder(UUID, Path, String, ImportProgressListener, UUID)}, for the schools given.
     *
     * @param integration the caller is an integration, shown every warning
     */
    ImportPreview previewFolder(UUID tenantId, Path folder, String actor, ImportProgressListener listener,
                                Set<UUID> administered, UUID detailSchool, boolean integration) {
        RosterImporter importer = new RosterImporter(transactions, clock);
        RosterImporter.ImpactOfWriting<ImportPreview> impact = (em, tenant, importDate, changed, write) ->
                decide(em, tenant, importDate, changed, write, administered, detailSchool, integration);
        List<RosterImporter.Previewed<ImportPreview>> previewed = new ArrayList<>(1);
        java.util.function.Function<ImportProgressListener, ImportSummary> run = measured -> {
            previewed.add(importer.previewFolder(tenantId, folder, actor, measured, impact));
            return previewed.get(0).run();
        };
        ImportSummary summary = metrics == null ? run.apply(listener)
                : metrics.measure(RosterMetrics.Source.FILES, listener, run);
        ImportPreview shown = previewed.get(0).shown();
        return shown == null ? new ImportPreview(summary, 0, 0, 0, List.of(), List.of(), List.of())
                : new ImportPreview(summary, shown.peopleDecided(), shown.questions(), shown.millis(), shown.schools(),
                shown.warnings(), shown.details());
    }

    /** Inside the import's writing transaction: the facts before, the plan written, the facts after, the rules asked. */
    private static RosterImporter.Impact<ImportPreview> decide(EntityManager em, UUID tenant, LocalDate importDate,
                                                                RosterImporter.Changed changed, Runnable write,
                                                                Set<UUID> administered, UUID detailSchool,
                                                                boolean integration) {
        long started = System.nanoTime();
        BreakImpacts impacts = new BreakImpacts(em);
        Set<UUID> people = impacts.membersOf(changed.groups());
        people.addAll(changed.people());
        RosterFactsInBulk before = RosterFactsInBulk.load(em, people, changed.groups());
        write.run();
        RosterFactsInBulk after = RosterFactsInBulk.load(em, people, changed.groups());
        BreakImpacts.Impact impact = impacts.between(tenant, changed.groups(), people, before, after, importDate);
        ImpactViews views = new ImpactViews(em);
        ImpactViews.Shown shown = views.show(tenant, impact, changed.groups(), administered, detailSchool,
                views::namesShieldingEveryProtected, integration);
        List<ImportImpactCount> counts = new ArrayList<>();
        shown.schools().forEach(school -> school.kinds().forEach(kind -> counts.add(new ImportImpactCount(
                school.schoolId(), school.schoolName(), kind.kind().name(), kind.peopleGaining(), kind.studentsGained(),
                kind.peopleLosing(), kind.studentsLost()))));
        // One stored warning per kind and group, counting its students; no person is named in the run's record. Every
        // warning is kept, whoever previewed: each reader is shown those of their own (ImpactViews#visibleTo).
        Map<List<Object>, Set<UUID>> students = new LinkedHashMap<>();
        Map<List<Object>, BreakImpacts.Warning> first = new LinkedHashMap<>();
        for (BreakImpacts.Warning warning : impact.warnings()) {
            List<Object> key = List.of(warning.kind(), warning.groupId());
            Set<UUID> theirs = students.computeIfAbsent(key, k -> new HashSet<>());
            if (warning.studentId() != null) {
                theirs.add(warning.studentId());
            }
            first.putIfAbsent(key, warning);
        }
        Map<UUID, String> schoolNames = views.names("select id, name from school where tenant_id = cast(?1 as uuid)", tenant);
        Map<UUID, String> groupNames = views.names("select id, name from study_group where id in (select unnest(cast(?1 as uuid[])))",
                ImpactViews.uuidArray(first.values().stream().map(BreakImpacts.Warning::groupId).collect(Collectors.toSet())));
        List<ImportImpactWarning> warnings = new ArrayList<>();
        first.forEach((key, warning) -> warnings.add(new ImportImpactWarning(warning.kind().name(), warning.schoolId(),
                schoolNames.get(warning.schoolId()), warning.groupId(), groupNames.get(warning.groupId()),
                students.get(key).size())));
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new RosterImporter.Impact<>(counts, warnings, new ImportPreview(null, impact.peopleDecided(),
                impact.questions(), millis, shown.schools(), shown.warnings(), shown.details()));
    }

    /**
     * Closes as FAILED, interrupted, every run of every tenant that is recorded RUNNING but that no node works on any
     * more (its run lock is free: the node that ran it was killed, or it ended without recording its end). Called at
     * start-up; admission does the same for the tenant it admits. A run a live node still works on is left alone.
     *
     * @return how many runs were closed
     */
    public int closeInterruptedRuns() {
        return transactions.inNewTransaction(em -> ImportAdmission.closeInterrupted(em, null, clock));
    }

    /**
     * The tenant's import runs, newest first, finished or still running. A preview's warnings that a protected student
     * becomes visible are shown to a school administrator for their own schools only, to an integration for all.
     */
    public List<ImportSummary> runs(UUID tenantId) {
        Set<UUID> readersSchools = readersSchools();
        return transactions.inNewTransaction(em -> em.createQuery(
                        "select r from ImportRun r where r.tenant.id = :tenant order by r.startedAt desc", ImportRun.class)
                .setParameter("tenant", tenantId)
                .getResultList().stream().map(run -> forReader(ImportSummary.of(run), readersSchools)).toList());
    }

    /** One run of the tenant, e.g. to follow a running import's progress; empty if it is another tenant's. */
    public Optional<ImportSummary> run(UUID tenantId, UUID runId) {
        if (tenantId == null || runId == null) {
            throw RosterException.of(RosterError.VALUE_REQUIRED, "field", tenantId == null ? "tenantId" : "runId");
        }
        Set<UUID> readersSchools = readersSchools();
        return transactions.inNewTransaction(em -> Optional.ofNullable(em.find(ImportRun.class, runId))
                .filter(run -> run.tenant().id().equals(tenantId))
                .map(run -> forReader(ImportSummary.of(run), readersSchools)));
    }

    /** The schools the reader administers; null for an integration (or outside a container), which reads every warning. */
    private Set<UUID> readersSchools() {
        if (directory == null || directory.callerIsApplication()) {
            return null;
        }
        return directory.administeredSchools().stream().map(RosterDirectory.SchoolView::id).collect(Collectors.toSet());
    }

    private static ImportSummary forReader(ImportSummary run, Set<UUID> readersSchools) {
        return run.withWarnings(run.warnings().stream()
                .filter(warning -> ImpactViews.visibleTo(warning.kind(), warning.schoolId(), readersSchools)).toList());
    }
}
