package se.klassrum.guardian.control;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed mail tells the log its kinds of failure and the server's reply codes, never an address. */
class MailFailuresTest {

    @Test
    void aRefusedRecipientIsToldByItsReplyCodesAlone() {
        MessagingException refused = new SendFailedException("550 5.1.1 <elsa.ek@skola.se>: Recipient address rejected",
                new MessagingException("550 5.1.1 <elsa.ek@skola.se>... User unknown"));

        assertThat(MailFailures.describe(refused))
                .isEqualTo("SendFailedException 550 5.1.1 <- MessagingException 550 5.1.1")
                .doesNotContain("elsa");
    }

    @Test
    void aMalformedAddressIsNotRepeated() {
        MessagingException failed = new MessagingException("Could not send",
                new AddressException("Illegal address", "elsa ek@skola"));

        assertThat(MailFailures.describe(failed)).isEqualTo("MessagingException <- AddressException").doesNotContain("elsa");
    }

    @Test
    void aFailureOfAnotherKindIsNamedWithoutItsText() {
        assertThat(MailFailures.describe(new IllegalStateException("no session for elsa.ek@skola.se")))
                .isEqualTo("IllegalStateException");
    }
}
