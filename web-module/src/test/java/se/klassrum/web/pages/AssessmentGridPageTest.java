package se.klassrum.web.pages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A row of the assessment grid is saved only when its reader changed it. */
class AssessmentGridPageTest {

    @Test
    void aStoredPlainCommentPostedBackAsAParagraphIsNoChange() {
        assertThat(AssessmentGridPage.canonical("<p>Stabil</p>")).isEqualTo(AssessmentGridPage.canonical("Stabil"));
        assertThat(AssessmentGridPage.canonical("<p>Rad ett</p><p>Rad två</p>"))
                .isEqualTo(AssessmentGridPage.canonical("Rad ett<br />Rad två"));
    }

    @Test
    void changedWordsOrFormattingAreAChange() {
        assertThat(AssessmentGridPage.canonical("<p>Stabil</p>")).isNotEqualTo(AssessmentGridPage.canonical("<p>Stabilt</p>"));
        assertThat(AssessmentGridPage.canonical("<p><strong>Stabil</strong></p>"))
                .isNotEqualTo(AssessmentGridPage.canonical("<p>Stabil</p>"));
    }
}
