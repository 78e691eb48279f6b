package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentId;
import se.klassrum.access.api.SyllabusId;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.teaching.boundary.Views.AssessmentView;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.teaching.entity.Assessment;
import se.klassrum.teaching.entity.Grade;
import se.klassrum.teaching.entity.Happened;
import se.klassrum.teaching.entity.SafeHtml;
import se.klassrum.teaching.entity.TeachingException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Assessments (omdömen) per student and syllabus. Only a teacher who meets the assessment prerequisites
 * (the group has the syllabus, the teacher is linked to its subject) sets them; students and guardians see
 * published ones; the student's mentor reads them.
 */
@ApplicationScoped
@Transactional
public class Assessments {

    @Inject
    TeachingContext context;

    /** What happened, for the readers' notifications (written in this transaction by {@code NotificationEvents}). */
    @Inject
    Event<Happened> happened;

    /**
     * Sets (or revises) the assessment of a student in the syllabus of a teaching group the caller owns.
     *
     * @param groupId the teaching group through which it is set; its syllabus must be {@code syllabusId}
     */
    @StudentData(kind = DataKind.ASSESSMENT, operation = Operation.WRITE)
    public AssessmentView assess(@StudentId UUID studentId, @SyllabusId UUID syllabusId, UUID groupId, Grade grade,
                                 String comment, boolean publish) {
        StudyGroup group = context.find(StudyGroup.class, groupId);
        UUID teacherId = context.callerPersonId();
        requireOwnedGroupOfStudentWithSyllabus(group, teacherId, studentId, syllabusId);
        Person teacher = context.find(Person.class, teacherId);
        Assessment assessment = context.em().createQuery("select a from Assessment a where a.student.id = :student "
                        + "and a.syllabus.id = :syllabus and a.group.id = :group", Assessment.class)
                .setParameter("student", studentId)
                .setParameter("syllabus", syllabusId)
                .setParameter("group", groupId)
                .getResultStream().findFirst().orElse(null);
        if (assessment == null) {
            assessment = new Assessment(context.find(Person.class, studentId), group, grade, SafeHtml.of(comment), teacher,
                    context.now());
            context.em().persist(assessment);
        } else {
            assessment.revise(grade, SafeHtml.of(comment), teacher, context.now());
        }
        if (publish && !assessment.isPublished()) {
            assessment.publish(context.now());
            happened.fire(new Happened(Happened.Kind.ASSESSMENT_PUBLISHED, groupId, assessment.id(), studentId));
        }
        return AssessmentView.of(assessment);
    }

    /**
     * Asks what {@link #assess} would ask, before a grading form is offered: may the caller assess the student
     * in the syllabus, and through this group. Changes nothing; throws the denial or the refusal, so that the
     * page can say what is missing before anyone fills in the form.
     */
    @StudentData(kind = DataKind.ASSESSMENT, operation = Operation.WRITE)
    public void checkAssess(@StudentId UUID studentId, @SyllabusId UUID syllabusId, UUID groupId) {
        requireOwnedGroupOfStudentWithSyllabus(context.find(StudyGroup.class, groupId), context.callerPersonId(), studentId,
                syllabusId);
    }

    /**
     * The student's assessments that the caller may see, one decision per assessment: a teacher sees the
     * syllabi they meet the prerequisites for, the mentor all, the student and guardians the published ones.
     */
    @StudentData(kind = DataKind.ASSESSMENT)
    public Slice<AssessmentView> ofStudent(UUID studentId, Page page) {
        List<String> after = page.after(2);
        TypedQuery<Assessment> query = context.em().createQuery("select a from Assessment a where a.student.id = :student"
                        + (after == null ? "" : " and (a.syllabus.code > :code or (a.syllabus.code = :code and a.id > :id))")
                        + " order by a.syllabus.code, a.id", Assessment.class)
                .setParameter("student", studentId)
                .setMaxResults(page.limit() + 1);
        if (after != null) {
            query.setParameter("code", after.get(0)).setParameter("id", UUID.fromString(after.get(1)));
        }
        return Slice.of(query.getResultList(), page, AssessmentView::of, row -> new Object[] {row.syllabus().code(), row.id()});
    }

    /**
     * The rules found that the caller may assess the student in this syllabus through some group; this
     * makes sure it is the group the caller named, so that nobody records an assessment through a group
     * they do not own.
     */
    private void requireOwnedGroupOfStudentWithSyllabus(StudyGroup group, UUID teacherId, UUID studentId, UUID syllabusId) {
        boolean syllabusMatches = group.syllabus().map(syllabus -> syllabus.id().equals(syllabusId)).orElse(false);
        LocalDate today = context.today();
        Long roles = context.em().createQuery("select count(m) from Membership m where m.group.id = :group and ("
                        + "(m.person.id = :teacher and m.role = :owner) or (m.person.id = :student and m.role = :member)) "
                        + "and m.validity.validFrom <= :today and (m.validity.validTo is null or m.validity.validTo >= :today)",
                        Long.class)
                .setParameter("group", group.id())
                .setParameter("teacher", teacherId)
                .setParameter("owner", MembershipRole.OWNER)
                .setParameter("student", studentId)
                .setParameter("member", MembershipRole.MEMBER)
                .setParameter("today", today)
                .getSingleResult();
        if (!syllabusMatches || !group.isOpenForAccess() || roles < 2) {
            throw new TeachingException("NOT_THROUGH_THIS_GROUP",
                    "Omdömet kan inte sättas genom gruppen " + group.name() + ": den måste vara din, ha kursplanen och eleven",
                    "The assessment cannot be set through the group " + group.name()
                            + ": it must be yours, have the syllabus and the student");
        }
    }
}
