package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.api.StudentId;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.teaching.boundary.Views.TalkBookingView;
import se.klassrum.teaching.boundary.Views.TalkOfferView;
import se.klassrum.teaching.boundary.Views.TalkSlotView;
import se.klassrum.teaching.control.TalkBookingRows;
import se.klassrum.teaching.control.TalkGuardians;
import se.klassrum.teaching.control.TalkMails;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.teaching.entity.DevelopmentTalk;
import se.klassrum.teaching.entity.Happened;
import se.klassrum.teaching.entity.SafeHtml;
import se.klassrum.teaching.entity.TalkOffer;
import se.klassrum.teaching.entity.TalkSlot;
import se.klassrum.teaching.entity.TalkTimes;
import se.klassrum.teaching.entity.TeachingException;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Bookable development talks (ACCESS-RULES.md, choice 17): the mentor offers times in a mentor group, a guardian (or
 * the student, when no guardian has an active link) books one for the student, changes or cancels it, and the mentor
 * confirms it. A booking is the development talk it is booked for: its notes and agreed goals are written afterwards
 * through {@link DevelopmentTalks#write}. Booking is "Boka", writing the notes is "Dokumentera".
 *
 * <p>Two bookings of one time made at once are decided by the database: the unique constraints of
 * {@code talk_booking} (one booking per time, one per student and offer) let one insert through and turn the other
 * into a refusal, so no check in code can be overtaken between reading and writing.
 */
@ApplicationScoped
@Transactional
public class TalkBookings {

    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    TeachingContext context;

    @Inject
    TalkGuardians talkGuardians;

    @Inject
    TalkBookingRows rows;

    @Inject
    AccessGuard guard;

    @Inject
    TalkMails mails;

    /** What happened, for the readers' notifications (written in this transaction by {@code NotificationEvents}). */
    @Inject
    Event<Happened> happened;

    /**
     * Offers times for development talks in a mentor group, with the questions to prepare.
     *
     * @throws TeachingException NOT_A_MENTOR_GROUP, or a rule of {@link TalkTimes} that a time breaks
     */
    @StudentData(kind = DataKind.TALK_OFFER, operation = Operation.WRITE)
    public TalkOfferView offer(@GroupId UUID mentorGroupId, String title, List<String> questions,
                               List<TalkTimes.Time> times) {
        StudyGroup group = context.find(StudyGroup.class, mentorGroupId);
        if (group.kind() != GroupKind.MENTOR) {
            throw new TeachingException("NOT_A_MENTOR_GROUP", "Samtalstider erbjuds i en mentorsgrupp",
                    "Talk times are offered in a mentor group");
        }
        String heading = title == null || title.isBlank() ? "Utvecklingssamtal" : title.strip();
        if (heading.length() > 200) {
            throw new TeachingException("TITLE_TOO_LONG", "Rubriken är längre än 200 tecken",
                    "The title is longer than 200 characters");
        }
        List<TalkTimes.Time> checked = TalkTimes.check(times, context.now());
        TalkOffer offer = new TalkOffer(group, context.find(Person.class, context.callerPersonId()), heading,
                TalkTimes.questions(questions), context.now());
        for (TalkTimes.Time time : checked) {
            offer.addSlot(time.startsAt(), time.minutes(), time.place());
        }
        context.em().persist(offer);
        context.em().flush();
        return view(offer, Set.of());
    }

    /**
     * The times offered in the mentor group, newest offer first, each saying only whether it is free: for the group's
     * mentor and members (no student named), or for a guardian, naming their child.
     */
    @StudentData(kind = DataKind.TALK_OFFER)
    public List<TalkOfferView> offers(@GroupId UUID mentorGroupId, @StudentId UUID childId) {
        List<TalkOffer> offers = context.em().createQuery("select o from TalkOffer o where o.group.id = :group "
                        + "order by o.createdAt desc, o.id", TalkOffer.class)
                .setParameter("group", mentorGroupId)
                .getResultList();
        Set<UUID> taken = rows.takenSlots(mentorGroupId);
        return offers.stream().map(offer -> view(offer, taken)).toList();
    }

    /**
     * Books a time for the student: creates the development talk of that day, inviting the guardians chosen (null:
     * every guardian with an active link today, ACCESS-RULES.md choice 16).
     *
     * @throws TeachingException SLOT_TAKEN when someone else booked the time first, ALREADY_BOOKED when the student
     *                           has a time in this offer already (change it instead), TIME_PASSED, GUARDIANS_BOOK when
     *                           the student books while a guardian has an active link
     */
    @StudentData(kind = DataKind.TALK_BOOKING, operation = Operation.WRITE)
    public TalkBookingView book(@GroupId UUID mentorGroupId, @StudentId UUID studentId, UUID timeId,
                                List<UUID> guardianIds) {
        TalkSlot slot = slotIn(mentorGroupId, timeId);
        refuseTheStudentWhenGuardiansBook(studentId);
        refusePassed(slot);
        Person student = context.find(Person.class, studentId);
        List<Person> guardians = talkGuardians.invited(studentId, guardianIds, context.today());
        DevelopmentTalk talk = new DevelopmentTalk(student, slot.offer().group(), slot.offer().mentor(),
                TalkTimes.day(slot.startsAt()), guardians, SafeHtml.of(""), SafeHtml.of(""), context.now());
        context.em().persist(talk);
        context.em().flush();
        if (!rows.insert(talk.id(), slot.offer().id(), slot.id(), studentId, context.callerPersonId(), context.now())) {
            throw rows.bookingOf(slot.offer().id(), studentId) ? alreadyBooked() : slotTaken();
        }
        return told(TalkMails.Kind.TALK_BOOKED, booking(talk.id()), talk);
    }

    /**
     * Moves the student's booking to another time of the same offer; the mentor confirms it again.
     *
     * @throws TeachingException SLOT_TAKEN, TIME_PASSED, GUARDIANS_BOOK
     */
    @StudentData(kind = DataKind.TALK_BOOKING, operation = Operation.WRITE)
    public TalkBookingView change(@GroupId UUID mentorGroupId, @StudentId UUID studentId, UUID talkId, UUID timeId) {
        TalkBookingView current = invitedBooking(mentorGroupId, studentId, talkId);
        refuseTheStudentWhenGuardiansBook(studentId);
        refusePassed(current.startsAt());
        TalkSlot slot = slotIn(mentorGroupId, timeId);
        if (!slot.offer().id().equals(current.offerId())) {
            throw new StudentDataNotFoundException();
        }
        refusePassed(slot);
        if (slot.id().equals(current.timeId())) {
            return current;
        }
        try {
            rows.move(talkId, slot.id(), context.callerPersonId(), context.now());
        } catch (PersistenceException taken) {
            if (UNIQUE_VIOLATION.equals(sqlState(taken))) {
                throw slotTaken();
            }
            throw taken;
        }
        DevelopmentTalk talk = context.find(DevelopmentTalk.class, talkId);
        talk.reschedule(TalkTimes.day(slot.startsAt()), context.now());
        return told(TalkMails.Kind.TALK_MOVED, booking(talkId), talk);
    }

    /**
     * Cancels the student's booking: the time is free again, and the talk it was booked for is gone with its answers.
     *
     * @throws TeachingException TIME_PASSED once the time has begun, TALK_DOCUMENTED when notes have been written
     */
    @StudentData(kind = DataKind.TALK_BOOKING, operation = Operation.WRITE)
    public void cancel(@GroupId UUID mentorGroupId, @StudentId UUID studentId, UUID talkId) {
        TalkBookingView current = invitedBooking(mentorGroupId, studentId, talkId);
        refuseTheStudentWhenGuardiansBook(studentId);
        refusePassed(current.startsAt());
        DevelopmentTalk talk = context.find(DevelopmentTalk.class, talkId);
        if (talk.documented()) {
            throw new TeachingException("TALK_DOCUMENTED", "Samtalet är redan dokumenterat och kan inte avbokas",
                    "The talk is documented already and cannot be cancelled");
        }
        told(TalkMails.Kind.TALK_CANCELLED, current, talk);
        context.em().remove(talk);
    }

    /**
     * The mentor confirms a booking: decided as whether the caller may offer times in the group, so a guardian, who
     * may book, never confirms.
     */
    @StudentData(kind = DataKind.TALK_BOOKING, operation = Operation.WRITE)
    public TalkBookingView confirm(@GroupId UUID mentorGroupId, @StudentId UUID studentId, UUID talkId) {
        invitedBooking(mentorGroupId, studentId, talkId);
        guard.require(DataKind.TALK_OFFER, Operation.WRITE, null, mentorGroupId, null);
        rows.confirm(talkId, context.now());
        return told(TalkMails.Kind.TALK_CONFIRMED, booking(talkId), context.find(DevelopmentTalk.class, talkId));
    }

    /**
     * The caller's answers to the preparation questions, by position; a blank answer takes an earlier one back. The
     * mentor reads them with the booking.
     */
    @StudentData(kind = DataKind.TALK_BOOKING, operation = Operation.WRITE)
    public TalkBookingView answer(@GroupId UUID mentorGroupId, @StudentId UUID studentId, UUID talkId,
                                  List<String> answers) {
        TalkBookingView current = invitedBooking(mentorGroupId, studentId, talkId);
        if (answers == null || answers.size() > current.questions().size()) {
            throw new TeachingException("NO_SUCH_QUESTION", "Svaren är fler än frågorna",
                    "There are more answers than questions");
        }
        refusePassed(current.startsAt());
        UUID author = context.callerPersonId();
        for (int position = 0; position < answers.size(); position++) {
            String answer = answers.get(position);
            if (answer != null && answer.length() > 4000) {
                throw new TeachingException("ANSWER_TOO_LONG", "Ett svar är längre än 4000 tecken",
                        "An answer is longer than 4000 characters");
            }
            rows.answer(talkId, position, author, answer == null ? "" : answer.strip(), context.now());
        }
        return booking(talkId);
    }

    /**
     * The bookings in the mentor group, earliest first: the mentor's overview, for those who may offer times in the
     * group (a guardian reads a booking as part of the talk it is booked for, when the talk invites them).
     */
    @StudentData(kind = DataKind.TALK_BOOKING)
    public List<TalkBookingView> inGroup(@GroupId UUID mentorGroupId) {
        guard.require(DataKind.TALK_OFFER, Operation.WRITE, null, mentorGroupId, null);
        return rows.inGroup(mentorGroupId);
    }

    /**
     * Whether the caller may offer times in the group (its mentor): a page shows the offer form only then. The guard
     * decides and audits it.
     */
    @NoStudentData("answers only whether the caller may offer talk times in the group; the guard decides and audits it")
    public boolean mayOffer(UUID mentorGroupId) {
        return guard.permits(DataKind.TALK_OFFER, Operation.WRITE, null, mentorGroupId, null);
    }

    /**
     * The booking of a talk, when the caller may read the talk it is booked for: a guardian the talk does not invite
     * (ACCESS-RULES.md, choice 16) is refused exactly as for a talk that does not exist.
     */
    private TalkBookingView invitedBooking(UUID mentorGroupId, UUID studentId, UUID talkId) {
        if (talkId == null) {
            throw new StudentDataNotFoundException();
        }
        guard.require(DataKind.DEVELOPMENT_TALK, Operation.READ, studentId, mentorGroupId, ItemFacts.talk(talkId));
        TalkBookingView booking = rows.byTalk(talkId);
        if (booking == null || !booking.studentId().equals(studentId) || !booking.groupId().equals(mentorGroupId)) {
            throw new StudentDataNotFoundException();
        }
        return booking;
    }

    /** Mails the guardians the talk invites what happened to its booking, through the outbox. */
    private TalkBookingView told(TalkMails.Kind kind, TalkBookingView booking, DevelopmentTalk talk) {
        mails.tell(kind, booking, talk.guardians().stream().map(Person::id).toList());
        happened.fire(new Happened(Happened.Kind.valueOf(kind.name()), booking.groupId(), booking.id(),
                booking.studentId()));
        return booking;
    }

    private TalkBookingView booking(UUID talkId) {
        context.em().flush();
        return rows.byTalk(talkId);
    }

    private TalkSlot slotIn(UUID mentorGroupId, UUID timeId) {
        TalkSlot slot = timeId == null ? null : context.em().find(TalkSlot.class, timeId);
        if (slot == null || !slot.offer().group().id().equals(mentorGroupId)) {
            throw new StudentDataNotFoundException();
        }
        return slot;
    }

    /**
     * The student books only when no guardian can (ACCESS-RULES.md, choice 17): no guardian has an active link,
     * which is also the case for an adult student whose links did not continue after 18.
     */
    private void refuseTheStudentWhenGuardiansBook(UUID studentId) {
        if (context.callerIs(studentId) && talkGuardians.activeLinks(studentId, context.today()).findAny().isPresent()) {
            throw new TeachingException("GUARDIANS_BOOK", "Din vårdnadshavare bokar samtalstiden",
                    "Your guardian books the talk time");
        }
    }

    private void refusePassed(TalkSlot slot) {
        refusePassed(slot.startsAt());
    }

    private void refusePassed(java.time.OffsetDateTime startsAt) {
        if (!TalkTimes.open(startsAt, context.now())) {
            throw new TeachingException("TIME_PASSED", "Tiden har redan börjat", "The time has already begun");
        }
    }

    private static TeachingException slotTaken() {
        return new TeachingException("SLOT_TAKEN", "Tiden hann bokas av någon annan. Välj en annan tid.",
                "Someone else booked the time first. Choose another time.");
    }

    private static TeachingException alreadyBooked() {
        return new TeachingException("ALREADY_BOOKED", "Eleven har redan en bokad tid här. Ändra den i stället.",
                "The student has a time booked here already. Change it instead.");
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static TalkOfferView view(TalkOffer offer, Set<UUID> taken) {
        return new TalkOfferView(offer.id(), offer.group().id(), offer.mentor().displayName(), offer.title(),
                offer.questions(), offer.slots().stream()
                        .map(slot -> new TalkSlotView(slot.id(), slot.startsAt(), slot.endsAt(), slot.minutes(),
                                slot.place(), !taken.contains(slot.id())))
                        .toList(), offer.createdAt());
    }
}
