package se.klassrum.teaching.entity;

import java.util.Objects;
import java.util.UUID;

/**
 * Something a reader may want to be told about, as the teaching boundaries fire it (a CDI event, observed in the same
 * transaction): its kind, the group, the content it points at and the student it concerns. It carries no content.
 *
 * @param studentId the student the event concerns; null for content of the whole group (a post, an assignment)
 */
public record Happened(Kind kind, UUID groupId, UUID contentId, UUID studentId) {

    public Happened {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(contentId, "contentId");
        if (kind.aboutOneStudent() != (studentId != null)) {
            throw new IllegalArgumentException(kind + (studentId == null ? " concerns one student" : " concerns the group"));
        }
    }

    /** What happened; who is told is decided per kind (see {@code Notifications}). */
    public enum Kind {
        /** A post in the group: to its students and their guardians. */
        POST_PUBLISHED(false),
        /** An assignment published in the group: to its students and their guardians. */
        ASSIGNMENT_PUBLISHED(false),
        /** A published assignment changed: to its students and their guardians. */
        ASSIGNMENT_CHANGED(false),
        /** A student handed in work: to the group's teachers. */
        HAND_IN_WAITING(true),
        /** The teacher returned the student's work with feedback: to the student and their guardians. */
        WORK_RETURNED(true),
        /** The teacher asked for komplettering: to the student and their guardians. */
        COMPLETION_REQUESTED(true),
        /** An assessment of the student was published: to the student and their guardians. */
        ASSESSMENT_PUBLISHED(true),
        /** A development talk was booked, moved, confirmed or cancelled: to the student, guardians and mentor. */
        TALK_BOOKED(true),
        TALK_MOVED(true),
        TALK_CONFIRMED(true),
        TALK_CANCELLED(true);

        private final boolean aboutOneStudent;

        Kind(boolean aboutOneStudent) {
            this.aboutOneStudent = aboutOneStudent;
        }

        public boolean aboutOneStudent() {
            return aboutOneStudent;
        }
    }
}
