package se.klassrum.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.faces.view.ViewScoped;

import java.io.Serializable;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.teaching.boundary.TalkBookings;
import se.klassrum.teaching.boundary.Views.TalkBookingView;
import se.klassrum.teaching.boundary.Views.TalkOfferView;
import se.klassrum.teaching.boundary.Views.TalkSlotView;
import se.klassrum.teaching.entity.TalkTimes;
import se.klassrum.teaching.entity.TeachingException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code /talk-times.xhtml?group=…}: the mentor of a mentor group offers times for development talks (a row of
 * times of one length on one day, in one place or meeting link, with preparation questions), sees which are booked,
 * by whom, with the answers given, and confirms the bookings. Writing the notes afterwards ("Dokumentera") is the
 * student page's, linked from each booking.
 */
@Named
@ViewScoped
public class TalkTimesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TalkBookings bookings;

    @Inject
    RosterDirectory roster;

    private String group;
    private String title;
    private String day;
    private String start = "14:00";
    private int count = 6;
    private int minutes = 20;
    private String place;
    private String questions;

    private transient boolean loaded;
    private transient GroupView groupView;
    private transient boolean mayOffer;
    private transient List<TalkOfferView> offers = List.of();
    private transient List<TalkBookingView> booked = List.of();
    private transient Denial denial;
    private transient Denial actionDenial;

    /** One time as the mentor sees it: its booking, or null while free. */
    public record Row(TalkSlotView time, TalkBookingView booking) {
    }

    public String getGroup() { return group; }
    public void setGroup(String group) { this.group = group; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDay() { return day; }
    public void setDay(String day) { this.day = day; }
    public String getStart() { return start; }
    public void setStart(String start) { this.start = start; }
    public int getCount() { return count; }
    public void setCount(int count) { this.count = count; }
    public int getMinutes() { return minutes; }
    public void setMinutes(int minutes) { this.minutes = minutes; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getQuestions() { return questions; }
    public void setQuestions(String questions) { this.questions = questions; }

    public GroupView getGroupView() {
        load();
        return groupView;
    }

    public boolean isMayOffer() {
        load();
        return mayOffer;
    }

    public List<TalkOfferView> getOffers() {
        load();
        return offers;
    }

    public Denial getDenial() {
        load();
        return denial;
    }

    public Denial getActionDenial() {
        return actionDenial;
    }

    /** The offer's times with their bookings, in order. */
    public List<Row> rows(TalkOfferView offer) {
        return offer.times().stream().map(time -> new Row(time, booked.stream()
                .filter(b -> b.timeId().equals(time.id())).findFirst().orElse(null))).toList();
    }

    public String at(OffsetDateTime time) {
        return SchoolTime.due(time, Texts.locale());
    }

    /** Offers {@code count} times of {@code minutes} minutes one after the other from {@code start} on {@code day}. */
    public String offer() {
        UUID groupId = Forms.uuid(group);
        LocalDate onDay = SchoolTime.parseDay(day);
        LocalTime from = parseClock(start);
        boolean valid = true;
        if (onDay == null) {
            Forms.invalid("offer", "day", "talkTimes.dayRequired");
            valid = false;
        }
        if (from == null) {
            Forms.invalid("offer", "start", "talkTimes.startRequired");
            valid = false;
        }
        if (place == null || place.isBlank()) {
            Forms.invalid("offer", "place", "talkTimes.placeRequired");
            valid = false;
        }
        if (groupId == null || !valid) {
            return null;
        }
        List<TalkTimes.Time> times = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.min(count, 40)); i++) {
            LocalTime begins = from.plusMinutes((long) i * minutes);
            if (begins.isBefore(from)) {
                break;
            }
            times.add(new TalkTimes.Time(onDay, begins, minutes, place));
        }
        List<String> asked = questions == null ? List.of() : Arrays.asList(questions.split("\\R"));
        try {
            bookings.offer(groupId, title, asked, times);
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            actionDenial = Refusals.denial(refused, "group.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "talkTimes.offered.message", times.size());
        return again();
    }

    /** Confirms a booking. */
    public String confirm(String studentId, String talkId) {
        try {
            bookings.confirm(Forms.uuid(group), UUID.fromString(studentId), UUID.fromString(talkId));
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            actionDenial = Refusals.denial(refused, "group.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "talkTimes.confirmedMessage");
        return again();
    }

    private String again() {
        return "/talk-times.xhtml?faces-redirect=true&group=" + group;
    }

    private static LocalTime parseClock(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalTime.parse(text.strip().replace('.', ':'));
        } catch (DateTimeParseException notAClock) {
            return null;
        }
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        UUID groupId = Forms.uuid(group);
        if (groupId == null) {
            denial = Denial.simple("group.notFound");
            return;
        }
        try {
            groupView = roster.group(groupId);
            mayOffer = bookings.mayOffer(groupId);
            if (!mayOffer) {
                return;
            }
            offers = bookings.offers(groupId, null);
            booked = bookings.inGroup(groupId);
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException refused) {
            denial = Refusals.denial(refused, "group.notFound");
        }
    }
}
