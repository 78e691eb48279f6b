package se.klassrum.teaching.entity;

import org.junit.jupiter.api.Test;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.School;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Subject;
import se.klassrum.roster.entity.Syllabus;
import se.klassrum.roster.entity.Tenant;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The domain rules of teaching content, without a database. */
class ContentRulesTest {

    private static final OffsetDateTime DUE = OffsetDateTime.parse("2026-12-04T16:00:00+01:00");

    private final Tenant tenant = new Tenant(null, UUID.randomUUID(), "Testkommun");
    private final School school = new School(null, tenant, "Testskolan", null, null);
    private final StudyGroup group = new StudyGroup(null, school, GroupKind.TEACHING, "Ma1c-A", "2026/27");
    private final Person teacher = new Person(null, tenant, "t-1", "Anna", "Andersson");
    private final Person student = new Person(null, tenant, "s-1", "Elsa", "Ek");

    private Assignment publishedAssignment() {
        Assignment assignment = new Assignment(group, teacher, "Ekvationer", SafeHtml.of("<p>Lös 1–10</p>"), DUE, DUE.minusDays(7));
        assignment.publish(DUE.minusDays(7));
        return assignment;
    }

    @Test
    void anAssignmentStartsAsADraftAndIsPublishedOnce() {
        Assignment assignment = new Assignment(group, teacher, "Ekvationer", SafeHtml.of("x"), DUE, DUE.minusDays(7));

        assertThat(assignment.isPublished()).isFalse();
        assignment.publish(DUE.minusDays(6));
        assertThat(assignment.isPublished()).isTrue();
        assertThat(assignment.publishedAt()).isEqualTo(DUE.minusDays(6));
        assertThatThrownBy(() -> assignment.publish(DUE.minusDays(5)))
                .isInstanceOf(TeachingException.class).hasMessage("The assignment is already published");
    }

    @Test
    void aDraftTakesNoSubmissions() {
        Assignment draft = new Assignment(group, teacher, "Ekvationer", SafeHtml.of("x"), DUE, DUE.minusDays(7));

        assertThatThrownBy(() -> new Submission(draft, student, SafeHtml.of("svar"), DUE.minusDays(1)))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("NOT_PUBLISHED");
    }

    @Test
    void aSubmissionAfterTheDueTimeIsLateAndExactlyAtItIsNot() {
        Assignment assignment = publishedAssignment();

        assertThat(new Submission(assignment, student, SafeHtml.of("svar"), DUE).isLate()).isFalse();
        assertThat(new Submission(assignment, student, SafeHtml.of("svar"), DUE.plusSeconds(1)).isLate()).isTrue();
    }

    @Test
    void aResubmissionReplacesTheWorkAndItsLatenessUntilReturned() {
        Submission submission = new Submission(publishedAssignment(), student, SafeHtml.of("första"), DUE.minusHours(1));

        submission.handIn(SafeHtml.of("andra"), DUE.plusHours(1));
        assertThat(submission.content().value()).isEqualTo("andra");
        assertThat(submission.isLate()).isTrue();

        submission.returnWithFeedback(SafeHtml.of("Bra!"), teacher, DUE.plusDays(1));
        assertThat(submission.status()).isEqualTo(Submission.Status.RETURNED);
        assertThatThrownBy(() -> submission.handIn(SafeHtml.of("tredje"), DUE.plusDays(2)))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("ALREADY_RETURNED");
    }

    @Test
    void aDraftIsTheStudentsAloneUntilHandedInAndHandingInClearsIt() {
        Submission submission = Submission.draft(publishedAssignment(), student, SafeHtml.of("tankar"), DUE.minusDays(2));

        assertThat(submission.status()).isEqualTo(Submission.Status.DRAFT);
        assertThat(submission.isHandedIn()).isFalse();
        assertThat(submission.content()).as("nothing handed in").isNull();
        assertThat(submission.submittedAt()).isNull();
        assertThat(submission.draft().value()).isEqualTo("tankar");
        assertThatThrownBy(() -> submission.returnWithFeedback(SafeHtml.of("Bra"), teacher, DUE))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("NOT_HANDED_IN");

        submission.handIn(SafeHtml.of("färdigt svar"), DUE.minusDays(1));
        assertThat(submission.status()).isEqualTo(Submission.Status.SUBMITTED);
        assertThat(submission.content().value()).isEqualTo("färdigt svar");
        assertThat(submission.draft()).isNull();
        assertThat(submission.draftSavedAt()).isNull();

        submission.saveDraft(SafeHtml.of("nästa version"), DUE.minusHours(2));
        assertThat(submission.content().value()).as("the teacher still sees what was handed in").isEqualTo("färdigt svar");
        assertThat(submission.status()).isEqualTo(Submission.Status.SUBMITTED);
    }

    @Test
    void completionGivesTheWorkBackAndKeepsEveryHandInAndAnswer() {
        Submission submission = new Submission(publishedAssignment(), student, SafeHtml.of("första"), DUE.plusHours(1));
        assertThatThrownBy(() -> submission.requestCompletion(SafeHtml.of("<p> </p>"), teacher, DUE.plusDays(1)))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("EMPTY_COMMENT");

        submission.requestCompletion(SafeHtml.of("Visa uträkningen"), teacher, DUE.plusDays(1));
        assertThat(submission.status()).isEqualTo(Submission.Status.COMPLETION_REQUESTED);
        assertThat(submission.feedback().value()).isEqualTo("Visa uträkningen");
        assertThatThrownBy(() -> submission.returnWithFeedback(SafeHtml.of("Bra"), teacher, DUE.plusDays(2)))
                .as("nothing new to answer until the student hands in again")
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("NOT_HANDED_IN");

        submission.saveDraft(SafeHtml.of("utkast till komplettering"), DUE.plusDays(2));
        assertThat(submission.status()).as("still with the student").isEqualTo(Submission.Status.COMPLETION_REQUESTED);
        submission.handIn(SafeHtml.of("andra, med uträkning"), DUE.plusDays(3));
        assertThat(submission.status()).isEqualTo(Submission.Status.SUBMITTED);
        assertThat(submission.isLate()).as("a completion keeps the lateness of the work it completes").isTrue();
        assertThat(submission.feedback()).as("the comment belongs to the earlier hand-in").isNull();
        assertThat(submission.earlierEntries()).extracting(SubmissionEntry::kind, entry -> entry.body().value())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SubmissionEntry.Kind.HANDED_IN, "första"),
                        org.assertj.core.groups.Tuple.tuple(SubmissionEntry.Kind.COMPLETION_REQUESTED, "Visa uträkningen"));
        assertThat(submission.earlierEntries().get(1).author()).isSameAs(teacher);

        submission.returnWithFeedback(SafeHtml.of("Nu är det komplett"), teacher, DUE.plusDays(4));
        assertThat(submission.status()).isEqualTo(Submission.Status.RETURNED);
        assertThat(submission.entries()).extracting(SubmissionEntry::kind).containsExactly(SubmissionEntry.Kind.HANDED_IN,
                SubmissionEntry.Kind.COMPLETION_REQUESTED, SubmissionEntry.Kind.HANDED_IN, SubmissionEntry.Kind.RETURNED);
        assertThat(submission.earlierEntries()).as("the last hand-in and its answer are the submission itself").hasSize(2);
        assertThatThrownBy(() -> submission.saveDraft(SafeHtml.of("mer"), DUE.plusDays(5)))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("ALREADY_RETURNED");
        assertThatThrownBy(() -> submission.requestCompletion(SafeHtml.of("mer"), teacher, DUE.plusDays(5)))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("ALREADY_RETURNED");
    }

    @Test
    void aCorrectedPostShowsWhenAndADeletedOneKeepsWhoAndWhenButRefusesMore() {
        Post post = new Post(group, teacher, SafeHtml.of("Prov fredag"), DUE.minusDays(3));
        assertThat(post.editedAt()).isNull();

        post.edit(SafeHtml.of("Prov torsdag"), DUE.minusDays(2));
        assertThat(post.body().value()).isEqualTo("Prov torsdag");
        assertThat(post.editedAt()).isEqualTo(DUE.minusDays(2));

        post.delete(teacher, DUE.minusDays(1));
        assertThat(post.isDeleted()).isTrue();
        assertThat(post.deletedBy()).isSameAs(teacher);
        assertThat(post.deletedAt()).isEqualTo(DUE.minusDays(1));
        assertThatThrownBy(() -> post.edit(SafeHtml.of("igen"), DUE))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("DELETED");
        assertThatThrownBy(() -> post.delete(teacher, DUE))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("DELETED");
    }

    @Test
    void aCorrectedAssignmentShowsWhenOncePublishedAndADeletedOneTakesNoMoreWork() {
        Assignment draft = new Assignment(group, teacher, "Ekvationer", SafeHtml.of("x"), DUE, DUE.minusDays(7));
        draft.edit("Ekvationer 2", SafeHtml.of("y"), DUE.plusDays(1), DUE.minusDays(6));
        assertThat(draft.editedAt()).as("nobody saw the draft before").isNull();
        assertThat(draft.title()).isEqualTo("Ekvationer 2");

        Assignment assignment = publishedAssignment();
        Submission submission = new Submission(assignment, student, SafeHtml.of("svar"), DUE.plusHours(1));
        assignment.edit("Ekvationer, rättad", SafeHtml.of("<p>Lös 1–12</p>"), DUE.plusDays(2), DUE.minusDays(1));
        assertThat(assignment.editedAt()).isEqualTo(DUE.minusDays(1));
        assertThat(assignment.dueAt()).isEqualTo(DUE.plusDays(2));
        assertThat(submission.isLate()).as("a hand-in keeps whether it came late").isTrue();
        assertThatThrownBy(() -> assignment.edit(" ", SafeHtml.of("x"), DUE, DUE))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("EMPTY_TITLE");

        assignment.delete(teacher, DUE);
        assertThat(assignment.deletedBy()).isSameAs(teacher);
        assertThatThrownBy(() -> submission.handIn(SafeHtml.of("nytt svar"), DUE.plusDays(1)))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("DELETED");
        assertThatThrownBy(() -> submission.returnWithFeedback(SafeHtml.of("Bra"), teacher, DUE.plusDays(1)))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("DELETED");
        assertThatThrownBy(() -> new Submission(assignment, student, SafeHtml.of("svar"), DUE))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("DELETED");
        assertThatThrownBy(() -> assignment.edit("Igen", SafeHtml.of("x"), DUE, DUE))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("DELETED");
    }

    @Test
    void anEmptySubmissionOrPostIsRefused() {
        assertThatThrownBy(() -> new Submission(publishedAssignment(), student, SafeHtml.of("<script>x</script>"), DUE))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("EMPTY_SUBMISSION");
        assertThatThrownBy(() -> new Post(group, teacher, SafeHtml.of("  "), DUE))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("EMPTY_POST");
    }

    @Test
    void anAssessmentIsSetThroughAGroupWithASyllabusAndStartsAsADraft() {
        assertThatThrownBy(() -> new Assessment(student, group, Grade.C, SafeHtml.of("ok"), teacher, DUE))
                .isInstanceOf(TeachingException.class).extracting("code").isEqualTo("NO_SYLLABUS");

        Syllabus syllabus = new Syllabus(null, new Subject(null, tenant, "MAT", "Matematik"), "MATMAT01c", "Matematik 1c");
        group.linkSyllabus(syllabus);
        Assessment assessment = new Assessment(student, group, Grade.C, SafeHtml.of("Stabil"), teacher, DUE);

        assertThat(assessment.syllabus()).isSameAs(syllabus);
        assertThat(assessment.isPublished()).isFalse();
        assessment.publish(DUE.plusDays(1));
        assessment.revise(Grade.B, SafeHtml.of("Bättre"), teacher, DUE.plusDays(2));
        assertThat(assessment.isPublished()).as("a revision keeps a published assessment published").isTrue();
        assertThat(assessment.grade()).isEqualTo(Grade.B);
    }
}
