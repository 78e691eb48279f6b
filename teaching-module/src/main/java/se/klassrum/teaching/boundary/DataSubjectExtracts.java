package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.Membership;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.SchoolRole;
import se.klassrum.roster.entity.Validity;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.teaching.entity.Assessment;
import se.klassrum.teaching.entity.DevelopmentTalk;
import se.klassrum.teaching.entity.SafeHtml;
import se.klassrum.teaching.entity.Submission;
import se.klassrum.teaching.entity.SubmissionEntry;

import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;

/**
 * What Klassrum holds about one student, for the school's answer to the student's request under GDPR article 15: the
 * student's particulars, roles, groups and guardians from the roster, and their hand-ins, assessments and development
 * talks. It is not a way around the access rules but the data controller's own duty: only an administrator of a
 * school where the student has a role asks for it (as for the student's audit log), for a student with a protected
 * identity only an administrator who also has a path to the student's profile (as for the search by name), and each
 * extract is written to the audit log in the student's chain as an administrative act.
 */
@ApplicationScoped
@Transactional
public class DataSubjectExtracts {

    @Inject
    TeachingContext context;

    @Inject
    Administrators administrators;

    @Inject
    AccessGuard guard;

    @Inject
    AuditLog audit;

    /**
     * The student's data as one JSON document, drafts and history included.
     *
     * @throws se.klassrum.access.api.StudentDataNotFoundException unless the caller administers a school of the student
     */
    @NoStudentData("a data subject's extract for the administrators of the student's school: Administrators decides it "
            + "first, and it is audited as an administrative act")
    public JsonObject extract(UUID studentId) {
        // A protected identity is named to no one without a path, an administrator included (decided there).
        UUID tenant = administrators.requireAdministratorOf(studentId);
        Person student = context.find(Person.class, studentId);
        JsonObjectBuilder extract = Json.createObjectBuilder()
                .add("student", person(student))
                .add("schoolRoles", schoolRoles(studentId))
                .add("groups", memberships(studentId))
                .add("guardians", guardians(studentId))
                .add("submissions", submissions(studentId))
                .add("assessments", assessments(studentId))
                .add("developmentTalks", talks(studentId));
        audit.record(guard.record(AuditRecord.Purpose.ADMINISTRATION, guard.currentActor(), tenant, "STUDENT_DATA",
                "EXTRACT", studentId, null, true, List.of()));
        return extract.build();
    }

    private static JsonObjectBuilder person(Person student) {
        JsonObjectBuilder person = Json.createObjectBuilder()
                .add("id", student.id().toString())
                .add("givenName", student.givenName())
                .add("familyName", student.familyName())
                .add("externalId", nullable(student.externalId()))
                .add("protectedIdentity", student.isProtectedIdentity());
        student.email().ifPresent(email -> person.add("email", email));
        student.birthDate().ifPresent(day -> person.add("birthDate", day.toString()));
        return person;
    }

    private JsonArrayBuilder schoolRoles(UUID studentId) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        context.em().createQuery("select r from SchoolRole r join fetch r.school where r.person.id = :student"
                        + " order by r.validity.validFrom", SchoolRole.class)
                .setParameter("student", studentId)
                .getResultStream()
                .forEach(role -> roles.add(validity(Json.createObjectBuilder()
                        .add("school", role.school().name())
                        .add("role", role.role().name()), role.validity())));
        return roles;
    }

    private JsonArrayBuilder memberships(UUID studentId) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        context.em().createQuery("select m from Membership m join fetch m.group g join fetch g.school where m.person.id = :student"
                        + " order by m.validity.validFrom, g.name", Membership.class)
                .setParameter("student", studentId)
                .getResultStream()
                .forEach(membership -> groups.add(validity(Json.createObjectBuilder()
                        .add("group", membership.group().name())
                        .add("school", membership.group().school().name())
                        .add("kind", membership.group().kind().name())
                        .add("role", membership.role().name()), membership.validity())));
        return groups;
    }

    private JsonArrayBuilder guardians(UUID studentId) {
        JsonArrayBuilder guardians = Json.createArrayBuilder();
        context.em().createQuery("select l from GuardianLink l join fetch l.guardian where l.child.id = :student",
                        GuardianLink.class)
                .setParameter("student", studentId)
                .getResultStream()
                .forEach(link -> guardians.add(validity(Json.createObjectBuilder()
                        .add("guardian", link.guardian().displayName())
                        .add("relation", link.relation().name())
                        .add("active", link.isActive()), link.validity())));
        return guardians;
    }

    private JsonArrayBuilder submissions(UUID studentId) {
        JsonArrayBuilder submissions = Json.createArrayBuilder();
        context.em().createQuery("select s from Submission s join fetch s.assignment a join fetch a.group"
                        + " where s.student.id = :student order by a.dueAt", Submission.class)
                .setParameter("student", studentId)
                .getResultStream()
                .forEach(submission -> {
                    JsonArrayBuilder history = Json.createArrayBuilder();
                    for (SubmissionEntry entry : submission.entries()) {
                        history.add(Json.createObjectBuilder()
                                .add("kind", entry.kind().name())
                                .add("text", text(entry.body()))
                                .add("by", entry.author().displayName())
                                .add("at", time(entry.recordedAt())));
                    }
                    submissions.add(Json.createObjectBuilder()
                            .add("assignment", nullable(submission.assignment().title()))
                            .add("group", submission.assignment().group().name())
                            .add("status", submission.status().name())
                            .add("content", text(submission.content()))
                            .add("submittedAt", time(submission.submittedAt()))
                            .add("late", submission.isLate())
                            .add("feedback", text(submission.feedback()))
                            .add("returnedAt", time(submission.returnedAt()))
                            .add("draft", text(submission.draft()))
                            .add("history", history));
                });
        return submissions;
    }

    private JsonArrayBuilder assessments(UUID studentId) {
        JsonArrayBuilder assessments = Json.createArrayBuilder();
        context.em().createQuery("select a from Assessment a join fetch a.syllabus join fetch a.group"
                        + " where a.student.id = :student order by a.updatedAt", Assessment.class)
                .setParameter("student", studentId)
                .getResultStream()
                .forEach(assessment -> assessments.add(Json.createObjectBuilder()
                        .add("syllabus", assessment.syllabus().code())
                        .add("course", assessment.syllabus().name())
                        .add("group", assessment.group().name())
                        .add("grade", assessment.grade().name())
                        .add("comment", text(assessment.comment()))
                        .add("status", assessment.status().name())
                        .add("assessedBy", assessment.assessedBy().displayName())
                        .add("updatedAt", time(assessment.updatedAt()))));
        return assessments;
    }

    private JsonArrayBuilder talks(UUID studentId) {
        JsonArrayBuilder talks = Json.createArrayBuilder();
        context.em().createQuery("select t from DevelopmentTalk t join fetch t.mentor where t.student.id = :student"
                        + " order by t.heldOn", DevelopmentTalk.class)
                .setParameter("student", studentId)
                .getResultStream()
                .forEach(talk -> talks.add(Json.createObjectBuilder()
                        .add("heldOn", talk.heldOn().toString())
                        .add("mentor", talk.mentor().displayName())
                        .add("notes", text(talk.notes()))
                        .add("agreedGoals", text(talk.agreedGoals()))
                        .add("updatedAt", time(talk.updatedAt()))));
        return talks;
    }

    private static JsonObjectBuilder validity(JsonObjectBuilder item, Validity validity) {
        return item.add("from", time(validity.validFrom())).add("to", time(validity.validTo()));
    }

    private static String text(SafeHtml html) {
        return html == null || html.value() == null ? "" : html.value();
    }

    private static String time(Temporal time) {
        return time == null ? "" : time.toString();
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }
}
