package se.klassrum.guardian.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    @Test
    void without_the_setting_a_forwarded_header_is_never_believed() {
        TrustedProxies none = TrustedProxies.parse(null);

        assertThat(none.clientOf("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.parse("  ").clientOf("127.0.0.1", List.of("198.51.100.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void a_request_from_an_untrusted_address_keeps_its_own_address_whatever_it_forwards() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.5");

        assertThat(proxies.clientOf("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void through_a_trusted_proxy_the_client_is_the_address_the_proxy_appended() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.5, 192.168.10.0/24");

        // The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
        assertThat(proxies.clientOf("10.0.0.5", List.of("1.2.3.4, 198.51.100.7"))).isEqualTo("198.51.100.7");
        // Two proxies of ours in a row, the second header line from the inner one.
        assertThat(proxies.clientOf("10.0.0.5", List.of("1.2.3.4, 198.51.100.7", "192.168.10.20")))
                .isEqualTo("198.51.100.7");
        assertThat(proxies.clientOf("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    void something_that_is_no_address_in_the_header_is_not_taken_for_the_client() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");

        assertThat(proxies.clientOf("10.0.0.5", List.of("evil.example, 10.1.1.1"))).isEqualTo("10.1.1.1");
        assertThat(proxies.clientOf("10.0.0.5", List.of("999.1.1.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6_ranges_and_addresses_work() {
        TrustedProxies proxies = TrustedProxies.parse("fd00::/8,::1");

        assertThat(proxies.trusts("fd12:3456::1")).isTrue();
        assertThat(proxies.trusts("::1")).isTrue();
        assertThat(proxies.trusts("2001:db8::1")).isFalse();
        assertThat(proxies.clientOf("fd12::9", List.of("2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void a_wrong_setting_names_the_setting() {
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example")).hasMessageContaining("klassrum.trusted-proxies");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("klassrum.trusted-proxies");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).hasMessageContaining("klassrum.trusted-proxies");
    }
}
