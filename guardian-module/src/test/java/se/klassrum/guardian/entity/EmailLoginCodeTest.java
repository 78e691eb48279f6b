package se.klassrum.guardian.entity;

import org.junit.jupiter.api.Test;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.Tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailLoginCodeTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 3, 3, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final Tenant TENANT = new Tenant(null, UUID.randomUUID(), "Solbacka kommun");
    private static final Person KARIN = new Person(null, TENANT, "karin", "Karin", "Ek");
    private static final GuardianLogin EMAIL_LOGIN = new GuardianLogin(null, KARIN, GuardianLoginMethod.EMAIL, "karin.ek@example.com");

    @Test
    void a_random_code_has_six_digits_and_they_vary() {
        Set<String> codes = new HashSet<>();
        IntStream.range(0, 200).forEach(i -> codes.add(EmailLoginCode.randomCode()));

        assertThat(codes).allSatisfy(code -> assertThat(code).matches("[0-9]{6}"));
        assertThat(codes).hasSizeGreaterThan(190);
    }

    @Test
    void only_a_salted_hash_is_kept_and_the_right_code_matches() throws Exception {
        EmailLoginCode code = new EmailLoginCode(EMAIL_LOGIN, "042137", NOW, Duration.ofMinutes(10));
        EmailLoginCode same = new EmailLoginCode(EMAIL_LOGIN, "042137", NOW, Duration.ofMinutes(10));

        assertThat(code.matches("042137")).isTrue();
        assertThat(code.matches("042138")).isFalse();
        assertThat(code.matches("42137")).isFalse();
        assertThat(code.matches(null)).isFalse();
        byte[] stored = (byte[]) field(code, "codeHash");
        assertThat(stored).hasSize(32)
                .isNotEqualTo(MessageDigest.getInstance("SHA-256").digest("042137".getBytes(StandardCharsets.US_ASCII)));
        assertThat(stored).as("a salt of its own: the same code hashes differently").isNotEqualTo(field(same, "codeHash"));
    }

    @Test
    void a_code_is_live_until_it_expires_is_spent_or_is_locked() {
        EmailLoginCode code = new EmailLoginCode(EMAIL_LOGIN, "123456", NOW, Duration.ofMinutes(10));

        assertThat(code.isLive(NOW, 5)).isTrue();
        assertThat(code.isLive(NOW.plusMinutes(10).minusNanos(1000), 5)).isTrue();
        assertThat(code.isLive(NOW.plusMinutes(10), 5)).as("the expiry instant itself is too late").isFalse();

        IntStream.range(0, 4).forEach(i -> code.recordWrongAttempt());
        assertThat(code.isLive(NOW, 5)).isTrue();
        code.recordWrongAttempt();
        assertThat(code.attempts()).isEqualTo(5);
        assertThat(code.isLive(NOW, 5)).isFalse();

        EmailLoginCode other = new EmailLoginCode(EMAIL_LOGIN, "123456", NOW, Duration.ofMinutes(10));
        other.spend(NOW.plusMinutes(1));
        other.spend(NOW.plusMinutes(2));
        assertThat(other.isUsed()).isTrue();
        assertThat(other.usedAt()).as("spent once, when first spent").isEqualTo(NOW.plusMinutes(1));
        assertThat(other.isLive(NOW.plusMinutes(1), 5)).isFalse();
    }

    @Test
    void a_code_goes_only_to_an_email_login_and_has_six_digits() {
        GuardianLogin idp = new GuardianLogin(null, KARIN, GuardianLoginMethod.IDP, "opaque-subject");

        assertThatThrownBy(() -> new EmailLoginCode(idp, "123456", NOW, Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailLoginCode(EMAIL_LOGIN, "12345", NOW, Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailLoginCode(EMAIL_LOGIN, "12345a", NOW, Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailLoginCode(EMAIL_LOGIN, "123456", NOW, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EmailLoginCode.isWellFormed("٣٣٣٣٣٣")).as("ASCII digits only").isFalse();
    }

    @Test
    void requests_are_kept_as_digests() {
        String digest = EmailCodeRequest.digest("karin.ek@example.com");

        assertThat(digest).matches("[0-9a-f]{64}").doesNotContain("karin");
        assertThatThrownBy(() -> new EmailCodeRequest("karin.ek@example.com", digest, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        var field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
