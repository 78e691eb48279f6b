package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The rows of {@code mail_outbox}: a mail is written in the transaction of what it tells about, so that it is sent
 * exactly when that change is committed, and a sender claims due rows with {@code for update skip locked}, so that
 * any node may send and no mail goes twice. A failed attempt waits longer each time ({@link #backoff}).
 */
@ApplicationScoped
public class MailOutbox {

    /**
     * A claimed mail, with its recipient's address as the roster has it now (null when there is none). A notification
     * mail ({@code eventId} or {@code periodFrom} set) has no text yet: it is decided and written when sent
     * ({@link NotificationMails}).
     *
     * @param eventId    the event an immediate notification mail tells about, with {@code aboutId}, its student
     * @param periodFrom the start of a digest's period (a day)
     * @param talkId     the talk a reminder ({@link TalkReminders}) or a booking mail ({@link TalkMails}) is about
     * @param talk       what a booking mail tells about its talk, as it was when written; null for other mails
     */
    public record Claimed(UUID id, String address, String subject, String body, String calendar, int attempts,
                          UUID recipientId, String kind, UUID eventId, UUID aboutId, OffsetDateTime periodFrom,
                          OffsetDateTime createdAt, UUID talkId, Talk talk) {

        public boolean notification() {
            return eventId != null || periodFrom != null;
        }
    }

    /**
     * What a booking mail tells about its talk, kept in its row because the talk may be moved or cancelled (deleted)
     * before the mail is sent: the mentor group, the offer's title, the time, the length, the place, the mentor's name
     * and when the mentor confirmed it (null: not yet).
     */
    public record Talk(UUID groupId, String title, OffsetDateTime startsAt, int minutes, String place, String mentor,
                       OffsetDateTime confirmedAt) {
    }

    @Inject
    TeachingContext context;

    /** Writes a mail to the person; sent once the current transaction commits. */
    public void enqueue(UUID recipientId, String kind, String subject, String body, String calendar, OffsetDateTime at) {
        context.em().createNativeQuery("""
                        insert into mail_outbox (id, recipient_id, kind, subject, body, calendar, created_at, next_attempt_at)
                        values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, ?5, ?6, ?7, ?7)
                        """)
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, recipientId.toString())
                .setParameter(3, kind)
                .setParameter(4, subject)
                .setParameter(5, body)
                .setParameter(6, calendar)
                .setParameter(7, at)
                .executeUpdate();
    }

    /**
     * Writes a booking mail to the person, without a text: it is decided and written when sent ({@link TalkMails}).
     */
    public void enqueueTalk(UUID recipientId, String kind, UUID talkId, UUID studentId, Talk talk, OffsetDateTime at) {
        context.em().createNativeQuery("""
                        insert into mail_outbox (id, recipient_id, kind, subject, body, created_at, next_attempt_at, talk_id,
                                                 about_id, group_id, talk_title, talk_starts_at, talk_minutes, talk_place,
                                                 talk_mentor, talk_confirmed_at)
                        values (cast(?1 as uuid), cast(?2 as uuid), ?3, '', '', ?4, ?4, cast(?5 as uuid), cast(?6 as uuid),
                                cast(?7 as uuid), ?8, ?9, ?10, ?11, ?12, cast(?13 as timestamptz))
                        """)
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, recipientId.toString())
                .setParameter(3, kind)
                .setParameter(4, at)
                .setParameter(5, talkId.toString())
                .setParameter(6, studentId.toString())
                .setParameter(7, talk.groupId().toString())
                .setParameter(8, talk.title())
                .setParameter(9, talk.startsAt())
                .setParameter(10, talk.minutes())
                .setParameter(11, talk.place())
                .setParameter(12, talk.mentor())
                .setParameter(13, talk.confirmedAt())
                .executeUpdate();
    }

    /**
     * Claims up to {@code max} due mails for the current transaction: rows another node has claimed are skipped, and
     * stay locked until that node's transaction ends.
     */
    public List<Claimed> claim(int max, OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = context.em().createNativeQuery("""
                        select cast(o.id as varchar), p.email, o.subject, o.body, o.calendar, o.attempts,
                               cast(o.recipient_id as varchar), o.kind, cast(o.event_id as varchar),
                               cast(o.about_id as varchar), o.period_from, o.created_at, cast(o.talk_id as varchar),
                               cast(o.group_id as varchar), o.talk_title, o.talk_starts_at, o.talk_minutes, o.talk_place,
                               o.talk_mentor, o.talk_confirmed_at
                        from mail_outbox o join person p on p.id = o.recipient_id
                        where o.sent_at is null and o.withheld_at is null and o.next_attempt_at <= ?1
                        order by o.next_attempt_at
                        limit ?2
                        for update of o skip locked
                        """)
                .setParameter(1, now)
                .setParameter(2, max)
                .getResultList();
        return rows.stream().map(row -> new Claimed(UUID.fromString((String) row[0]), (String) row[1], (String) row[2],
                (String) row[3], (String) row[4], ((Number) row[5]).intValue(), UUID.fromString((String) row[6]),
                (String) row[7], uuid(row[8]), uuid(row[9]), row[10] == null ? null : NotificationRows.time(row[10]),
                NotificationRows.time(row[11]), uuid(row[12]), talk(row))).toList();
    }

    public void sent(UUID id, OffsetDateTime at) {
        context.em().createNativeQuery("update mail_outbox set sent_at = ?2, attempts = attempts + 1, last_error = null "
                        + "where id = cast(?1 as uuid)")
                .setParameter(1, id.toString())
                .setParameter(2, at)
                .executeUpdate();
    }

    /** A notification mail the rules no longer let through when it was to be sent: kept as withheld, never sent. */
    public void withheld(UUID id, OffsetDateTime at) {
        context.em().createNativeQuery("update mail_outbox set withheld_at = ?2 where id = cast(?1 as uuid)")
                .setParameter(1, id.toString())
                .setParameter(2, at)
                .executeUpdate();
    }

    private static Talk talk(Object[] row) {
        return row[13] == null ? null : new Talk(uuid(row[13]), (String) row[14], NotificationRows.time(row[15]),
                ((Number) row[16]).intValue(), (String) row[17], (String) row[18],
                row[19] == null ? null : NotificationRows.time(row[19]));
    }

    private static UUID uuid(Object column) {
        return column == null ? null : UUID.fromString(column.toString());
    }

    /** Records a failed attempt; the mail is tried again after {@link #backoff}. */
    public void failed(UUID id, int attemptsBefore, String error, OffsetDateTime now) {
        context.em().createNativeQuery("update mail_outbox set attempts = attempts + 1, last_error = ?2, "
                        + "next_attempt_at = ?3 where id = cast(?1 as uuid)")
                .setParameter(1, id.toString())
                .setParameter(2, error == null ? "" : error.substring(0, Math.min(error.length(), 500)))
                .setParameter(3, now.plus(backoff(attemptsBefore + 1)))
                .executeUpdate();
    }

    /** 30 s after the first failure, doubling each time, at most 6 hours: a mail is never given up. */
    public static Duration backoff(int failures) {
        long seconds = 30L << Math.min(Math.max(failures - 1, 0), 10);
        return Duration.ofSeconds(Math.min(seconds, Duration.ofHours(6).toSeconds()));
    }
}
