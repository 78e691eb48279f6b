package se.klassrum.web;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * Adulthood over HTTP (TRANSITIONS.md, A1–A3): a guardian link ends on the student's 18th birthday, continues only by the
 * student's consent as the school records it, and ends for good when the consent is withdrawn; the school lists the
 * students whose birth date it lacks. The demo's Ivar turned 18 a month ago; his father Lars signs in through an
 * identity provider. Each test leaves the demo's facts as it found them: other scenarios share the database.
 */
abstract class AdulthoodChecks extends ServerCalls {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final String IVAR_CONSENT = "/api/v1/guardian/administration/links/" + GUARDIAN_LINK_LARS_IVAR + "/consent";

    private static String sara() {
        return "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);
    }

    private static String lars() {
        return "Bearer " + TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA, idpSubject("lars"));
    }

    private static String consent(LocalDate day) {
        return "{\"consentDate\":\"" + day + "\"}";
    }

    @Test
    void aGuardianOfAStudentOf18IsRefusedUntilTheSchoolRecordsTheConsentAndForGoodOnceItIsWithdrawn(DataSource database)
            throws Exception {
        LocalDate today = LocalDate.now(SWEDEN);
        String ivar = "/api/v1/students/" + PERSON_IVAR;
        long auditedBefore = administrationEntries(database);
        try {
            HttpResponse<String> ended = call("GET", ivar, lars(), null, "en");
            assertThat(ended.statusCode()).isEqualTo(403);
            assertThat(ended.body()).contains("\"code\":\"GUARDIAN_LINK\"").contains("\"detail\":\"adult\"")
                    .contains("The student has turned 18, so the guardian link ended at majority; it continues only if the "
                            + "student consents and the school records the consent");

            assertThat(call("POST", IVAR_CONSENT, "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA),
                    consent(today), null).statusCode()).as("a teacher is no administrator").isEqualTo(403);
            HttpResponse<String> tomorrow = call("POST", IVAR_CONSENT, sara(), consent(today.plusDays(1)), "en");
            assertThat(tomorrow.statusCode()).isEqualTo(400);
            assertThat(tomorrow.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(tomorrow.body()).contains("\"code\":\"CONSENT_DATE_INVALID\"");

            HttpResponse<String> recorded = call("POST", IVAR_CONSENT, sara(), consent(today.minusDays(2)), "sv");
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
            assertThat(recorded.body()).contains("\"consent\":\"RECORDED\"").contains("\"recordedBy\":\"Sara Svensson\"")
                    .contains("\"consentDate\":\"" + today.minusDays(2) + "\"").contains("\"givesAccess\":true");
            HttpResponse<String> again = call("GET", ivar, lars(), null, "en");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(again.body()).contains("Ivar");
            assertThat(call("GET", "/api/v1/guardian/children", lars(), null, null).body()).contains("Ivar");
            assertThat(call("POST", IVAR_CONSENT, sara(), consent(today), "en").body())
                    .contains("\"code\":\"CONSENT_ALREADY_RECORDED\"");

            HttpResponse<String> withdrawn = call("DELETE", IVAR_CONSENT, sara(), null, "en");
            assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
            assertThat(withdrawn.body()).contains("\"consent\":\"WITHDRAWN\"").contains("\"withdrawnBy\":\"Sara Svensson\"")
                    .contains("\"givesAccess\":false");
            HttpResponse<String> refused = call("GET", ivar, lars(), null, "sv");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("\"detail\":\"consentWithdrawn\"")
                    .contains("Eleven har återkallat sitt samtycke, så vårdnadshavarkopplingen har upphört för gott");
            assertThat(call("GET", "/api/v1/guardian/children", lars(), null, null).body()).isEqualTo("[]");

            HttpResponse<String> revived = call("POST", IVAR_CONSENT, sara(), consent(today), "sv");
            assertThat(revived.statusCode()).isEqualTo(409);
            assertThat(revived.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(revived.body()).contains("\"code\":\"CONSENT_WITHDRAWN\"")
                    .contains("Ivar Isaksson har återkallat sitt samtycke för Lars Isaksson; kopplingen har upphört för gott");
            assertThat(call("POST", IVAR_CONSENT, sara(), consent(today), "en").body())
                    .contains("Ivar Isaksson has withdrawn their consent for Lars Isaksson; the link has ended for good");
            assertThat(call("DELETE", IVAR_CONSENT, sara(), null, "en").body()).contains("\"code\":\"CONSENT_WITHDRAWN\"");
            assertThat(call("GET", ivar, lars(), null, null).statusCode()).isEqualTo(403);

            assertThat(administrationEntries(database) - auditedBefore).as("one entry per change, none per refusal").isEqualTo(2);
            assertThat(Sql.strings(database, "select operation || ' ' || actor_id from audit_entry where purpose = 'ADMINISTRATION' "
                            + "and data_kind = 'GUARDIAN_LINK' and student_id = ? order by seq desc limit 2", PERSON_IVAR.toString()))
                    .containsExactly("WITHDRAW_CONSENT " + PERSON_SARA, "RECORD_CONSENT " + PERSON_SARA);
        } finally {
            Sql.update(database, "delete from guardian_consent where link_id = ?", GUARDIAN_LINK_LARS_IVAR);
        }
    }

    @Test
    void aConsentIsRefusedBeforeThe18thBirthdayWithoutABirthDateWhichEndsNothingAndForALinkThatIsNotActive(DataSource database)
            throws Exception {
        LocalDate today = LocalDate.now(SWEDEN);
        String elsa = "/api/v1/guardian/administration/links/" + GUARDIAN_LINK_KARIN_ELSA + "/consent";
        String elsasBirthDate = Sql.strings(database, "select birth_date::text from person where id = ?", PERSON_ELSA).getFirst();
        String ivarsBirthDate = Sql.strings(database, "select birth_date::text from person where id = ?", PERSON_IVAR).getFirst();
        try {
            HttpResponse<String> minor = call("POST", elsa, sara(), consent(today), "en");
            assertThat(minor.statusCode()).isEqualTo(409);
            assertThat(minor.body()).contains("\"code\":\"CONSENT_BEFORE_MAJORITY\"")
                    .contains("Elsa Ek turns 18 on " + LocalDate.parse(elsasBirthDate).plusYears(18));

            Sql.update(database, "update person set birth_date = null where id = ?", PERSON_ELSA);
            HttpResponse<String> unknown = call("POST", elsa, sara(), consent(today), "sv");
            assertThat(unknown.statusCode()).isEqualTo(409);
            assertThat(unknown.body()).contains("\"code\":\"CONSENT_BIRTH_DATE_UNKNOWN\"")
                    .contains("Elsa Ek har inget känt födelsedatum");
            Sql.update(database, "update person set birth_date = cast(? as date) where id = ?", elsasBirthDate, PERSON_ELSA);

            // A3: without a birth date nothing ends by itself, so Lars reaches Ivar as the register links them.
            Sql.update(database, "update person set birth_date = null where id = ?", PERSON_IVAR);
            assertThat(call("GET", "/api/v1/students/" + PERSON_IVAR, lars(), null, null).statusCode()).isEqualTo(200);
            assertThat(call("POST", IVAR_CONSENT, sara(), consent(today), "en").body())
                    .contains("\"code\":\"CONSENT_BIRTH_DATE_UNKNOWN\"");
            Sql.update(database, "update person set birth_date = cast(? as date) where id = ?", ivarsBirthDate, PERSON_IVAR);
            assertThat(call("GET", "/api/v1/students/" + PERSON_IVAR, lars(), null, null).statusCode()).isEqualTo(403);

            Sql.update(database, "update guardian_link set active = false where id = ?", GUARDIAN_LINK_LARS_IVAR);
            HttpResponse<String> inactive = call("POST", IVAR_CONSENT, sara(), consent(today), "en");
            assertThat(inactive.statusCode()).isEqualTo(409);
            assertThat(inactive.body()).contains("\"code\":\"CONSENT_LINK_NOT_ACTIVE\"");

            assertThat(call("DELETE", IVAR_CONSENT, sara(), null, "en").body()).contains("\"code\":\"NO_CONSENT\"");
            assertThat(Sql.number(database, "select count(*) from guardian_consent where link_id in (?, ?)",
                    GUARDIAN_LINK_LARS_IVAR, GUARDIAN_LINK_KARIN_ELSA)).as("nothing recorded").isZero();
        } finally {
            Sql.update(database, "update person set birth_date = cast(? as date) where id = ?", elsasBirthDate, PERSON_ELSA);
            Sql.update(database, "update person set birth_date = cast(? as date) where id = ?", ivarsBirthDate, PERSON_IVAR);
            Sql.update(database, "update guardian_link set active = true where id = ?", GUARDIAN_LINK_LARS_IVAR);
            Sql.update(database, "delete from guardian_consent where link_id in (?, ?)", GUARDIAN_LINK_LARS_IVAR,
                    GUARDIAN_LINK_KARIN_ELSA);
        }
    }

    @Test
    void theSchoolListsItsStudentsWithoutABirthDateButNoProtectedOneItHasNoPathTo(DataSource database) throws Exception {
        String klarasBirthDate = Sql.strings(database, "select birth_date::text from person where id = ?", PERSON_KLARA).getFirst();
        String gretasBirthDate = Sql.strings(database, "select birth_date::text from person where id = ?", PERSON_GRETA).getFirst();
        String list = "/api/v1/students/without-birth-date";
        assertThat(call("GET", list, sara(), null, null).body()).doesNotContain("Klara");
        try {
            Sql.update(database, "update person set birth_date = null where id in (?, ?)", PERSON_KLARA, PERSON_GRETA);

            HttpResponse<String> students = call("GET", list, sara(), null, null);

            assertThat(students.statusCode()).isEqualTo(200);
            assertThat(students.body()).contains("{\"id\":\"" + PERSON_KLARA + "\",\"name\":\"Klara Kvist\",\"schools\":[\"")
                    .doesNotContain("Greta").doesNotContain(PERSON_GRETA.toString());
            assertThat(call("GET", list, "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA), null, null)
                    .statusCode()).as("a teacher").isEqualTo(403);
            assertThat(call("GET", list, "Bearer " + TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_OLLE), null, null)
                    .statusCode()).as("another organisation's teacher").isEqualTo(403);
            assertThat(call("GET", list, lars(), null, null).statusCode()).as("a guardian").isEqualTo(403);
        } finally {
            Sql.update(database, "update person set birth_date = cast(? as date) where id = ?", klarasBirthDate, PERSON_KLARA);
            Sql.update(database, "update person set birth_date = cast(? as date) where id = ?", gretasBirthDate, PERSON_GRETA);
        }
    }

    @Test
    void theSchoolSeesTheLinksOfItsAdultStudentsWithTheirConsent() throws Exception {
        HttpResponse<String> links = call("GET", "/api/v1/guardian/administration/adult-links", sara(), null, null);

        assertThat(links.statusCode()).isEqualTo(200);
        assertThat(links.body()).contains("\"linkId\":\"" + GUARDIAN_LINK_LARS_IVAR + "\"").contains("\"studentName\":\"Ivar Isaksson\"")
                .contains("\"guardianName\":\"Lars Isaksson\"").contains("\"consent\":\"NONE\"").contains("\"givesAccess\":false")
                .doesNotContain("Elsa").doesNotContain("Rut");
        assertThat(call("GET", "/api/v1/guardian/administration/adult-links",
                "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA), null, null).statusCode()).isEqualTo(403);
    }

    private static long administrationEntries(DataSource database) throws Exception {
        return Sql.number(database, "select count(*) from audit_entry where purpose = 'ADMINISTRATION' and data_kind = 'GUARDIAN_LINK' "
                + "and student_id = ?", PERSON_IVAR.toString());
    }
}
