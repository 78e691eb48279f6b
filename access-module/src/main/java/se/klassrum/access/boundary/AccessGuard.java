package se.klassrum.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.control.AccessRules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides one question about the current caller, records the decision and refuses a denial. Facts are
 * read fresh for every question (no cache may outlive a roster change); the decision itself is pure.
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
    public Decision require(DataKind kind, Operation operation, UUID studentId, UUID groupId, ItemFacts item) {
        Actor actor = currentActor();
        Outcome outcome = decide(actor, kind, operation, studentId, groupId, item);
        if (outcome.decision() == null) {
            throw new StudentDataNotFoundException();
        }
        if (!outcome.decision().allowed()) {
            if (outsideCallersTenant(actor, outcome.facts(), groupId) || hiddenProtectedStudent(actor, outcome.facts())) {
                throw new StudentDataNotFoundException();
            }
            throw new AccessDeniedException(outcome.decision());
        }
        return outcome.decision();
    }

    /** For filtering a result: true when allowed; the decision is audited either way. */
    public boolean permits(DataKind kind, Operation operation, UUID studentId, UUID groupId, ItemFacts item) {
        Outcome outcome = decide(currentActor(), kind, operation, studentId, groupId, item);
        return outcome.decision() != null && outcome.decision().allowed();
    }

    private Outcome decide(Actor actor, DataKind kind, Operation operation, UUID studentId, UUID groupId, ItemFacts item) {
        Optional<AccessFacts> facts = roster.load(personId(actor), studentId, groupId);
        if (facts.isEmpty()) {
            audit.record(record(actor, actor.tenantId(), kind, operation, studentId, groupId, false,
                    List.of(UNKNOWN_STUDENT_OR_GROUP)));
            return new Outcome(null, null);
        }
        AccessQuestion question = new AccessQuestion(actor, studentId, kind, operation, groupId, item);
        Decision decision = rules.decide(question, facts.get(), AccessRules.today(clock));
        audit.record(record(actor, subjectTenant(facts.get(), groupId), kind, operation, studentId, groupId,
                decision.allowed(), decision.failingCodes().stream().map(Prerequisite::name).toList()));
        return new Outcome(decision, facts.get());
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
        AuditRecord.ActorKind actorKind = actor instanceof Actor.Person ? AuditRecord.ActorKind.PERSON : AuditRecord.ActorKind.APPLICATION;
        String actorId = actor instanceof Actor.Person person ? person.personId().toString()
                : ((Actor.Application) actor).clientId();
        return new AuditRecord(chainTenant.toString(), Instant.now(clock), purpose, actorKind, actorId,
                studentId == null ? null : studentId.toString(), groupId == null ? null : groupId.toString(), kind,
                operation, allowed, failingCodes, caller.requestId());
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
        return !rules.decide(profile, facts, today()).allowed();
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

    private record Outcome(Decision decision, AccessFacts facts) {
    }
}
