package se.klassrum.roster.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchoolYearTest {

    @Test
    void reads_and_writes_the_swedish_form() {
        assertThat(SchoolYear.parse("2026/27").startYear()).isEqualTo(2026);
        assertThat(SchoolYear.startingIn(2026).label()).isEqualTo("2026/27");
        assertThat(SchoolYear.startingIn(2099).label()).isEqualTo("2099/00");
        assertThat(SchoolYear.parse("2099/00").previous().label()).isEqualTo("2098/99");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "2026", "2026/28", "2026-27", "2026/2027", "26/27", "abcd/ef"})
    void rejects_other_forms_and_years_that_do_not_follow_each_other(String label) {
        assertThatThrownBy(() -> SchoolYear.parse(label))
                .isInstanceOfSatisfying(RosterException.class,
                        e -> assertThat(e.code()).isEqualTo(RosterError.INVALID_SCHOOL_YEAR));
    }
}
