package se.klassrum.teaching.control;

import org.junit.jupiter.api.Test;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.teaching.entity.Happened;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification asks the rules the question that reading its item asks: for a published assessment, the assessment as
 * it is, with the group it was given in and its subject, so that an earlier assessment (rules S1 to S3) is told only to
 * whom may read it.
 */
class NotificationRowsTest {

    private final UUID student = UUID.randomUUID();
    private final UUID syllabus = UUID.randomUUID();
    private final UUID subject = UUID.randomUUID();
    private final UUID assessmentGroup = UUID.randomUUID();

    @Test
    void aPublishedAssessmentIsAskedAboutWithItsGroupAndSubjectAsReadingItIs() {
        NotificationRows.Candidate event = new NotificationRows.Candidate(UUID.randomUUID(), Happened.Kind.ASSESSMENT_PUBLISHED,
                assessmentGroup, UUID.randomUUID(), student, OffsetDateTime.now(), syllabus, subject, assessmentGroup);

        AccessGuard.Item item = event.item();

        assertThat(item.kind()).isEqualTo(DataKind.ASSESSMENT);
        assertThat(item.studentId()).isEqualTo(student);
        assertThat(item.groupId()).as("an assessment is student-level data: the question names no group").isNull();
        assertThat(item.facts()).isEqualTo(ItemFacts.assessment(syllabus, subject, assessmentGroup, true));
    }

    @Test
    void otherEventsAskAsBefore() {
        UUID group = UUID.randomUUID();
        NotificationRows.Candidate post = new NotificationRows.Candidate(UUID.randomUUID(), Happened.Kind.POST_PUBLISHED,
                group, UUID.randomUUID(), student, OffsetDateTime.now(), null, null, null);

        assertThat(post.item()).isEqualTo(new AccessGuard.Item(student, group, null, DataKind.POST));
    }
}
