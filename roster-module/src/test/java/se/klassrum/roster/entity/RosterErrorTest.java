package se.klassrum.roster.entity;

import org.junit.jupiter.api.Test;
import se.klassrum.roster.testing.TestDatabase;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RosterErrorTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    @Test
    void every_code_speaks_swedish_and_english_with_the_same_placeholders() {
        for (RosterError error : RosterError.values()) {
            assertThat(error.templateSv()).as(error + " (sv)").isNotBlank().isNotEqualTo(error.templateEn());
            assertThat(error.templateEn()).as(error + " (en)").isNotBlank();
            assertThat(placeholders(error.templateSv())).as(error + " placeholders")
                    .isEqualTo(placeholders(error.templateEn()));
        }
    }

    @Test
    void every_constraint_a_code_names_exists_in_the_migrations() {
        String migration = TestDatabase.rosterMigrations();
        assertThat(migration).contains("create table tenant", "create table guardian_login");
        for (RosterError error : RosterError.values()) {
            error.constraint().ifPresent(name ->
                    assertThat(migration).as(error + " names a constraint").contains("constraint " + name + " "));
        }
        assertThat(RosterError.forConstraint("uq_person_external_id")).contains(RosterError.DUPLICATE_EXTERNAL_ID);
        assertThat(RosterError.forConstraint("ck_unknown")).isEmpty();
    }

    @Test
    void labelled_values_are_shown_in_the_language_of_the_message() {
        RosterException duplicate = RosterException.of(RosterError.DUPLICATE_SCHOOL_ROLE,
                "person", "Anna Andersson", "role", RoleKind.TEACHER, "school", "Solbacka gymnasium",
                "validFrom", "2025-08-15");

        assertThat(duplicate.messageSv())
                .isEqualTo("Anna Andersson har redan rollen Lärare på Solbacka gymnasium från 2025-08-15.");
        assertThat(duplicate.message(Locale.ENGLISH))
                .isEqualTo("Anna Andersson already has the role Teacher at Solbacka gymnasium from 2025-08-15.");
        assertThat(duplicate.getMessage()).startsWith("DUPLICATE_SCHOOL_ROLE: Anna Andersson already has");
    }

    @Test
    void a_missing_value_shows_as_a_dash_and_a_value_with_special_characters_is_shown_as_is() {
        assertThat(RosterError.UNKNOWN_GROUP.formatEn(Map.of())).isEqualTo("There is no group with id –.");
        assertThat(RosterError.UNKNOWN_GROUP.formatEn(Map.of("id", "$1 {x} \\")))
                .isEqualTo("There is no group with id $1 {x} \\.");
    }

    private static Set<String> placeholders(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        return matcher.results().map(result -> result.group(1)).collect(Collectors.toSet());
    }
}
