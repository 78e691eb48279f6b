package se.klassrum.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.api.Verdict;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.audit.PendingRecord;
import se.klassrum.access.control.AccessRules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides one question about the current caller, records the decision and refuses a denial. The facts of every
 * question are never older than the last committed roster change (the roster's port may keep facts only while nothing
 * they are read from has changed); the decision itself is pure.
 */
@ApplicationScoped
@NoStudentData("the guard itself: every @StudentData call is decided and audited here")
public class AccessGuard {

    /** Written to the audit log when the student or group asked about does not exist. */
    static final String UNKNOWN_STUDENT_OR_GROUP = "UNKNOWN_STUDENT_OR_GROUP";

    @Inject
    RosterFactsPort roster;

    @Inject
    CallerProvider caller;

    @Inject
    AuditLog audit;

    /** Absent outside the container (plain tests construct the guard themselves). */
    @Inject
    AccessMetrics metrics;

    private final AccessRules rules = new AccessRules();
    private final Clock clock = Clock.systemUTC();

    /**
     * Lets the call through or throws: {@link StudentDataNotFoundException} when the student or group does
     * not exist for the caller (also when it exists in another tenant, and when the student has a protected
     * identity: an explanation would confirm the student and name their groups), {@link AccessDeniedException}
     * with the explanation otherwise. Both are audited.
     *
     * @param studentId the student asked about, or null for a group-level question (the posts or assignments
     *                  of the group {@code groupId} as a whole, see {@link AccessQuestion#aboutGroup}); the
     *                  group's tenant then takes the place of the student's for the audit chain and for
     *                  answering like an unknown id
     */
    public void require(DataKind kind, Operation operation, UUID studentId, UUID groupId, ItemFacts item) {
        enforce(currentActor(), kind, operation, studentId, groupId, item, true);
    }

    /**
     * As {@link #require} for a read, except that an allowance's audit record is only handed over: the read may go on
     * while the record is appended, and its result must not leave, nor any transaction begin, before the returned record
     * is committed ({@link PendingRecord#awaitCommit()}). A refusal is recorded before it is thrown, as by
     * {@link #require}.
     */
    public PendingRecord admitRead(DataKind kind, UUID studentId, UUID groupId, ItemFacts item) {
        return enforce(currentActor(), kind, Operation.READ, studentId, groupId, item, false).pending();
    }

    private Outcome enforce(Actor actor, DataKind kind, Operation operation, UUID studentId, UUID groupId, ItemFacts item,
                            boolean awaitAllowed) {
        Outcome outcome = decide(actor, kind, operation, studentId, groupId, item, awaitAllowed);
        if (outcome.notFound()) {
            throw new StudentDataNotFoundException();
        }
        if (!outcome.verdict().allowed()) {
            // The denial tells what is missing, naming only the groups and schools the caller may already see.
            throw new AccessDeniedException(rules.decide(outcome.question(), ExplanationNames.forReader(outcome.facts(),
                    outcome.facts(), personId(actor), today()), today()));
        }
        return outcome;
    }

    /** For filtering a result: true when allowed; the decision is audited either way. */
    public boolean permits(DataKind kind, Operation operation, UUID studentId, UUID groupId, ItemFacts item) {
        Outcome outcome = decide(currentActor(), kind, operation, studentId, groupId, item, true);
        return !outcome.notFound() && outcome.verdict().allowed();
    }

    /**
     * Starts deciding a list: its items are decided in batches ({@link ListDecision#visible}), each batch with
     * one read of the facts, and the whole list is audited once ({@link ListDecision#audit}).
     *
     * @param listGroup the group whose list it is (a group's members or posts), or null: a group that does
     *                  not exist for the caller (unknown, or of another tenant) makes the list "not found"
     *                  before any item is decided, audited in the caller's own chain only
     */
    public ListDecision list(DataKind kind, Operation operation, UUID listGroup) {
        return list(kind, operation, listGroup, Set.of());
    }

    /**
     * Which of the students the caller may see the profile of, decided as one list and audited once: the check before
     * anything is said of a student with a protected identity (a name, a count) outside a guarded read.
     */
    public Set<UUID> visibleProfiles(Collection<UUID> studentIds) {
        if (studentIds.isEmpty()) {
            return Set.of();
        }
        List<UUID> asked = List.copyOf(studentIds);
        ListDecision decision = list(DataKind.STUDENT_PROFILE, Operation.READ, null);
        boolean[] visible = decision.visible(asked.stream().map(id -> new Item(id, null, null)).toList());
        decision.audit();
        Set<UUID> allowed = new HashSet<>();
        for (int i = 0; i < visible.length; i++) {
            if (visible[i]) {
                allowed.add(asked.get(i));
            }
        }
        return allowed;
    }

    /**
     * A list whose items are seen only through some paths (the development overview: the student's, a guardian's and
     * the active mentor's paths, not a teacher's): an item that another path alone allows is refused, with the
     * failing codes of the closest of these paths.
     *
     * @param through the paths an item may be seen through; empty for any path
     */
    public ListDecision list(DataKind kind, Operation operation, UUID listGroup, Set<AccessPath> through) {
        return new ListDecision(currentActor(), kind, kind.name(), operation, listGroup,
                through.isEmpty() ? Map.of() : Map.of(kind, Set.copyOf(through)));
    }

    /**
     * Starts deciding a list whose items are of different kinds (a reader's notifications: posts, hand-ins,
     * assessments, talk bookings): each item names its own kind ({@link Item#kind}), and the list is audited once,
     * under {@code listName}.
     */
    public ListDecision mixedList(String listName, Operation operation) {
        return new ListDecision(currentActor(), null, listName, operation, null, Map.of());
    }

    /**
     * As {@link #mixedList}, with the items of some kinds seen only through some paths (the development overview: a
     * student's assessed work through the overview's paths, their published assessments through the student's, the
     * guardian's and the mentor's): an item that another path alone allows is refused, with the failing codes of the
     * closest of its kind's paths.
     *
     * @param through for a kind, the paths its items may be seen through; a kind not named may be seen through any
     */
    public ListDecision mixedList(String listName, Operation operation, Map<DataKind, Set<AccessPath>> through) {
        Map<DataKind, Set<AccessPath>> copied = new java.util.EnumMap<>(DataKind.class);
        through.forEach((kind, paths) -> copied.put(kind, Set.copyOf(paths)));
        return new ListDecision(currentActor(), null, listName, operation, null, copied);
    }

    /**
     * As {@link #mixedList}, decided for the given person instead of the caller: what a notification mail tells is
     * decided again as its recipient when it is sent, outside any request.
     */
    public ListDecision mixedListFor(Actor actor, String listName, Operation operation) {
        return new ListDecision(actor, null, listName, operation, null, Map.of());
    }

    /**
     * One item of a list: the student it is about, its group and its facts.
     *
     * @param kind the item's kind in a {@link #mixedList}; null in a list of one kind
     */
    public record Item(UUID studentId, UUID groupId, ItemFacts facts, DataKind kind) {

        public Item(UUID studentId, UUID groupId, ItemFacts facts) {
            this(studentId, groupId, facts, null);
        }
    }

    /** The decisions of one list, made in batches and audited as one record. */
    public final class ListDecision {

        private final Actor actor;
        /** The kind of every item; null when each item names its own. */
        private final DataKind kind;
        private final String auditKind;
        private final Operation operation;
        private final UUID listGroup;
        /** For a kind, the paths its items may be seen through; a kind not named here, through any. */
        private final Map<DataKind, Set<AccessPath>> through;
        private final List<AuditRecord.Outcome> outcomes = new ArrayList<>();
        /** The facts read about each student decided so far: a page's details may show what they hold. */
        private final Map<UUID, AccessFacts> factsOfStudents = new HashMap<>();
        private boolean groupChecked;

        private ListDecision(Actor actor, DataKind kind, String auditKind, Operation operation, UUID listGroup,
                             Map<DataKind, Set<AccessPath>> through) {
            this.actor = actor;
            this.kind = kind;
            this.auditKind = auditKind;
            this.operation = operation;
            this.listGroup = listGroup;
            this.through = through;
        }

        /**
         * Decides a batch of items with one read of the facts.
         *
         * @return for each item, whether the caller may see it
         * @throws StudentDataNotFoundException when the list's group does not exist for the caller
         */
        public boolean[] visible(List<Item> items) {
            long started = System.nanoTime();
            Set<RosterFactsPort.Subject> subjects = new LinkedHashSet<>();
            RosterFactsPort.Subject groupItself = listGroup == null ? null : new RosterFactsPort.Subject(null, listGroup);
            if (groupItself != null && !groupChecked) {
                subjects.add(groupItself);
            }
            items.forEach(item -> subjects.add(RosterFactsPort.Subject.of(item.studentId(), item.groupId(), item.facts())));
            Map<RosterFactsPort.Subject, AccessFacts> facts = subjects.isEmpty() ? Map.of()
                    : roster.loadAll(personId(actor), subjects);
            if (groupItself != null && !groupChecked) {
                AccessFacts group = facts.get(groupItself);
                if (group == null || !group.groups().get(listGroup).tenantId().equals(actor.tenantId())) {
                    measured(kind, AccessMetrics.Form.LIST, 0, 1, started);
                    audit.record(record(actor, actor.tenantId(), kind, operation, null, listGroup, false,
                            List.of(UNKNOWN_STUDENT_OR_GROUP)));
                    throw new StudentDataNotFoundException();
                }
                groupChecked = true;
            }
            LocalDate today = today();
            boolean[] visible = new boolean[items.size()];
            int[][] perKind = new int[DataKind.values().length][2];
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                DataKind itemKind = item.kind() != null ? item.kind() : kind;
                AccessFacts known = facts.get(RosterFactsPort.Subject.of(item.studentId(), item.groupId(), item.facts()));
                if (known != null) {
                    factsOfStudents.putIfAbsent(item.studentId(), known);
                }
                List<String> failing;
                if (known == null) {
                    failing = List.of(UNKNOWN_STUDENT_OR_GROUP);
                } else {
                    AccessQuestion question = new AccessQuestion(actor, item.studentId(), itemKind, operation,
                            item.groupId(), item.facts());
                    Set<AccessPath> paths = through.getOrDefault(itemKind, Set.of());
                    Verdict verdict = paths.isEmpty() ? rules.verdict(question, known, today)
                            : Verdict.through(rules.decide(question, known, today), paths);
                    visible[i] = verdict.allowed();
                    failing = codeNames(verdict);
                }
                outcomes.add(new AuditRecord.Outcome(item.studentId().toString(),
                        item.groupId() == null ? null : item.groupId().toString(), visible[i], failing));
                perKind[itemKind.ordinal()][visible[i] ? 1 : 0]++;
            }
            // The batch's time is counted once, with its first kind; the decisions are counted by kind.
            boolean timed = false;
            for (DataKind counted : DataKind.values()) {
                int[] count = perKind[counted.ordinal()];
                if (count[0] + count[1] > 0) {
                    measured(counted, AccessMetrics.Form.LIST, count[1], count[0], timed ? System.nanoTime() : started);
                    timed = true;
                }
            }
            if (!timed && kind != null) {
                measured(kind, AccessMetrics.Form.LIST, 0, 0, started);
            }
            return visible;
        }

        /**
         * The prerequisites that failed for an item, by the item's place among all items this list has decided so far;
         * empty when it was allowed. Items refused for the same reasons can share one explanation.
         */
        public List<String> failingCodes(int index) {
            return outcomes.get(index).failingCodes();
        }

        /** The facts this list's decision read about a student it decided, or empty. */
        public Optional<AccessFacts> factsAbout(UUID studentId) {
            return Optional.ofNullable(factsOfStudents.get(studentId));
        }

        /** Records every decision of the list in one audit entry, in the caller's tenant's chain. */
        public void audit() {
            audit.record(entry());
        }

        /**
         * As {@link #audit}, except that the entry is only handed over: nothing of the list may leave, nor any
         * transaction begin, before the returned record is committed ({@link PendingRecord#awaitCommit()}).
         */
        public PendingRecord handOver() {
            return audit.handOver(entry());
        }

        private AuditRecord entry() {
            boolean allAllowed = outcomes.stream().allMatch(AuditRecord.Outcome::allowed);
            List<String> failing = outcomes.stream().flatMap(outcome -> outcome.failingCodes().stream()).distinct().toList();
            return record(AuditRecord.Purpose.ACCESS, actor, actor.tenantId(), auditKind, operation.name(), null,
                    listGroup, allAllowed, failing, outcomes);
        }
    }

    /**
     * Decides and hands the decision's record over; awaits its commit unless it is an allowance the caller awaits
     * itself ({@code awaitAllowed} false, {@link Outcome#pending()}).
     */
    private Outcome decide(Actor actor, DataKind kind, Operation operation, UUID studentId, UUID groupId, ItemFacts item,
                           boolean awaitAllowed) {
        long started = System.nanoTime();
        Optional<AccessFacts> facts = roster.load(personId(actor), RosterFactsPort.Subject.of(studentId, groupId, item));
        if (facts.isEmpty()) {
            measured(kind, AccessMetrics.Form.SINGLE, 0, 1, started);
            audit.handOver(record(actor, actor.tenantId(), kind, operation, studentId, groupId, false,
                    List.of(UNKNOWN_STUDENT_OR_GROUP))).awaitCommit();
            return new Outcome(null, null, null, true, null);
        }
        AccessQuestion question = new AccessQuestion(actor, studentId, kind, operation, groupId, item);
        Verdict verdict = rules.verdict(question, facts.get(), AccessRules.today(clock));
        boolean foreign = outsideCallersTenant(actor, facts.get(), groupId);
        // Another organisation's caller leaves its trace in its own chain, never in the student's.
        UUID chain = foreign ? actor.tenantId() : subjectTenant(facts.get(), groupId);
        boolean notFound = !verdict.allowed() && (foreign || hiddenProtectedStudent(actor, facts.get()));
        measured(kind, AccessMetrics.Form.SINGLE, verdict.allowed() ? 1 : 0, verdict.allowed() ? 0 : 1, started);
        PendingRecord pending = audit.handOver(record(actor, chain, kind, operation, studentId, groupId, verdict.allowed(),
                codeNames(verdict)));
        if (awaitAllowed || !verdict.allowed()) {
            pending.awaitCommit();
            pending = COMMITTED;
        }
        return new Outcome(question, facts.get(), verdict, notFound, pending);
    }

    private static List<String> codeNames(Verdict verdict) {
        return verdict.failingCodes().isEmpty() ? List.of()
                : verdict.failingCodes().stream().map(Prerequisite::name).toList();
    }

    /**
     * The one place where the guard's decisions reach the metrics (README.md, "Operations"): a single decision or a
     * batch of a list's items, from the reading of its facts to its outcome; the audit append that follows is measured
     * by {@code AuditWriter}.
     */
    private void measured(DataKind kind, AccessMetrics.Form form, int allowed, int denied, long started) {
        if (metrics != null) {
            metrics.decided(kind, form, allowed, denied, started);
        }
    }

    /**
     * The one answer to "not found or denied": whether a student (or group) must be answered to this caller
     * exactly like an id that does not exist. So it is when there are no facts (unknown id), when it belongs to
     * another tenant than the caller's, and when the student has a protected identity and the caller may not
     * even see the student's profile. Every answer about a student, data or explanation, goes by it.
     */
    public boolean answeredAsUnknown(Actor actor, Optional<AccessFacts> facts, UUID groupId) {
        return facts.isEmpty() || outsideCallersTenant(actor, facts.get(), groupId)
                || hiddenProtectedStudent(actor, facts.get());
    }

    /** The caller, or {@link NotSignedInException}. */
    public Actor currentActor() {
        return caller.currentActor().orElseThrow(() -> new NotSignedInException(
                "Sign in to see student information"));
    }

    /** Today in Europe/Stockholm, the day on which every validity is judged. */
    public LocalDate today() {
        return AccessRules.today(clock);
    }

    private AuditRecord record(Actor actor, UUID chainTenant, DataKind kind, Operation operation, UUID studentId, UUID groupId,
                       boolean allowed, List<String> failingCodes) {
        return record(AuditRecord.Purpose.ACCESS, actor, chainTenant, kind.name(), operation.name(), studentId, groupId,
                allowed, failingCodes);
    }

    /**
     * An audit record of this request's caller; the chain is the student's tenant (the group's for a
     * group-level question), or the caller's when unknown.
     *
     * @param studentId null for a group-level question
     */
    public AuditRecord record(AuditRecord.Purpose purpose, Actor actor, UUID chainTenant, String kind, String operation,
                              UUID studentId, UUID groupId, boolean allowed, List<String> failingCodes) {
        return record(purpose, actor, chainTenant, kind, operation, studentId, groupId, allowed, failingCodes, List.of());
    }

    /** @param outcomes a list's students with their outcomes (then no {@code studentId}), or empty */
    private AuditRecord record(AuditRecord.Purpose purpose, Actor actor, UUID chainTenant, String kind, String operation,
                               UUID studentId, UUID groupId, boolean allowed, List<String> failingCodes,
                               List<AuditRecord.Outcome> outcomes) {
        AuditRecord.ActorKind actorKind = actor instanceof Actor.Person ? AuditRecord.ActorKind.PERSON : AuditRecord.ActorKind.APPLICATION;
        String actorId = actor instanceof Actor.Person person ? person.personId().toString()
                : ((Actor.Application) actor).clientId();
        return new AuditRecord(chainTenant.toString(), Instant.now(clock), purpose, actorKind, actorId,
                studentId == null ? null : studentId.toString(), groupId == null ? null : groupId.toString(), kind,
                operation, allowed, failingCodes, caller.requestId(), outcomes);
    }

    static UUID personId(Actor actor) {
        return actor instanceof Actor.Person person ? person.personId() : null;
    }

    /** A student or group of another tenant is answered like an unknown one: nobody may probe other tenants' ids. */
    private static boolean outsideCallersTenant(Actor actor, AccessFacts facts, UUID groupId) {
        if (facts.student() != null && !facts.student().tenantId().equals(actor.tenantId())) {
            return true;
        }
        GroupFact group = groupId == null ? null : facts.groups().get(groupId);
        return group != null && !group.tenantId().equals(actor.tenantId());
    }

    /**
     * A student with a protected identity stays invisible to a caller with no path to them at all: their
     * denial would confirm the student and name the student's groups. A caller who may see the student's
     * profile (their teacher, say) already knows them and is told what is missing instead.
     */
    private boolean hiddenProtectedStudent(Actor actor, AccessFacts facts) {
        if (facts.student() == null || !facts.student().protectedIdentity()) {
            return false;
        }
        AccessQuestion profile = AccessQuestion.about(actor, facts.student().personId(), DataKind.STUDENT_PROFILE,
                Operation.READ);
        return !rules.verdict(profile, facts, today()).allowed();
    }

    /**
     * The tenant the question is about, whose audit chain takes the decision: the student's, or for a
     * group-level question (no student) the group's, which the facts always hold since it was named.
     */
    private static UUID subjectTenant(AccessFacts facts, UUID groupId) {
        if (facts.student() != null) {
            return facts.student().tenantId();
        }
        GroupFact group = groupId == null ? null : facts.groups().get(groupId);
        if (group == null) {
            throw new IllegalStateException("facts without a student must hold the question's group");
        }
        return group.tenantId();
    }

    /** A record known to be committed. */
    private static final PendingRecord COMMITTED = () -> { };

    /**
     * @param notFound the caller is to be answered as if the student or group did not exist
     * @param pending  an allowance's record, still to be awaited when the caller asked to await it itself; otherwise
     *                 committed
     */
    private record Outcome(AccessQuestion question, AccessFacts facts, Verdict verdict, boolean notFound,
                           PendingRecord pending) {
    }
}
