package se.klassrum.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.control.AccessRules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * "May person A see data kind K of student X, and why not?" — the full breakdown per path and
 * prerequisite. It reveals which prerequisites hold, never the data. Anyone may explain a question about
 * themselves; a school administrator may explain any question about a student at their school. An
 * explanation names only the groups and schools the asker may already see ({@link ExplanationNames}).
 * ({@link Administrators} decides who administers what.)
 */
@ApplicationScoped
public class AccessExplanations {

    @Inject
    AccessGuard guard;

    @Inject
    RosterFactsPort roster;

    @Inject
    AuditLog audit;

    @Inject
    Administrators administrators;

    private final AccessRules rules = new AccessRules();

    @NoStudentData("reveals which prerequisites hold, never the data; authorised here and audited as EXPLAIN")
    public Decision explain(UUID personId, UUID studentId, DataKind kind, Operation operation, UUID groupId, ItemFacts item) {
        // An explanation is about a student; group-level questions (no student) are not explained here yet.
        Objects.requireNonNull(studentId, "studentId");
        Actor caller = guard.currentActor();
        UUID callerId = AccessGuard.personId(caller);
        LocalDate today = guard.today();

        RosterFactsPort.Subject subject = RosterFactsPort.Subject.of(studentId, groupId, item);
        Optional<AccessFacts> asked = roster.load(personId, subject);
        // The asker's own view of the student decides, as for the data itself, whether the student exists for
        // them: an explanation names schools and groups, so it is given only about a student the asker may know.
        Optional<AccessFacts> askersView = personId.equals(callerId) ? asked : roster.load(callerId, subject);
        boolean unknownToAsker = guard.answeredAsUnknown(caller, askersView, groupId)
                || unknownAssessmentGroup(caller, askersView, item);
        // So does their view of a student explained as the person: the explanation tells that person's roles and groups,
        // and a protected student without a path is no more known as the person asked about than as the student.
        if (!unknownToAsker && callerId != null && !personId.equals(callerId)) {
            Optional<AccessFacts> personView = roster.load(callerId, personId, null);
            boolean aStudent = personView.map(AccessFacts::student).map(person -> person.roles().stream()
                    .anyMatch(role -> role.role() == SchoolRoleKind.STUDENT)).orElse(false);
            unknownToAsker = aStudent && guard.answeredAsUnknown(caller, personView, null);
        }
        boolean permitted = !unknownToAsker && asked.isPresent() && asked.get().actor() != null
                && asked.get().actor().tenantId().equals(caller.tenantId())
                && (personId.equals(callerId) || !guardianLogin(caller)
                        && administrators.administersSchoolOf(callerId, studentId, today));

        // Only a student of the asker's own tenant takes the entry into the student's chain.
        UUID chainTenant = askersView.filter(facts -> facts.student().tenantId().equals(caller.tenantId()))
                .map(facts -> facts.student().tenantId()).orElse(caller.tenantId());
        audit.record(guard.record(AuditRecord.Purpose.EXPLAIN, caller, chainTenant, kind.name(), operation.name(),
                studentId, groupId, permitted, permitted ? List.of() : List.of("NOT_PERMITTED_TO_EXPLAIN")));
        if (!permitted) {
            // Whether the person or student exists is itself information: answer like an unknown id.
            throw new StudentDataNotFoundException();
        }
        // Explaining oneself explains one's own sign-in: a guardian login is explained on the guardian path only.
        Actor explained = personId.equals(callerId) ? caller : Actor.person(personId, asked.get().actor().tenantId());
        AccessQuestion question = new AccessQuestion(explained, studentId, kind, operation, groupId, item);
        // The decision is the rules' on the person's facts; the names in it are only those the asker may see.
        return rules.decide(question, ExplanationNames.forReader(asked.get(), askersView.get(), callerId, today), today);
    }


    /**
     * An assessment asked about with the group it was given in is explained only for a group of the asker's own tenant:
     * no real read of an assessment goes through another organisation's group, or one that does not exist, so such a
     * question is answered like an unknown id rather than telling what the group is.
     */
    private static boolean unknownAssessmentGroup(Actor caller, Optional<AccessFacts> askersView, ItemFacts item) {
        if (item == null || item.assessmentGroupId() == null || askersView.isEmpty()) {
            return false;
        }
        var group = askersView.get().groups().get(item.assessmentGroupId());
        return group == null || !group.tenantId().equals(caller.tenantId());
    }

    private static boolean guardianLogin(Actor actor) {
        return actor instanceof Actor.Person person && person.guardianLogin();
    }
}
