package se.klassrum.teaching.entity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules for the times a mentor offers for development talks: each in the future, 5 to 240 minutes long, with a
 * place or a meeting link, and no two of one offer overlapping. Times are school-local (Europe/Stockholm), so a
 * time entered as 14.00 is 14.00 in Sweden in winter and in summer.
 */
public final class TalkTimes {

    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");
    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 240;
    public static final int MAX_TIMES = 200;
    public static final int MAX_QUESTIONS = 10;

    /** One time as the mentor enters it: a day, a start on the clock, a length and a place. */
    public record Time(LocalDate day, java.time.LocalTime start, int minutes, String place) {

        public OffsetDateTime startsAt() {
            return LocalDateTime.of(day, start).atZone(SCHOOL_ZONE).toOffsetDateTime();
        }

        public OffsetDateTime endsAt() {
            return startsAt().plusMinutes(minutes);
        }
    }

    private TalkTimes() {
    }

    /**
     * Checks the times of one offer, sorted by their start.
     *
     * @throws TeachingException NO_TIMES, TOO_MANY_TIMES, TIME_INCOMPLETE, TIME_PASSED, TIME_LENGTH, PLACE_MISSING or
     *                           TIMES_OVERLAP for the first time that breaks a rule
     */
    public static List<Time> check(List<Time> times, OffsetDateTime now) {
        if (times == null || times.isEmpty()) {
            throw new TeachingException("NO_TIMES", "Ange minst en tid", "Give at least one time");
        }
        if (times.size() > MAX_TIMES) {
            throw new TeachingException("TOO_MANY_TIMES", "Högst " + MAX_TIMES + " tider i ett erbjudande",
                    "At most " + MAX_TIMES + " times in one offer");
        }
        List<Time> sorted = new ArrayList<>(times.size());
        for (Time time : times) {
            if (time == null || time.day() == null || time.start() == null) {
                throw new TeachingException("TIME_INCOMPLETE", "Varje tid behöver dag och starttid",
                        "Every time needs a day and a start time");
            }
            if (!time.startsAt().isAfter(now)) {
                throw new TeachingException("TIME_PASSED", "Tiden " + time.day() + " " + time.start() + " har redan varit",
                        "The time " + time.day() + " " + time.start() + " has already passed");
            }
            if (time.minutes() < MIN_MINUTES || time.minutes() > MAX_MINUTES) {
                throw new TeachingException("TIME_LENGTH", "Ett samtal är " + MIN_MINUTES + "–" + MAX_MINUTES + " minuter",
                        "A talk lasts " + MIN_MINUTES + "–" + MAX_MINUTES + " minutes");
            }
            if (time.place() == null || time.place().isBlank()) {
                throw new TeachingException("PLACE_MISSING", "Ange plats eller möteslänk för varje tid",
                        "Give a place or a meeting link for every time");
            }
            sorted.add(new Time(time.day(), time.start(), time.minutes(), time.place().strip()));
        }
        sorted.sort(Comparator.comparing(Time::startsAt));
        for (int i = 1; i < sorted.size(); i++) {
            Time before = sorted.get(i - 1);
            Time after = sorted.get(i);
            if (after.startsAt().isBefore(before.endsAt())) {
                throw new TeachingException("TIMES_OVERLAP", "Tiderna " + before.start() + " och " + after.start() + " den "
                        + after.day() + " överlappar", "The times " + before.start() + " and " + after.start() + " on "
                        + after.day() + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    /** The preparation questions, each trimmed; blank ones left out. */
    public static List<String> questions(List<String> questions) {
        List<String> kept = questions == null ? List.of()
                : questions.stream().filter(q -> q != null && !q.isBlank()).map(String::strip).toList();
        if (kept.size() > MAX_QUESTIONS) {
            throw new TeachingException("TOO_MANY_QUESTIONS", "Högst " + MAX_QUESTIONS + " förberedande frågor",
                    "At most " + MAX_QUESTIONS + " preparation questions");
        }
        return kept;
    }

    /** Whether a booked time may still be booked, changed or cancelled: until it starts. */
    public static boolean open(OffsetDateTime startsAt, OffsetDateTime now) {
        return startsAt.isAfter(now);
    }

    /** The school-local day of a time, which becomes the talk's day. */
    public static LocalDate day(OffsetDateTime startsAt) {
        return startsAt.atZoneSameInstant(SCHOOL_ZONE).toLocalDate();
    }
}
