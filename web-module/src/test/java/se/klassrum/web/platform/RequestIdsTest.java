package se.klassrum.web.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import se.klassrum.access.api.Actor;

import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Test
    void aWellFormedIncomingIdIsKept() {
        assertThat(RequestIds.accept("proxy-7f3a.b_2")).isEqualTo("proxy-7f3a.b_2");
        assertThat(RequestIds.accept("a".repeat(64))).isEqualTo("a".repeat(64));
    }

    @Test
    void anIllFormedOrMissingIdIsReplacedByANewUuid() {
        for (String given : new String[]{null, "", " ", "a".repeat(65), "two words", "line\nbreak", "quote\"", "åäö",
                "{\"json\":1}", "id;drop"}) {
            String id = RequestIds.accept(given);
            assertThat(id).as(String.valueOf(given)).isNotEqualTo(given);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
        assertThat(RequestIds.accept(null)).as("a new id each time").isNotEqualTo(RequestIds.accept(null));
    }

    @Test
    void theRequestLineIsOneJsonObjectWithoutAnyPerson() {
        String line = RequestLog.line("req-1", "GET", "/api/v1/students/{id}", 403, 12_345_678L, "person");

        assertThat(line).doesNotContain("\n");
        JsonObject read = Json.createReader(new StringReader(line)).readObject();
        assertThat(read.getString("requestId")).isEqualTo("req-1");
        assertThat(read.getString("method")).isEqualTo("GET");
        assertThat(read.getString("endpoint")).isEqualTo("/api/v1/students/{id}");
        assertThat(read.getInt("status")).isEqualTo(403);
        assertThat(read.getJsonNumber("durationMs").doubleValue()).isEqualTo(12.35);
        assertThat(read.getString("caller")).isEqualTo("person");
        assertThat(read.keySet()).containsExactlyInAnyOrder("requestId", "method", "endpoint", "status", "durationMs", "caller");
    }

    @Test
    void theCallerIsNamedByItsKindOnly() {
        UUID person = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();

        assertThat(RequestLog.callerKind(Optional.of(Actor.person(person, tenant)))).isEqualTo("person");
        assertThat(RequestLog.callerKind(Optional.of(Actor.guardian(person, tenant)))).isEqualTo("guardian");
        assertThat(RequestLog.callerKind(Optional.of(new Actor.Application("sis-export", tenant, Set.of()))))
                .isEqualTo("application");
        assertThat(RequestLog.callerKind(Optional.empty())).isEqualTo("none");
    }
}
