package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.teaching.boundary.DevelopmentTalks;
import se.klassrum.teaching.boundary.TalkBookings;
import se.klassrum.teaching.boundary.Views.DevelopmentTalkView;
import se.klassrum.teaching.boundary.Views.TalkBookingView;
import se.klassrum.teaching.entity.TeachingException;

import java.util.List;
import java.util.UUID;

/**
 * {@code /my-talks.xhtml}: "Mina utvecklingssamtal", the signed-in student's own development talks: a booked one as
 * the time they are invited to, with its calendar file and the preparation questions to answer; a held one with its
 * notes and agreed goals. The rules ({@link DevelopmentTalks#ofStudent}) show a student only their own.
 */
@Named
@RequestScoped
public class MyTalksPage {

    /** More talks than a student has; the page does not paginate. */
    private static final int SHOWN = 50;

    @Inject
    DevelopmentTalks talks;

    @Inject
    TalkBookings bookings;

    @Inject
    CallerProvider caller;

    private List<DevelopmentTalkView> mine;
    private boolean signedIn = true;
    private Denial actionDenial;

    public List<DevelopmentTalkView> getTalks() {
        if (mine == null) {
            mine = load();
        }
        return mine;
    }

    public boolean isSignedIn() {
        getTalks();
        return signedIn;
    }

    public Denial getActionDenial() {
        return actionDenial;
    }

    /** "Bokat fre 18 dec kl. 14.00 – du är inbjuden" */
    public String booked(TalkBookingView booking) {
        return Texts.text("guardian.child.booked", SchoolTime.at(booking.startsAt(), Texts.locale()));
    }

    public String calendar(TalkBookingView booking) {
        return "/api/v1/groups/" + booking.groupId() + "/talks/bookings/" + booking.id() + "/calendar?student="
                + booking.studentId();
    }

    /** Saves the student's answers to the preparation questions of a booked talk. */
    public String answer(String groupId, String talkId) {
        UUID me = Forms.me(caller);
        TalkBookingView booking = TalkAnswers.booking(getTalks(), talkId);
        if (me == null || booking == null) {
            actionDenial = Denial.simple("talk.notFound");
            return null;
        }
        try {
            bookings.answer(UUID.fromString(groupId), me, booking.id(), TalkAnswers.given(booking));
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            actionDenial = Refusals.denial(refused, "talk.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "talk.answered");
        return "/my-talks.xhtml?faces-redirect=true";
    }

    private List<DevelopmentTalkView> load() {
        UUID me = Forms.me(caller);
        if (me == null) {
            signedIn = false;
            return List.of();
        }
        try {
            return talks.ofStudent(me, Page.first(SHOWN)).items();
        } catch (NotSignedInException notSignedIn) {
            signedIn = false;
            return List.of();
        }
    }
}
