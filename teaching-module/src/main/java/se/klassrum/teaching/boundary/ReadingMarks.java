package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.teaching.control.TeachingContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The caller's own reading marks: when they last read a group's posts, their own work on an assignment or a child's
 * page, so that what came after is shown as new ("Ny"). A mark is the reader's and says only when they looked; what
 * they read is decided by the access rules where it is read. An application has no marks.
 */
@ApplicationScoped
@Transactional
public class ReadingMarks {

    @Inject
    TeachingContext context;

    /** When the caller last read each item; an item never read is absent. */
    @NoStudentData("the caller's own reading marks: when they last opened a page; names no student")
    public Map<UUID, OffsetDateTime> lastRead(List<UUID> itemIds) {
        UUID reader = context.callerPersonIdOrNull();
        Map<UUID, OffsetDateTime> marks = new HashMap<>();
        if (reader == null || itemIds.isEmpty()) {
            return marks;
        }
        List<?> rows = context.em().createNativeQuery("select item_id, read_at from reading_mark"
                        + " where person_id = cast(?1 as uuid) and item_id = any (cast(?2 as uuid[]))")
                .setParameter(1, reader.toString())
                .setParameter(2, array(itemIds))
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            marks.put(UUID.fromString(columns[0].toString()), time(columns[1]));
        }
        return marks;
    }

    /** Marks the items as read by the caller now. */
    @NoStudentData("the caller's own reading marks: when they last opened a page; names no student")
    public void read(List<UUID> itemIds) {
        UUID reader = context.callerPersonIdOrNull();
        if (reader == null || itemIds.isEmpty()) {
            return;
        }
        context.em().createNativeQuery("insert into reading_mark (person_id, item_id, read_at)"
                        + " select cast(?1 as uuid), item, ?3 from unnest(cast(?2 as uuid[])) as item"
                        + " on conflict (person_id, item_id) do update set read_at = excluded.read_at")
                .setParameter(1, reader.toString())
                .setParameter(2, array(itemIds))
                .setParameter(3, context.now())
                .executeUpdate();
    }

    /** An array parameter rather than an IN list: one prepared statement whatever the number of items. */
    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("read_at came as " + value.getClass());
    }
}
