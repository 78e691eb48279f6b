package se.klassrum.teaching.control;

import se.klassrum.teaching.entity.Happened;

import java.util.UUID;

/**
 * Where a notification leads, on the page "Notiser" and in its mails: the page of what happened, as its reader opens
 * it. A guardian is led to the child's page of the portal, a student to their own pages, a teacher or mentor to the
 * group's.
 */
public final class NotificationLinks {

    private NotificationLinks() {
    }

    /**
     * The page's path below the application, with its parameters.
     *
     * @param assignmentId   the assignment of an assignment or hand-in event; null otherwise
     * @param aboutTheReader the notification concerns the reader themselves (a student's own work or talk)
     * @param guardian       the reader reads as a guardian
     */
    public static String target(Happened.Kind kind, UUID groupId, UUID studentId, UUID assignmentId,
                                boolean aboutTheReader, boolean guardian) {
        boolean aChildsMatter = switch (kind) {
            case HAND_IN_WAITING, TALK_BOOKED, TALK_MOVED, TALK_CONFIRMED, TALK_CANCELLED -> false;
            default -> !aboutTheReader;
        };
        if (guardian || aChildsMatter) {
            return "/guardian/child.xhtml?id=" + studentId;
        }
        return switch (kind) {
            case POST_PUBLISHED -> "/group.xhtml?id=" + groupId;
            case ASSIGNMENT_PUBLISHED, ASSIGNMENT_CHANGED, HAND_IN_WAITING, WORK_RETURNED, COMPLETION_REQUESTED ->
                    assignmentId == null ? "/group.xhtml?id=" + groupId
                            : "/assignment.xhtml?group=" + groupId + "&id=" + assignmentId;
            case ASSESSMENT_PUBLISHED -> "/my-assessments.xhtml";
            case TALK_BOOKED, TALK_MOVED, TALK_CONFIRMED, TALK_CANCELLED ->
                    aboutTheReader ? "/my-talks.xhtml" : "/talk-times.xhtml?group=" + groupId;
        };
    }
}
