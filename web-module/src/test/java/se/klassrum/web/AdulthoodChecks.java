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

    /**
     * Both lists page with sealed cursors, a page of students at a time, however many students there are: with one
     * student a page, the students without a birth date come one by one, in the order of the whole list, each once, and
     * Greta, protected and out of Sara's reach, leaves no page short and no trace; the adult students' links come a
     * student at a time, all of that student's links on one page. A changed cursor is refused.
     */
    @Test
    void theSchoolPagesThroughBothListsAStudentAtATime(DataSource database) throws Exception {
        String klarasBirthDate = Sql.strings(database, "select birth_date::text from person where id = ?", PERSON_KLARA).getFirst();
        String gretasBirthDate = Sql.strings(database, "select birth_date::text from person where id = ?", PERSON_GRETA).getFirst();
        String elsasBirthDate = Sql.strings(database, "select birth_date::text from person where id = ?", PERSON_ELSA).getFirst();
        try {
            Sql.update(database, "update person set birth_date = null where id in (?, ?, ?)", PERSON_KLARA, PERSON_GRETA,
                    PERSON_ELSA);
            String withoutBirthDate = "/api/v1/students/without-birth-date";
            java.util.List<String> whole = ids(call("GET", withoutBirthDate, sara(), null, null).body(), "id");

            java.util.List<java.util.List<String>> pages = pages(withoutBirthDate, "id");

            assertThat(whole).contains(PERSON_ELSA.toString(), PERSON_KLARA.toString()).doesNotContain(PERSON_GRETA.toString());
            assertThat(pages).as("one student a page").hasSizeGreaterThan(1).allSatisfy(page -> assertThat(page).hasSize(1));
            assertThat(pages.stream().flatMap(java.util.List::stream).toList()).isEqualTo(whole);

            // Elsa is 18 for a moment: her link to Karin joins Ivar's to Lars, each student's links on a page of their own.
            Sql.update(database, "update person set birth_date = ? where id = ?", LocalDate.now(SWEDEN).minusYears(20),
                    PERSON_ELSA);
            String adultLinks = "/api/v1/guardian/administration/adult-links";
            java.util.List<String> allStudents = ids(call("GET", adultLinks, sara(), null, null).body(), "studentId");

            java.util.List<java.util.List<String>> linkPages = pages(adultLinks, "studentId");

            assertThat(allStudents).contains(PERSON_ELSA.toString(), PERSON_IVAR.toString());
            assertThat(linkPages).hasSizeGreaterThan(1)
                    .allSatisfy(page -> assertThat(new java.util.HashSet<>(page)).as("one student a page").hasSize(1));
            assertThat(linkPages.stream().flatMap(java.util.List::stream).toList()).isEqualTo(allStudents);

            String cursor = nextCursor(call("GET", adultLinks + "?limit=1", sara(), null, null).body());
            String changed = (cursor.charAt(5) == 'A' ? "B" : "A");
            HttpResponse<String> refused = call("GET", adultLinks + "?limit=1&cursor=" + cursor.substring(0, 5) + changed
                    + cursor.substring(6), sara(), null, null);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(call("GET", withoutBirthDate + "?limit=0", sara(), null, null).statusCode()).isEqualTo(400);
        } finally {
            Sql.update(database, "update person set birth_date = cast(? as date) where id = ?", klarasBirthDate, PERSON_KLARA);
            Sql.update(database, "update person set birth_date = cast(? as date) where id = ?", gretasBirthDate, PERSON_GRETA);
            Sql.update(database, "update person set birth_date = cast(? as date) where id = ?", elsasBirthDate, PERSON_ELSA);
        }
    }

    /** Every page of a list, one student a page, as the field of each item names them. */
    private java.util.List<java.util.List<String>> pages(String list, String field) throws Exception {
        java.util.List<java.util.List<String>> pages = new java.util.ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = call("GET", list + "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor), sara(),
                    null, null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            pages.add(ids(page.body(), field));
            cursor = nextCursor(page.body());
        } while (cursor != null && pages.size() < 1000);
        return pages;
    }

    private static java.util.List<String> ids(String body, String field) {
        return jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject().getJsonArray("items")
                .getValuesAs(jakarta.json.JsonObject.class).stream().map(item -> item.getString(field)).toList();
    }

    private static String nextCursor(String body) {
        jakarta.json.JsonObject page = jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject();
        return page.containsKey("nextCursor") && !page.isNull("nextCursor") ? page.getString("nextCursor") : null;
    }

    private static long administrationEntries(DataSource database) throws Exception {
        return Sql.number(database, "select count(*) from audit_entry where purpose = 'ADMINISTRATION' and data_kind = 'GUARDIAN_LINK' "
                + "and student_id = ?", PERSON_IVAR.toString());
    }
}
