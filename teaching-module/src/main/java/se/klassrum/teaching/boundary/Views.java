package se.klassrum.teaching.boundary;

import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.StudentOwned;
import se.klassrum.teaching.entity.Assessment;
import se.klassrum.teaching.entity.Assignment;
import se.klassrum.teaching.entity.Attachment;
import se.klassrum.teaching.entity.DevelopmentTalk;
import se.klassrum.teaching.entity.Grade;
import se.klassrum.teaching.entity.Post;
import se.klassrum.teaching.entity.PublicationStatus;
import se.klassrum.teaching.entity.SafeHtml;
import se.klassrum.teaching.entity.Submission;
import se.klassrum.teaching.entity.SubmissionEntry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What callers receive: plain data, never entities, so nothing lazy leaks past the boundary. */
public final class Views {

    private Views() {
    }

    /**
     * A post. {@code editedAt} says when it was last corrected; a deleted post is a tombstone: {@code deleted}, with
     * {@code deletedAt}, and no body.
     */
    public record PostView(UUID id, UUID groupId, UUID authorId, String authorName, SafeHtml body,
                           OffsetDateTime createdAt, OffsetDateTime editedAt, boolean deleted, OffsetDateTime deletedAt) {
        static PostView of(Post post) {
            return new PostView(post.id(), post.group().id(), post.author().id(), post.author().displayName(),
                    post.isDeleted() ? null : post.body(), post.createdAt(), post.editedAt(), post.isDeleted(),
                    post.deletedAt());
        }
    }

    /**
     * An assignment. {@code editedAt} says when it was last corrected after publishing; a deleted assignment is a
     * tombstone: {@code deleted}, with {@code deletedAt}, its due time, and no title or instructions.
     */
    public record AssignmentView(UUID id, UUID groupId, String title, SafeHtml instructions, OffsetDateTime dueAt,
                                 PublicationStatus status, OffsetDateTime publishedAt, OffsetDateTime editedAt,
                                 boolean deleted, OffsetDateTime deletedAt) {
        static AssignmentView of(Assignment assignment) {
            boolean deleted = assignment.isDeleted();
            return new AssignmentView(assignment.id(), assignment.group().id(), deleted ? null : assignment.title(),
                    deleted ? null : assignment.instructions(), assignment.dueAt(), assignment.status(),
                    assignment.publishedAt(), assignment.editedAt(), deleted, assignment.deletedAt());
        }
    }

    /**
     * A student's work on an assignment. {@code content} and {@code submittedAt} are the last hand-in (null while
     * never handed in); {@code feedback} and {@code returnedAt} the teacher's answer to it, feedback when RETURNED and
     * what to complete when COMPLETION_REQUESTED; {@code history} the earlier hand-ins and answers, oldest first.
     * {@code draft} is the student's unsent draft, only ever given to the student.
     */
    public record SubmissionView(UUID id, UUID assignmentId, UUID groupId, UUID studentId, String studentName,
                                 SafeHtml content, OffsetDateTime submittedAt, boolean late, Submission.Status status,
                                 SafeHtml feedback, OffsetDateTime returnedAt, SafeHtml draft, OffsetDateTime draftSavedAt,
                                 List<SubmissionEntryView> history) implements StudentOwned {

        /** The submission as others than the student see it: without the draft. */
        static SubmissionView of(Submission submission) {
            return of(submission, false);
        }

        static SubmissionView of(Submission submission, boolean withDraft) {
            return new SubmissionView(submission.id(), submission.assignment().id(), submission.assignment().group().id(),
                    submission.student().id(), submission.student().displayName(), submission.content(),
                    submission.submittedAt(), submission.isLate(), submission.status(), submission.feedback(),
                    submission.returnedAt(), withDraft ? submission.draft() : null,
                    withDraft ? submission.draftSavedAt() : null,
                    submission.earlierEntries().stream().map(SubmissionEntryView::of).toList());
        }
    }

    /** One earlier hand-in or teacher's answer to one. */
    public record SubmissionEntryView(SubmissionEntry.Kind kind, SafeHtml body, boolean late, String authorName,
                                      OffsetDateTime at) {
        static SubmissionEntryView of(SubmissionEntry entry) {
            return new SubmissionEntryView(entry.kind(), entry.body(), entry.isLate(), entry.author().displayName(),
                    entry.recordedAt());
        }
    }

    /**
     * An attached file. {@code key} names it in its download address; {@code entry} is the position in the
     * submission's history of the hand-in or answer it came with, null for a post's or assignment's file and for a
     * file still waiting: {@code draft} (the student's, theirs alone) or {@code pendingAnswer} (a teacher's, until
     * the answer is given).
     */
    public record FileView(String key, String name, String mediaType, long size, String uploadedByName,
                           OffsetDateTime uploadedAt, Integer entry, boolean draft, boolean pendingAnswer) {
        static FileView of(Attachment attachment) {
            return new FileView(attachment.storageKey(), attachment.fileName(), attachment.mediaType(), attachment.size(),
                    attachment.uploadedBy().displayName(), attachment.uploadedAt(),
                    attachment.entry() == null ? null : attachment.entry().position(), attachment.isDraft(),
                    attachment.isPendingAnswer());
        }
    }

    /**
     * An assessment, with the subject its syllabus belongs to and the group it was given in ({@code throughGroupId}).
     */
    public record AssessmentView(UUID id, UUID studentId, UUID syllabusId, String syllabusCode, String syllabusName,
                                 UUID throughGroupId, String throughGroupName, Grade grade, SafeHtml comment, PublicationStatus status,
                                 OffsetDateTime updatedAt, UUID subjectId, String subjectName) implements StudentOwned {
        static AssessmentView of(Assessment assessment) {
            return new AssessmentView(assessment.id(), assessment.student().id(), assessment.syllabus().id(),
                    assessment.syllabus().code(), assessment.syllabus().name(), assessment.group().id(),
                    assessment.group().name(), assessment.grade(), assessment.comment(), assessment.status(),
                    assessment.updatedAt(), assessment.syllabus().subject().id(), assessment.syllabus().subject().name());
        }

        /**
         * An assessment is judged per syllabus and by the group it was given in (earlier assessments follow the subject,
         * rules S1 to S3), and drafts are for teachers and mentors only.
         */
        @Override
        public ItemFacts itemFacts() {
            return ItemFacts.assessment(syllabusId, subjectId, throughGroupId, status == PublicationStatus.PUBLISHED);
        }
    }

    /**
     * A development talk. It is decided as the talk it is: a guardian receives it only when {@code guardianIds} names
     * them (ACCESS-RULES.md, GUARDIAN_INVITED).
     */
    public record DevelopmentTalkView(UUID id, UUID studentId, UUID groupId, UUID mentorId, String mentorName,
                                      LocalDate heldOn, List<UUID> guardianIds, SafeHtml notes, SafeHtml agreedGoals,
                                      OffsetDateTime updatedAt, TalkBookingView booking) implements StudentOwned {
        static DevelopmentTalkView of(DevelopmentTalk talk) {
            return of(talk, null);
        }

        /** @param booking the time the talk is booked in, or null for a talk recorded without a booking */
        static DevelopmentTalkView of(DevelopmentTalk talk, TalkBookingView booking) {
            return new DevelopmentTalkView(talk.id(), talk.student().id(), talk.group().id(), talk.mentor().id(),
                    talk.mentor().displayName(), talk.heldOn(),
                    talk.guardians().stream().map(guardian -> guardian.id()).toList(), talk.notes(), talk.agreedGoals(),
                    talk.updatedAt(), booking);
        }

        /** Booked and not yet documented: what the student and the guardians see is the time they are invited to. */
        public boolean onlyBooked() {
            return booking != null && notes.value().isEmpty() && agreedGoals.value().isEmpty();
        }

        @Override
        public ItemFacts itemFacts() {
            return ItemFacts.talk(id);
        }
    }

    /** A guardian of a student whom a talk may name: the relation as SS 12000 words it, in Swedish and English. */
    public record GuardianChoice(UUID id, String name, String relationSv, String relationEn) {
    }

    /** Times a mentor offers for development talks in a mentor group; each says only whether it is free. */
    public record TalkOfferView(UUID id, UUID groupId, String mentorName, String title, List<String> questions,
                                List<TalkSlotView> times, OffsetDateTime createdAt) {
    }

    /** One time offered: {@code free} until someone books it; whose booking holds it is never said here. */
    public record TalkSlotView(UUID id, OffsetDateTime startsAt, OffsetDateTime endsAt, int minutes, String place,
                               boolean free) {
    }

    /**
     * A booked time: the talk it is booked for ({@code id} is the talk's), when and where, who booked it, whether the
     * mentor has confirmed it, and the preparation questions with the answers given so far.
     */
    public record TalkBookingView(UUID id, UUID studentId, String studentName, UUID groupId, UUID offerId, String title,
                                  String mentorName, UUID timeId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                                  int minutes, String place, UUID bookedBy, OffsetDateTime bookedAt,
                                  OffsetDateTime confirmedAt, List<String> questions, List<TalkAnswerView> answers)
            implements StudentOwned {
    }

    /** One person's answer to a preparation question (its {@code position} in the offer's questions, from 0). */
    public record TalkAnswerView(int position, UUID authorId, String authorName, String answer,
                                 OffsetDateTime answeredAt) {
    }
}
