package se.klassrum.access.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AccessQuestionTest {

    static final UUID TENANT = UUID.randomUUID();
    static final Actor ACTOR = Actor.person(UUID.randomUUID(), TENANT);
    static final UUID STUDENT = UUID.randomUUID();
    static final UUID GROUP = UUID.randomUUID();

    @Test
    void groupLinkedDataNeedsItsGroup() {
        assertThatThrownBy(() -> new AccessQuestion(ACTOR, STUDENT, DataKind.POST, Operation.READ, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name the group");
        assertThat(new AccessQuestion(ACTOR, STUDENT, DataKind.POST, Operation.READ, GROUP, null).groupId())
                .isEqualTo(GROUP);
    }

    @Test
    void studentLevelDataNamesNoGroup() {
        assertThatThrownBy(() -> new AccessQuestion(ACTOR, STUDENT, DataKind.STUDENT_PROFILE, Operation.READ, GROUP, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void assessmentNeedsItsSyllabus() {
        assertThatThrownBy(() -> new AccessQuestion(ACTOR, STUDENT, DataKind.ASSESSMENT, Operation.READ, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessQuestion(ACTOR, STUDENT, DataKind.ASSESSMENT, Operation.READ, null,
                ItemFacts.publication(true))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemOfAnotherStudentIsRejected() {
        ItemFacts othersSubmission = new ItemFacts(null, true, UUID.randomUUID());

        assertThatThrownBy(() -> new AccessQuestion(ACTOR, STUDENT, DataKind.SUBMISSION, Operation.READ, GROUP,
                othersSubmission)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAQuestionAboutDevelopmentTalksNamesATalk() {
        UUID talk = UUID.randomUUID();

        assertThat(new AccessQuestion(ACTOR, STUDENT, DataKind.DEVELOPMENT_TALK, Operation.READ, GROUP,
                ItemFacts.talk(talk)).item().talkId()).isEqualTo(talk);
        assertThatThrownBy(() -> new AccessQuestion(ACTOR, STUDENT, DataKind.POST, Operation.READ, GROUP,
                ItemFacts.talk(talk))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("talk");
    }

    @Test
    void postsAndAssignmentsMayBeAskedAboutAtGroupLevel() {
        AccessQuestion posts = AccessQuestion.aboutGroup(ACTOR, DataKind.POST, Operation.WRITE, GROUP, null);
        AccessQuestion assignment = AccessQuestion.aboutGroup(ACTOR, DataKind.ASSIGNMENT, Operation.READ, GROUP,
                ItemFacts.publication(true));

        assertThat(posts.studentId()).isNull();
        assertThat(posts.groupLevel()).isTrue();
        assertThat(posts.groupId()).isEqualTo(GROUP);
        assertThat(assignment.item().published()).isTrue();
        assertThat(new AccessQuestion(ACTOR, null, DataKind.POST, Operation.READ, GROUP, null)).isEqualTo(
                AccessQuestion.aboutGroup(ACTOR, DataKind.POST, Operation.READ, GROUP, null));
        assertThat(new AccessQuestion(ACTOR, STUDENT, DataKind.POST, Operation.READ, GROUP, null).groupLevel()).isFalse();
    }

    @Test
    void onlyPostsAssignmentsAndTalkTimesOfferedAreGroupContent() {
        for (DataKind kind : DataKind.values()) {
            assertThat(kind.groupContent()).as("%s", kind)
                    .isEqualTo(kind == DataKind.POST || kind == DataKind.ASSIGNMENT || kind == DataKind.TALK_OFFER);
        }
        for (DataKind kind : new DataKind[] {DataKind.SUBMISSION, DataKind.DEVELOPMENT_TALK, DataKind.TALK_BOOKING}) {
            assertThatThrownBy(() -> AccessQuestion.aboutGroup(ACTOR, kind, Operation.READ, GROUP, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new AccessQuestion(ACTOR, null, kind, Operation.READ, GROUP, null))
                    .isInstanceOf(NullPointerException.class);
        }
        assertThatThrownBy(() -> AccessQuestion.about(ACTOR, null, DataKind.STUDENT_PROFILE, Operation.READ))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new AccessQuestion(ACTOR, null, DataKind.ASSESSMENT, Operation.READ, null,
                ItemFacts.assessment(UUID.randomUUID(), true))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void groupLevelQuestionNamesItsGroupAndNoStudentsItem() {
        assertThatThrownBy(() -> AccessQuestion.aboutGroup(ACTOR, DataKind.POST, Operation.READ, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new AccessQuestion(ACTOR, null, DataKind.POST, Operation.READ, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name the group");
        assertThatThrownBy(() -> AccessQuestion.aboutGroup(ACTOR, DataKind.ASSIGNMENT, Operation.READ, GROUP,
                new ItemFacts(null, true, STUDENT))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ask about that student");
    }

    @Test
    void applicationPermissionsFollowOneTable() {
        assertThat(ApplicationPermissions.required(DataKind.DEVELOPMENT_TALK, Operation.READ))
                .isEqualTo("DevelopmentTalks.Read.All");
        assertThat(ApplicationPermissions.required(DataKind.STUDENT_PROFILE, Operation.WRITE))
                .isEqualTo("Students.ReadWrite.All");
        assertThat(ApplicationPermissions.grants(Set.of("Posts.ReadWrite.All"), DataKind.POST, Operation.READ)).isTrue();
        assertThat(ApplicationPermissions.grants(Set.of("Posts.Read.All"), DataKind.POST, Operation.WRITE)).isFalse();
        assertThat(ApplicationPermissions.grants(Set.of("Posts.ReadWrite.All"), DataKind.ASSIGNMENT, Operation.READ))
                .isFalse();
    }
}
