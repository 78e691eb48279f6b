package se.klassrum.roster.sync;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sync's settings: off unless a register is named, never scheduled unless asked, and wrong values named. */
class Ss12000ConfigurationTest {

    private static final String TENANT = "6f1c2a3e-0000-4000-8000-000000000001";

    private static Optional<Ss12000Configuration> read(Map<String, String> values) {
        return Ss12000Configuration.read(key -> Optional.ofNullable(values.get(key)));
    }

    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("klassrum.ss12000.base-url", "https://register.example.se/v2.0/");
        values.put("klassrum.ss12000.token", "secret");
        values.put("klassrum.ss12000.tenant", TENANT);
        return values;
    }

    @Test
    void without_a_base_url_there_is_no_sync() {
        assertThat(read(Map.of())).isEmpty();
        assertThat(read(Map.of("klassrum.ss12000.base-url", "  "))).isEmpty();
    }

    @Test
    void a_register_with_token_and_tenant_syncs_only_when_asked_until_an_interval_is_set() {
        Ss12000Configuration configuration = read(minimal()).orElseThrow();

        assertThat(configuration.settings().baseUri()).isEqualTo(URI.create("https://register.example.se/v2.0"));
        assertThat(configuration.interval()).as("off by default").isNull();
        assertThat(configuration.settings().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(configuration.overlap()).isEqualTo(Duration.ofMinutes(5));
        assertThat(configuration.fullReadAfter()).isEqualTo(3);

        Map<String, String> scheduled = minimal();
        scheduled.put("klassrum.ss12000.interval", "PT15M");
        scheduled.put("klassrum.ss12000.page-size", "500");
        assertThat(read(scheduled).orElseThrow().interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(read(scheduled).orElseThrow().settings().pageSize()).isEqualTo(500);
    }

    @Test
    void the_number_of_failed_delta_runs_before_a_whole_read_is_set_and_checked() {
        Map<String, String> values = minimal();
        values.put("klassrum.ss12000.full-read-after", "5");
        assertThat(read(values).orElseThrow().fullReadAfter()).isEqualTo(5);
        values.put("klassrum.ss12000.full-read-after", "0");
        assertThatThrownBy(() -> read(values)).hasMessage("klassrum.ss12000.full-read-after"
                + " (KLASSRUM_SS12000_FULL_READ_AFTER) is '0'; expected a number of runs, at least 1");
    }

    @Test
    void a_register_that_hands_out_tokens_is_set_up_with_client_credentials_instead_of_a_token() {
        Map<String, String> values = minimal();
        values.remove("klassrum.ss12000.token");
        values.put("klassrum.ss12000.token-url", "https://login.register.example.se/oauth2/token");
        values.put("klassrum.ss12000.client-id", "klassrum");
        values.put("klassrum.ss12000.client-secret", "s3cret");
        values.put("klassrum.ss12000.scope", "ss12000.read");

        var credentials = read(values).orElseThrow().settings().clientCredentials();

        assertThat(credentials.tokenUri()).isEqualTo(URI.create("https://login.register.example.se/oauth2/token"));
        assertThat(credentials.clientId()).isEqualTo("klassrum");
        assertThat(credentials.scope()).isEqualTo("ss12000.read");
        assertThat(credentials.toString()).doesNotContain("s3cret");
        assertThat(read(values).orElseThrow().settings().token()).isNull();

        Map<String, String> noSecret = new HashMap<>(values);
        noSecret.remove("klassrum.ss12000.client-secret");
        assertThatThrownBy(() -> read(noSecret)).hasMessage("the SS 12000 sync needs klassrum.ss12000.client-secret"
                + " (KLASSRUM_SS12000_CLIENT_SECRET) when klassrum.ss12000.token-url is set");
        Map<String, String> plain = new HashMap<>(values);
        plain.put("klassrum.ss12000.token-url", "http://login.register.example.se/oauth2/token");
        assertThatThrownBy(() -> read(plain)).hasMessageContaining("KLASSRUM_SS12000_TOKEN_URL").hasMessageContaining(
                "expected an https address");
        Map<String, String> both = new HashMap<>(values);
        both.put("klassrum.ss12000.token", "secret");
        assertThatThrownBy(() -> read(both)).hasMessage("the SS 12000 register without a name has both a token"
                + " (KLASSRUM_SS12000_TOKEN) and client credentials (KLASSRUM_SS12000_TOKEN_URL, ...); set one of them");
    }

    @Test
    void a_missing_or_wrong_setting_is_named_with_its_environment_variable() {
        Map<String, String> noToken = minimal();
        noToken.remove("klassrum.ss12000.token");
        assertThatThrownBy(() -> read(noToken)).hasMessage("the SS 12000 sync needs klassrum.ss12000.token"
                + " (KLASSRUM_SS12000_TOKEN), or client credentials (klassrum.ss12000.token-url,"
                + " klassrum.ss12000.client-id and klassrum.ss12000.client-secret), when klassrum.ss12000.base-url"
                + " is set");

        Map<String, String> badInterval = minimal();
        badInterval.put("klassrum.ss12000.interval", "15 minutes");
        assertThatThrownBy(() -> read(badInterval)).hasMessage("klassrum.ss12000.interval (KLASSRUM_SS12000_INTERVAL)"
                + " is '15 minutes'; expected an ISO 8601 duration such as PT15M");

        Map<String, String> plainHttp = minimal();
        plainHttp.put("klassrum.ss12000.base-url", "http://register.example.se/v2.0");
        assertThatThrownBy(() -> read(plainHttp)).as("the token must not travel in the clear")
                .hasMessage("klassrum.ss12000.base-url (KLASSRUM_SS12000_BASE_URL) is 'http://register.example.se/v2.0';"
                        + " expected an https address such as https://register.example.se/v2.0");
        plainHttp.put("klassrum.ss12000.base-url", "http://127.0.0.1:8089/v2.0");
        assertThat(read(plainHttp)).as("a stand-in register on this machine").isPresent();

        Map<String, String> badTenant = minimal();
        badTenant.put("klassrum.ss12000.tenant", "Provkommun");
        assertThatThrownBy(() -> read(badTenant)).hasMessageContaining("KLASSRUM_SS12000_TENANT");
    }

    @Test
    void an_installation_serving_several_organisations_names_a_register_for_each() {
        Map<String, String> values = minimal();
        values.put("klassrum.ss12000.registers", "norra, solbacka-gy");
        values.put("klassrum.ss12000.norra.base-url", "https://norra.example.se/ss12000/v2.0");
        values.put("klassrum.ss12000.norra.token", "norra-secret");
        values.put("klassrum.ss12000.norra.tenant", "6f1c2a3e-0000-4000-8000-000000000002");
        values.put("klassrum.ss12000.norra.interval", "PT30M");
        values.put("klassrum.ss12000.solbacka-gy.base-url", "https://solbacka.example.se/api");
        values.put("klassrum.ss12000.solbacka-gy.token", "solbacka-secret");
        values.put("klassrum.ss12000.solbacka-gy.tenant", "6f1c2a3e-0000-4000-8000-000000000003");

        List<Ss12000Configuration> registers = Ss12000Configuration.readAll(key -> Optional.ofNullable(values.get(key)));

        assertThat(registers).extracting(Ss12000Configuration::name).containsExactly("", "norra", "solbacka-gy");
        assertThat(registers.get(1).settings().token()).isEqualTo("norra-secret");
        assertThat(registers.get(1).interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(registers.get(2).interval()).as("each register's own schedule, off by default").isNull();
        assertThat(registers.get(2).tenantId()).isEqualTo(UUID.fromString("6f1c2a3e-0000-4000-8000-000000000003"));
    }

    @Test
    void a_named_register_with_a_missing_setting_or_the_organisation_of_another_is_refused_by_name() {
        Map<String, String> values = minimal();
        values.put("klassrum.ss12000.registers", "norra");
        values.put("klassrum.ss12000.norra.base-url", "https://norra.example.se/ss12000/v2.0");
        values.put("klassrum.ss12000.norra.tenant", TENANT);
        assertThatThrownBy(() -> Ss12000Configuration.readAll(key -> Optional.ofNullable(values.get(key))))
                .hasMessage("the SS 12000 sync needs klassrum.ss12000.norra.token (KLASSRUM_SS12000_NORRA_TOKEN), or"
                        + " client credentials (klassrum.ss12000.norra.token-url, klassrum.ss12000.norra.client-id and"
                        + " klassrum.ss12000.norra.client-secret), when klassrum.ss12000.norra.base-url is set");

        values.put("klassrum.ss12000.norra.token", "norra-secret");
        assertThatThrownBy(() -> Ss12000Configuration.readAll(key -> Optional.ofNullable(values.get(key))))
                .hasMessage("the SS 12000 registers without a name and 'norra' both feed the organisation " + TENANT
                        + "; an organisation has one register");

        values.put("klassrum.ss12000.registers", "norra,Södra");
        assertThatThrownBy(() -> Ss12000Configuration.readAll(key -> Optional.ofNullable(values.get(key))))
                .hasMessageContaining("names 'Södra'; expected names of lower-case letters, digits and dashes");

        values.put("klassrum.ss12000.registers", "sodra");
        assertThatThrownBy(() -> Ss12000Configuration.readAll(key -> Optional.ofNullable(values.get(key))))
                .hasMessage("klassrum.ss12000.registers (KLASSRUM_SS12000_REGISTERS) names 'sodra', but"
                        + " klassrum.ss12000.sodra.base-url (KLASSRUM_SS12000_SODRA_BASE_URL) is not set");
    }
}
