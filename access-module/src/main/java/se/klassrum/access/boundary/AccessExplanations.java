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
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.RoleFact;
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
 * themselves; a school administrator may explain any question about a student at their school.
 */
@ApplicationScoped
public class AccessExplanations {

    @Inject
    AccessGuard guard;

    @Inject
    RosterFactsPort roster;

    @Inject
    AuditLog audit;

    private final AccessRules rules = new AccessRules();

    @NoStudentData("reveals which prerequisites hold, never the data; authorised here and audited as EXPLAIN")
    public Decision explain(UUID personId, UUID studentId, DataKind kind, Operation operation, UUID groupId, ItemFacts item) {
        // An explanation is about a student; group-level questions (no student) are not explained here yet.
        Objects.requireNonNull(studentId, "studentId");
        Actor caller = guard.currentActor();
        UUID callerId = AccessGuard.personId(caller);
        LocalDate today = guard.today();

        Optional<AccessFacts> asked = roster.load(personId, studentId, groupId);
        boolean permitted = asked.isPresent() && asked.get().actor() != null
                && asked.get().student().tenantId().equals(caller.tenantId())
                && asked.get().actor().tenantId().equals(caller.tenantId())
                && (personId.equals(callerId) || administersStudent(callerId, studentId, today));

        UUID chainTenant = asked.map(facts -> facts.student().tenantId()).orElse(caller.tenantId());
        audit.record(guard.record(AuditRecord.Purpose.EXPLAIN, caller, chainTenant, kind.name(), operation.name(),
                studentId, groupId, permitted, permitted ? List.of() : List.of("NOT_PERMITTED_TO_EXPLAIN")));
        if (!permitted) {
            // Whether the person or student exists is itself information: answer like an unknown id.
            throw new StudentDataNotFoundException();
        }
        AccessQuestion question = new AccessQuestion(Actor.person(personId, asked.get().actor().tenantId()), studentId,
                kind, operation, groupId, item);
        return rules.decide(question, asked.get(), today);
    }

    private boolean administersStudent(UUID adminId, UUID studentId, LocalDate today) {
        if (adminId == null) {
            return false;
        }
        Optional<AccessFacts> facts = roster.load(adminId, studentId, null);
        return facts.isPresent() && facts.get().actor() != null
                && administersAnySchoolOf(facts.get().actor(), facts.get().student(), today);
    }

    /** An active SCHOOL_ADMIN role at a school where the student has an active role of any kind. */
    static boolean administersAnySchoolOf(PersonFacts admin, PersonFacts student, LocalDate today) {
        for (RoleFact adminRole : admin.roles()) {
            if (adminRole.role() != SchoolRoleKind.SCHOOL_ADMIN || !adminRole.validity().isActiveOn(today)) {
                continue;
            }
            for (RoleFact studentRole : student.roles()) {
                if (studentRole.schoolId().equals(adminRole.schoolId()) && studentRole.validity().isActiveOn(today)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Refuses unless the caller administers a school where the student has a role; for the audit extract.
     *
     * @return the tenant of the student, whose audit chain holds the extract
     */
    @NoStudentData("authorises the audit extract; reveals nothing itself")
    public UUID requireAdministratorOf(UUID studentId) {
        Actor caller = guard.currentActor();
        UUID adminId = AccessGuard.personId(caller);
        Optional<AccessFacts> facts = adminId == null ? Optional.empty() : roster.load(adminId, studentId, null);
        if (facts.isEmpty() || facts.get().actor() == null
                || !administersAnySchoolOf(facts.get().actor(), facts.get().student(), guard.today())) {
            throw new StudentDataNotFoundException();
        }
        return facts.get().student().tenantId();
    }

    /**
     * Refuses unless the caller may verify their tenant's audit chain: an application holding
     * {@value #AUDIT_PERMISSION}, or a person with an active SCHOOL_ADMIN role at a school of the tenant.
     *
     * @return the caller's tenant
     */
    @NoStudentData("authorises the verification of the audit chain, which holds no student data")
    public UUID requireAuditor() {
        return requireAdministrator(AUDIT_PERMISSION);
    }

    /**
     * Refuses unless the caller administers their tenant's data: an application holding the given
     * permission, or a person with an active SCHOOL_ADMIN role at a school of the tenant.
     *
     * @return the caller's tenant
     */
    @NoStudentData("authorises an administrative operation of the caller's tenant; reveals nothing itself")
    public UUID requireAdministrator(String applicationPermission) {
        Actor caller = guard.currentActor();
        if (caller instanceof Actor.Application application) {
            if (application.permissions().contains(applicationPermission)) {
                return caller.tenantId();
            }
            throw new NotPermittedException();
        }
        UUID personId = AccessGuard.personId(caller);
        // The caller's own facts, asked for as both actor and subject.
        Optional<AccessFacts> own = roster.load(personId, personId, null);
        LocalDate today = guard.today();
        boolean admin = own.isPresent() && own.get().student().roles().stream()
                .anyMatch(role -> role.role() == SchoolRoleKind.SCHOOL_ADMIN && role.validity().isActiveOn(today));
        if (!admin) {
            throw new NotPermittedException();
        }
        return caller.tenantId();
    }

    /** The application permission that lets an integration verify its tenant's audit chain. */
    public static final String AUDIT_PERMISSION = "AuditLog.Read.All";

    /** The application permission that lets an integration import its tenant's roster files. */
    public static final String IMPORT_PERMISSION = "RosterImport.ReadWrite.All";
}
