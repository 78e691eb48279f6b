package se.klassrum.access.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessagesTest {

    static Properties bundleFile(String name) {
        try (InputStream in = MessagesTest.class.getResourceAsStream("/se/klassrum/access/" + name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Properties ENGLISH = bundleFile("messages.properties");
    static final Properties SWEDISH = bundleFile("messages_sv.properties");

    @ParameterizedTest
    @EnumSource(Prerequisite.class)
    void everyCodeHasAPassAndAFailMessageInSwedishAndEnglish(Prerequisite code) {
        for (Properties bundle : new Properties[] {ENGLISH, SWEDISH}) {
            assertThat(bundle.getProperty(code.name() + ".passed")).isNotBlank();
            assertThat(bundle.getProperty(code.name() + ".failed")).isNotBlank();
        }
    }

    @Test
    void swedishAndEnglishHaveTheSameMessagesWithTheSamePlaceholders() {
        assertThat(SWEDISH.stringPropertyNames()).isEqualTo(ENGLISH.stringPropertyNames());
        for (String key : ENGLISH.stringPropertyNames()) {
            assertThat(placeholders(SWEDISH.getProperty(key))).as(key).isEqualTo(placeholders(ENGLISH.getProperty(key)));
        }
    }

    @Test
    void swedishFileIsReallySwedish() {
        assertThat(SWEDISH.getProperty("GUARDIAN_LINK.failed.adult")).contains("Eleven har fyllt 18 år");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        int open = text.indexOf('{');
        while (open >= 0) {
            int close = text.indexOf('}', open);
            names.add(text.substring(open + 1, close));
            open = text.indexOf('{', close);
        }
        return names;
    }

    @Test
    void swedishIsTheDefaultAndEnglishIsChosenByLanguage() {
        PrerequisiteCheck check = new PrerequisiteCheck(Prerequisite.SYLLABUS_LINKED, false,
                Map.of("group", "9A Matematik", "syllabus", "", "detail", "noSyllabus"));

        assertThat(Messages.describe(check)).isEqualTo("Gruppen 9A Matematik har ingen kursplan kopplad");
        assertThat(Messages.describe(check, null)).isEqualTo("Gruppen 9A Matematik har ingen kursplan kopplad");
        assertThat(Messages.describe(check, Locale.FRENCH)).isEqualTo("Gruppen 9A Matematik har ingen kursplan kopplad");
        assertThat(Messages.describe(check, Locale.UK)).isEqualTo("The group 9A Matematik has no syllabus linked");
    }

    @Test
    void detailRefinesTheMessageAndFallsBackToThePlainOne() {
        PrerequisiteCheck archived = new PrerequisiteCheck(Prerequisite.OWNS_TEACHING_GROUP, false,
                Map.of("group", "8B", "school", "Norrskolan", "detail", "archived"));
        PrerequisiteCheck unknownDetail = new PrerequisiteCheck(Prerequisite.GUARDIAN_LOGIN, false,
                Map.of("detail", "somethingNew"));

        assertThat(Messages.describe(archived, Locale.ENGLISH)).isEqualTo("The group 8B is archived");
        assertThat(Messages.describe(unknownDetail)).isEqualTo(SWEDISH.getProperty("GUARDIAN_LOGIN.failed"));
    }

    @Test
    void enumeratedArgumentsAreTranslated() {
        PrerequisiteCheck check = new PrerequisiteCheck(Prerequisite.OPERATION_ALLOWED, false,
                Map.of("path", "MENTOR", "operation", "WRITE", "kind", "ASSESSMENT"));

        assertThat(Messages.describe(check)).isEqualTo("En mentor får inte skriva omdömen");
        assertThat(Messages.describe(check, Locale.ENGLISH)).isEqualTo("A mentor may not write assessments");
    }

    @Test
    void passedChecksAreDescribedToo() {
        PrerequisiteCheck check = new PrerequisiteCheck(Prerequisite.ROLE_MENTOR, true, Map.of("school", "Solbackaskolan"));

        assertThat(Messages.describe(check)).isEqualTo("Användaren har rollen Mentor på Solbackaskolan");
    }

    @Test
    void aRefusalIsToldToThePersonItIsAboutWithWhatTheyCanDo() {
        PrerequisiteCheck subject = new PrerequisiteCheck(Prerequisite.TEACHER_SUBJECT, false,
                Map.of("syllabus", "ENGENG05", "school", "Solbacka gymnasium", "detail", "notLinked"));

        assertThat(Messages.toCaller(subject, null))
                .isEqualTo("Du är inte kopplad till ämnet för kursplanen ENGENG05 på Solbacka gymnasium");
        assertThat(Messages.toCaller(subject, Locale.ENGLISH))
                .isEqualTo("You are not linked to the subject of the syllabus ENGENG05 at Solbacka gymnasium");
        assertThat(Messages.nextStep(subject, null))
                .isEqualTo("Be skoladministratören koppla dig till ämnet för kursplanen ENGENG05 på Solbacka gymnasium.");
        assertThat(Messages.describe(subject)).as("the explain page still speaks of the person asked about")
                .startsWith("Användaren är inte kopplad");
    }

    @Test
    void aCheckWithoutItsOwnWordingForTheReaderIsDescribedAsUsual() {
        PrerequisiteCheck archived = new PrerequisiteCheck(Prerequisite.OWNS_TEACHING_GROUP, false,
                Map.of("group", "8B", "school", "Norrskolan", "detail", "archived"));
        PrerequisiteCheck draft = new PrerequisiteCheck(Prerequisite.PUBLISHED, false, Map.of("kind", "ASSESSMENT"));

        assertThat(Messages.toCaller(archived, null)).as("a detail's own message wins over the general one")
                .isEqualTo("Gruppen 8B är arkiverad");
        assertThat(Messages.toCaller(draft, null)).isEqualTo(Messages.describe(draft, null));
        assertThat(Messages.nextStep(draft, null)).as("nothing to do about a draft").isNull();
        assertThat(Messages.nextStep(new PrerequisiteCheck(Prerequisite.LICENCE, true, Map.of()), null)).isNull();
    }
}
