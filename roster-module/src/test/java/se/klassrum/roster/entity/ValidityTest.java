package se.klassrum.roster.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidityTest {

    private static final LocalDate AUG_15 = LocalDate.of(2025, 8, 15);
    private static final LocalDate JUN_30 = LocalDate.of(2026, 6, 30);

    @Test
    void both_the_first_and_the_last_day_are_included() {
        Validity schoolYear = Validity.between(AUG_15, JUN_30);

        assertThat(schoolYear.isActiveOn(AUG_15.minusDays(1))).isFalse();
        assertThat(schoolYear.isActiveOn(AUG_15)).isTrue();
        assertThat(schoolYear.isActiveOn(JUN_30)).isTrue();
        assertThat(schoolYear.isActiveOn(JUN_30.plusDays(1))).isFalse();
    }

    @Test
    void an_open_ended_validity_holds_on_every_day_from_its_start() {
        Validity open = Validity.from(AUG_15);

        assertThat(open.isOpenEnded()).isTrue();
        assertThat(open.validTo()).isNull();
        assertThat(open.isActiveOn(AUG_15.minusDays(1))).isFalse();
        assertThat(open.isActiveOn(AUG_15)).isTrue();
        assertThat(open.isActiveOn(LocalDate.of(2099, 12, 31))).isTrue();
    }

    @Test
    void a_single_day_is_a_valid_period() {
        assertThat(Validity.between(AUG_15, AUG_15).isActiveOn(AUG_15)).isTrue();
    }

    @Test
    void an_end_before_the_start_is_rejected_with_both_dates_in_the_message() {
        assertThatThrownBy(() -> Validity.between(JUN_30, AUG_15))
                .isInstanceOfSatisfying(RosterException.class, e -> {
                    assertThat(e.code()).isEqualTo(RosterError.INVALID_PERIOD);
                    assertThat(e.messageEn()).isEqualTo("The end date 2025-08-15 is before the start date 2026-06-30.");
                    assertThat(e.messageSv()).isEqualTo("Slutdatumet 2025-08-15 ligger före startdatumet 2026-06-30.");
                });
    }

    @Test
    void a_start_is_required() {
        assertThatThrownBy(() -> Validity.from(null))
                .isInstanceOfSatisfying(RosterException.class,
                        e -> assertThat(e.code()).isEqualTo(RosterError.VALUE_REQUIRED));
    }

    @Test
    void ending_sets_the_last_day_and_leaves_the_original_untouched() {
        Validity open = Validity.from(AUG_15);

        Validity ended = open.endingOn(JUN_30);

        assertThat(ended).isEqualTo(Validity.between(AUG_15, JUN_30));
        assertThat(ended.isActiveOn(JUN_30.plusDays(1))).isFalse();
        assertThat(open.isOpenEnded()).isTrue();
    }

    @Test
    void ending_before_the_start_is_rejected() {
        assertThatThrownBy(() -> Validity.from(AUG_15).endingOn(AUG_15.minusDays(1)))
                .isInstanceOfSatisfying(RosterException.class,
                        e -> assertThat(e.code()).isEqualTo(RosterError.INVALID_PERIOD));
    }
}
