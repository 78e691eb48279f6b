package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.api.StudentId;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.teaching.boundary.Views.DevelopmentTalkView;
import se.klassrum.teaching.boundary.Views.GuardianChoice;
import se.klassrum.teaching.boundary.Views.TalkBookingView;
import se.klassrum.teaching.control.TalkBookingRows;
import se.klassrum.teaching.control.TalkGuardians;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.teaching.entity.DevelopmentTalk;
import se.klassrum.teaching.entity.SafeHtml;
import se.klassrum.teaching.entity.TeachingException;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Development talks (utvecklingssamtal): written by the mentor, read by the mentor, the student and guardians. */
@ApplicationScoped
@Transactional
public class DevelopmentTalks {

    @Inject
    TeachingContext context;

    @Inject
    TalkGuardians talkGuardians;

    @Inject
    TalkBookingRows bookings;

    /**
     * Records a talk held in the student's mentor group, or books one: a talk on a later day than today is booked, with
     * no notes yet ({@link #write} adds them once it has been held). The talk invites the guardians named, and only
     * they of all guardians may read it (ACCESS-RULES.md, choice 16); every named guardian must be an active guardian
     * of the student, so a talk never names someone else's parent.
     *
     * @param guardianIds the guardians invited; null invites every guardian with an active link today, and an empty
     *                    list invites no one
     */
    @StudentData(kind = DataKind.DEVELOPMENT_TALK, operation = Operation.WRITE)
    public DevelopmentTalkView record(@GroupId UUID mentorGroupId, @StudentId UUID studentId, LocalDate heldOn,
                                      List<UUID> guardianIds, String notes, String agreedGoals) {
        StudyGroup group = context.find(StudyGroup.class, mentorGroupId);
        Person student = context.find(Person.class, studentId);
        Person mentor = context.find(Person.class, context.callerPersonId());
        LocalDate today = context.today();
        List<Person> guardians = talkGuardians.invited(studentId, guardianIds, today);
        if (heldOn != null && heldOn.isAfter(today) && !(isBlank(notes) && isBlank(agreedGoals))) {
            throw notHeldYet();
        }
        DevelopmentTalk talk = new DevelopmentTalk(student, group, mentor, heldOn, guardians, SafeHtml.of(notes),
                SafeHtml.of(agreedGoals), context.now());
        context.em().persist(talk);
        return DevelopmentTalkView.of(talk);
    }

    /**
     * Writes the notes and agreed goals of a talk of the student's in this mentor group: a booked one once its day has
     * come, or a recorded one again.
     *
     * @throws StudentDataNotFoundException when the student has no such talk in the group
     * @throws TeachingException TALK_NOT_HELD_YET before the talk's day
     */
    @StudentData(kind = DataKind.DEVELOPMENT_TALK, operation = Operation.WRITE)
    public DevelopmentTalkView write(@GroupId UUID mentorGroupId, @StudentId UUID studentId, UUID talkId, String notes,
                                     String agreedGoals) {
        DevelopmentTalk talk = talkId == null ? null : context.em().find(DevelopmentTalk.class, talkId);
        if (talk == null || !talk.student().id().equals(studentId) || !talk.group().id().equals(mentorGroupId)) {
            throw new StudentDataNotFoundException();
        }
        if (talk.heldOn().isAfter(context.today())) {
            throw notHeldYet();
        }
        talk.record(SafeHtml.of(notes), SafeHtml.of(agreedGoals), context.now());
        return DevelopmentTalkView.of(talk, bookings.byTalk(talk.id()));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static TeachingException notHeldYet() {
        return new TeachingException("TALK_NOT_HELD_YET", "Ett bokat samtal får sina anteckningar när det har hållits",
                "A booked talk gets its notes once it has been held");
    }

    /**
     * The student's active guardians, from whom the mentor chooses those present at a talk: only for a caller
     * who may record the student's talks in the mentor group, sorted by name.
     */
    @StudentData(kind = DataKind.DEVELOPMENT_TALK, operation = Operation.WRITE)
    public List<GuardianChoice> guardiansFor(@GroupId UUID mentorGroupId, @StudentId UUID studentId) {
        return talkGuardians.activeLinks(studentId, context.today())
                .map(link -> new GuardianChoice(link.guardian().id(), link.guardian().displayName(),
                        link.relation().labelSv(), link.relation().labelEn()))
                .sorted(Comparator.comparing(GuardianChoice::name))
                .toList();
    }

    /**
     * One talk of the student's, by its id, when the caller may read it: decided as a list of that one talk, so a talk
     * the caller may not read (a guardian it does not invite, say) is empty exactly like a talk that does not exist.
     */
    @StudentData(kind = DataKind.DEVELOPMENT_TALK)
    public List<DevelopmentTalkView> byId(UUID studentId, UUID talkId) {
        return context.em().createQuery("select t from DevelopmentTalk t where t.id = :talk and t.student.id = :student",
                        DevelopmentTalk.class)
                .setParameter("talk", talkId)
                .setParameter("student", studentId)
                .getResultStream().map(talk -> DevelopmentTalkView.of(talk, bookings.byTalk(talk.id()))).toList();
    }

    /** The student's talks that the caller may read (one decision per talk, in its mentor group, as that talk). */
    @StudentData(kind = DataKind.DEVELOPMENT_TALK)
    public Slice<DevelopmentTalkView> ofStudent(UUID studentId, Page page) {
        List<String> after = page.after(2);
        TypedQuery<DevelopmentTalk> query = context.em().createQuery("select t from DevelopmentTalk t where t.student.id = :student"
                        + (after == null ? "" : " and (t.heldOn < :day or (t.heldOn = :day and t.id > :id))")
                        + " order by t.heldOn desc, t.id", DevelopmentTalk.class)
                .setParameter("student", studentId)
                .setMaxResults(page.limit() + 1);
        if (after != null) {
            query.setParameter("day", LocalDate.parse(after.get(0))).setParameter("id", UUID.fromString(after.get(1)));
        }
        List<DevelopmentTalk> talks = query.getResultList();
        Map<UUID, TalkBookingView> booked = bookings.forTalks(talks.stream().map(DevelopmentTalk::id).toList());
        return Slice.of(talks, page, talk -> DevelopmentTalkView.of(talk, booked.get(talk.id())),
                row -> new Object[] {row.heldOn(), row.id()});
    }
}
