package se.klassrum.roster.control;

import jakarta.persistence.EntityManager;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.SchoolYear;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The school-year break's plan (TRANSITIONS.md, R1 and R3), kept in {@code break_plan} and {@code break_change}: one
 * open plan per organisation, staged one change at a time; applied in the caller's one transaction, with every row it
 * changed kept in {@code break_undo}, so that undoing it on the same day restores the state before.
 * <p>
 * Plain SQL on the caller's transaction: a plan for a whole municipality changes tens of thousands of groups, written
 * with one statement per kind of change. Nothing here asks who the caller is; {@code SchoolYearBreaks} does.
 */
public final class BreakPlans {

    /** What a plan can change. */
    public enum ChangeKind {
        /** The group is archived: nobody works in it any more; its history stays readable as the rules say (H1). */
        ARCHIVE,
        /** The new group is connected: it gives its owners and members their paths. */
        CONNECT,
        /** The person becomes an owner (teacher or mentor) of the group from the day of the break. */
        ADD_OWNER,
        /** The person's ownership of the group ends the day before the break. */
        REMOVE_OWNER;

        public boolean ofPerson() {
            return this == ADD_OWNER || this == REMOVE_OWNER;
        }
    }

    /** One staged change; {@code personId} only for a change of owners. */
    public record Change(int seq, ChangeKind kind, UUID groupId, UUID personId) {
    }

    /**
     * A plan and its changes in the order staged.
     *
     * @param state OPEN, APPLIED or UNDONE
     */
    public record Plan(UUID id, UUID tenantId, String state, Instant createdAt, Instant previewedAt, Instant appliedAt,
                       LocalDate appliedOn, Instant undoneAt, List<Change> changes) {

        public Set<UUID> groups() {
            return changes.stream().map(Change::groupId).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    /** What applying or undoing changed. */
    public record Outcome(UUID planId, int groupsArchived, int groupsConnected, int ownersAdded, int ownersRemoved,
                         int restoredRows) {
    }

    /** What proposing the plan from the register did: the open plan, and how many changes it added to it. */
    public record Proposal(Plan plan, SchoolYear schoolYear, int archivesAdded, int connectsAdded) {

        public int added() {
            return archivesAdded + connectsAdded;
        }
    }

    private final EntityManager em;
    private final Clock clock;

    public BreakPlans(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The organisation's open plan, if any. */
    public Optional<Plan> open(UUID tenantId) {
        return plan("tenant_id = cast(?1 as uuid) and state = 'OPEN'", tenantId);
    }

    /** The organisation's most recently applied plan, if it has not been undone. */
    public Optional<Plan> lastApplied(UUID tenantId) {
        return plan("tenant_id = cast(?1 as uuid) and state = 'APPLIED' order by applied_at desc limit 1", tenantId);
    }

    /**
     * Which changes of a plan to show: each part null for any.
     *
     * @param groupName part of the group's name, matched without regard to case
     */
    public record ChangeFilter(ChangeKind kind, UUID schoolId, String groupName) {

        public static final ChangeFilter NONE = new ChangeFilter(null, null, null);

        public boolean filters() {
            return kind != null || schoolId != null || groupName != null && !groupName.isBlank();
        }
    }

    /** A change with the names an administrator recognises it by; {@code personName} only for a change of owners. */
    public record NamedChange(int seq, ChangeKind kind, UUID groupId, String groupName, UUID schoolId, String schoolName,
                              UUID personId, String personName) {
    }

    /** How many changes of a plan there are at one school. */
    public record SchoolCount(UUID schoolId, String schoolName, int changes) {
    }

    /**
     * One page of a plan's changes, in the order staged.
     *
     * @param total    every change of the plan
     * @param matching the changes the filter keeps
     * @param changes  at most the page's limit of them, from the page's offset
     * @param schools  the schools the plan changes, by name, with how many changes each
     * @param kinds    how many changes of each kind the plan holds (kinds without any left out)
     */
    public record ChangesPage(UUID planId, String state, Instant createdAt, Instant previewedAt, Instant appliedAt,
                              LocalDate appliedOn, int total, int matching, List<NamedChange> changes,
                              List<SchoolCount> schools, java.util.Map<ChangeKind, Integer> kinds) {
    }

    /**
     * A page of the organisation's open plan's changes that the filter keeps, read in the database (a plan proposed
     * for a municipality holds tens of thousands): ordered as staged, from {@code offset}, at most {@code limit}.
     */
    public Optional<ChangesPage> openPage(UUID tenantId, ChangeFilter filter, int offset, int limit) {
        return page("tenant_id = cast(?1 as uuid) and state = 'OPEN'", tenantId, filter, offset, limit);
    }

    /** As {@link #openPage}, of the organisation's most recently applied plan, if it has not been undone. */
    public Optional<ChangesPage> lastAppliedPage(UUID tenantId, ChangeFilter filter, int offset, int limit) {
        return page("tenant_id = cast(?1 as uuid) and state = 'APPLIED' order by applied_at desc limit 1", tenantId, filter,
                offset, limit);
    }

    private Optional<ChangesPage> page(String where, UUID tenantId, ChangeFilter filter, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> plans = em.createNativeQuery("select id, state, created_at, previewed_at, applied_at, applied_on"
                + " from break_plan where " + where).setParameter(1, tenantId.toString()).getResultList();
        if (plans.isEmpty()) {
            return Optional.empty();
        }
        Object[] plan = plans.getFirst();
        String id = plan[0].toString();
        String from = " from break_change c join study_group g on g.id = c.group_id join school s on s.id = g.school_id"
                + " left join person p on p.id = c.person_id where c.plan_id = cast(?1 as uuid)"
                + " and (cast(?2 as varchar) is null or c.kind = cast(?2 as varchar))"
                + " and (cast(?3 as varchar) is null or g.school_id = cast(?3 as uuid))"
                + " and (cast(?4 as varchar) is null or lower(g.name) like lower(cast(?4 as varchar)) escape '\\')";
        String kind = filter.kind() == null ? null : filter.kind().name();
        String school = filter.schoolId() == null ? null : filter.schoolId().toString();
        String name = filter.groupName() == null || filter.groupName().isBlank() ? null
                : "%" + filter.groupName().strip().replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        int matching = ((Number) em.createNativeQuery("select count(*)" + from).setParameter(1, id).setParameter(2, kind)
                .setParameter(3, school).setParameter(4, name).getSingleResult()).intValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.seq, c.kind, g.id, g.name, s.id, s.name, p.id,"
                        + " p.given_name || ' ' || p.family_name" + from + " order by c.seq offset ?5 limit ?6")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, school).setParameter(4, name)
                .setParameter(5, offset).setParameter(6, limit).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> schools = em.createNativeQuery("select s.id, s.name, count(*) from break_change c"
                + " join study_group g on g.id = c.group_id join school s on s.id = g.school_id"
                + " where c.plan_id = cast(?1 as uuid) group by s.id, s.name order by s.name, s.id")
                .setParameter(1, id).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> kinds = em.createNativeQuery("select kind, count(*) from break_change where plan_id = cast(?1 as uuid)"
                + " group by kind").setParameter(1, id).getResultList();
        java.util.Map<ChangeKind, Integer> perKind = new java.util.EnumMap<>(ChangeKind.class);
        kinds.forEach(row -> perKind.put(ChangeKind.valueOf((String) row[0]), ((Number) row[1]).intValue()));
        return Optional.of(new ChangesPage((UUID) plan[0], (String) plan[1], instant(plan[2]), instant(plan[3]),
                instant(plan[4]), plan[5] == null ? null : ((java.sql.Date) plan[5]).toLocalDate(), perKind.values().stream().mapToInt(Integer::intValue).sum(), matching,
                rows.stream().map(row -> new NamedChange(((Number) row[0]).intValue(), ChangeKind.valueOf((String) row[1]),
                        (UUID) row[2], (String) row[3], (UUID) row[4], (String) row[5], (UUID) row[6], (String) row[7]))
                        .toList(),
                schools.stream().map(row -> new SchoolCount((UUID) row[0], (String) row[1], ((Number) row[2]).intValue()))
                        .toList(),
                java.util.Collections.unmodifiableMap(perKind)));
    }

    /**
     * Stages a change in the organisation's open plan, which is begun if there is none. Staging the same change again
     * changes nothing. The group must be of the organisation, and the person of an owner change staff of it (a new
     * owner) or an owner of the group (one to remove); an archived group cannot be connected nor given owners, and a
     * group is not both archived and connected.
     */
    public Plan stage(UUID tenantId, UUID actorId, ChangeKind kind, UUID groupId, UUID personId) {
        Object[] group = single("select cast(tenant_id as varchar), archived, name from study_group where id = cast(?1 as uuid)",
                groupId);
        if (group == null || !tenantId.toString().equals(group[0])) {
            throw RosterException.of(RosterError.UNKNOWN_GROUP, "id", groupId);
        }
        if (kind.ofPerson() != (personId != null)) {
            throw RosterException.of(RosterError.VALUE_REQUIRED, "field", "person");
        }
        if (personId != null && !ownerOrStaff(tenantId, kind, groupId, personId)) {
            // A student, a guardian and an unknown id alike: the plan names staff only, and says nothing of the rest.
            throw RosterException.of(RosterError.UNKNOWN_PERSON, "id", personId);
        }
        if ((Boolean) group[1] && kind != ChangeKind.ARCHIVE && kind != ChangeKind.REMOVE_OWNER) {
            throw RosterException.of(RosterError.GROUP_ARCHIVED, "group", group[2]);
        }
        Plan plan = open(tenantId).orElseGet(() -> begin(tenantId, actorId));
        ChangeKind opposite = kind == ChangeKind.ARCHIVE ? ChangeKind.CONNECT : kind == ChangeKind.CONNECT ? ChangeKind.ARCHIVE : null;
        if (plan.changes().stream().anyMatch(c -> c.kind() == opposite && c.groupId().equals(groupId))) {
            throw RosterException.of(RosterError.BREAK_CHANGE_CONFLICT, "group", group[2]);
        }
        if (plan.changes().stream().noneMatch(c -> c.kind() == kind && c.groupId().equals(groupId)
                && java.util.Objects.equals(c.personId(), personId))) {
            em.createNativeQuery("insert into break_change (plan_id, seq, kind, group_id, person_id)"
                            + " select cast(?1 as uuid), coalesce(max(seq), 0) + 1, ?2, cast(?3 as uuid), cast(?4 as uuid)"
                            + " from break_change where plan_id = cast(?1 as uuid)")
                    .setParameter(1, plan.id().toString()).setParameter(2, kind.name())
                    .setParameter(3, groupId.toString()).setParameter(4, personId == null ? null : personId.toString())
                    .executeUpdate();
        }
        return open(tenantId).orElseThrow();
    }

    /**
     * The school year a break on {@code day} prepares: the one that starts on the next 1 July (the school year
     * {@code SchoolYear} labels starts in July or August, and a break is prepared before it). On 1 July or later in a
     * year, that is the following year's.
     */
    public static SchoolYear comingSchoolYear(LocalDate day) {
        return SchoolYear.startingIn(day.getMonthValue() >= 7 ? day.getYear() + 1 : day.getYear());
    }

    /**
     * Stages in the organisation's open plan (begun if there is none) what the register's data implies for the
     * {@code coming} school year at the given schools, with one query and one insert for each kind of change:
     * <ul>
     *     <li>ARCHIVE every connected group, not archived, of an earlier school year than the coming one;</li>
     *     <li>CONNECT every group of the coming school year that is not connected nor archived and has a member whose
     *     membership has not ended by {@code today} (imports bring the register's groups unconnected, with their
     *     members and, as owners, their teachers and mentors: connecting the group is what gives them their paths).</li>
     * </ul>
     * The owners come from the register as memberships with their own dates, so the register implies no change of
     * owners here; those stay changes an administrator stages by hand. A group that already has an ARCHIVE or CONNECT
     * change in the plan keeps it: proposing again adds nothing twice, and a change staged by hand is never undone or
     * contradicted. Nothing of the roster changes.
     */
    public Proposal propose(UUID tenantId, UUID actorId, java.util.Collection<UUID> schools, SchoolYear coming,
                            LocalDate today) {
        Plan plan = open(tenantId).orElseGet(() -> begin(tenantId, actorId));
        String id = plan.id().toString();
        // One proposal (or staging) at a time per plan: the changes' numbers are taken from what the plan holds.
        em.createNativeQuery("select id from break_plan where id = cast(?1 as uuid) for update").setParameter(1, id)
                .getResultList();
        // The groups the plan already archives or connects, read once and kept out here rather than by an anti-join
        // in SQL: the changes a proposal has just written have no statistics yet, and the planner then compared every
        // candidate with every change (tens of thousands squared at a municipality's size).
        Set<UUID> staged = new HashSet<>(ids("select group_id from break_change where plan_id = cast(?1 as uuid)"
                + " and kind in ('ARCHIVE', 'CONNECT')", id));
        String where = "g.tenant_id = cast(?1 as uuid) and g.school_id in (select unnest(cast(?2 as uuid[])))"
                + " and not g.archived";
        String order = " order by g.school_id, g.name, g.id";
        String schoolIds = uuidArray(schools);
        List<UUID> toArchive = ids("select g.id from study_group g where " + where
                + " and g.connected and cast(substr(g.school_year, 1, 4) as integer) < ?3" + order,
                tenantId.toString(), schoolIds, coming.startYear());
        List<UUID> toConnect = ids("select g.id from study_group g where " + where
                + " and not g.connected and g.school_year = ?3 and exists (select 1 from membership m"
                + " where m.group_id = g.id and m.role = 'MEMBER' and (m.valid_to is null or m.valid_to >= ?4))" + order,
                tenantId.toString(), schoolIds, coming.label(), today);
        int archives = append(id, ChangeKind.ARCHIVE, toArchive.stream().filter(g -> !staged.contains(g)).toList());
        int connects = append(id, ChangeKind.CONNECT, toConnect.stream().filter(g -> !staged.contains(g)).toList());
        return new Proposal(open(tenantId).orElseThrow(), coming, archives, connects);
    }

    /** Adds a change of the kind for each group, numbered after the plan's last change in the groups' order. */
    private int append(String planId, ChangeKind kind, List<UUID> groups) {
        if (groups.isEmpty()) {
            return 0;
        }
        return update("insert into break_change (plan_id, seq, kind, group_id, person_id)"
                + " select cast(?1 as uuid), (select coalesce(max(seq), 0) from break_change where plan_id = cast(?1 as uuid))"
                + " + t.n, ?2, t.id, null from unnest(cast(?3 as uuid[])) with ordinality as t(id, n)",
                planId, kind.name(), uuidArray(groups));
    }

    /** Takes a staged change out of the open plan. */
    public Plan unstage(UUID tenantId, int seq) {
        Plan plan = open(tenantId).orElseThrow(() -> RosterException.of(RosterError.BREAK_NO_PLAN));
        em.createNativeQuery("delete from break_change where plan_id = cast(?1 as uuid) and seq = ?2")
                .setParameter(1, plan.id().toString()).setParameter(2, seq).executeUpdate();
        return open(tenantId).orElseThrow();
    }

    /** Drops the open plan and its changes; nothing of the roster changes. */
    public void discard(UUID tenantId) {
        Plan plan = open(tenantId).orElseThrow(() -> RosterException.of(RosterError.BREAK_NO_PLAN));
        em.createNativeQuery("delete from break_plan where id = cast(?1 as uuid)").setParameter(1, plan.id().toString())
                .executeUpdate();
    }

    /**
     * What a preview saw and apply must find unchanged: the plan's changes, and the groups it changes with their
     * connection, archiving, syllabus and every membership (its person, role and period).
     * <p>
     * The groups and memberships are digested where they are: each group's row and memberships (in the order of their
     * ids) to one SHA-256, and those (in the order of the groups' ids) to one, so that a municipality's millions of
     * memberships never travel to Java nor need one ordering of them all.
     */
    public String fingerprint(Plan plan) {
        // In their binary forms (no text to format for millions of rows): ids and dates of fixed length, a last day
        // marked as present or not, the role (of no '|') last.
        String facts = (String) em.createNativeQuery("select encode(sha256(coalesce(string_agg(d, cast('' as bytea)"
                        + " order by id), cast('' as bytea))), 'hex') from (select g.id, sha256(uuid_send(g.id)"
                        + " || boolsend(g.connected) || boolsend(g.archived)"
                        + " || coalesce('\\x01' || uuid_send(g.syllabus_id), '\\x00')"
                        + " || coalesce((select string_agg(uuid_send(m.id) || uuid_send(m.person_id) || date_send(m.valid_from)"
                        + " || coalesce('\\x01' || date_send(m.valid_to), '\\x00') || convert_to(m.role, 'UTF8'),"
                        + " cast('|' as bytea) order by m.id) from membership m where m.group_id = g.id), '')) as d"
                        + " from study_group g where g.id in (select unnest(cast(?1 as uuid[])))) groups")
                .setParameter(1, uuidArray(plan.groups())).getSingleResult();
        StringBuilder text = new StringBuilder(facts);
        for (Change change : plan.changes()) {
            text.append('|').append(change.kind()).append(change.groupId()).append(change.personId());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Remembers what the preview of the open plan saw. */
    public void previewed(Plan plan, String fingerprint) {
        em.createNativeQuery("update break_plan set previewed_at = ?2, base_fingerprint = ?3 where id = cast(?1 as uuid)")
                .setParameter(1, plan.id().toString()).setParameter(2, OffsetDateTime.now(clock))
                .setParameter(3, fingerprint).executeUpdate();
    }

    /**
     * Writes every change of the organisation's open plan, in the caller's transaction: all of it, or (thrown) none.
     * Refused when the plan is empty, was never previewed, or when the plan or its groups changed since the preview.
     */
    public Outcome apply(UUID tenantId, UUID actorId) {
        Plan plan = plan("tenant_id = cast(?1 as uuid) and state = 'OPEN' for update", tenantId)
                .orElseThrow(() -> RosterException.of(RosterError.BREAK_NO_PLAN));
        if (plan.changes().isEmpty()) {
            throw RosterException.of(RosterError.BREAK_PLAN_EMPTY);
        }
        String seen = (String) em.createNativeQuery("select base_fingerprint from break_plan where id = cast(?1 as uuid)")
                .setParameter(1, plan.id().toString()).getSingleResult();
        if (seen == null) {
            throw RosterException.of(RosterError.BREAK_NOT_PREVIEWED);
        }
        if (!seen.equals(fingerprint(plan))) {
            throw RosterException.of(RosterError.BREAK_BASE_CHANGED, "previewedAt", plan.previewedAt());
        }
        em.flush();
        LocalDate today = AccessRules.today(clock);
        String id = plan.id().toString();
        List<UUID> archive = groupsOf(plan, ChangeKind.ARCHIVE);
        List<UUID> connect = groupsOf(plan, ChangeKind.CONNECT);
        List<UUID> flagged = new ArrayList<>(archive);
        flagged.addAll(connect);
        update("insert into break_undo (plan_id, seq, kind, group_id, was_connected, was_archived)"
                + " select cast(?1 as uuid), row_number() over (order by id), 'GROUP_STATE', id, connected, archived"
                + " from study_group where id in (select unnest(cast(?2 as uuid[])))", id, uuidArray(flagged));
        int archived = update("update study_group set archived = true, version = version + 1"
                + " where id in (select unnest(cast(?1 as uuid[]))) and not archived", uuidArray(archive));
        int connected = update("update study_group set connected = true, version = version + 1"
                + " where id in (select unnest(cast(?1 as uuid[]))) and not connected and not archived", uuidArray(connect));
        // Ownerships to end: those still holding on the day of the break or later end the day before it (or, not
        // yet begun, the day before they begin: an empty period).
        String removed = pairs(plan, ChangeKind.REMOVE_OWNER);
        update(UNDO_LAST_DAY.formatted("m.role = 'OWNER' and (m.valid_to is null or m.valid_to >= ?3)"),
                id, removed, today);
        int ownersRemoved = update("update membership m set valid_to = greatest(cast(?2 as date) - 1, m.valid_from - 1),"
                + " version = version + 1 from (" + PAIRS + ") c where m.group_id = c.group_id and m.person_id = c.person_id"
                + " and m.role = 'OWNER' and (m.valid_to is null or m.valid_to >= ?2)", removed, today);
        // Ownerships to add: a row that began today and has ended (removed earlier today) holds again; otherwise a new
        // row from today, unless the person already owns the group on that day.
        String added = pairs(plan, ChangeKind.ADD_OWNER);
        update(UNDO_LAST_DAY.formatted("m.role = 'OWNER' and m.valid_from = ?3 and m.valid_to is not null"),
                id, added, today);
        int ownersAdded = update("update membership m set valid_to = null, version = version + 1 from (" + PAIRS + ") c"
                + " where m.group_id = c.group_id and m.person_id = c.person_id and m.role = 'OWNER'"
                + " and m.valid_from = ?2 and m.valid_to is not null", added, today);
        ownersAdded += update("with new as (insert into membership (id, tenant_id, group_id, person_id, role, valid_from)"
                + " select gen_random_uuid(), g.tenant_id, g.id, c.person_id, 'OWNER', ?3 from (" + PAIRS.replace("?1", "?2")
                + ") c join study_group g on g.id = c.group_id where not exists (select 1 from membership m"
                + " where m.group_id = c.group_id and m.person_id = c.person_id and m.role = 'OWNER'"
                + " and m.valid_from <= ?3 and (m.valid_to is null or m.valid_to >= ?3)) returning id)"
                + " insert into break_undo (plan_id, seq, kind, membership_id)"
                + " select cast(?1 as uuid), (select coalesce(max(seq), 0) from break_undo where plan_id = cast(?1 as uuid))"
                + " + row_number() over (order by id), 'MEMBERSHIP_ADDED', id from new", id, added, today);
        update("update break_plan set state = 'APPLIED', applied_at = ?2, applied_by = cast(?3 as uuid), applied_on = ?4"
                + " where id = cast(?1 as uuid)", id, OffsetDateTime.now(clock), actorId == null ? null : actorId.toString(), today);
        return new Outcome(plan.id(), archived, connected, ownersAdded, ownersRemoved, 0);
    }

    /**
     * Restores what the organisation's last applied plan changed, on the day it was applied: the groups' previous
     * connection and archiving, the previous last days of the memberships it changed, and no membership it added.
     */
    public Outcome undo(UUID tenantId, UUID actorId) {
        Plan plan = plan("tenant_id = cast(?1 as uuid) and state = 'APPLIED' order by applied_at desc limit 1 for update",
                tenantId).orElseThrow(() -> RosterException.of(RosterError.BREAK_NOTHING_TO_UNDO));
        LocalDate today = AccessRules.today(clock);
        if (!today.equals(plan.appliedOn())) {
            throw RosterException.of(RosterError.BREAK_UNDO_EXPIRED, "appliedOn", plan.appliedOn());
        }
        em.flush();
        String id = plan.id().toString();
        int restored = update("update study_group g set connected = u.was_connected, archived = u.was_archived,"
                + " version = g.version + 1 from break_undo u where u.plan_id = cast(?1 as uuid) and u.kind = 'GROUP_STATE'"
                + " and g.id = u.group_id", id);
        restored += update("update membership m set valid_to = u.previous_valid_to, version = m.version + 1"
                + " from break_undo u where u.plan_id = cast(?1 as uuid) and u.kind = 'MEMBERSHIP_LAST_DAY'"
                + " and m.id = u.membership_id", id);
        restored += update("delete from membership m using break_undo u where u.plan_id = cast(?1 as uuid)"
                + " and u.kind = 'MEMBERSHIP_ADDED' and m.id = u.membership_id", id);
        update("update break_plan set state = 'UNDONE', undone_at = ?2, undone_by = cast(?3 as uuid)"
                + " where id = cast(?1 as uuid)", id, OffsetDateTime.now(clock), actorId == null ? null : actorId.toString());
        return new Outcome(plan.id(), 0, 0, 0, 0, restored);
    }

    /** The (group, person) pairs of the plan's changes of one kind, as ?1 and ?2 of {@link #PAIRS}. */
    private static final String PAIRS = "select cast(split_part(p, ' ', 1) as uuid) as group_id,"
            + " cast(split_part(p, ' ', 2) as uuid) as person_id from unnest(cast(?1 as varchar[])) p";

    /** Keeps the last day of the memberships of ?2's pairs that the statement then changes. */
    private static final String UNDO_LAST_DAY = "insert into break_undo (plan_id, seq, kind, membership_id, previous_valid_to)"
            + " select cast(?1 as uuid), (select coalesce(max(seq), 0) from break_undo where plan_id = cast(?1 as uuid))"
            + " + row_number() over (order by m.id), 'MEMBERSHIP_LAST_DAY', m.id, m.valid_to"
            + " from membership m join (" + PAIRS.replace("?1", "?2") + ") c"
            + " on m.group_id = c.group_id and m.person_id = c.person_id where %s";

    private static String pairs(Plan plan, ChangeKind kind) {
        return plan.changes().stream().filter(c -> c.kind() == kind).map(c -> c.groupId() + " " + c.personId())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static List<UUID> groupsOf(Plan plan, ChangeKind kind) {
        return plan.changes().stream().filter(c -> c.kind() == kind).map(Change::groupId).distinct().toList();
    }

    private Plan begin(UUID tenantId, UUID actorId) {
        update("insert into break_plan (id, tenant_id, state, created_at, created_by) values"
                        + " (cast(?1 as uuid), cast(?2 as uuid), 'OPEN', ?3, cast(?4 as uuid))", UUID.randomUUID().toString(),
                tenantId.toString(), OffsetDateTime.now(clock), actorId == null ? null : actorId.toString());
        return open(tenantId).orElseThrow();
    }

    private Optional<Plan> plan(String where, UUID tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, tenant_id, state, created_at, previewed_at, applied_at,"
                        + " applied_on, undone_at from break_plan where " + where)
                .setParameter(1, tenantId.toString()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.getFirst();
        UUID id = (UUID) row[0];
        @SuppressWarnings("unchecked")
        List<Object[]> changes = em.createNativeQuery("select seq, kind, group_id, person_id from break_change"
                + " where plan_id = cast(?1 as uuid) order by seq").setParameter(1, id.toString()).getResultList();
        return Optional.of(new Plan(id, (UUID) row[1], (String) row[2], instant(row[3]), instant(row[4]), instant(row[5]),
                row[6] == null ? null : ((java.sql.Date) row[6]).toLocalDate(), instant(row[7]),
                changes.stream().map(c -> new Change(((Number) c[0]).intValue(), ChangeKind.valueOf((String) c[1]),
                        (UUID) c[2], (UUID) c[3])).toList()));
    }

    /**
     * Whether the person may be named in an owner change: for a new owner, a person of the organisation with a school
     * role other than STUDENT that has not ended (a teacher of another school included; the impact shows what it
     * gives); for an owner to remove, an owner of the group.
     */
    private boolean ownerOrStaff(UUID tenantId, ChangeKind kind, UUID groupId, UUID personId) {
        var query = kind == ChangeKind.REMOVE_OWNER
                ? em.createNativeQuery("select 1 from membership where person_id = cast(?1 as uuid)"
                        + " and tenant_id = cast(?2 as uuid) and group_id = cast(?3 as uuid) and role = 'OWNER'")
                        .setParameter(3, groupId.toString())
                : em.createNativeQuery("select 1 from school_role where person_id = cast(?1 as uuid)"
                        + " and tenant_id = cast(?2 as uuid) and role <> 'STUDENT' and (valid_to is null or valid_to >= ?3)")
                        .setParameter(3, AccessRules.today(clock));
        return !query.setParameter(1, personId.toString()).setParameter(2, tenantId.toString()).setMaxResults(1)
                .getResultList().isEmpty();
    }

    private Object[] single(String sql, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, id == null ? null : id.toString()).getResultList();
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private List<UUID> ids(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((List<?>) query.getResultList()).stream().map(UUID.class::cast).toList();
    }

    private int update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    private static String uuidArray(java.util.Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
