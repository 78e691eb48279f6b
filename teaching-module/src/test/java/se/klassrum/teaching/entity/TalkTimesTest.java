package se.klassrum.teaching.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The times a mentor offers: in the future, of a sensible length, with a place, never overlapping. */
class TalkTimesTest {

    /** Thursday 10 December 2026, 12.00 in Stockholm. */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-10T11:00:00Z");
    static final LocalDate FRIDAY = LocalDate.of(2026, 12, 11);

    static TalkTimes.Time at(String start, int minutes) {
        return new TalkTimes.Time(FRIDAY, LocalTime.parse(start), minutes, "Rum 12");
    }

    @Test
    void timesAreSchoolLocalAndSortedByTheirStart() {
        List<TalkTimes.Time> checked = TalkTimes.check(List.of(at("14:30", 20), at("14:00", 30)), NOW);

        assertThat(checked).extracting(TalkTimes.Time::start).containsExactly(LocalTime.of(14, 0), LocalTime.of(14, 30));
        assertThat(checked.get(0).startsAt()).isEqualTo(OffsetDateTime.parse("2026-12-11T14:00:00+01:00"));
        TalkTimes.Time summer = new TalkTimes.Time(LocalDate.of(2027, 6, 1), LocalTime.of(14, 0), 30, "Rum 12");
        assertThat(summer.startsAt()).as("summer time in Sweden").isEqualTo(OffsetDateTime.parse("2027-06-01T14:00:00+02:00"));
        assertThat(TalkTimes.day(checked.get(0).startsAt())).isEqualTo(FRIDAY);
    }

    @Test
    void backToBackTimesAreFineButOverlappingOnesAreRefused() {
        assertThat(TalkTimes.check(List.of(at("14:00", 30), at("14:30", 30)), NOW)).hasSize(2);

        assertRefused(List.of(at("14:00", 30), at("14:29", 30)), "TIMES_OVERLAP");
        assertRefused(List.of(at("14:00", 30), at("14:00", 30)), "TIMES_OVERLAP");
    }

    @Test
    void aTimeThatHasBegunIsRefused() {
        TalkTimes.Time noonToday = new TalkTimes.Time(LocalDate.of(2026, 12, 10), LocalTime.NOON, 30, "Rum 12");
        TalkTimes.Time afterNoon = new TalkTimes.Time(LocalDate.of(2026, 12, 10), LocalTime.of(12, 1), 30, "Rum 12");

        assertRefused(List.of(noonToday), "TIME_PASSED");
        assertThat(TalkTimes.check(List.of(afterNoon), NOW)).hasSize(1);
        assertThat(TalkTimes.open(noonToday.startsAt(), NOW)).isFalse();
        assertThat(TalkTimes.open(afterNoon.startsAt(), NOW)).isTrue();
    }

    @Test
    void lengthPlaceAndCountHaveLimits() {
        assertRefused(List.of(at("14:00", 4)), "TIME_LENGTH");
        assertRefused(List.of(at("14:00", 241)), "TIME_LENGTH");
        assertThat(TalkTimes.check(List.of(at("14:00", 5), at("15:00", 240)), NOW)).hasSize(2);
        assertRefused(List.of(new TalkTimes.Time(FRIDAY, LocalTime.of(14, 0), 30, "  ")), "PLACE_MISSING");
        assertRefused(List.of(new TalkTimes.Time(FRIDAY, null, 30, "Rum 12")), "TIME_INCOMPLETE");
        assertRefused(List.of(), "NO_TIMES");
        List<TalkTimes.Time> many = new ArrayList<>();
        for (int i = 0; i <= TalkTimes.MAX_TIMES; i++) {
            many.add(new TalkTimes.Time(FRIDAY.plusDays(i), LocalTime.of(14, 0), 30, "Rum 12"));
        }
        assertRefused(many, "TOO_MANY_TIMES");
    }

    @Test
    void aMeetingLinkIsAPlaceAndIsKeptTrimmed() {
        TalkTimes.Time online = new TalkTimes.Time(FRIDAY, LocalTime.of(14, 0), 30, " https://meet.example/abc ");

        assertThat(TalkTimes.check(List.of(online), NOW).get(0).place()).isEqualTo("https://meet.example/abc");
    }

    @Test
    void blankPreparationQuestionsAreLeftOutAndTheirNumberIsLimited() {
        List<String> questions = new ArrayList<>(List.of(" Vad går bra? ", "", "Vad vill du öva på?"));
        questions.add(null);
        assertThat(TalkTimes.questions(questions)).containsExactly("Vad går bra?", "Vad vill du öva på?");
        assertThat(TalkTimes.questions(null)).isEmpty();
        assertThatThrownBy(() -> TalkTimes.questions(java.util.Collections.nCopies(11, "Fråga?")))
                .isInstanceOf(TeachingException.class).extracting(e -> ((TeachingException) e).code())
                .isEqualTo("TOO_MANY_QUESTIONS");
    }

    private static void assertRefused(List<TalkTimes.Time> times, String code) {
        assertThatThrownBy(() -> TalkTimes.check(times, NOW)).isInstanceOf(TeachingException.class)
                .extracting(e -> ((TeachingException) e).code()).isEqualTo(code);
    }
}
