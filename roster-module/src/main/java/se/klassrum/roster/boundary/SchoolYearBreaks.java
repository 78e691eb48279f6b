package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.roster.control.BreakImpacts;
import se.klassrum.roster.control.BreakImpacts.AccessKind;
import se.klassrum.roster.control.BreakImpacts.WarningKind;
import se.klassrum.roster.control.BreakPlans;
import se.klassrum.roster.control.BreakPlans.ChangeKind;
import se.klassrum.roster.entity.SchoolYear;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The school-year break (läsårsbryt) as one planned change (TRANSITIONS.md, R1–R3), for school administrators: stage
 * next year's group changes in the organisation's one open plan, preview their access impact as the rules decide it,
 * apply the whole plan in one transaction, and undo it on the same day.
 * <p>
 * Staging a change needs the administrator role at the group's school; applying and undoing need it at every school
 * the plan changes. The preview counts for every school of the plan and names people only for the caller's own
 * schools; a student with a protected identity is named only to an administrator with a path to the student's
 * profile (decided and audited as one list, as the name search does), else shown without a name.
 */
@ApplicationScoped
@Transactional
public class SchoolYearBreaks {

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    RosterDirectory directory;

    @Inject
    AccessGuard guard;

    @Inject
    AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    /** One change of the plan, with the names an administrator recognises it by. */
    public record BreakChangeView(int seq, ChangeKind kind, UUID groupId, String groupName, UUID schoolId, String schoolName,
                             UUID personId, String personName) {
    }

    /** The plan; {@code state} is OPEN, APPLIED or UNDONE. */
    public record BreakPlanView(UUID id, String state, Instant createdAt, Instant previewedAt, Instant appliedAt,
                           LocalDate appliedOn, Instant undoneAt, List<BreakChangeView> changes) {
    }

    /** How many people gain and lose one kind of access, to how many students. */
    public record BreakKindCount(AccessKind kind, int peopleGaining, int studentsGained, int peopleLosing, int studentsLost) {
    }

    /** The impact at one school; {@code administered} when the caller administers it (and may drill down). */
    public record BreakSchoolImpact(UUID schoolId, String schoolName, boolean administered, List<BreakKindCount> kinds) {
    }

    /**
     * A person as the preview names them: {@code id} and {@code name} are both null for a protected student the caller
     * may not see, who is counted but not identified.
     */
    public record BreakPerson(UUID id, String name) {
    }

    /**
     * What one person gains and loses of one kind (through one group, where the kind lives in a group; in one syllabus,
     * for assessments): the students gained and lost; for a group's posts, which are about no student,
     * {@code groupGained} says whether the group's posts are gained (true) or lost (false), and is null for every other
     * kind. {@code syllabusId} and {@code syllabusCode} name the assessments' syllabus, and are null for every other kind.
     */
    public record BreakPersonChange(UUID schoolId, BreakPerson person, AccessKind kind, UUID groupId, String groupName,
                                    List<BreakPerson> gained, List<BreakPerson> lost, Boolean groupGained,
                                    UUID syllabusId, String syllabusCode) {
    }

    /** A warning; the student and person are named only at the caller's own schools. */
    public record BreakWarning(WarningKind kind, UUID schoolId, String schoolName, UUID groupId, String groupName,
                              BreakPerson student, BreakPerson person, String textSv, String textEn) {
    }

    /**
     * The access impact of the open plan.
     *
     * @param details for the school asked about (one the caller administers), who gains and loses what
     */
    public record BreakPreview(UUID planId, Instant previewedAt, int changes, int peopleDecided, int questions, long millis,
                          List<BreakSchoolImpact> schools, List<BreakWarning> warnings, List<BreakPersonChange> details) {
    }

    /** What apply or undo did. */
    public record BreakOutcome(BreakPlanView plan, int groupsArchived, int groupsConnected, int ownersAdded, int ownersRemoved,
                          int restoredRows) {
    }

    /**
     * What proposing the plan from the register did.
     *
     * @param schoolYear     the coming school year the proposal is for, "2027/28"
     * @param added          how many changes the proposal added to the plan (0 when proposed again)
     * @param archivesAdded  of them, groups of earlier school years to archive
     * @param connectsAdded  of them, groups of the coming school year to connect
     */
    public record BreakProposal(BreakPlanView plan, String schoolYear, int added, int archivesAdded, int connectsAdded) {
    }

    @NoStudentData("the plan's group changes and the owners named in them (staff); names no student")
    public BreakPlanView plan() {
        UUID tenant = requireAnyAdministrator();
        return plans().open(tenant).map(this::view).orElseThrow(() -> se.klassrum.roster.entity.RosterException.of(
                se.klassrum.roster.entity.RosterError.BREAK_NO_PLAN));
    }

    /** The most changes one page of the plan holds. */
    public static final int MAX_CHANGES_PAGE = 500;

    /** How many of the plan's changes there are at one school. */
    public record BreakSchoolChanges(UUID schoolId, String schoolName, int changes) {
    }

    /**
     * One page of a plan's changes, in the order staged, among those the filter keeps.
     *
     * @param total    every change of the plan
     * @param matching the changes the filter keeps (all of them without a filter)
     * @param offset   how many matching changes come before this page
     * @param changes  at most {@code limit} of them
     * @param schools  the schools the plan changes, by name, with how many changes each
     * @param kinds    how many changes of each kind the plan holds
     */
    public record BreakChangesPage(UUID planId, String state, Instant createdAt, Instant previewedAt, Instant appliedAt,
                                   LocalDate appliedOn, int total, int matching, int offset, int limit,
                                   List<BreakChangeView> changes,
                                   List<BreakSchoolChanges> schools, Map<ChangeKind, Integer> kinds) {
    }

    /**
     * A page of the open plan's changes, read in the database: a plan proposed from the register at a municipality's
     * size holds tens of thousands, which {@link #plan()} answers all at once.
     *
     * @param kind      only changes of this kind, or null
     * @param school    only changes of groups of this school, or null
     * @param groupName only changes of groups whose name contains this (case aside), or null
     * @throws IllegalArgumentException when the offset is negative or the limit not 1–{@link #MAX_CHANGES_PAGE}
     */
    @NoStudentData("a page of the plan's group changes and the owners named in them (staff); names no student")
    public BreakChangesPage planPage(ChangeKind kind, UUID school, String groupName, int offset, int limit) {
        requirePage(offset, limit);
        UUID tenant = requireAnyAdministrator();
        return pageView(plans().openPage(tenant, new BreakPlans.ChangeFilter(kind, school, groupName), offset, limit)
                .orElseThrow(() -> se.klassrum.roster.entity.RosterException.of(
                        se.klassrum.roster.entity.RosterError.BREAK_NO_PLAN)), offset, limit);
    }

    /**
     * As {@link #planPage}, of the last applied plan while it can still be undone: {@link #lastApplied()} reads all of
     * a plan's changes, and an applied plan for a municipality holds tens of thousands.
     *
     * @throws IllegalArgumentException when the offset is negative or the limit not 1–{@link #MAX_CHANGES_PAGE}
     */
    @NoStudentData("a page of the last applied plan's group changes and the owners named in them (staff); names no student")
    public BreakChangesPage lastAppliedPage(int offset, int limit) {
        requirePage(offset, limit);
        UUID tenant = requireAnyAdministrator();
        return pageView(plans().lastAppliedPage(tenant, BreakPlans.ChangeFilter.NONE, offset, limit)
                .orElseThrow(() -> se.klassrum.roster.entity.RosterException.of(
                        se.klassrum.roster.entity.RosterError.BREAK_NOTHING_TO_UNDO)), offset, limit);
    }

    private static void requirePage(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_CHANGES_PAGE) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_CHANGES_PAGE);
        }
    }

    private static BreakChangesPage pageView(BreakPlans.ChangesPage page, int offset, int limit) {
        return new BreakChangesPage(page.planId(), page.state(), page.createdAt(), page.previewedAt(), page.appliedAt(),
                page.appliedOn(), page.total(), page.matching(), offset, limit,
                page.changes().stream().map(c -> new BreakChangeView(c.seq(), c.kind(), c.groupId(), c.groupName(),
                        c.schoolId(), c.schoolName(), c.personId(), c.personName())).toList(),
                page.schools().stream().map(s -> new BreakSchoolChanges(s.schoolId(), s.schoolName(), s.changes()))
                        .toList(), page.kinds());
    }

    @NoStudentData("the last applied plan's group changes and the owners named in them (staff); names no student")
    public BreakPlanView lastApplied() {
        UUID tenant = requireAnyAdministrator();
        return plans().lastApplied(tenant).map(this::view).orElseThrow(() -> se.klassrum.roster.entity.RosterException.of(
                se.klassrum.roster.entity.RosterError.BREAK_NOTHING_TO_UNDO));
    }

    /** Stages one change; the caller must administer the group's school. */
    @NoStudentData("stages a group change for a school administrator of the group's school; names no student")
    public BreakPlanView stage(ChangeKind kind, UUID groupId, UUID personId) {
        UUID tenant = requireAnyAdministrator();
        RosterDirectory.GroupView group = directory.group(groupId);
        directory.requireSchoolAdministrator(group.schoolId());
        return view(plans().stage(tenant, callerId(), kind, groupId, personId));
    }

    /**
     * Stages in the open plan what the register's data implies for the coming school year at every school the caller
     * administers, and only there (see {@link BreakPlans#propose}): archive the connected groups of earlier school
     * years, connect the coming year's groups that have members. Proposing again adds nothing twice; changes staged by
     * hand stay.
     *
     * @param schoolYear the coming school year; null for the one that starts on the next 1 July
     */
    @NoStudentData("stages group changes of the caller's own schools from the register's groups; names no student")
    public BreakProposal proposeFromRegister(SchoolYear schoolYear) {
        UUID tenant = requireAnyAdministrator();
        List<UUID> schools = directory.administeredSchools().stream().map(RosterDirectory.SchoolView::id).toList();
        LocalDate today = guard.today();
        SchoolYear coming = schoolYear != null ? schoolYear : BreakPlans.comingSchoolYear(today);
        BreakPlans.Proposal proposal = plans().propose(tenant, callerId(), schools, coming, today);
        return new BreakProposal(view(proposal.plan()), coming.label(), proposal.added(), proposal.archivesAdded(),
                proposal.connectsAdded());
    }

    /** The school year a proposal is for when none is given: the one that starts on the next 1 July, "2027/28". */
    @NoStudentData("a school year's label from today's date")
    public String comingSchoolYear() {
        return BreakPlans.comingSchoolYear(guard.today()).label();
    }

    /** Takes a change out of the plan; the caller must administer its group's school. */
    @NoStudentData("removes a staged group change; names no student")
    public BreakPlanView unstage(int seq) {
        UUID tenant = requireAnyAdministrator();
        BreakPlans.Plan plan = plans().open(tenant).orElseThrow(() -> se.klassrum.roster.entity.RosterException.of(
                se.klassrum.roster.entity.RosterError.BREAK_NO_PLAN));
        plan.changes().stream().filter(change -> change.seq() == seq).findFirst()
                .ifPresent(change -> directory.requireSchoolAdministrator(directory.group(change.groupId()).schoolId()));
        return view(plans().unstage(tenant, seq));
    }

    /** Drops the open plan; the caller must administer every school it changes. */
    @NoStudentData("drops the staged plan; names no student")
    public void discard() {
        UUID tenant = requireAnyAdministrator();
        plans().open(tenant).ifPresent(this::requireEverySchool);
        plans().discard(tenant);
    }

    /** The impact of the open plan, decided by the access rules, remembered as what apply must find unchanged. */
    @NoStudentData("counts per school for the organisation's administrators; names only at the caller's own schools, "
            + "a protected student only behind an audited profile decision")
    public BreakPreview preview(UUID detailSchool) {
        UUID tenant = requireAnyAdministrator();
        BreakPlans plans = plans();
        BreakPlans.Plan plan = plans.open(tenant).orElseThrow(() -> se.klassrum.roster.entity.RosterException.of(
                se.klassrum.roster.entity.RosterError.BREAK_NO_PLAN));
        long started = System.nanoTime();
        BreakImpacts.Impact impact = new BreakImpacts(em).of(tenant, plan.changes(), guard.today());
        long millis = (System.nanoTime() - started) / 1_000_000;
        plans.previewed(plan, plans.fingerprint(plan));
        Set<UUID> administered = directory.administeredSchools().stream().map(RosterDirectory.SchoolView::id)
                .collect(Collectors.toSet());
        if (detailSchool != null && !administered.contains(detailSchool)) {
            throw new NotPermittedException();
        }
        ImpactViews.Shown shown = new ImpactViews(em).show(tenant, impact, plan.groups(), administered, detailSchool,
                this::namesOf, false);
        return new BreakPreview(plan.id(), Instant.now(clock), plan.changes().size(), impact.peopleDecided(),
                impact.questions(), millis, shown.schools(), shown.warnings(), shown.details());
    }

    /** Applies the open plan in this one transaction; the caller must administer every school it changes. */
    @NoStudentData("applies group changes for the administrators of every school they touch; names no student")
    public BreakOutcome apply() {
        UUID tenant = requireAnyAdministrator();
        BreakPlans plans = plans();
        plans.open(tenant).ifPresent(this::requireEverySchool);
        BreakPlans.Outcome done = plans.apply(tenant, callerId());
        BreakPlans.Plan plan = plans.lastApplied(tenant).orElseThrow();
        audit.record(guard.record(AuditRecord.Purpose.ADMINISTRATION, guard.currentActor(), tenant, "SCHOOL_YEAR_BREAK",
                "APPLY", null, null, true, List.of()));
        return new BreakOutcome(view(plan), done.groupsArchived(), done.groupsConnected(), done.ownersAdded(),
                done.ownersRemoved(), 0);
    }

    /** Undoes the last applied plan, on the day it was applied; the caller must administer every school it changed. */
    @NoStudentData("restores group changes for the administrators of every school they touched; names no student")
    public BreakOutcome undo() {
        UUID tenant = requireAnyAdministrator();
        BreakPlans plans = plans();
        BreakPlans.Plan applied = plans.lastApplied(tenant).orElseThrow(() -> se.klassrum.roster.entity.RosterException.of(
                se.klassrum.roster.entity.RosterError.BREAK_NOTHING_TO_UNDO));
        requireEverySchool(applied);
        BreakPlans.Outcome done = plans.undo(tenant, callerId());
        audit.record(guard.record(AuditRecord.Purpose.ADMINISTRATION, guard.currentActor(), tenant, "SCHOOL_YEAR_BREAK",
                "UNDO", null, null, true, List.of()));
        BreakPlans.Plan undone = new BreakPlans.Plan(applied.id(), applied.tenantId(), "UNDONE", applied.createdAt(),
                applied.previewedAt(), applied.appliedAt(), applied.appliedOn(), Instant.now(clock), applied.changes());
        return new BreakOutcome(view(undone), 0, 0, 0, 0, done.restoredRows());
    }

    private BreakPlans plans() {
        return new BreakPlans(em, clock);
    }

    private void requireEverySchool(BreakPlans.Plan plan) {
        Set<UUID> administered = directory.administeredSchools().stream().map(RosterDirectory.SchoolView::id)
                .collect(Collectors.toSet());
        @SuppressWarnings("unchecked")
        List<UUID> schools = em.createNativeQuery("select distinct school_id from study_group where id in (select unnest(cast(?1 as uuid[])))")
                .setParameter(1, uuidArray(plan.groups())).getResultList();
        if (!administered.containsAll(schools)) {
            throw new NotPermittedException();
        }
    }

    /** The caller's organisation, if the caller administers a school of it. */
    private UUID requireAnyAdministrator() {
        Actor actor = guard.currentActor();
        if (actor == null) {
            throw new NotSignedInException("Sign in to plan the school-year break");
        }
        if (!(actor instanceof Actor.Person person) || person.guardianLogin() || directory.administeredSchools().isEmpty()) {
            throw new NotPermittedException();
        }
        return actor.tenantId();
    }

    private UUID callerId() {
        return guard.currentActor() instanceof Actor.Person person ? person.personId() : null;
    }

    private BreakPlanView view(BreakPlans.Plan plan) {
        Set<UUID> personIds = new HashSet<>();
        plan.changes().forEach(change -> {
            if (change.personId() != null) {
                personIds.add(change.personId());
            }
        });
        Map<UUID, String> persons = names("select id, given_name || ' ' || family_name from person"
                + " where id in (select unnest(cast(?1 as uuid[])))", uuidArray(personIds));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select g.id, g.name, s.id, s.name from study_group g"
                + " join school s on s.id = g.school_id where g.id in (select unnest(cast(?1 as uuid[])))")
                .setParameter(1, uuidArray(plan.groups())).getResultList();
        Map<UUID, Object[]> groups = new HashMap<>();
        rows.forEach(row -> groups.put((UUID) row[0], row));
        return new BreakPlanView(plan.id(), plan.state(), plan.createdAt(), plan.previewedAt(), plan.appliedAt(),
                plan.appliedOn(), plan.undoneAt(), plan.changes().stream().map(change -> {
                    Object[] group = groups.get(change.groupId());
                    return new BreakChangeView(change.seq(), change.kind(), change.groupId(), (String) group[1],
                            (UUID) group[2], (String) group[3], change.personId(),
                            change.personId() == null ? null : persons.get(change.personId()));
                }).toList());
    }

    /** Names of people; a protected student's only where the caller has a path to their profile (audited). */
    private Map<UUID, BreakPerson> namesOf(Set<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, given_name || ' ' || family_name, security_marking"
                + " from person where id in (select unnest(cast(?1 as uuid[])))").setParameter(1, uuidArray(ids)).getResultList();
        List<UUID> shielded = rows.stream().filter(row -> !"NONE".equals(row[2])).map(row -> (UUID) row[0]).toList();
        Set<UUID> visible = guard.visibleProfiles(shielded);
        Map<UUID, BreakPerson> named = new HashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            boolean shown = "NONE".equals(row[2]) || visible.contains(id);
            // A protected student the caller may not see is counted, never identified: neither name nor id.
            named.put(id, shown ? new BreakPerson(id, (String) row[1]) : new BreakPerson(null, null));
        }
        return named;
    }

    private Map<UUID, String> names(String sql, Object parameter) {
        return new ImpactViews(em).names(sql, parameter);
    }

    private static String uuidArray(java.util.Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
