package se.klassrum.web.security;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The staff sign-in's settings: off without an issuer, and a wrong setting is refused with its name. */
class StaffOidcLoginTest {

    @Test
    void offWithoutAnIssuer() {
        StaffOidcLogin login = login(Map.of());

        assertThat(login.isEnabled()).isFalse();
    }

    @Test
    void onWithAnIssuerAndAClientId() {
        StaffOidcLogin login = login(Map.of(StaffOidcLogin.ISSUER, "https://login.microsoftonline.com/tenant/v2.0",
                StaffOidcLogin.CLIENT_ID, "klassrum"));

        assertThat(login.isEnabled()).isTrue();
    }

    @Test
    void anIssuerWithoutAClientIdIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> login(Map.of(StaffOidcLogin.ISSUER, "https://login.microsoftonline.com/tenant/v2.0")))
                .hasMessageContaining(StaffOidcLogin.CLIENT_ID);
    }

    @Test
    void anIssuerThatIsNoHttpUrlIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> login(Map.of(StaffOidcLogin.ISSUER, "login.microsoftonline.com", StaffOidcLogin.CLIENT_ID, "k")))
                .hasMessageContaining(StaffOidcLogin.ISSUER).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> login(Map.of(StaffOidcLogin.ISSUER, "ftp://idp.example.se", StaffOidcLogin.CLIENT_ID, "k")))
                .hasMessageContaining(StaffOidcLogin.ISSUER);
    }

    @Test
    void aBlankSettingCountsAsUnset() {
        assertThat(login(Map.of(StaffOidcLogin.ISSUER, "  ")).isEnabled()).isFalse();
    }

    private static StaffOidcLogin login(Map<String, String> settings) {
        StaffOidcLogin login = new StaffOidcLogin();
        login.config = (Config) Proxy.newProxyInstance(StaffOidcLoginTest.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(settings.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        login.readSettings();
        return login;
    }
}
