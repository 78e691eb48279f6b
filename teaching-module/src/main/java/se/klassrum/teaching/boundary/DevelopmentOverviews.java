package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.api.StudentOwned;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Syllabus;
import se.klassrum.teaching.entity.Assignment;
import se.klassrum.teaching.entity.PublicationStatus;
import se.klassrum.teaching.entity.SafeHtml;
import se.klassrum.teaching.entity.Submission;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The development overview (utvecklingsöversikt, rules H2, H3 and H4): a student's assessed work from every group
 * they were a member of, archived, disconnected and left groups included. Assessed work is a published assignment's
 * hand-in that the teacher returned with feedback; a hand-in waiting for the teacher, one sent back for completion
 * and the student's unsent draft are not assessed. Every item is decided by the rules as one list, seen only through
 * the overview's own paths: the student's, a guardian's, and the active mentor's for earlier groups.
 */
@ApplicationScoped
@Transactional
public class DevelopmentOverviews {

    /** One assessed piece of work: the assignment, its group, the teacher's feedback and when it was returned. */
    public record AssessedWork(UUID assignmentId, String title, UUID groupId, String groupName, String schoolYear,
                               String syllabusCode, String subjectName, UUID studentId, SafeHtml feedback,
                               OffsetDateTime returnedAt) implements StudentOwned {

        @Override
        public ItemFacts itemFacts() {
            return ItemFacts.assessedWork(studentId);
        }
    }

    /** One returned piece of work in the overview. */
    public record OverviewWork(UUID assignmentId, String title, SafeHtml feedback, OffsetDateTime returnedAt) {
    }

    /** The work of one group, with what the group was: its name, school year and subject. */
    public record OverviewGroup(UUID groupId, String groupName, String schoolYear, String syllabusCode, String subjectName,
                            List<OverviewWork> work) {
    }

    /** A student's development overview: their assessed work by group, the latest school year first. */
    public record DevelopmentOverview(UUID studentId, List<OverviewGroup> groups) {

        /**
         * Groups the work the caller may see. An overview in which the caller sees nothing is answered like a student
         * that does not exist, except to the student themselves: whether someone else has an overview of this student,
         * or assessed work in it, is not told.
         *
         * @throws StudentDataNotFoundException when the caller sees nothing and is not the student
         */
        public static DevelopmentOverview of(UUID studentId, List<AssessedWork> seen, boolean callerIsStudent) {
            if (seen.isEmpty() && !callerIsStudent) {
                throw new StudentDataNotFoundException();
            }
            List<AssessedWork> ordered = new ArrayList<>(seen);
            ordered.sort(Comparator.comparing(AssessedWork::schoolYear, Comparator.reverseOrder())
                    .thenComparing(AssessedWork::groupName).thenComparing(AssessedWork::groupId)
                    .thenComparing(AssessedWork::returnedAt, Comparator.reverseOrder()));
            Map<UUID, List<AssessedWork>> byGroup = new LinkedHashMap<>();
            ordered.forEach(work -> byGroup.computeIfAbsent(work.groupId(), id -> new ArrayList<>()).add(work));
            List<OverviewGroup> groups = byGroup.values().stream().map(works -> {
                AssessedWork first = works.get(0);
                return new OverviewGroup(first.groupId(), first.groupName(), first.schoolYear(), first.syllabusCode(),
                        first.subjectName(), works.stream()
                        .map(w -> new OverviewWork(w.assignmentId(), w.title(), w.feedback(), w.returnedAt())).toList());
            }).toList();
            return new DevelopmentOverview(studentId, groups);
        }
    }

    @Inject
    TeachingContext context;

    /**
     * The student's assessed work in every group they were a member of (a membership that has begun), decided as one
     * list through the overview's paths only.
     */
    @StudentData(kind = DataKind.SUBMISSION,
            paths = {AccessPath.OVERVIEW, AccessPath.GUARDIAN_OVERVIEW, AccessPath.MENTOR_HISTORY})
    public List<AssessedWork> assessedWorkOf(UUID studentId) {
        return context.em().createQuery("select s from Submission s join fetch s.assignment a join fetch a.group g"
                        + " where s.student.id = :student and s.status = :returned and s.feedback is not null"
                        + " and a.status = :published and a.deletedAt is null"
                        + " and exists (select m from Membership m where m.group = g and m.person.id = :student"
                        + " and m.role = :member and m.validity.validFrom <= :today)", Submission.class)
                .setParameter("student", studentId)
                .setParameter("returned", Submission.Status.RETURNED)
                .setParameter("published", PublicationStatus.PUBLISHED)
                .setParameter("member", MembershipRole.MEMBER)
                .setParameter("today", context.today())
                .getResultStream()
                .filter(submission -> !submission.feedback().isBlank())
                .map(submission -> assessedWork(studentId, submission))
                .toList();
    }

    private static AssessedWork assessedWork(UUID studentId, Submission submission) {
        Assignment assignment = submission.assignment();
        StudyGroup group = assignment.group();
        Optional<Syllabus> syllabus = group.syllabus();
        return new AssessedWork(assignment.id(), assignment.title(), group.id(), group.name(), group.schoolYear(),
                syllabus.map(Syllabus::code).orElse(null), syllabus.map(s -> s.subject().name()).orElse(null), studentId,
                submission.feedback(), submission.returnedAt().withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Whether the caller is the student: the one to whom an empty overview is shown as such. */
    @NoStudentData("compares the caller with an id; reads nothing")
    public boolean callerIs(UUID studentId) {
        return context.callerIs(studentId);
    }
}
