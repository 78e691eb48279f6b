package se.klassrum.web.pages;

import se.klassrum.teaching.boundary.Views.PostView;
import se.klassrum.teaching.boundary.WorkOverviews.WorkItem;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What is new to the reader ("Ny"): posts that others wrote since the reader last read them, and work returned or sent
 * back since the student last opened it. A reader who has never read a place sees the last week as new.
 */
final class Unread {

    /** Without a reading mark, this much of the past is new. */
    static final int DAYS_NEW_WITHOUT_MARK = 7;

    private Unread() {
    }

    /** The posts written by others after {@code lastRead}, by id; none deleted. */
    static Set<UUID> posts(java.util.Collection<PostView> posts, OffsetDateTime lastRead, UUID reader) {
        OffsetDateTime since = since(lastRead);
        return posts.stream()
                .filter(post -> !post.deleted() && post.createdAt().isAfter(since) && !post.authorId().equals(reader))
                .map(PostView::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the teacher's answer to the work (returned, or sent back for komplettering) came after the last reading. */
    static boolean answered(WorkItem item, Map<UUID, OffsetDateTime> lastRead) {
        return item.returnedAt() != null && item.returnedAt().isAfter(since(lastRead.get(item.assignmentId())));
    }

    private static OffsetDateTime since(OffsetDateTime lastRead) {
        return lastRead != null ? lastRead : OffsetDateTime.now().minusDays(DAYS_NEW_WITHOUT_MARK);
    }
}
