package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.teaching.entity.Happened;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rows of {@code notification_event} that may concern a reader, newest first, and what a list shows of the ones
 * the rules let the reader see. The candidates are wide on purpose (every membership and guardian link, ended or
 * not): the access rules, not this query, decide what the reader sees. No access decision is made here.
 */
@ApplicationScoped
public class NotificationRows {

    /** Content of the whole group: told to its students and, about each child, to their guardians. */
    static final List<Happened.Kind> GROUP_CONTENT = List.of(Happened.Kind.POST_PUBLISHED,
            Happened.Kind.ASSIGNMENT_PUBLISHED, Happened.Kind.ASSIGNMENT_CHANGED);
    /** About one student: told to the student and their guardians. */
    static final List<Happened.Kind> PERSONAL = List.of(Happened.Kind.WORK_RETURNED, Happened.Kind.COMPLETION_REQUESTED,
            Happened.Kind.ASSESSMENT_PUBLISHED, Happened.Kind.TALK_BOOKED, Happened.Kind.TALK_MOVED,
            Happened.Kind.TALK_CONFIRMED, Happened.Kind.TALK_CANCELLED);
    /** Told to the group's teachers (owners): a hand-in waiting, and a talk booking to the mentor. */
    static final List<Happened.Kind> TO_TEACHERS = List.of(Happened.Kind.HAND_IN_WAITING, Happened.Kind.TALK_BOOKED,
            Happened.Kind.TALK_MOVED, Happened.Kind.TALK_CANCELLED);

    /**
     * One event as one reader may read it: about the student {@code about} (the reader, their child, or the student a
     * teacher is told about).
     *
     * @param syllabusId an assessment's syllabus, which the rules need; null for other kinds
     * @param subjectId that syllabus's subject (rule S1); null for other kinds
     * @param assessmentGroupId the group the assessment was given in, so that the rules know whether it is an earlier
     *                          one (rules S1 to S3), as when the assessment itself is read; null for other kinds
     */
    public record Candidate(UUID eventId, Happened.Kind kind, UUID groupId, UUID contentId, UUID about,
                            OffsetDateTime at, UUID syllabusId, UUID subjectId, UUID assessmentGroupId) {

        /** The question the event asks the rules for this reader: its kind of data, about the student, in its group. */
        public AccessGuard.Item item() {
            return switch (kind) {
                case POST_PUBLISHED -> new AccessGuard.Item(about, groupId, null, DataKind.POST);
                case ASSIGNMENT_PUBLISHED, ASSIGNMENT_CHANGED -> new AccessGuard.Item(about, groupId,
                        ItemFacts.publication(true), DataKind.ASSIGNMENT);
                case HAND_IN_WAITING, WORK_RETURNED, COMPLETION_REQUESTED -> new AccessGuard.Item(about, groupId, null,
                        DataKind.SUBMISSION);
                // The question reading the assessment asks (Views.AssessmentView): its syllabus, subject and group.
                case ASSESSMENT_PUBLISHED -> new AccessGuard.Item(about, null, ItemFacts.assessment(syllabusId, subjectId,
                        assessmentGroupId != null ? assessmentGroupId : groupId, true), DataKind.ASSESSMENT);
                // A talk is the child's, the mentor's and the guardians' it invites (choice 16): asked as reading that
                // talk, whose id the event holds. A cancelled talk is gone and invites no one, so a guardian is told of a
                // cancellation by its mail (TalkMails), which goes to those the talk invited.
                case TALK_BOOKED, TALK_MOVED, TALK_CONFIRMED, TALK_CANCELLED -> new AccessGuard.Item(about, groupId,
                        ItemFacts.talk(contentId), DataKind.DEVELOPMENT_TALK);
            };
        }

        /** The keys a page continues after: time, event, student. */
        public List<String> keys() {
            return List.of(at.toString(), eventId.toString(), about.toString());
        }
    }

    /** What a list shows of an event the reader may see: names and a title, loaded only for those. */
    public record Shown(Map<UUID, String> groupNames, Map<UUID, String> personNames, Map<UUID, String> titles,
                        Map<UUID, UUID> assignmentOf, Map<UUID, OffsetDateTime> talkTimes) {

        /** The assignment of an assignment or hand-in event; null for other kinds. */
        public UUID assignmentFor(Candidate event) {
            return switch (event.kind()) {
                case ASSIGNMENT_PUBLISHED, ASSIGNMENT_CHANGED -> event.contentId();
                case HAND_IN_WAITING, WORK_RETURNED, COMPLETION_REQUESTED -> assignmentOf.get(event.contentId());
                default -> null;
            };
        }
    }

    @Inject
    TeachingContext context;

    /**
     * Up to {@code max} candidates for the reader in the tenant, newest first, after the given keys (null: from the
     * newest). Events the reader did themselves are left out.
     */
    public List<Candidate> candidates(UUID reader, UUID tenant, List<String> after, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = context.em().createNativeQuery("""
                        select cast(c.id as varchar), c.kind, cast(c.group_id as varchar), cast(c.content_id as varchar),
                               cast(c.about as varchar), c.created_at, cast(a.syllabus_id as varchar),
                               cast(y.subject_id as varchar), cast(a.group_id as varchar)
                        from (
                            select n.id, n.kind, n.group_id, n.content_id, n.student_id as about, n.created_at,
                                   n.actor_id, n.tenant_id
                            from notification_event n
                            where n.kind = any (cast(?3 as varchar[]))
                              and (n.student_id = cast(?1 as uuid) or exists (select 1 from guardian_link l
                                   where l.guardian_id = cast(?1 as uuid) and l.child_id = n.student_id))
                            union
                            select n.id, n.kind, n.group_id, n.content_id, m.person_id, n.created_at, n.actor_id, n.tenant_id
                            from notification_event n join membership m on m.group_id = n.group_id and m.role = 'MEMBER'
                            where n.kind = any (cast(?4 as varchar[]))
                              and (m.person_id = cast(?1 as uuid) or exists (select 1 from guardian_link l
                                   where l.guardian_id = cast(?1 as uuid) and l.child_id = m.person_id))
                            union
                            select n.id, n.kind, n.group_id, n.content_id, n.student_id, n.created_at, n.actor_id, n.tenant_id
                            from notification_event n
                            where n.kind = any (cast(?5 as varchar[]))
                              and exists (select 1 from membership m where m.group_id = n.group_id
                                   and m.person_id = cast(?1 as uuid) and m.role = 'OWNER')
                        ) c left join assessment a on a.id = c.content_id and c.kind = 'ASSESSMENT_PUBLISHED'
                            left join syllabus y on y.id = a.syllabus_id
                        where c.tenant_id = cast(?2 as uuid) and (c.actor_id is null or c.actor_id <> cast(?1 as uuid))
                          and (c.kind <> 'ASSESSMENT_PUBLISHED' or a.id is not null)
                          and (?6 = false or (c.created_at, c.id, c.about) < (?7, cast(?8 as uuid), cast(?9 as uuid)))
                        order by c.created_at desc, c.id desc, c.about desc
                        limit ?10
                        """)
                .setParameter(1, reader.toString())
                .setParameter(2, tenant.toString())
                .setParameter(3, names(PERSONAL))
                .setParameter(4, names(GROUP_CONTENT))
                .setParameter(5, names(TO_TEACHERS))
                .setParameter(6, after != null)
                .setParameter(7, after == null ? OffsetDateTime.now(ZoneOffset.UTC) : OffsetDateTime.parse(after.get(0)))
                .setParameter(8, after == null ? new UUID(0, 0).toString() : after.get(1))
                .setParameter(9, after == null ? new UUID(0, 0).toString() : after.get(2))
                .setParameter(10, max)
                .getResultList();
        return rows.stream().map(row -> new Candidate(UUID.fromString((String) row[0]), Happened.Kind.valueOf((String) row[1]),
                UUID.fromString((String) row[2]), UUID.fromString((String) row[3]), UUID.fromString((String) row[4]),
                time(row[5]), uuid(row[6]), uuid(row[7]), uuid(row[8]))).toList();
    }

    /**
     * Who may be told of the events the condition selects (from {@code notification_event n}), as (recipient, about)
     * pairs: the same audiences as {@link #candidates}, through memberships not ended before today and every guardian
     * link (few per child). Only to choose whom to write a mail to; the mail is decided as its recipient when it is
     * sent, so a link that has ended, or a login switched off, withholds it then.
     */
    private static String recipients(String events) {
        String current = " and (%1$s.valid_to is null or %1$s.valid_to >= current_date)";
        String group = "n.kind = any (cast('" + names(GROUP_CONTENT) + "' as varchar[]))";
        String personal = "n.kind = any (cast('" + names(PERSONAL) + "' as varchar[]))";
        String teachers = "n.kind = any (cast('" + names(TO_TEACHERS) + "' as varchar[]))";
        return "select m.person_id as recipient, m.person_id as about from notification_event n"
                + " join membership m on m.group_id = n.group_id and m.role = 'MEMBER'"
                + " where " + events + " and " + group + current.formatted("m")
                + " and m.person_id is distinct from n.actor_id"
                + " union select l.guardian_id, m.person_id from notification_event n"
                + " join membership m on m.group_id = n.group_id and m.role = 'MEMBER'"
                + " join guardian_link l on l.child_id = m.person_id"
                + " where " + events + " and " + group + current.formatted("m")
                + " and l.guardian_id is distinct from n.actor_id"
                + " union select n.student_id, n.student_id from notification_event n"
                + " where " + events + " and " + personal + " and n.student_id is distinct from n.actor_id"
                + " union select l.guardian_id, n.student_id from notification_event n"
                + " join guardian_link l on l.child_id = n.student_id"
                + " where " + events + " and " + personal
                + " and l.guardian_id is distinct from n.actor_id"
                + " union select m.person_id, n.student_id from notification_event n"
                + " join membership m on m.group_id = n.group_id and m.role = 'OWNER'"
                + " where " + events + " and " + teachers + current.formatted("m")
                + " and m.person_id is distinct from n.actor_id";
    }

    /**
     * Writes a mail to the outbox for each person who may be told of the event and wants to be told at once, in the
     * current transaction. The mail names the event and the student; it is written and decided when sent.
     */
    public void mailAtOnce(UUID eventId, String defaultFrequency, OffsetDateTime at) {
        context.em().createNativeQuery("insert into mail_outbox (id, recipient_id, kind, subject, body, created_at,"
                        + " next_attempt_at, event_id, about_id, once_key)"
                        + " select cast(md5(?1 || ':' || r.recipient || ':' || r.about) as uuid), r.recipient,"
                        + " 'NOTIFICATION', '', '', ?2, ?2, cast(?1 as uuid), r.about, ?1 || ':' || r.recipient || ':' || r.about"
                        + " from (" + recipients("n.id = cast(?1 as uuid)") + ") r"
                        + " left join mail_preference p on p.person_id = r.recipient"
                        + " where coalesce(p.frequency, ?3) = 'IMMEDIATELY'"
                        + " on conflict do nothing")
                .setParameter(1, eventId.toString())
                .setParameter(2, at)
                .setParameter(3, defaultFrequency)
                .executeUpdate();
    }

    /**
     * Writes the day's digest to the outbox for each person who may be told of an event of the period and wants a
     * daily digest: one per person and day, whichever node writes it first ({@code once_key}).
     *
     * @return how many digests were written now
     */
    public int mailDigests(OffsetDateTime from, OffsetDateTime until, String day, String defaultFrequency) {
        return context.em().createNativeQuery("insert into mail_outbox (id, recipient_id, kind, subject, body, created_at,"
                        + " next_attempt_at, period_from, once_key)"
                        + " select cast(md5('DIGEST:' || r.recipient || ':' || ?3) as uuid), r.recipient, 'DIGEST', '', '',"
                        + " ?2, ?2, ?1, 'DIGEST:' || r.recipient || ':' || ?3"
                        + " from (select distinct recipient from (" + recipients("n.created_at >= ?1 and n.created_at < ?2")
                        + ") pairs) r left join mail_preference p on p.person_id = r.recipient"
                        + " where coalesce(p.frequency, ?4) = 'DAILY'"
                        + " on conflict do nothing")
                .setParameter(1, from)
                .setParameter(2, until)
                .setParameter(3, day)
                .setParameter(4, defaultFrequency)
                .executeUpdate();
    }

    /** One event as the reader may read it about one student, or null when it is gone. */
    public Candidate candidate(UUID eventId, UUID about) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = context.em().createNativeQuery("""
                        select n.kind, cast(n.group_id as varchar), cast(n.content_id as varchar), n.created_at,
                               cast(a.syllabus_id as varchar), cast(y.subject_id as varchar), cast(a.group_id as varchar)
                        from notification_event n left join assessment a on a.id = n.content_id
                            left join syllabus y on y.id = a.syllabus_id
                        where n.id = cast(?1 as uuid) and (n.kind <> 'ASSESSMENT_PUBLISHED' or a.id is not null)
                        """)
                .setParameter(1, eventId.toString())
                .getResultList();
        return found.stream().findFirst().map(row -> new Candidate(eventId, Happened.Kind.valueOf((String) row[0]),
                UUID.fromString((String) row[1]), UUID.fromString((String) row[2]), about, time(row[3]),
                uuid(row[4]), uuid(row[5]), uuid(row[6]))).orElse(null);
    }

    /** The names and titles the shown events need, each read once for the whole page. */
    public Shown shown(Collection<Candidate> events) {
        Map<UUID, String> groups = names("select cast(id as varchar), name from study_group where id = any (cast(?1 as uuid[]))",
                events.stream().map(Candidate::groupId).toList());
        Map<UUID, String> persons = names("select cast(id as varchar), given_name || ' ' || family_name from person "
                + "where id = any (cast(?1 as uuid[]))", events.stream().map(Candidate::about).toList());
        List<UUID> contents = events.stream().map(Candidate::contentId).toList();
        Map<UUID, String> titles = new HashMap<>();
        titles.putAll(names("select cast(id as varchar), title from assignment where id = any (cast(?1 as uuid[]))", contents));
        titles.putAll(names("select cast(s.id as varchar), a.title from submission s join assignment a on a.id = s.assignment_id "
                + "where s.id = any (cast(?1 as uuid[]))", contents));
        titles.putAll(names("select cast(a.id as varchar), y.name from assessment a join syllabus y on y.id = a.syllabus_id "
                + "where a.id = any (cast(?1 as uuid[]))", contents));
        titles.putAll(names("select cast(b.talk_id as varchar), o.title from talk_booking b join talk_offer o on o.id = b.offer_id "
                + "where b.talk_id = any (cast(?1 as uuid[]))", contents));
        Map<UUID, UUID> assignmentOf = new HashMap<>();
        names("select cast(id as varchar), cast(assignment_id as varchar) from submission where id = any (cast(?1 as uuid[]))",
                contents).forEach((submission, assignment) -> assignmentOf.put(submission, UUID.fromString(assignment)));
        Map<UUID, OffsetDateTime> talkTimes = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> times = context.em().createNativeQuery("select cast(b.talk_id as varchar), s.starts_at from talk_booking b "
                        + "join talk_slot s on s.id = b.slot_id where b.talk_id = any (cast(?1 as uuid[]))")
                .setParameter(1, array(contents))
                .getResultList();
        times.forEach(row -> talkTimes.put(UUID.fromString((String) row[0]), time(row[1])));
        return new Shown(groups, persons, titles, assignmentOf, talkTimes);
    }

    /** Which of the groups the person owns (teaches or mentors), whatever the ownership's validity. */
    public Set<UUID> ownedBy(UUID person, Collection<UUID> groups) {
        if (groups.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = context.em().createNativeQuery("select distinct cast(group_id as varchar) from membership "
                        + "where person_id = cast(?1 as uuid) and role = 'OWNER' and group_id = any (cast(?2 as uuid[]))")
                .setParameter(1, person.toString())
                .setParameter(2, array(groups))
                .getResultList();
        return rows.stream().map(id -> UUID.fromString((String) id)).collect(Collectors.toSet());
    }

    private Map<UUID, String> names(String sql, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = context.em().createNativeQuery(sql).setParameter(1, array(ids)).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> UUID.fromString((String) row[0]), row -> (String) row[1],
                (first, second) -> first));
    }

    private static String names(List<Happened.Kind> kinds) {
        return kinds.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
    }

    /** An array parameter rather than an IN list: one prepared statement whatever the number of items. */
    private static String array(Collection<UUID> ids) {
        return ids.stream().distinct().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString((String) value);
    }

    static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("a time came as " + Arrays.toString(new Object[] {value}));
    }
}
