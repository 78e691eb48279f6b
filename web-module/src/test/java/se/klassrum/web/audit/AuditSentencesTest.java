package se.klassrum.web.audit;

import org.junit.jupiter.api.Test;
import se.klassrum.roster.boundary.AuditNames.GroupName;
import se.klassrum.roster.boundary.AuditNames.PersonName;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSentencesTest {

    private static final AuditSentences SWEDISH = new AuditSentences(Locale.forLanguageTag("sv"));
    private static final AuditSentences ENGLISH = new AuditSentences(Locale.ENGLISH);
    private static final String ANNA = "6f1c0d6e-8a65-4b4c-9a57-0c4d1d1f2a10";

    @Test
    void aReadReadsAsASentenceWithItsOutcomeInSwedishAndEnglish() {
        String sv = SWEDISH.actor("PERSON", ANNA, new PersonName("Anna", "Anna Andersson", false));
        String en = ENGLISH.actor("PERSON", ANNA, new PersonName("Anna", "Anna Andersson", false));

        assertThat(SWEDISH.sentence("ACCESS", sv, "Elsa", "ASSESSMENT", "READ", true) + " · " + SWEDISH.outcome(true))
                .isEqualTo("Anna Andersson läste Elsas omdömen · tillåtet");
        assertThat(ENGLISH.sentence("ACCESS", en, "Elsa", "ASSESSMENT", "READ", true) + " · " + ENGLISH.outcome(true))
                .isEqualTo("Anna Andersson read Elsa's assessments · allowed");
    }

    @Test
    void aRefusalSaysWhatWasTriedAndIsDenied() {
        assertThat(SWEDISH.sentence("ACCESS", "Cecilia Carlsson", "Elsa", "STUDENT_PROFILE", "READ", false))
                .isEqualTo("Cecilia Carlsson försökte läsa Elsas profil");
        assertThat(ENGLISH.sentence("ACCESS", "Cecilia Carlsson", "Elsa", "SUBMISSION", "WRITE", false))
                .isEqualTo("Cecilia Carlsson tried to change Elsa's submissions");
        assertThat(SWEDISH.outcome(false)).isEqualTo("nekat");
        assertThat(ENGLISH.outcome(false)).isEqualTo("denied");
    }

    @Test
    void aNameEndingInSTakesNoFurtherS() {
        assertThat(SWEDISH.sentence("ACCESS", "Anna Andersson", "Lars", "POST", "READ", true))
                .isEqualTo("Anna Andersson läste Lars inlägg");
        assertThat(ENGLISH.sentence("ACCESS", "Anna Andersson", "Lars", "POST", "READ", true))
                .isEqualTo("Anna Andersson read Lars' posts");
    }

    @Test
    void aProtectedActorAnApplicationAndNobodyAreNeverShownByName() {
        assertThat(SWEDISH.actor("PERSON", ANNA, new PersonName(null, null, true))).isEqualTo("En person vars namn inte visas");
        assertThat(ENGLISH.actor("PERSON", ANNA, new PersonName(null, null, true))).isEqualTo("A person whose name is not shown");
        assertThat(SWEDISH.actor("APPLICATION", "lms-export", null)).isEqualTo("Applikationen lms-export");
        assertThat(ENGLISH.actor("ANONYMOUS", null, null)).isEqualTo("Someone not signed in");
        assertThat(SWEDISH.sentence("ACCESS", "En person vars namn inte visas", null, "STUDENT_PROFILE", "READ", false))
                .isEqualTo("En person vars namn inte visas försökte läsa elevens profil");
    }

    @Test
    void explanationsAndAdministrativeChangesHaveSentencesOfTheirOwn() {
        assertThat(SWEDISH.sentence("EXPLAIN", "Sara Svensson", "Elsa", "ASSESSMENT", "READ", false))
                .isEqualTo("Sara Svensson frågade varför åtkomsten till Elsas omdömen är som den är (läsa)");
        assertThat(SWEDISH.sentence("ADMINISTRATION", "Sara Svensson", "Ivar", "GUARDIAN_LINK", "REACTIVATE_AFTER_MAJORITY", true))
                .isEqualTo("Sara Svensson återaktiverade en vårdnadshavarkoppling till Ivar efter myndighetsdagen");
        assertThat(SWEDISH.sentence("ADMINISTRATION", "Sara Svensson", "Ivar", "GUARDIAN_LINK", "RECORD_CONSENT", true))
                .isEqualTo("Sara Svensson registrerade Ivars samtycke till att en vårdnadshavare behåller åtkomsten efter 18 år");
        assertThat(ENGLISH.sentence("ADMINISTRATION", "Sara Svensson", "Ivar", "GUARDIAN_LINK", "WITHDRAW_CONSENT", true))
                .isEqualTo("Sara Svensson recorded that Ivar withdrew their consent for a guardian, which ended the link for good");
        assertThat(ENGLISH.sentence("ADMINISTRATION", "Sara Svensson", "Elsa", "GUARDIAN_LOGIN", "DISABLE_LOGIN", true))
                .isEqualTo("Sara Svensson disabled the login of a guardian of Elsa");
    }

    @Test
    void aNameIsNeverReadAsAPlaceholder() {
        assertThat(SWEDISH.sentence("ACCESS", "{student} {verb}", "{kind}", "POST", "READ", true))
                .isEqualTo("{student} {verb} läste {kind}s inlägg");
    }

    @Test
    void aRefusalsReasonsAreWordedAsTheExplanationsWordThem() {
        // A student-level question names no group: the school in question is "any school concerned".
        assertThat(SWEDISH.reasons(List.of("ROLE_TEACHER", "OWNS_TEACHING_GROUP"), "STUDENT_PROFILE", "READ", null, false))
                .containsExactly("Användaren har inte rollen Lärare på någon berörd skola",
                        "Användaren är inte ägare till någon ansluten, icke arkiverad undervisningsgrupp där eleven är aktiv medlem");
        assertThat(ENGLISH.reasons(List.of("PUBLISHED"), "ASSESSMENT", "READ", null, false))
                .containsExactly("Students and guardians see only published assessments; this one is a draft");
        assertThat(SWEDISH.reasons(List.of("UNKNOWN_STUDENT_OR_GROUP"), "POST", "READ", null, false))
                .containsExactly("Eleven eller gruppen finns inte");
    }

    @Test
    void aGroupIsNamedOnlyWhereTheReaderMaySeeIt() {
        assertThat(SWEDISH.reasons(List.of("CHILD_MEMBER_OF_GROUP"), "POST", "READ", new GroupName("Ma1c-A", "Solbacka gymnasium"), true))
                .containsExactly("Eleven är inte aktiv medlem i gruppen Ma1c-A");
        assertThat(SWEDISH.reasons(List.of("CHILD_MEMBER_OF_GROUP"), "POST", "READ", new GroupName(null, null), true))
                .containsExactly("Eleven är inte aktiv medlem i gruppen (en grupp på en annan skola)");
        assertThat(ENGLISH.reasons(List.of("ROLE_TEACHER"), "POST", "WRITE", new GroupName(null, null), true))
                .containsExactly("The user has no active role Teacher at another school");
    }
}
