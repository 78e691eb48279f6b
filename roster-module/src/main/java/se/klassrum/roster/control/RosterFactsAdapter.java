package se.klassrum.roster.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.ArchivedGroupStudentFact;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GuardianLinkFact;
import se.klassrum.access.api.LicenceFact;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.api.TeacherSubjectFact;
import se.klassrum.access.api.Validity;
import se.klassrum.roster.boundary.InvitationFacts;
import se.klassrum.roster.boundary.RequestFactsVersion;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.SecurityMarking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Optional;
import java.util.UUID;

/**
 * The roster's answer to "which facts do these access questions need", read from the database in one SQL statement
 * however many students a list names, and never older than the last committed roster change.
 * <p>
 * Facts read once are kept on the node ({@link KeptFacts}) under the access facts' version, a number that every
 * committed change of a table the facts are read from moves (migration V47). Before it uses kept facts, the adapter
 * reads the version, a one-row statement: when it has moved, on this node or any other, the facts are read again. A
 * transaction that has written anything reads the facts itself and keeps none, since its own uncommitted rows may be
 * among them. So a change takes effect with the next decision after its commit, on every node, as when every decision
 * read its facts; what is saved is the facts statement of a question asked again while nothing changed (a teacher's
 * class list, page after page).
 * <p>
 * One statement, because a decision is made on every request that touches student data: a round trip per
 * kind of fact (or per group) would multiply the latency of every page. It is native SQL because the facts
 * are eleven kinds of rows (the students of an archived group the questions name among them; the last, the guardians a development talk invites, only when a question names a
 * talk), and a {@code UNION ALL} of tagged rows is the one way to fetch them together that JPQL does not offer. Native SQL also never passes through the persistence context or a cache, so the
 * snapshot is always the latest committed state (ACCESS-RULES.md, OWASP ASVS 8.3.2). If the caller's own
 * transaction holds unflushed changes, EclipseLink writes them first (flush mode AUTO), so the snapshot sees
 * them too; those statements are the caller's writes, not reads of the snapshot.
 * <p>
 * The snapshot is raw: ended memberships and roles, archived and disconnected groups, deactivated links
 * are all included, because judging them is the rules' job and the explanation needs them ("the group is
 * archived"). Only the guardian login is reduced to a yes or no, since that is all the rules ask.
 */
@ApplicationScoped
public class RosterFactsAdapter implements RosterFactsPort {

    // The questions' ids are bound once, in the first CTE: the actor, and the students and groups of all the
    // questions as uuid arrays (bound as text such as '{a,b}', since EclipseLink binds no arrays). Casting them
    // there also types a null (an application has no person): EclipseLink binds a null parameter as varchar,
    // which PostgreSQL would refuse to compare with a uuid column. A null actor matches nothing, and an empty
    // array neither, so a group-level question reads the actor's facts and the question's group only. Every filter on
    // a large table is a single "= any(array)" or "in (subquery)" on an indexed column, never an OR of them, which
    // PostgreSQL would answer with a scan of the whole table.
    // Every row has the same columns: kind, id1..id4, text1..text2, flag1..flag2, date1..date2. The first
    // branch types them all: PostgreSQL resolves a UNION pairwise, so a null that is untyped in the first
    // two branches would become text and clash with uuid later on.
    // The group an assessment was given in comes as a group too, whether or not the student's membership of it is still
    // recorded: the rules read from it whether the assessment is an earlier one (rules S1 to S3).
    // An archived group a question names also brings its students (MEMBERs with a STUDENT role at its school, the
    // membership's first day as ISO text): the history path reads whether one of them still studies there.
    // Groups are ordered by name: the order is the last tie-break between equally close candidates in an
    // explanation, and it must depend neither on the physical order of the rows nor on the server's locale.
    static final String FACTS_SQL = """
            with question as (
                select cast(?1 as uuid) as actor_id, cast(?2 as uuid[]) as students, cast(?3 as uuid[]) as groups,
                       array_append(cast(?2 as uuid[]), cast(?1 as uuid)) as people, cast(?4 as uuid[]) as talks,
                       cast(?5 as uuid[]) as assessment_groups
            ),
            memberships as (
                select m.group_id, m.person_id, m.role, m.valid_from, m.valid_to
                from membership m, question q
                where m.person_id = any(q.people)
            ),
            groups as (
                select g.id, g.tenant_id, g.school_id, g.syllabus_id, g.name, g.kind, g.connected, g.archived
                from study_group g
                where g.id in (select group_id from memberships
                               union select unnest(q.groups) from question q
                               union select unnest(q.assessment_groups) from question q)
            ),
            roles as (
                select r.person_id, r.school_id, r.role, r.valid_from, r.valid_to
                from school_role r, question q
                where r.person_id = any(q.people)
            ),
            teacher_subjects as (
                select t.teacher_id, t.school_id, t.subject_id
                from teacher_subject t, question q
                where t.teacher_id = q.actor_id
            )
            select kind, id1, id2, id3, id4, text1, text2, flag1, flag2,
                   date1 - date '1970-01-01' as day1, date2 - date '1970-01-01' as day2
            from (
                select 'PERSON' as kind, p.id as id1, p.tenant_id as id2, cast(null as uuid) as id3,
                       cast(null as uuid) as id4, cast(p.security_marking as varchar) as text1,
                       cast(null as varchar) as text2,
                       exists (select 1 from guardian_login l where l.guardian_id = p.id and l.enabled) as flag1,
                       cast(null as boolean) as flag2, p.birth_date as date1, cast(null as date) as date2
                from person p, question q
                where p.id = any(q.people)
                union all
                select 'LICENCE', l.person_id, null, null, null, l.kind, null, null, null, l.valid_from, l.valid_to
                from licence l, question q
                where l.person_id = any(q.people)
                union all
                select 'ROLE', r.person_id, r.school_id, null, null, r.role, null, null, null, r.valid_from, r.valid_to
                from roles r
                union all
                select 'MEMBERSHIP', m.group_id, m.person_id, null, null, m.role, null, null, null, m.valid_from, m.valid_to
                from memberships m
                union all
                select 'GROUP', g.id, g.tenant_id, g.school_id, g.syllabus_id, g.name, g.kind, g.connected, g.archived,
                       null, null
                from groups g
                union all
                select 'SYLLABUS', s.id, s.subject_id, null, null, s.code, null, null, null, null, null
                from syllabus s
                where s.id in (select syllabus_id from groups)
                union all
                select 'TEACHER_SUBJECT', t.teacher_id, t.school_id, t.subject_id, null, null, null, null, null, null, null
                from teacher_subjects t
                union all
                select 'GUARDIAN_LINK', k.guardian_id, k.child_id, null, null,
                       (select case when c.withdrawn_at is null then 'RECORDED' else 'WITHDRAWN' end
                        from guardian_consent c where c.link_id = k.id),
                       null, k.active, null, k.valid_from, k.valid_to
                from guardian_link k, question q
                where k.guardian_id = q.actor_id and k.child_id = any(q.students)
                union all
                select 'ARCHIVED_GROUP_STUDENT', m.group_id, m.person_id, null, null, null,
                       to_char(m.valid_from, 'YYYY-MM-DD'), null, null, r.valid_from, r.valid_to
                from study_group g
                join membership m on m.group_id = g.id and m.role = 'MEMBER'
                join school_role r on r.person_id = m.person_id and r.school_id = g.school_id and r.role = 'STUDENT'
                cross join question q
                where g.id = any(q.groups) and g.archived
                union all
                select 'SCHOOL', s.id, null, null, null, s.name, null, null, null, null, null
                from school s
                where s.id in (select school_id from groups
                               union select school_id from roles
                               union select school_id from teacher_subjects)
            %s) facts
            order by kind, text1 collate "C", id1, id2, id3, date1
            """;

    /**
     * The branch of {@link #FACTS_SQL} that reads the guardians the questions' talks invite, from the select the
     * module that keeps the talks supplies ({@link InvitationFacts}).
     */
    private static final String INVITATIONS = """
                union all
                select 'INVITATION', i.talk_id, i.guardian_id, null, null, null, null, null, null, null, null
                from (%s) i
            """;

    private static final int KIND = 0;
    private static final int ID1 = 1;
    private static final int ID2 = 2;
    private static final int ID3 = 3;
    private static final int ID4 = 4;
    private static final int TEXT1 = 5;
    private static final int TEXT2 = 6;
    private static final int FLAG1 = 7;
    private static final int FLAG2 = 8;
    private static final int DATE1 = 9;
    private static final int DATE2 = 10;

    /**
     * The access facts' version (migration V47) and whether this transaction has written anything yet (then it has a
     * transaction id). Read through the persistence unit, so that its unflushed changes are written first, as before the
     * facts statement.
     */
    static final String VERSION_SQL = "select v.version, pg_current_xact_id_if_assigned() is null "
            + "from access_facts_version v where v.singleton";

    /** How many questions' facts a node keeps (README.md, settings); 0 reads the facts for every question. */
    static final int DEFAULT_KEPT = 10_000;

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    /** The facts this node read, kept while the access facts' version stands still. */
    private KeptFacts kept = new KeptFacts(DEFAULT_KEPT);

    @Inject
    @ConfigProperty(name = "klassrum.access.facts-kept", defaultValue = "" + DEFAULT_KEPT)
    int keptCapacity = DEFAULT_KEPT;

    /** The version read with this request's caller, if any; absent outside the container. */
    @Inject
    Instance<RequestFactsVersion> requestVersion;

    /** Whether a decision runs in a transaction; absent outside the container, where the version is always read. */
    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The kept facts' hits, misses and size (README.md, "Operations"); absent outside the container. */
    @Inject
    Instance<MetricRegistry> registry;

    /** Where the talks' invitations come from; unresolvable where no module keeps talks (the roster's own tests). */
    @Inject
    Instance<InvitationFacts> invitations;

    /** The select of {@link #invitations}, or null; set outside a container. */
    private InvitationFacts invitationsOutsideContainer;

    /** For CDI, which needs a no-argument constructor to make its proxy. */
    protected RosterFactsAdapter() {
    }

    /** For tests outside a container. */
    RosterFactsAdapter(EntityManager em) {
        this.em = em;
    }

    /** How many questions' facts were found kept so far. */
    long keptHits() {
        return kept.hits.get();
    }

    @PostConstruct
    void keep() {
        kept = new KeptFacts(Math.max(0, keptCapacity));
        if (registry != null && registry.isResolvable()) {
            MetricRegistry metrics = registry.get();
            Metadata reads = Metadata.builder().withName("klassrum.access.facts.kept.reads")
                    .withDescription("Reads of the access facts (one for each decision, or batch of a list's) while "
                            + "this node keeps facts: found kept under the current version (hit) or read from the "
                            + "database (miss); a writing transaction's are neither").build();
            metrics.gauge(reads, kept, facts -> facts.hits.get(), new Tag("outcome", "hit"));
            metrics.gauge(reads, kept, facts -> facts.misses.get(), new Tag("outcome", "miss"));
            metrics.gauge(Metadata.builder().withName("klassrum.access.facts.kept.size")
                    .withDescription("Questions whose facts this node keeps").build(), kept, KeptFacts::size);
        }
    }

    /** For tests outside a container, with the select of the talks' invitations. */
    RosterFactsAdapter(EntityManager em, InvitationFacts invitations) {
        this.em = em;
        this.invitationsOutsideContainer = invitations;
    }

    /**
     * {@inheritDoc}
     * <p>
     * Also empty when a person is named as the actor and no such person exists: a token may outlive the
     * person's removal from the roster, and such a question must be denied, not answered as an application.
     * <p>
     * With no student (a group-level question) the facts have a null student and hold the actor, the actor's
     * memberships and groups, the question's group, the actor's subject links and no guardian links; they are
     * empty when the group or the acting person does not exist.
     */
    @Override
    public Optional<AccessFacts> load(UUID actorPersonId, UUID studentId, UUID groupId) {
        return load(actorPersonId, new Subject(studentId, groupId));
    }

    @Override
    public Optional<AccessFacts> load(UUID actorPersonId, Subject subject) {
        if (subject.studentId() == null && subject.groupId() == null) {
            throw new IllegalArgumentException("a question names a student, or (group-level) its group");
        }
        return Optional.ofNullable(loadAll(actorPersonId, List.of(subject)).get(subject));
    }

    /**
     * {@inheritDoc}
     * <p>
     * Each subject's facts are exactly those that {@link #load} gives for it alone: the rows of the one
     * statement are sorted per subject (the actor's and that student's, the groups of their memberships and
     * the subject's group), in the statement's order.
     */
    @Override
    public Map<Subject, AccessFacts> loadAll(UUID actorPersonId, Collection<Subject> subjects) {
        Set<UUID> students = new LinkedHashSet<>();
        Set<UUID> groupIds = new LinkedHashSet<>();
        Set<UUID> talks = new LinkedHashSet<>();
        Set<UUID> assessmentGroups = new LinkedHashSet<>();
        for (Subject subject : subjects) {
            if (subject.studentId() == null && subject.groupId() == null) {
                throw new IllegalArgumentException("a question names a student, or (group-level) its group");
            }
            if (subject.studentId() != null) {
                students.add(subject.studentId());
            }
            if (subject.groupId() != null) {
                groupIds.add(subject.groupId());
            }
            if (subject.talkId() != null) {
                talks.add(subject.talkId());
            }
            if (subject.assessmentGroupId() != null) {
                assessmentGroups.add(subject.assessmentGroupId());
            }
        }
        if (subjects.isEmpty()) {
            return Map.of();
        }
        if (!kept.enabled()) {
            return read(actorPersonId, subjects, students, groupIds, talks, assessmentGroups);
        }
        // The version first, then the facts: facts kept under a version are never older than it. A transaction that
        // has written anything (its own uncommitted rows may be among the facts) neither uses nor keeps facts.
        long version;
        boolean writing;
        OptionalLong seen = versionSeenByThisRequest();
        if (seen.isPresent()) {
            // Read with the caller, before this decision; outside a transaction nothing of this request is uncommitted.
            version = seen.getAsLong();
            writing = false;
        } else {
            Object[] state = (Object[]) em.createNativeQuery(VERSION_SQL).getSingleResult();
            version = ((Number) state[0]).longValue();
            writing = !Boolean.TRUE.equals(state[1]);
        }
        KeptFacts.Key key = new KeptFacts.Key(actorPersonId, Set.copyOf(subjects));
        Map<Subject, AccessFacts> known = writing ? null : kept.get(version, key);
        if (known != null) {
            // In the order asked, as a read gives them.
            Map<Subject, AccessFacts> inOrder = new LinkedHashMap<>();
            subjects.forEach(subject -> {
                AccessFacts found = known.get(subject);
                if (found != null) {
                    inOrder.put(subject, found);
                }
            });
            return inOrder;
        }
        Map<Subject, AccessFacts> facts = read(actorPersonId, subjects, students, groupIds, talks, assessmentGroups);
        if (!writing) {
            kept.put(version, key, facts);
        }
        return facts;
    }

    /**
     * The version this request read together with its caller ({@link RequestFactsVersion}), when this decision runs outside
     * a transaction; empty otherwise, and from a transaction on, the request forgets it: a transaction may write and
     * commit, after which only a version read again is new enough.
     */
    private OptionalLong versionSeenByThisRequest() {
        if (transactions == null || requestVersion == null || !requestVersion.isResolvable()) {
            return OptionalLong.empty();
        }
        try {
            RequestFactsVersion request = requestVersion.get();
            if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
                request.forget();
                return OptionalLong.empty();
            }
            return request.version();
        } catch (ContextNotActiveException outsideARequest) {
            // A scheduled task (the mail sender deciding as a mail's recipient) has no request.
            return OptionalLong.empty();
        }
    }

    /** The one facts statement, sorted into facts per subject. */
    private Map<Subject, AccessFacts> read(UUID actorPersonId, Collection<Subject> subjects, Set<UUID> students,
                                           Set<UUID> groupIds, Set<UUID> talks, Set<UUID> assessmentGroups) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(factsSql(!talks.isEmpty()))
                .setParameter(1, actorPersonId)
                .setParameter(2, uuidArray(students))
                .setParameter(3, uuidArray(groupIds))
                .setParameter(4, uuidArray(talks))
                .setParameter(5, uuidArray(assessmentGroups))
                .getResultList();
        Snapshot snapshot = new Snapshot(rows);
        Map<Subject, AccessFacts> facts = new LinkedHashMap<>();
        for (Subject subject : subjects) {
            snapshot.facts(actorPersonId, subject.studentId(), subject.groupId(), subject.talkId(),
                            subject.assessmentGroupId())
                    .ifPresent(found -> facts.put(subject, found));
        }
        return facts;
    }

    /**
     * The one statement; with the talks' invitations when a question names a talk. A question about a talk where no
     * module supplies them gets none, and a guardian is then denied the talk.
     */
    private String factsSql(boolean namesTalks) {
        InvitationFacts source = invitationsOutsideContainer;
        if (source == null && invitations != null && invitations.isResolvable()) {
            source = invitations.get();
        }
        return FACTS_SQL.formatted(namesTalks && source != null ? INVITATIONS.formatted(source.select()) : "");
    }

    /**
     * The tables a statement of the facts reads: the names after {@code from} and {@code join} that are not the facts
     * statement's own common table expressions. Each must move the access facts' version (migrations V47 and V48).
     */
    static Set<String> tablesIn(String sql) {
        Set<String> tables = new TreeSet<>();
        Matcher named = TABLE_NAME.matcher(sql);
        while (named.find()) {
            if (!COMMON_TABLE_EXPRESSIONS.contains(named.group(1))) {
                tables.add(named.group(1));
            }
        }
        return tables;
    }

    private static final Pattern TABLE_NAME = Pattern.compile("\\b(?:from|join)\\s+([a-z_]+)\\b");

    private static final Set<String> COMMON_TABLE_EXPRESSIONS = Set.of("question", "memberships", "groups", "roles",
            "teacher_subjects");

    /** PostgreSQL's text form of a uuid array, e.g. {@code {a,b}}. */
    private static String uuidArray(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** The rows of one statement, sorted into facts per question. */
    private static final class Snapshot {

        private final Map<UUID, Object[]> persons = new HashMap<>();
        private final Map<UUID, List<LicenceFact>> licences = new HashMap<>();
        private final Map<UUID, List<RoleFact>> roles = new HashMap<>();
        private final List<MembershipFact> memberships = new ArrayList<>();
        private final List<Object[]> groups = new ArrayList<>();
        private final Map<UUID, Object[]> syllabi = new HashMap<>();
        private final List<TeacherSubjectFact> teacherSubjects = new ArrayList<>();
        private final List<GuardianLinkFact> guardianLinks = new ArrayList<>();
        private final Map<UUID, String> schoolNames = new HashMap<>();
        private final Map<UUID, Set<UUID>> invitedGuardians = new HashMap<>();
        private final List<ArchivedGroupStudentFact> archivedGroupStudents = new ArrayList<>();

        Snapshot(List<Object[]> rows) {
            for (Object[] row : rows) {
                String kind = (String) row[KIND];
                switch (kind) {
                    case "PERSON" -> persons.put(uuid(row, ID1), row);
                    case "LICENCE" -> licences.computeIfAbsent(uuid(row, ID1), person -> new ArrayList<>())
                            .add(new LicenceFact(RosterToAccess.licence(LicenceKind.valueOf(text(row, TEXT1))),
                                    validity(row)));
                    case "ROLE" -> roles.computeIfAbsent(uuid(row, ID1), person -> new ArrayList<>())
                            .add(new RoleFact(uuid(row, ID2), RosterToAccess.role(RoleKind.valueOf(text(row, TEXT1))),
                                    validity(row)));
                    case "MEMBERSHIP" -> memberships.add(new MembershipFact(uuid(row, ID1), uuid(row, ID2),
                            RosterToAccess.membership(MembershipRole.valueOf(text(row, TEXT1))), validity(row)));
                    case "GROUP" -> groups.add(row);
                    case "SYLLABUS" -> syllabi.put(uuid(row, ID1), row);
                    case "TEACHER_SUBJECT" -> teacherSubjects.add(
                            new TeacherSubjectFact(uuid(row, ID1), uuid(row, ID2), uuid(row, ID3)));
                    case "GUARDIAN_LINK" -> guardianLinks.add(new GuardianLinkFact(uuid(row, ID1), uuid(row, ID2),
                            flag(row, FLAG1), consent(text(row, TEXT1)), validity(row)));
                    case "SCHOOL" -> schoolNames.put(uuid(row, ID1), text(row, TEXT1));
                    case "ARCHIVED_GROUP_STUDENT" -> archivedGroupStudents.add(new ArchivedGroupStudentFact(uuid(row, ID1),
                            uuid(row, ID2), LocalDate.parse(text(row, TEXT2)), validity(row)));
                    case "INVITATION" -> invitedGuardians.computeIfAbsent(uuid(row, ID1), talk -> new HashSet<>())
                            .add(uuid(row, ID2));
                    default -> throw new IllegalStateException("unknown kind of fact row: " + kind);
                }
            }
        }

        /**
         * @param studentId null for a group-level question, whose facts then have a null student
         * @param talkId the development talk asked about, or null
         * @param assessmentGroupId the group the assessment asked about was given in, or null
         */
        Optional<AccessFacts> facts(UUID actorId, UUID studentId, UUID groupId, UUID talkId, UUID assessmentGroupId) {
            PersonFacts student = studentId == null ? null : person(studentId);
            PersonFacts actor = actorId == null ? null : actorId.equals(studentId) ? student : person(actorId);
            List<MembershipFact> theirMemberships = memberships.stream()
                    .filter(membership -> membership.personId().equals(actorId) || membership.personId().equals(studentId))
                    .toList();
            Set<UUID> theirGroups = new HashSet<>();
            theirMemberships.forEach(membership -> theirGroups.add(membership.groupId()));
            if (groupId != null) {
                theirGroups.add(groupId);
            }
            if (assessmentGroupId != null) {
                theirGroups.add(assessmentGroupId);
            }
            Map<UUID, GroupFact> groupFacts = groupFacts(theirGroups);
            if (studentId != null && student == null || actorId != null && actor == null
                    || groupId != null && !groupFacts.containsKey(groupId)) {
                return Optional.empty();
            }
            List<GuardianLinkFact> theirLinks = guardianLinks.stream()
                    .filter(link -> link.childId().equals(studentId))
                    .toList();
            Set<UUID> theirSchools = new HashSet<>();
            groupFacts.values().forEach(group -> theirSchools.add(group.schoolId()));
            for (PersonFacts person : new PersonFacts[] {actor, student}) {
                if (person != null) {
                    person.roles().forEach(role -> theirSchools.add(role.schoolId()));
                }
            }
            teacherSubjects.forEach(link -> theirSchools.add(link.schoolId()));
            Map<UUID, String> theirSchoolNames = new HashMap<>();
            schoolNames.forEach((school, name) -> {
                if (theirSchools.contains(school)) {
                    theirSchoolNames.put(school, name);
                }
            });
            return Optional.of(new AccessFacts(actor, student, groupFacts, theirMemberships, teacherSubjects,
                    theirLinks, theirSchoolNames, talkId == null ? Set.of() : invitedGuardians.getOrDefault(talkId, Set.of()),
                    groupId == null ? List.of() : archivedGroupStudents.stream()
                            .filter(former -> former.groupId().equals(groupId)).toList()));
        }

        private PersonFacts person(UUID id) {
            Object[] row = persons.get(id);
            if (row == null) {
                return null;
            }
            return new PersonFacts(id, uuid(row, ID2),
                    licences.getOrDefault(id, List.of()),
                    roles.getOrDefault(id, List.of()),
                    SecurityMarking.valueOf(text(row, TEXT1)).isProtected(),
                    flag(row, FLAG1),
                    date(row, DATE1));
        }

        private Map<UUID, GroupFact> groupFacts(Set<UUID> wanted) {
            Map<UUID, GroupFact> facts = new LinkedHashMap<>();
            for (Object[] row : groups) {
                if (!wanted.contains(uuid(row, ID1))) {
                    continue;
                }
                UUID syllabusId = uuid(row, ID4);
                Object[] syllabus = syllabusId == null ? null : syllabi.get(syllabusId);
                if (syllabusId != null && syllabus == null) {
                    throw new IllegalStateException("no row for syllabus " + syllabusId + " of group " + uuid(row, ID1));
                }
                facts.put(uuid(row, ID1), new GroupFact(uuid(row, ID1), uuid(row, ID2), uuid(row, ID3),
                        text(row, TEXT1),
                        RosterToAccess.group(GroupKind.valueOf(text(row, TEXT2))),
                        flag(row, FLAG1), flag(row, FLAG2), syllabusId,
                        syllabus == null ? null : text(syllabus, TEXT1),
                        syllabus == null ? null : uuid(syllabus, ID2)));
            }
            return facts;
        }

        private static Validity validity(Object[] row) {
            return new Validity(date(row, DATE1), date(row, DATE2));
        }
    }

    // pgjdbc returns a uuid column as java.util.UUID; EclipseLink passes it through unchanged.
    private static UUID uuid(Object[] row, int column) {
        return (UUID) row[column];
    }

    private static String text(Object[] row, int column) {
        return (String) row[column];
    }

    /** A link's consent as the fact row names it: RECORDED, WITHDRAWN, or none (null). */
    private static GuardianLinkFact.Consent consent(String state) {
        return state == null ? GuardianLinkFact.Consent.NONE : GuardianLinkFact.Consent.valueOf(state);
    }

    private static boolean flag(Object[] row, int column) {
        return Boolean.TRUE.equals(row[column]);
    }

    /**
     * The statement gives dates as days since 1970-01-01: read as java.sql.Date, every date went through a
     * GregorianCalendar, a noticeable part of a long list's decision.
     */
    private static LocalDate date(Object[] row, int column) {
        Object value = row[column];
        return value == null ? null : LocalDate.ofEpochDay(((Number) value).longValue());
    }
}
