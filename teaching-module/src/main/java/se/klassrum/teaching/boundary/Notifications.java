package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.Cursors;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Page;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.teaching.control.NotificationRows;
import se.klassrum.teaching.control.NotificationRows.Candidate;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.teaching.entity.Happened;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The caller's notifications (ACCESS-RULES.md, choice 18): what happened in their groups, to their own work, their
 * children's and their talks, newest first, with which of them they have not read. An event is stored as what
 * happened and where, never as a copy; each reader's list is decided by the access rules when it is read, as one list
 * of mixed kinds (one read of the facts per batch, one audit entry), so that a guardian whose link has ended sees
 * nothing more of that child and a protected student never appears in anyone's list without a path to them. What the
 * reader may not see is absent: not counted, not in a cursor, no title read for it.
 */
@ApplicationScoped
@Transactional
public class Notifications {

    /** How many of the newest notifications the unread count looks at; more are shown as "99+" by the pages. */
    public static final int COUNT_WINDOW = 100;

    /** The name the list's decisions are audited under. */
    static final String AUDITED_AS = "NOTIFICATION";

    /**
     * One notification as its reader sees it.
     *
     * @param studentId   the student it concerns: the reader themselves, their child, or (for a teacher) the student
     *                    who handed in
     * @param studentName that student's name
     * @param title       the assignment's, talk offer's or syllabus's title; null for a post and a cancelled talk
     * @param assignmentId the assignment of a hand-in or an assignment event; null otherwise
     * @param startsAt    a booked talk's time; null otherwise
     */
    public record NotificationView(UUID id, Happened.Kind kind, OffsetDateTime at, UUID groupId, String groupName,
                                   UUID studentId, String studentName, UUID contentId, UUID assignmentId, String title,
                                   OffsetDateTime startsAt, boolean unread) {
    }

    /**
     * A page of the caller's notifications.
     *
     * @param unread how many of the newest {@value #COUNT_WINDOW} the caller may see are unread; counted on the first
     *               page only (null on later pages)
     */
    public record NotificationPage(List<NotificationView> items, String nextCursor, Integer unread) {
    }

    @Inject
    TeachingContext context;

    @Inject
    NotificationRows rows;

    @Inject
    AccessGuard guard;

    @Inject
    ReadingMarks marks;

    /** The caller's notifications, newest first; on the first page with the unread count. */
    @NoStudentData("decides its items itself, as one list of mixed kinds through AccessGuard.mixedList, audited once")
    public NotificationPage mine(Page page) {
        List<String> after = page.after(3);
        boolean first = after == null;
        // One more than the page, so that a cursor is given only when a further item is the caller's to see.
        List<Candidate> visible = decide(after, Math.max(page.limit() + 1, first ? COUNT_WINDOW : 0));
        List<Candidate> shown = visible.subList(0, Math.min(page.limit(), visible.size()));
        String next = visible.size() > page.limit() ? Cursors.seal(shown.get(shown.size() - 1).keys()) : null;
        Map<UUID, OffsetDateTime> read = marks.lastRead(visible.stream().map(Candidate::eventId).distinct().toList());
        Integer unread = first ? unread(visible, read) : null;
        NotificationRows.Shown names = rows.shown(shown);
        List<NotificationView> items = shown.stream().map(event -> new NotificationView(event.eventId(), event.kind(),
                event.at(), event.groupId(), names.groupNames().get(event.groupId()), event.about(),
                names.personNames().get(event.about()), event.contentId(), names.assignmentFor(event),
                names.titles().get(event.contentId()), names.talkTimes().get(event.contentId()),
                !read.containsKey(event.eventId()))).toList();
        return new NotificationPage(items, next, unread);
    }

    /** How many of the caller's newest notifications are unread: the count beside the bell. */
    @NoStudentData("decides its items itself, as one list of mixed kinds through AccessGuard.mixedList, audited once")
    public int unreadCount() {
        if (context.callerPersonIdOrNull() == null) {
            return 0;
        }
        List<Candidate> visible = decide(null, COUNT_WINDOW);
        return unread(visible, marks.lastRead(visible.stream().map(Candidate::eventId).distinct().toList()));
    }

    /** The events among the visible ones the reader has no mark for; an event seen about two children counts once. */
    static int unread(List<Candidate> visible, Map<UUID, OffsetDateTime> read) {
        return (int) visible.stream().map(Candidate::eventId).distinct().filter(id -> !read.containsKey(id)).count();
    }

    /**
     * Marks notifications as read by the caller: the ones named, or with none named every one of the newest
     * {@value #COUNT_WINDOW} the caller may see. A mark is the caller's own and names no student.
     */
    @NoStudentData("the caller's own reading marks; marking all decides the list as mine() does")
    public void markRead(List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            marks.read(decide(null, COUNT_WINDOW).stream().map(Candidate::eventId).distinct().toList());
            return;
        }
        marks.read(ids.stream().distinct().limit(Page.MAX_LIMIT).toList());
    }

    /**
     * Decides candidates in batches until {@code wanted} are visible or none are left: one list decision, audited once.
     *
     * @param after the keys to continue after, or null from the newest
     */
    private List<Candidate> decide(List<String> after, int wanted) {
        UUID reader = context.callerPersonId();
        UUID tenant = guard.currentActor().tenantId();
        AccessGuard.ListDecision list = guard.mixedList(AUDITED_AS, Operation.READ);
        List<Candidate> visible = new ArrayList<>();
        List<String> from = after;
        int batch = Math.min(Page.MAX_LIMIT, wanted);
        while (true) {
            List<Candidate> candidates = rows.candidates(reader, tenant, from, batch);
            boolean[] allowed = list.visible(candidates.stream().map(Candidate::item).toList());
            for (int i = 0; i < candidates.size() && visible.size() < wanted; i++) {
                if (allowed[i]) {
                    visible.add(candidates.get(i));
                }
            }
            if (visible.size() >= wanted || candidates.size() < batch) {
                break;
            }
            from = candidates.get(candidates.size() - 1).keys();
        }
        list.audit();
        return visible;
    }
}
