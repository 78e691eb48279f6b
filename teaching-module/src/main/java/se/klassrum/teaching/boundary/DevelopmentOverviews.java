package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.access.api.StudentOwned;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Syllabus;
import se.klassrum.teaching.boundary.Views.AssessmentView;
import se.klassrum.teaching.entity.Assessment;
import se.klassrum.teaching.entity.Assignment;
import se.klassrum.teaching.entity.Grade;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The development overview (utvecklingsöversikt, rules H2, H3 and H4): a student's assessed work from every group
 * they were a member of, archived, disconnected and left groups included, and their published assessments from every
 * group. Assessed work is a published assignment's hand-in that the teacher returned with feedback; a hand-in waiting
 * for the teacher, one sent back for completion and the student's unsent draft are not assessed. Every item is decided
 * by the rules as one list of both kinds, with one read of the facts and one audit entry: assessed work seen only
 * through the overview's own paths (the student's, a guardian's, and the active mentor's for earlier groups), published
 * assessments only through the student's, a guardian's and the mentor's paths.
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

    /** One published assessment in the overview: the syllabus, the group it was given in, the grade and the comment. */
    public record OverviewAssessment(UUID assessmentId, String syllabusCode, String syllabusName, UUID groupId,
                                     String groupName, Grade grade, SafeHtml comment, OffsetDateTime updatedAt) {
    }

    /** The published assessments of one subject, by syllabus. */
    public record OverviewSubject(String subjectName, List<OverviewAssessment> assessments) {
    }

    /**
     * A student's development overview: their assessed work by group, the latest school year first, and their published
     * assessments by subject.
     */
    public record DevelopmentOverview(UUID studentId, List<OverviewGroup> groups, List<OverviewSubject> subjects) {

        /**
         * Groups what the caller may see. An overview in which the caller sees nothing is answered like a student that
         * does not exist, except to the student themselves: whether someone else has an overview of this student, or
         * anything in it, is not told.
         *
         * @throws StudentDataNotFoundException when the caller sees nothing and is not the student
         */
        public static DevelopmentOverview of(UUID studentId, List<AssessedWork> seen, List<AssessmentView> assessments,
                                             boolean callerIsStudent) {
            if (seen.isEmpty() && assessments.isEmpty() && !callerIsStudent) {
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
            Map<String, List<OverviewAssessment>> bySubject = new TreeMap<>();
            assessments.stream()
                    .sorted(Comparator.comparing(AssessmentView::syllabusCode).thenComparing(AssessmentView::id))
                    .forEach(a -> bySubject.computeIfAbsent(a.subjectName(), name -> new ArrayList<>())
                            .add(new OverviewAssessment(a.id(), a.syllabusCode(), a.syllabusName(), a.throughGroupId(),
                                    a.throughGroupName(), a.grade(), a.comment(), a.updatedAt())));
            List<OverviewSubject> subjects = bySubject.entrySet().stream()
                    .map(entry -> new OverviewSubject(entry.getKey(), List.copyOf(entry.getValue()))).toList();
            return new DevelopmentOverview(studentId, groups, subjects);
        }
    }

    /** How the overview's one list decision is named in the audit log. */
    static final String AUDITED_AS = "DEVELOPMENT_OVERVIEW";

    /**
     * Assessed work through the overview's paths only (H2 to H4); published assessments through the student's, the
     * guardian's and the mentor's paths (H2 to H4, S3), never a teacher's: teachers do not open a student's overview.
     */
    private static final Map<DataKind, Set<AccessPath>> THROUGH = Map.of(
            DataKind.SUBMISSION, Set.of(AccessPath.OVERVIEW, AccessPath.GUARDIAN_OVERVIEW, AccessPath.MENTOR_HISTORY),
            DataKind.ASSESSMENT, Set.of(AccessPath.STUDENT, AccessPath.GUARDIAN, AccessPath.MENTOR));

    @Inject
    AccessGuard guard;

    @Inject
    TeachingContext context;

    /**
     * The student's development overview: assessed work in every group they were a member of (a membership that has
     * begun) and published assessments from every group, decided as one list.
     *
     * @throws StudentDataNotFoundException when the caller sees nothing of it and is not the student
     */
    @NoStudentData("decides its items itself, as one list of assessed work and assessments through AccessGuard.mixedList,"
            + " audited once")
    public DevelopmentOverview overviewOf(UUID studentId) {
        List<AssessedWork> work = assessedWorkOf(studentId);
        List<AssessmentView> assessments = context.em().createQuery("select a from Assessment a join fetch a.syllabus s"
                        + " join fetch s.subject join fetch a.group where a.student.id = :student and a.status = :published",
                        Assessment.class)
                .setParameter("student", studentId)
                .setParameter("published", PublicationStatus.PUBLISHED)
                .getResultStream()
                .map(AssessmentView::of)
                .toList();
        List<AccessGuard.Item> items = new ArrayList<>(work.size() + assessments.size());
        work.forEach(w -> items.add(new AccessGuard.Item(studentId, w.groupId(), w.itemFacts(), DataKind.SUBMISSION)));
        assessments.forEach(a -> items.add(new AccessGuard.Item(studentId, null, a.itemFacts(), DataKind.ASSESSMENT)));
        AccessGuard.ListDecision list = guard.mixedList(AUDITED_AS, Operation.READ, THROUGH);
        boolean[] visible = list.visible(items);
        list.audit();
        List<AssessedWork> seenWork = new ArrayList<>();
        List<AssessmentView> seenAssessments = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!visible[i]) {
                continue;
            }
            if (i < work.size()) {
                seenWork.add(work.get(i));
            } else {
                seenAssessments.add(assessments.get(i - work.size()));
            }
        }
        return DevelopmentOverview.of(studentId, seenWork, seenAssessments, context.callerIs(studentId));
    }

    /** The student's assessed work in every group they were a member of (a membership that has begun), not yet decided. */
    private List<AssessedWork> assessedWorkOf(UUID studentId) {
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

}
