package se.klassrum.roster.sync.ss12000;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client facing a register that does not keep to SS 12000 (these answers break the standard on purpose, so
 * they are not served by the checked stand-in): it stops with a message that names the request, never loops
 * and never hangs.
 */
class Ss12000ClientTest {

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    /** Each request sent once: Fault Tolerance's retries act in the container only (LiveSyncChecks). */
    private Ss12000Client client(URI base) {
        return Ss12000Client.of(new Ss12000Settings(base, "token", 0, Duration.ofSeconds(5)), new Ss12000Requests());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void an_answer_that_is_not_json_is_refused_naming_the_request() {
        server.start();
        server.stubFor(get(urlPathEqualTo("/v2.0/persons")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Logga in</html>")));

        assertThatThrownBy(() -> client(URI.create(server.baseUrl() + "/v2.0")).list(Endpoint.PERSONS, null))
                .isInstanceOf(Ss12000Exception.class)
                .hasMessage("the student register's answer to GET /persons cannot be used: the answer is not a JSON object")
                .extracting(e -> ((Ss12000Exception) e).reason()).isEqualTo(Ss12000Exception.Reason.BAD_ANSWER);
    }

    @Test
    void a_page_token_that_comes_back_again_stops_the_read_instead_of_looping() {
        server.start();
        server.stubFor(get(urlPathEqualTo("/v2.0/groups")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":[],\"pageToken\":\"same\"}")));

        assertThatThrownBy(() -> client(URI.create(server.baseUrl() + "/v2.0")).list(Endpoint.GROUPS, null))
                .hasMessageContaining("the register sent the same pageToken twice");
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v2.0/groups")))).hasSize(2);
    }

    @Test
    void a_register_that_does_not_answer_at_all_is_reported_as_unavailable() {
        server.start();
        URI base = URI.create(server.baseUrl() + "/v2.0");
        server.stop();

        assertThatThrownBy(() -> client(base).list(Endpoint.ORGANISATIONS, null))
                .isInstanceOf(Ss12000Exception.class)
                .hasMessageStartingWith("the student register did not answer GET /organisations after 1 attempt"
                        + " (last: no answer")
                .hasMessageEndingWith("nothing was written, and the next sync tries again")
                .extracting(e -> ((Ss12000Exception) e).reason()).isEqualTo(Ss12000Exception.Reason.UNAVAILABLE);
    }

    @Test
    void an_entity_without_an_id_is_refused() {
        server.start();
        server.stubFor(get(urlPathEqualTo("/v2.0/syllabuses")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":[{\"subjectName\":\"Matematik\"}],\"pageToken\":null}")));

        assertThatThrownBy(() -> client(URI.create(server.baseUrl() + "/v2.0")).list(Endpoint.SYLLABUSES, null))
                .hasMessage("the student register's answer to GET /syllabuses cannot be used: an entity without an id");
    }
}
