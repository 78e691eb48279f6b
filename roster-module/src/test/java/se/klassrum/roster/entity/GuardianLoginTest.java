package se.klassrum.roster.entity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.klassrum.roster.entity.Fixtures.person;
import static se.klassrum.roster.entity.Fixtures.tenant;

class GuardianLoginTest {

    private final Tenant solbacka = tenant("Solbacka kommun");
    private final Person karin = person(solbacka, "Karin");

    @Test
    void a_new_login_is_active_until_disabled_and_can_be_enabled_again() {
        GuardianLogin login = new GuardianLogin(null, karin, GuardianLoginMethod.IDP, "idp-subject-1");

        assertThat(login.isActive()).isTrue();
        login.disable();
        assertThat(login.isActive()).isFalse();
        login.enable();
        assertThat(login.isActive()).isTrue();
        assertThat(login.tenant()).isEqualTo(solbacka);
        assertThat(login.guardian()).isEqualTo(karin);
    }

    @Test
    void an_e_mail_address_is_kept_in_lower_case_and_an_idp_subject_as_given() {
        assertThat(new GuardianLogin(null, karin, GuardianLoginMethod.EMAIL, " Karin.Ek@Example.COM ").subject())
                .isEqualTo("karin.ek@example.com");
        assertThat(new GuardianLogin(null, karin, GuardianLoginMethod.IDP, " AbC-123 ").subject())
                .as("IdP subjects are opaque and case-sensitive").isEqualTo("AbC-123");
    }

    @Test
    void an_e_mail_login_needs_something_shaped_like_an_address() {
        assertThatThrownBy(() -> new GuardianLogin(null, karin, GuardianLoginMethod.EMAIL, "Karin Ek"))
                .isInstanceOfSatisfying(RosterException.class, e -> {
                    assertThat(e.code()).isEqualTo(RosterError.INVALID_EMAIL);
                    assertThat(e.messageSv()).isEqualTo("Karin Ek är ingen giltig e-postadress.");
                });
        assertThatThrownBy(() -> new GuardianLogin(null, karin, GuardianLoginMethod.EMAIL, "a@b@c"))
                .isInstanceOfSatisfying(RosterException.class, e -> assertThat(e.code()).isEqualTo(RosterError.INVALID_EMAIL));
    }

    @Test
    void guardian_method_and_subject_are_required() {
        assertThatThrownBy(() -> new GuardianLogin(null, null, GuardianLoginMethod.IDP, "s"))
                .isInstanceOfSatisfying(RosterException.class, e -> assertThat(e.code()).isEqualTo(RosterError.VALUE_REQUIRED));
        assertThatThrownBy(() -> new GuardianLogin(null, karin, null, "s"))
                .isInstanceOfSatisfying(RosterException.class, e -> assertThat(e.code()).isEqualTo(RosterError.VALUE_REQUIRED));
        assertThatThrownBy(() -> new GuardianLogin(null, karin, GuardianLoginMethod.IDP, "  "))
                .isInstanceOfSatisfying(RosterException.class, e -> assertThat(e.code()).isEqualTo(RosterError.VALUE_REQUIRED));
        assertThatThrownBy(() -> new GuardianLogin(null, karin, GuardianLoginMethod.IDP, "x".repeat(321)))
                .isInstanceOfSatisfying(RosterException.class, e -> assertThat(e.code()).isEqualTo(RosterError.VALUE_TOO_LONG));
    }
}
