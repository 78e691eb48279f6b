package se.klassrum.roster.sync;

import se.klassrum.roster.testing.ss12000.Register;
import se.klassrum.roster.testing.ss12000.Ss12000Contract;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check that keeps the stand-in register true to SS 12000 v2.1 really checks: answers shaped as the
 * specification says pass, and answers that break it (a missing required name, a group type the standard
 * does not define, a page token that is not text) are refused, also when a test tries to serve them.
 */
class Ss12000ContractTest {

    private final Ss12000Contract contract = Ss12000Contract.get();

    private static String page(JsonObject entity) {
        return Json.createObjectBuilder().add("data", Json.createArrayBuilder().add(entity)).addNull("pageToken")
                .build().toString();
    }

    @Test
    void the_specification_read_is_ss12000_version_2_1() {
        assertThat(contract.version()).isEqualTo("2.1.0");
    }

    @Test
    void answers_shaped_as_the_specification_says_pass() {
        assertThat(contract.violations("/persons", 200, page(Ss12000SyncTest.elsa()))).isEmpty();
        assertThat(contract.violations("/groups", 200, page(Ss12000SyncTest.groups().get(0)))).isEmpty();
        assertThat(contract.violations("/organisations", 200, page(Ss12000SyncTest.organisations().get(1)))).isEmpty();
        // The specification's own key "activitites" is what a conforming register sends.
        String deleted = Json.createObjectBuilder().add("data", Json.createObjectBuilder()
                .add("activitites", Json.createArrayBuilder().add(Register.id("a")))).build().toString();
        assertThat(contract.violations("/deletedEntities", 200, deleted)).isEmpty();
    }

    @Test
    void a_person_without_a_family_name_breaks_the_standard() {
        JsonObject person = Json.createObjectBuilder(Ss12000SyncTest.elsa()).remove("familyName").build();

        assertThat(contract.violations("/persons", 200, page(person))).singleElement().asString()
                .contains("familyName");
    }

    @Test
    void a_group_type_the_standard_does_not_define_breaks_it() {
        JsonObject group = Json.createObjectBuilder(Ss12000SyncTest.groups().get(0)).add("groupType", "Klassrum").build();

        assertThat(contract.violations("/groups", 200, page(group))).isNotEmpty();
    }

    @Test
    void a_page_token_that_is_not_text_breaks_the_standard() {
        String body = Json.createObjectBuilder().add("data", Json.createArrayBuilder()).add("pageToken", 2).build()
                .toString();

        assertThat(contract.violations("/syllabuses", 200, body)).isNotEmpty();
    }

    @Test
    void the_stand_in_register_refuses_to_serve_a_stub_that_breaks_the_standard() {
        JsonObject unnamed = Json.createObjectBuilder(Ss12000SyncTest.organisations().get(1)).remove("displayName").build();
        try (Register register = new Register()) {
            assertThatThrownBy(() -> register.serve("organisations", List.of(unnamed), 10))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("breaks SS 12000");
            assertThatThrownBy(() -> register.serveDeleted(Map.of("persons", List.of("not-a-list-of-ids-but-fine"))))
                    .as("ids are uuids").isInstanceOf(AssertionError.class);
        }
    }
}
