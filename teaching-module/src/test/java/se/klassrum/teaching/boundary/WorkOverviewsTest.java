package se.klassrum.teaching.boundary;

import org.junit.jupiter.api.Test;
import se.klassrum.teaching.boundary.WorkOverviews.AssignmentProgress;
import se.klassrum.teaching.boundary.WorkOverviews.HandInState;
import se.klassrum.teaching.boundary.WorkOverviews.WorkStatus;
import se.klassrum.teaching.entity.Submission.Status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a student's work stands as each reader sees it, and how a teacher's summary of an assignment is counted. */
class WorkOverviewsTest {

    private static final UUID GROUP = UUID.randomUUID();

    @Test
    void aDraftIsTheStudentsOwnAndNotHandedInForEveryoneElse() {
        assertThat(WorkOverviews.status(Status.DRAFT, false, true)).isEqualTo(WorkStatus.DRAFT);
        assertThat(WorkOverviews.status(Status.DRAFT, false, false)).isEqualTo(WorkStatus.NOT_SUBMITTED);
        assertThat(WorkOverviews.status(null, false, true)).isEqualTo(WorkStatus.NOT_SUBMITTED);
    }

    @Test
    void aLateHandInReadsLateUntilItIsAnswered() {
        assertThat(WorkOverviews.status(Status.SUBMITTED, true, false)).isEqualTo(WorkStatus.LATE);
        assertThat(WorkOverviews.status(Status.SUBMITTED, false, false)).isEqualTo(WorkStatus.SUBMITTED);
        assertThat(WorkOverviews.status(Status.RETURNED, true, false)).isEqualTo(WorkStatus.RETURNED);
        assertThat(WorkOverviews.status(Status.COMPLETION_REQUESTED, false, true)).isEqualTo(WorkStatus.COMPLETION_REQUESTED);
    }

    @Test
    void whatIsStillToDoIsOpen() {
        assertThat(List.of(WorkStatus.values()).stream().filter(WorkStatus::open))
                .containsExactly(WorkStatus.NOT_SUBMITTED, WorkStatus.DRAFT, WorkStatus.COMPLETION_REQUESTED);
    }

    @Test
    void theSummaryCountsWorkWithTheTeacherOrReturnedAndLeavesWorkSentBackToTheStudent() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        Map<UUID, AssignmentProgress> progress = AssignmentProgress.count(List.of(first, second), List.of(
                handIn(first, Status.SUBMITTED, false),
                handIn(first, Status.SUBMITTED, true),
                handIn(first, Status.RETURNED, true),
                handIn(first, Status.RETURNED, false),
                handIn(first, Status.COMPLETION_REQUESTED, false),
                handIn(unknown, Status.SUBMITTED, false)));

        assertThat(progress.keySet()).containsExactly(first, second);
        assertThat(progress.get(first)).isEqualTo(new AssignmentProgress(first, 4, 2, 2, 2));
        assertThat(progress.get(second)).as("nobody handed in yet").isEqualTo(new AssignmentProgress(second, 0, 0, 0, 0));
    }

    private static HandInState handIn(UUID assignment, Status status, boolean late) {
        return new HandInState(assignment, GROUP, UUID.randomUUID(), status, late);
    }
}
