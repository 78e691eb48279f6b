package se.klassrum.web.pages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A saved comment comes back into the grading form as the teacher typed it. */
class HtmlToTextTest {

    @Test
    void paragraphsLineBreaksAndSpecialCharactersSurviveTheRoundTrip() {
        String typed = "Bra resonemang om x < 3 & y > 2.\nVisa \"prövningen\".\n\nNästa steg: 'kapitel 4'.";

        assertThat(HtmlToText.toText(PlainText.toHtml(typed))).isEqualTo(typed);
    }

    @Test
    void theSanitisersNumericEntitiesAreDecodedAndOtherMarkupIsDropped() {
        assertThat(HtmlToText.toText("<p>1 &#43; 1 &#61; 2, fråga anna&#64;skolan.example</p><ul><li><b>Klart</b></li></ul>"))
                .isEqualTo("1 + 1 = 2, fråga anna@skolan.example\n\nKlart");
    }

    @Test
    void nothingStoredIsAnEmptyField() {
        assertThat(HtmlToText.toText(null)).isEmpty();
        assertThat(HtmlToText.toText("")).isEmpty();
    }
}
