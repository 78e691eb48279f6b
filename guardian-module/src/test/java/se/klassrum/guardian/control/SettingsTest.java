package se.klassrum.guardian.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void without_settings_the_defaults_hold() {
        Settings none = Settings.of(name -> null);

        assertThat(EmailCodeSettings.from(none)).isEqualTo(EmailCodeSettings.DEFAULTS)
                .isEqualTo(new EmailCodeSettings(Duration.ofMinutes(10), 5, 3, 10, Duration.ofMinutes(15)));
        MailSettings mail = MailSettings.from(none);
        assertThat(mail.host()).isEqualTo("localhost");
        assertThat(mail.port()).isEqualTo(25);
        assertThat(mail.from().getAddress()).isEqualTo("klassrum@localhost");
        assertThat(mail.user()).isEmpty();
        assertThat(mail.startTls()).isFalse();
        assertThat(mail.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void settings_are_read_by_name_and_blank_counts_as_unset() {
        Settings settings = Settings.of(Map.of(
                EmailCodeSettings.TTL_MINUTES, "5",
                EmailCodeSettings.MAX_ATTEMPTS, "3",
                EmailCodeSettings.MAX_PER_ADDRESS, " 4 ",
                EmailCodeSettings.MAX_PER_CLIENT, "",
                EmailCodeSettings.WINDOW_MINUTES, "60",
                MailSettings.HOST, "smtp.solbacka.example",
                MailSettings.PORT, "587",
                MailSettings.FROM, "Klassrum <no-reply@solbacka.example>",
                MailSettings.USER, "klassrum",
                MailSettings.PASSWORD, "s3cret")::get);
        Settings withStartTls = name -> name.equals(MailSettings.STARTTLS) ? Optional.of("TRUE") : settings.value(name);

        assertThat(EmailCodeSettings.from(settings))
                .isEqualTo(new EmailCodeSettings(Duration.ofMinutes(5), 3, 4, 10, Duration.ofMinutes(60)));
        MailSettings mail = MailSettings.from(withStartTls);
        assertThat(mail.host()).isEqualTo("smtp.solbacka.example");
        assertThat(mail.port()).isEqualTo(587);
        assertThat(mail.from().getAddress()).isEqualTo("no-reply@solbacka.example");
        assertThat(mail.from().getPersonal()).isEqualTo("Klassrum");
        assertThat(mail.user()).contains("klassrum");
        assertThat(mail.startTls()).isTrue();
        assertThat(mail.toString()).as("never the password").doesNotContain("s3cret");
    }

    @Test
    void a_wrong_setting_is_named() {
        assertThatThrownBy(() -> EmailCodeSettings.from(Settings.of(Map.of(EmailCodeSettings.TTL_MINUTES, "ten")::get)))
                .hasMessageContaining(EmailCodeSettings.TTL_MINUTES);
        assertThatThrownBy(() -> EmailCodeSettings.from(Settings.of(Map.of(EmailCodeSettings.MAX_ATTEMPTS, "0")::get)))
                .hasMessageContaining(EmailCodeSettings.MAX_ATTEMPTS);
        assertThatThrownBy(() -> MailSettings.from(Settings.of(Map.of(MailSettings.FROM, "klassrum")::get)))
                .hasMessageContaining(MailSettings.FROM);
        assertThatThrownBy(() -> MailSettings.from(Settings.of(Map.of(MailSettings.STARTTLS, "yes")::get)))
                .hasMessageContaining(MailSettings.STARTTLS);
        assertThatThrownBy(() -> MailSettings.from(Settings.of(Map.of(MailSettings.PORT, "70000")::get)))
                .hasMessageContaining("port");
    }
}
