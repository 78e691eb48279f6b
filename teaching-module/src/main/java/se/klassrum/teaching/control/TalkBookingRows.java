package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import se.klassrum.teaching.boundary.Views.TalkAnswerView;
import se.klassrum.teaching.boundary.Views.TalkBookingView;
import se.klassrum.teaching.entity.TalkBooking;
import se.klassrum.teaching.entity.TalkSlot;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of {@code talk_booking} and {@code talk_answer}. Bookings are written with plain SQL so that the table's
 * unique constraints decide between competing bookings: an insert that would take a booked time, or give a student a
 * second time in one offer, inserts nothing. No access decision is made here; the boundary has made it.
 */
@ApplicationScoped
public class TalkBookingRows {

    /**
     * EclipseLink's hint to read a booking again even when this transaction holds it already: the rows are written
     * with plain SQL, which the persistence context does not see.
     */
    private static final String REFRESH = "eclipselink.refresh";

    @Inject
    TeachingContext context;

    /** @return false when the time is booked already, or the student has a time in the offer: nothing is inserted */
    public boolean insert(UUID talkId, UUID offerId, UUID slotId, UUID studentId, UUID bookedBy, OffsetDateTime at) {
        return em().createNativeQuery("""
                        insert into talk_booking (talk_id, offer_id, slot_id, student_id, booked_by, booked_at)
                        values (cast(?1 as uuid), cast(?2 as uuid), cast(?3 as uuid), cast(?4 as uuid), cast(?5 as uuid), ?6)
                        on conflict do nothing
                        """)
                .setParameter(1, talkId.toString())
                .setParameter(2, offerId.toString())
                .setParameter(3, slotId.toString())
                .setParameter(4, studentId.toString())
                .setParameter(5, bookedBy.toString())
                .setParameter(6, at)
                .executeUpdate() == 1;
    }

    /** Whether the student has a booking in the offer. */
    public boolean bookingOf(UUID offerId, UUID studentId) {
        return ((Number) em().createNativeQuery("select count(*) from talk_booking where offer_id = cast(?1 as uuid) "
                        + "and student_id = cast(?2 as uuid)")
                .setParameter(1, offerId.toString())
                .setParameter(2, studentId.toString())
                .getSingleResult()).longValue() > 0;
    }

    /**
     * Moves a booking to another time; the mentor's confirmation is withdrawn.
     *
     * @throws jakarta.persistence.PersistenceException a unique violation when the time is booked already
     */
    public void move(UUID talkId, UUID slotId, UUID bookedBy, OffsetDateTime at) {
        em().createNativeQuery("update talk_booking set slot_id = cast(?2 as uuid), booked_by = cast(?3 as uuid), "
                        + "booked_at = ?4, confirmed_at = null where talk_id = cast(?1 as uuid)")
                .setParameter(1, talkId.toString())
                .setParameter(2, slotId.toString())
                .setParameter(3, bookedBy.toString())
                .setParameter(4, at)
                .executeUpdate();
    }

    /** Confirms a booking; one confirmed already keeps its first confirmation. */
    public void confirm(UUID talkId, OffsetDateTime at) {
        em().createNativeQuery("update talk_booking set confirmed_at = ?2 where talk_id = cast(?1 as uuid) "
                        + "and confirmed_at is null")
                .setParameter(1, talkId.toString())
                .setParameter(2, at)
                .executeUpdate();
    }

    /** Writes one person's answer to one question; an empty answer removes theirs. */
    public void answer(UUID talkId, int position, UUID authorId, String answer, OffsetDateTime at) {
        if (answer.isEmpty()) {
            em().createNativeQuery("delete from talk_answer where talk_id = cast(?1 as uuid) and position = ?2 "
                            + "and author_id = cast(?3 as uuid)")
                    .setParameter(1, talkId.toString())
                    .setParameter(2, position)
                    .setParameter(3, authorId.toString())
                    .executeUpdate();
            return;
        }
        em().createNativeQuery("""
                        insert into talk_answer (talk_id, position, author_id, answer, answered_at)
                        values (cast(?1 as uuid), ?2, cast(?3 as uuid), ?4, ?5)
                        on conflict (talk_id, position, author_id)
                        do update set answer = excluded.answer, answered_at = excluded.answered_at
                        """)
                .setParameter(1, talkId.toString())
                .setParameter(2, position)
                .setParameter(3, authorId.toString())
                .setParameter(4, answer)
                .setParameter(5, at)
                .executeUpdate();
    }

    /** The booked times of the group's offers. */
    public Set<UUID> takenSlots(UUID groupId) {
        List<?> ids = em().createNativeQuery("select cast(b.slot_id as varchar) from talk_booking b "
                        + "join talk_offer o on o.id = b.offer_id where o.group_id = cast(?1 as uuid)")
                .setParameter(1, groupId.toString())
                .getResultList();
        Set<UUID> taken = new HashSet<>();
        ids.forEach(id -> taken.add(UUID.fromString(id.toString())));
        return taken;
    }

    /** The booking of a talk, or null when the talk was not booked. */
    public TalkBookingView byTalk(UUID talkId) {
        return forTalks(List.of(talkId)).get(talkId);
    }

    /** The bookings of the talks, by talk; talks without one are left out. */
    public Map<UUID, TalkBookingView> forTalks(Collection<UUID> talkIds) {
        if (talkIds.isEmpty()) {
            return Map.of();
        }
        return em().createQuery("select b from TalkBooking b where b.talkId in :talks", TalkBooking.class)
                .setParameter("talks", List.copyOf(talkIds))
                .setHint(REFRESH, "true")
                .getResultStream()
                .map(this::view)
                .collect(Collectors.toMap(TalkBookingView::id, Function.identity()));
    }

    /** Every booking of the group's offers, earliest time first. */
    public List<TalkBookingView> inGroup(UUID groupId) {
        return em().createQuery("select b from TalkBooking b where b.slot.offer.group.id = :group "
                        + "order by b.slot.startsAt, b.talkId", TalkBooking.class)
                .setParameter("group", groupId)
                .setHint(REFRESH, "true")
                .getResultStream()
                .map(this::view)
                .toList();
    }

    private TalkBookingView view(TalkBooking booking) {
        TalkSlot slot = booking.slot();
        return new TalkBookingView(booking.talkId(), booking.student().id(), booking.student().displayName(),
                slot.offer().group().id(), slot.offer().id(), slot.offer().title(),
                slot.offer().mentor().displayName(), slot.id(), slot.startsAt(), slot.endsAt(), slot.minutes(),
                slot.place(), booking.bookedBy(), booking.bookedAt(), booking.confirmedAt(), slot.offer().questions(),
                answers(booking.talkId()));
    }

    private List<TalkAnswerView> answers(UUID talkId) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em().createNativeQuery("""
                        select a.position, cast(a.author_id as varchar), p.given_name || ' ' || p.family_name, a.answer,
                               a.answered_at
                        from talk_answer a join person p on p.id = a.author_id
                        where a.talk_id = cast(?1 as uuid)
                        order by a.position, a.answered_at, a.author_id
                        """)
                .setParameter(1, talkId.toString())
                .getResultList();
        return found.stream().map(row -> new TalkAnswerView(((Number) row[0]).intValue(), UUID.fromString((String) row[1]),
                (String) row[2], (String) row[3], offsetDateTime(row[4]))).toList();
    }

    private static OffsetDateTime offsetDateTime(Object column) {
        if (column instanceof OffsetDateTime time) {
            return time;
        }
        if (column instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(column.toString());
    }

    private EntityManager em() {
        return context.em();
    }
}
