package se.klassrum.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.teaching.boundary.Views.DevelopmentTalkView;
import se.klassrum.teaching.boundary.Views.TalkBookingView;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The form of a booked talk's preparation questions, as the student (my-talks.xhtml) and a guardian (the child's
 * page) answer them: one text area per question, named {@code answer-<talk>-<position>}, filled with the person's own
 * earlier answer, and offered until the talk begins (the boundary refuses a later answer all the same).
 */
@Named
@ApplicationScoped
public class TalkAnswers {

    @Inject
    CallerProvider caller;

    /** Whether the talk's questions are still to be answered: booked, not documented, and not begun. */
    public boolean open(DevelopmentTalkView talk) {
        return talk.onlyBooked() && !talk.booking().questions().isEmpty()
                && talk.booking().startsAt().isAfter(OffsetDateTime.now());
    }

    /** The signed-in person's own earlier answer to a question, to fill the form with; empty when none. */
    public String answered(TalkBookingView booking, int position) {
        UUID me = Forms.me(caller);
        return booking.answers().stream().filter(a -> a.position() == position && a.authorId().equals(me))
                .map(a -> a.answer()).findFirst().orElse("");
    }

    /** The positions of a booking's questions, 0 up, for the form. */
    public List<Integer> positions(TalkBookingView booking) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < booking.questions().size(); i++) {
            positions.add(i);
        }
        return positions;
    }

    /** The booking of the talk among those shown; null when it is not one of them. */
    static TalkBookingView booking(List<DevelopmentTalkView> talks, String talkId) {
        return talks.stream().map(DevelopmentTalkView::booking)
                .filter(b -> b != null && b.id().toString().equals(talkId)).findFirst().orElse(null);
    }

    /** The answers the form sent, one per question in order; a question left blank is an empty answer. */
    static List<String> given(TalkBookingView booking) {
        Map<String, String> sent = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        List<String> given = new ArrayList<>();
        for (int i = 0; i < booking.questions().size(); i++) {
            String answer = sent.get("answer-" + booking.id() + "-" + i);
            given.add(answer == null ? "" : answer);
        }
        return given;
    }
}
