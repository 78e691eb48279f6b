package se.klassrum.web.pages;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Due times read as Swedish and English readers expect them, in Stockholm's time, with how far off they are. */
class SchoolTimeTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final Locale ENGLISH = Locale.forLanguageTag("en-GB");
    /** Friday 11 December 2026, 16.00 in Stockholm (CET, UTC+1). */
    private static final OffsetDateTime FRIDAY_AT_FOUR = OffsetDateTime.of(2026, 12, 11, 15, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aDueTimeInFiveDaysReadsAsASwedishReaderExpects() {
        assertThat(SchoolTime.due(FRIDAY_AT_FOUR, SWEDISH, LocalDate.of(2026, 12, 6))).isEqualTo("fre 11 dec kl. 16.00 · om 5 dagar");
        assertThat(SchoolTime.due(FRIDAY_AT_FOUR, ENGLISH, LocalDate.of(2026, 12, 6))).isEqualTo("Fri 11 Dec, 16:00 · in 5 days");
    }

    @Test
    void todayTomorrowYesterdayAndDaysAgoAreSaidInWords() {
        assertThat(SchoolTime.due(FRIDAY_AT_FOUR, SWEDISH, LocalDate.of(2026, 12, 11))).endsWith(" · i dag");
        assertThat(SchoolTime.due(FRIDAY_AT_FOUR, SWEDISH, LocalDate.of(2026, 12, 10))).endsWith(" · i morgon");
        assertThat(SchoolTime.due(FRIDAY_AT_FOUR, SWEDISH, LocalDate.of(2026, 12, 12))).endsWith(" · i går");
        assertThat(SchoolTime.due(FRIDAY_AT_FOUR, SWEDISH, LocalDate.of(2026, 12, 14))).endsWith(" · för 3 dagar sedan");
        assertThat(SchoolTime.due(FRIDAY_AT_FOUR, ENGLISH, LocalDate.of(2026, 12, 10))).endsWith(" · tomorrow");
        assertThat(SchoolTime.due(FRIDAY_AT_FOUR, ENGLISH, LocalDate.of(2026, 12, 14))).endsWith(" · 3 days ago");
    }

    @Test
    void theDayIsStockholmsNotTheServersAndMayHasNoAbbreviationPoint() {
        // 23.30 UTC on 30 April is 01.30 on Saturday 1 May in Stockholm (CEST, UTC+2).
        OffsetDateTime lateApril = OffsetDateTime.of(2027, 4, 30, 23, 30, 0, 0, ZoneOffset.UTC);
        assertThat(SchoolTime.due(lateApril, SWEDISH, LocalDate.of(2027, 4, 30))).isEqualTo("lör 1 maj kl. 01.30 · i morgon");
    }
}
