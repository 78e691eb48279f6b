package se.klassrum.web.pages;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.faces.view.ViewScoped;

import java.io.Serializable;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.roster.boundary.StudentProfiles;
import se.klassrum.teaching.boundary.Assessments;
import se.klassrum.teaching.boundary.Assignments;
import se.klassrum.teaching.boundary.DevelopmentTalks;
import se.klassrum.teaching.boundary.Posts;
import se.klassrum.teaching.boundary.TalkBookings;
import se.klassrum.teaching.boundary.Views.TalkBookingView;
import se.klassrum.teaching.boundary.Views.TalkOfferView;
import se.klassrum.teaching.boundary.Views.TalkSlotView;
import se.klassrum.teaching.entity.TeachingException;
import se.klassrum.teaching.boundary.Views.AssessmentView;
import se.klassrum.teaching.boundary.Views.AssignmentView;
import se.klassrum.teaching.boundary.Views.DevelopmentTalkView;
import se.klassrum.teaching.boundary.Views.PostView;
import se.klassrum.teaching.boundary.ReadingMarks;
import se.klassrum.teaching.boundary.WorkOverviews;
import se.klassrum.teaching.boundary.WorkOverviews.HandIn;
import se.klassrum.teaching.boundary.WorkOverviews.WorkItem;
import se.klassrum.teaching.boundary.WorkOverviews.WorkStatus;
import se.klassrum.teaching.entity.Grade;

import jakarta.faces.application.FacesMessage;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code /guardian/child.xhtml?id=…}: everything about one child that the guardian may see, on a phone: the posts
 * and published assignments of the child's groups ({@link Posts#inGroup} and {@link Assignments#inGroup} with the
 * child named, so the guardian path decides), the child's published assessments and development talks. Each part
 * is read through its guarded service on its own, so a denial of one part shows its missing prerequisites without
 * hiding the others; a child who is not the guardian's is "not found" as a whole.
 */
@Named
@ViewScoped
public class GuardianChildPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Enough for a term; the page does not paginate. */
    private static final int SHOWN = 50;

    /** The child's assignments with their status: as many pages as a school year needs. */
    private static final int MAX_WORK_PAGES = 10;

    /** A post, with the name of the group it was written to. */
    public record GroupPost(String groupName, PostView post) {
    }

    /** An assignment, with the name of its group. */
    public record GroupAssignment(String groupName, AssignmentView assignment) {
    }

    /**
     * Times offered in one of the child's mentor groups: the free ones to book, or to move the child's booking to when
     * the child has one in this offer ({@code booked}, the talk it is booked for).
     */
    public record OfferChoice(UUID groupId, TalkOfferView offer, List<TalkSlotView> free, TalkBookingView booked) {
    }

    /** Some part of the child's data, or why the guardian may not see it. */
    public record Part<T>(List<T> items, Denial denial) {
        static <T> Part<T> of(List<T> items) {
            return new Part<>(List.copyOf(items), null);
        }
    }

    @Inject
    StudentProfiles profiles;

    @Inject
    RosterDirectory roster;

    @Inject
    Posts posts;

    @Inject
    Assignments assignments;

    @Inject
    Assessments assessments;

    @Inject
    DevelopmentTalks talks;

    @Inject
    WorkOverviews work;

    @Inject
    ReadingMarks reading;

    @Inject
    CallerProvider caller;

    @Inject
    TalkBookings bookings;

    private String id;
    private transient boolean loaded;
    private transient StudentProfile child;
    private transient Denial denial;
    private transient boolean signedIn = true;
    private transient List<GroupPost> shownPosts = List.of();
    private transient List<GroupAssignment> shownAssignments = List.of();
    private transient List<Denial> groupDenials = new ArrayList<>();
    private transient Part<AssessmentView> shownAssessments;
    private transient Part<DevelopmentTalkView> shownTalks;
    private transient List<OfferChoice> shownOffers = List.of();
    private transient Denial actionDenial;
    private transient Map<UUID, WorkStatus> statuses = Map.of();
    private transient Set<UUID> newPosts = Set.of();
    private transient Map<UUID, HandIn> handIns = Map.of();

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public StudentProfile getChild() {
        load();
        return child;
    }

    public String getName() {
        load();
        return child == null ? null : child.givenName() + " " + child.familyName();
    }

    /** Why the child cannot be shown at all; null when it can. */
    public Denial getDenial() {
        load();
        return denial;
    }

    public boolean isSignedIn() {
        load();
        return signedIn;
    }

    public List<GroupPost> getPosts() {
        load();
        return shownPosts;
    }

    public List<GroupAssignment> getAssignments() {
        load();
        return shownAssignments;
    }

    /** The groups whose posts and assignments the guardian may not see, each with why. */
    public List<Denial> getGroupDenials() {
        load();
        return groupDenials;
    }

    public Part<AssessmentView> getAssessments() {
        load();
        return shownAssessments;
    }

    public Part<DevelopmentTalkView> getTalks() {
        load();
        return shownTalks;
    }

    /** The times the guardian may book for the child, by offer; only offers with a time still to come. */
    public List<OfferChoice> getOffers() {
        load();
        return shownOffers;
    }

    /** Why the last booking, change or cancellation was refused; null when nothing was. */
    public Denial getActionDenial() {
        return actionDenial;
    }

    /** "Bokat fre 18 dec kl. 14.00 – du är inbjuden" */
    public String booked(TalkBookingView booking) {
        return Texts.text("guardian.child.booked", SchoolTime.at(booking.startsAt(), Texts.locale()));
    }

    /** "fre 18 dec kl. 14.00 · om 12 dagar" */
    public String at(OffsetDateTime time) {
        return SchoolTime.due(time, Texts.locale());
    }

    /** The calendar file of a booked talk, from the API, which the guardian's session signs in to as well. */
    public String calendar(TalkBookingView booking) {
        return "/api/v1/groups/" + booking.groupId() + "/talks/bookings/" + booking.id() + "/calendar?student="
                + booking.studentId();
    }

    /** Books a time for the child; the talk invites every guardian with an active link (choice 16). */
    public String book(String groupId, String timeId) {
        return act(() -> bookings.book(UUID.fromString(groupId), uuid(id), UUID.fromString(timeId), null),
                "guardian.child.bookedMessage");
    }

    /** Moves the child's booking to another time of the same offer. */
    public String change(String groupId, String talkId, String timeId) {
        return act(() -> bookings.change(UUID.fromString(groupId), uuid(id), UUID.fromString(talkId),
                UUID.fromString(timeId)), "guardian.child.changedMessage");
    }

    /** Cancels the child's booking. */
    public String cancel(String groupId, String talkId) {
        return act(() -> {
            bookings.cancel(UUID.fromString(groupId), uuid(id), UUID.fromString(talkId));
            return null;
        }, "guardian.child.cancelledMessage");
    }

    /**
     * Saves the guardian's answers to the preparation questions of the child's booked talk; until the talk begins they
     * may be changed, and a blank answer takes an earlier one back. The mentor reads them with the booking.
     */
    public String answer(String groupId, String talkId) {
        load();
        TalkBookingView booking = TalkAnswers.booking(shownTalks.items(), talkId);
        if (booking == null) {
            actionDenial = Denial.simple("talk.notFound");
            return null;
        }
        return act(() -> bookings.answer(UUID.fromString(groupId), uuid(id), booking.id(), TalkAnswers.given(booking)),
                "talk.answered");
    }

    private String act(Supplier<?> action, String doneKey) {
        try {
            action.get();
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            actionDenial = Refusals.denial(refused, "guardian.childNotFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, doneKey);
        return "/guardian/child.xhtml?faces-redirect=true&id=" + id;
    }

    public String grade(AssessmentView assessment) {
        Grade grade = assessment.grade();
        return grade == null || grade == Grade.NOT_YET_ASSESSED ? Texts.text("guardian.notYetAssessed") : grade.name();
    }

    public String day(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(SCHOOL_ZONE).format(DAY);
    }

    /** "fre 11 dec kl. 16.00 · om 5 dagar" */
    public String due(OffsetDateTime time) {
        return SchoolTime.due(time, Texts.locale());
    }

    public String when(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(SCHOOL_ZONE).format(WHEN);
    }

    /** A post that others wrote since the guardian last opened the child's page: marked "Ny". */
    public boolean isNew(PostView post) {
        return newPosts.contains(post.id());
    }

    /** Where the child's work on the assignment stands ("Ej inlämnad", "Sen", "Återlämnad"…); null when not known. */
    public String status(AssignmentView assignment) {
        WorkStatus status = statuses.get(assignment.id());
        return status == null ? null : Texts.text("work.status." + status.name());
    }

    /** Whether the child still has something to do on the assignment. */
    public boolean open(AssignmentView assignment) {
        WorkStatus status = statuses.get(assignment.id());
        return status != null && status.open();
    }

    /**
     * What the child handed in to the assignment, with the feedback and files: one, or none when nothing is handed in
     * (a draft is never) or the guardian may not see it.
     */
    public List<HandIn> handIn(AssignmentView assignment) {
        HandIn handIn = handIns.get(assignment.id());
        return handIn == null ? List.of() : List.of(handIn);
    }

    /** "fre 11 dec kl. 16.00"; in English "Fri 11 Dec, 16:00". */
    public String time(OffsetDateTime time) {
        return SchoolTime.at(time, Texts.locale());
    }

    public String heldOn(DevelopmentTalkView talk) {
        LocalDate date = talk.heldOn();
        return date == null ? "" : date.format(DAY);
    }

    /** The child's groups, as the profile names them. */
    public String getGroupNames() {
        load();
        return child == null ? "" : String.join(", ", child.groups());
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        signedIn = true;
        groupDenials = new ArrayList<>();
        UUID childId = uuid(id);
        if (childId == null) {
            denial = Denial.simple("guardian.childNotFound");
            return;
        }
        try {
            child = profiles.profile(childId);
        } catch (NotSignedInException notSignedIn) {
            signedIn = false;
            return;
        } catch (AccessDeniedException denied) {
            denial = Denial.of(denied, Texts.locale());
            return;
        } catch (StudentDataNotFoundException notFound) {
            denial = Denial.simple("guardian.childNotFound");
            return;
        }
        List<GroupPost> postList = new ArrayList<>();
        List<GroupAssignment> assignmentList = new ArrayList<>();
        for (GroupView group : roster.groupsOf(childId)) {
            try {
                posts.inGroup(group.id(), childId, Page.first(SHOWN)).items()
                        .forEach(post -> postList.add(new GroupPost(group.name(), post)));
                assignments.inGroup(group.id(), childId, Page.first(SHOWN)).items()
                        .forEach(assignment -> assignmentList.add(new GroupAssignment(group.name(), assignment)));
            } catch (AccessDeniedException denied) {
                Denial groupDenial = Denial.of(denied, Texts.locale());
                groupDenials.add(new Denial(groupDenial.title() + ": " + group.name(), groupDenial.missing(),
                        groupDenial.nextSteps()));
            } catch (StudentDataNotFoundException notFound) {
                // a group that ended between the two reads: nothing to show
            }
        }
        postList.sort(Comparator.comparing((GroupPost post) -> post.post().createdAt(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        assignmentList.sort(Comparator.comparing((GroupAssignment assignment) -> assignment.assignment().dueAt(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        shownPosts = List.copyOf(postList);
        // The guardian's reading of this child's page: posts by others since the last one are new.
        newPosts = Unread.posts(postList.stream().map(GroupPost::post).toList(),
                reading.lastRead(List.of(childId)).get(childId), Forms.me(caller));
        reading.read(List.of(childId));
        shownAssignments = List.copyOf(assignmentList);
        statuses = workStatuses(childId);
        handIns = handInsOf(childId);
        shownAssessments = part(() -> assessments.ofStudent(childId, Page.first(SHOWN)).items());
        shownTalks = part(() -> talks.ofStudent(childId, Page.first(SHOWN)).items());
        shownOffers = offers(childId);
    }

    /** The offers of the child's mentor groups with times still free or a booking of the child's in them. */
    private List<OfferChoice> offers(UUID childId) {
        List<TalkBookingView> booked = shownTalks.items().stream().map(DevelopmentTalkView::booking)
                .filter(java.util.Objects::nonNull).toList();
        OffsetDateTime now = OffsetDateTime.now();
        List<OfferChoice> choices = new ArrayList<>();
        for (GroupView group : roster.groupsOf(childId)) {
            List<TalkOfferView> offered;
            try {
                offered = bookings.offers(group.id(), childId);
            } catch (AccessDeniedException | StudentDataNotFoundException notForThisGuardian) {
                continue;
            }
            for (TalkOfferView offer : offered) {
                List<TalkSlotView> free = offer.times().stream()
                        .filter(time -> time.free() && time.startsAt().isAfter(now)).toList();
                TalkBookingView mine = booked.stream().filter(b -> b.offerId().equals(offer.id())).findFirst()
                        .orElse(null);
                if (!free.isEmpty() || mine != null) {
                    choices.add(new OfferChoice(group.id(), offer, free, mine));
                }
            }
        }
        return List.copyOf(choices);
    }

    private Map<UUID, WorkStatus> workStatuses(UUID childId) {
        try {
            return Slices.all(page -> work.workOf(childId, null, page), MAX_WORK_PAGES).stream()
                    .collect(Collectors.toMap(WorkItem::assignmentId, WorkItem::status, (first, second) -> first));
        } catch (AccessDeniedException | StudentDataNotFoundException notShown) {
            return Map.of();
        }
    }

    /** The child's hand-ins by assignment, decided as one list; none when the rules let the guardian see none. */
    private Map<UUID, HandIn> handInsOf(UUID childId) {
        try {
            return work.handInsOf(childId).stream().collect(Collectors.toMap(handIn -> handIn.submission().assignmentId(),
                    handIn -> handIn, (first, second) -> first));
        } catch (AccessDeniedException | StudentDataNotFoundException notShown) {
            return Map.of();
        }
    }

    private static <T> Part<T> part(Supplier<List<T>> read) {
        try {
            return Part.of(read.get());
        } catch (AccessDeniedException denied) {
            return new Part<>(List.of(), Denial.of(denied, Texts.locale()));
        } catch (StudentDataNotFoundException notFound) {
            return new Part<>(List.of(), Denial.simple("guardian.childNotFound"));
        }
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
