package se.klassrum.guardian.control;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OidcSettingsTest {

    @Test
    void off_without_an_issuer_even_when_other_settings_are_given() {
        OidcSettings settings = OidcSettings.from(Settings.of(Map.of(OidcSettings.CLIENT_ID, "klassrum",
                OidcSettings.ISSUER, " ")::get));

        assertThat(settings.enabled()).isFalse();
    }

    @Test
    void defaults_claim_sub_and_redirect_uri_from_the_request() {
        OidcSettings settings = OidcSettings.from(Settings.of(Map.of(OidcSettings.ISSUER, "https://idp.example.se/oidc",
                OidcSettings.CLIENT_ID, "klassrum")::get));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.issuer()).contains(URI.create("https://idp.example.se/oidc"));
        assertThat(settings.claim()).isEqualTo("sub");
        assertThat(settings.redirectUri()).isEmpty();
        assertThat(settings.clientSecret()).isEmpty();
    }

    @Test
    void an_issuer_needs_a_client_id_and_must_be_a_url() {
        assertThatThrownBy(() -> OidcSettings.from(Settings.of(Map.of(OidcSettings.ISSUER, "https://idp.example.se")::get)))
                .hasMessageContaining(OidcSettings.CLIENT_ID);
        assertThatThrownBy(() -> OidcSettings.from(Settings.of(Map.of(OidcSettings.ISSUER, "idp.example.se",
                OidcSettings.CLIENT_ID, "klassrum")::get)))
                .hasMessageContaining(OidcSettings.ISSUER);
    }

    @Test
    void never_shows_the_secret() {
        OidcSettings settings = OidcSettings.from(Settings.of(Map.of(OidcSettings.ISSUER, "https://idp.example.se",
                OidcSettings.CLIENT_ID, "klassrum", OidcSettings.CLIENT_SECRET, "s3cret",
                OidcSettings.CLAIM, "https://id.oidc.se/claim/personalIdentityNumber")::get));

        assertThat(settings.clientSecret()).contains("s3cret");
        assertThat(settings.claim()).isEqualTo("https://id.oidc.se/claim/personalIdentityNumber");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }
}
