package se.klassrum.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.StudentDataNotFoundException;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may administer what: a school administrator (an active SCHOOL_ADMIN role) for the students of their
 * school and for their organisation's administrative operations, and an integration for the operations
 * its application permissions name. These authorise operations that reveal no student data themselves
 * (explanations, the audit extract and its verification, roster imports).
 */
@ApplicationScoped
public class Administrators {

    /** The application permission that lets an integration verify its tenant's audit chain. */
    public static final String AUDIT_PERMISSION = "AuditLog.Read.All";

    /** The application permission that lets an integration import its tenant's roster files. */
    public static final String IMPORT_PERMISSION = "RosterImport.ReadWrite.All";

    @Inject
    AccessGuard guard;

    @Inject
    RosterFactsPort roster;

    /**
     * Refuses (as not found) unless the caller administers a school where the student has a role, and, for a student
     * with a protected identity, may see the student's profile: such a student is named to no one without a path, an
     * administrator included, as everywhere else (the profile decision is audited).
     *
     * @return the tenant of the student, whose audit chain holds the student's extract
     */
    @NoStudentData("authorises the audit extract and the data extract; reveals nothing itself")
    public UUID requireAdministratorOf(UUID studentId) {
        return administeredStudentsTenant(studentId).orElseThrow(StudentDataNotFoundException::new);
    }

    /**
     * Whether the caller administers the student as {@link #requireAdministratorOf} decides it: a school of the student,
     * and for a protected identity a path to the student's profile (audited).
     */
    @NoStudentData("authorises the administration of a student's guardians; reveals nothing itself")
    public boolean administersStudent(UUID studentId) {
        return administeredStudentsTenant(studentId).isPresent();
    }

    private Optional<UUID> administeredStudentsTenant(UUID studentId) {
        Actor caller = guard.currentActor();
        UUID adminId = caller instanceof Actor.Person signedIn && signedIn.guardianLogin() ? null
                : AccessGuard.personId(caller);
        Optional<AccessFacts> facts = adminId == null ? Optional.empty() : roster.load(adminId, studentId, null);
        if (facts.isEmpty() || facts.get().actor() == null
                || !administersAnySchoolOf(facts.get().actor(), facts.get().student(), guard.today())) {
            return Optional.empty();
        }
        if (facts.get().student().protectedIdentity()
                && !guard.permits(DataKind.STUDENT_PROFILE, Operation.READ, studentId, null, null)) {
            return Optional.empty();
        }
        return Optional.of(facts.get().student().tenantId());
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
        if (caller instanceof Actor.Person signedIn && signedIn.guardianLogin()) {
            // A guardian login administers nothing, whatever roles its person has.
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

    /**
     * Whether the person administers a school where the student has a role today, whatever the student's identity: for
     * a caller who may be told of the student at all, ask {@link #administersStudent(UUID)}.
     */
    @NoStudentData("answers only whether a person administers a student's school")
    public boolean administersSchoolOf(UUID adminId, UUID studentId, LocalDate today) {
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
}
