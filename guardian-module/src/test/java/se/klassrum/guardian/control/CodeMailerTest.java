package se.klassrum.guardian.control;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Real SMTP on loopback (GreenMail). */
class CodeMailerTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final CodeMail KARINS_CODE =
            new CodeMail("karin.ek@example.com", "042137", Duration.ofMinutes(10), "Solbacka kommun");

    @Test
    void the_code_arrives_in_swedish_and_english_from_the_configured_sender() throws Exception {
        CodeMailer mailer = new CodeMailer(MailSettings.plain("127.0.0.1", MAIL.getSmtp().getPort(),
                "Klassrum <no-reply@solbacka.example>"));

        assertThat(mailer.sendQuietly(KARINS_CODE)).isTrue();

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("karin.ek@example.com");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("no-reply@solbacka.example");
        assertThat(mail.getSubject()).isEqualTo("Din inloggningskod till Klassrum / Your sign-in code for Klassrum")
                .doesNotContain("042137");
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("utf-8");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String text = (String) mail.getContent();
        assertThat(text)
                .contains("Din engångskod för att logga in i Klassrum (Solbacka kommun) är:")
                .contains("Koden gäller i 10 minuter och kan bara användas en gång.")
                .contains("Your one-time code for signing in to Klassrum (Solbacka kommun) is:")
                .contains("The code is valid for 10 minutes and works only once.")
                .containsPattern("(?m)^\\s+042137\\s*$");
    }

    @Test
    void with_starttls_required_nothing_goes_out_in_plain_text_or_to_an_untrusted_server() {
        MailSettings plain = MailSettings.plain("127.0.0.1", MAIL.getSmtp().getPort(), "klassrum@localhost");
        CodeMailer mailer = new CodeMailer(new MailSettings(plain.host(), plain.port(), plain.from(), Optional.empty(),
                Optional.empty(), true, Duration.ofSeconds(5)));

        assertThat(mailer.sendQuietly(KARINS_CODE)).isFalse();
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_mail_never_prints_its_code() {
        assertThat(KARINS_CODE.toString()).doesNotContain("042137").doesNotContain("karin.ek@").contains("k***@example.com");
    }
}
