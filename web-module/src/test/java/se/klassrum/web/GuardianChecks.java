package se.klassrum.web;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * The guardian portal over HTTP: sign-in by a code mailed through a real SMTP server, the guardian's
 * children, and the regression tests for the failures in IMY's decision DI-2019-7024 (guardians reaching
 * other pupils' assessments, staff and other guardians seeing protected students).
 */
abstract class GuardianChecks extends ServerCalls {




    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGuardianSignsInWithTheMailedCodeOnceAndSeesTheirChild(DataSource database) throws Exception {
        String karin = GuardianSignIns.emailLoginOf(database, PERSON_KARIN);
        java.util.Set<String> before = MailServer.messageIds();

        HttpResponse<String> asked = post("/api/v1/guardian/sign-in/code", "{\"email\":\"" + karin + "\"}", null);
        assertThat(asked.statusCode()).isEqualTo(202);
        MimeMessage mail = MailServer.awaitNewMailTo(karin, before, 10_000);
        String code = BrowserTest.codeIn(mail);

        HttpResponse<String> signedIn = post("/api/v1/guardian/sign-in",
                "{\"email\":\"" + karin + "\",\"code\":\"" + code + "\"}", null);
        assertThat(signedIn.statusCode()).isEqualTo(204);
        String session = GuardianSignIns.sessionCookie(signedIn);
        assertThat(signedIn.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Strict");

        HttpResponse<String> children = get("/api/v1/guardian/children", session);
        assertThat(children.statusCode()).isEqualTo(200);
        assertThat(children.body()).contains("Elsa").doesNotContain("Greta");

        assertThat(post("/api/v1/guardian/sign-in", "{\"email\":\"" + karin + "\",\"code\":\"" + code + "\"}", null)
                .statusCode()).as("a code works once").isEqualTo(401);
        assertThat(post("/api/v1/guardian/sign-out", "", session).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/guardian/children", session).statusCode()).as("signed out").isEqualTo(401);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String known = "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.org\"}";
        int before = MailServer.received().length;

        HttpResponse<String> answer = post("/api/v1/guardian/sign-in/code", known, null);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(MailServer.awaitMessages(before + 1, 1_500)).isFalse();
    }

    @Test
    void imy1_aGuardianReachingAnotherChildsAssessmentsGetsNothingAndIsAudited(DataSource database) throws Exception {
        String karin = signIn(database, PERSON_KARIN);

        HttpResponse<String> assessments = get("/api/v1/students/" + PERSON_HUGO + "/assessments", karin);
        HttpResponse<String> profile = get("/api/v1/students/" + PERSON_HUGO, karin);

        assertThat(assessments.body()).contains("\"items\":[]");
        assertThat(profile.statusCode()).isEqualTo(403);
        assertThat(profile.body()).contains("GUARDIAN_LINK");
        assertThat(Sql.number(database, "select count(*) from audit_entry where actor_id = ? and student_id = ? and decision = 'DENY'",
                PERSON_KARIN.toString(), PERSON_HUGO.toString())).isPositive();
    }

    @Test
    void imy2_staffWithoutAPathCannotListOrFindAProtectedStudent() throws Exception {
        String petra = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_PETRA);

        HttpResponse<String> find = getBearer("/api/v1/students/" + PERSON_GRETA, petra);
        HttpResponse<String> list = getBearer("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=100", petra);

        assertThat(find.statusCode()).isEqualTo(404);
        assertThat(find.body()).doesNotContain("Greta").doesNotContain("Gran");
        assertThat(list.body()).doesNotContain("Greta");
    }

    @Test
    void imy3_aClassmatesGuardianListingTheGroupDoesNotSeeTheProtectedStudent(DataSource database) throws Exception {
        String karin = signIn(database, PERSON_KARIN);
        String nils = TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA, idpSubject("nils"));

        HttpResponse<String> classmatesParent = get("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=100", karin);
        HttpResponse<String> ownParent = getBearer("/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=100", nils);

        assertThat(classmatesParent.body()).contains("Elsa").doesNotContain("Greta");
        assertThat(ownParent.body()).contains("Greta").doesNotContain("Elsa");
    }

    @Test
    void theSchoolSwitchesEmailSignInOffForItsGuardians(DataSource database) throws Exception {
        String sara = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);
        String karin = GuardianSignIns.emailLoginOf(database, PERSON_KARIN);
        assertThat(putBearer("/api/v1/guardian/administration/policy", "{\"emailEnabled\":true,\"idpEnabled\":true}",
                TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA)).statusCode()).isEqualTo(403);
        try {
            assertThat(putBearer("/api/v1/guardian/administration/policy", "{\"emailEnabled\":false,\"idpEnabled\":true}", sara)
                    .body()).contains("false");
            int before = MailServer.received().length;

            assertThat(post("/api/v1/guardian/sign-in/code", "{\"email\":\"" + karin + "\"}", null).statusCode()).isEqualTo(202);
            assertThat(MailServer.awaitMessages(before + 1, 1_500)).as("no mail while e-mail sign-in is off").isFalse();
        } finally {
            putBearer("/api/v1/guardian/administration/policy", "{\"emailEnabled\":true,\"idpEnabled\":true}", sara);
        }
    }

    @Test
    void theSchoolGivesAGuardianALoginOnceAndRefusesAMalformedOne() throws Exception {
        String sara = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);
        String address = "maria.falk+" + UUID.randomUUID() + "@example.org";
        String body = "{\"guardian\":\"" + PERSON_MARIA + "\",\"method\":\"EMAIL\",\"subject\":\"" + address + "\"}";

        assertThat(postJsonBearer("/api/v1/guardian/administration/logins", body, sara).statusCode()).isEqualTo(201);
        HttpResponse<String> again = postJsonBearer("/api/v1/guardian/administration/logins", body, sara);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("DUPLICATE_GUARDIAN_LOGIN");
        assertThat(postJsonBearer("/api/v1/guardian/administration/logins", "{\"guardian\":\"" + PERSON_MARIA
                + "\",\"method\":\"EMAIL\",\"subject\":\"not an address\"}", sara).statusCode()).isEqualTo(400);
        assertThat(postJsonBearer("/api/v1/guardian/administration/logins", "{\"guardian\":\"" + PERSON_OLLE
                + "\",\"method\":\"IDP\",\"subject\":\"x\"}", sara).statusCode()).as("a person of another organisation")
                .isEqualTo(404);
    }

    @Test
    void aGuardianWhoseLinkWasEndedSeesNoChildAndIsToldWhy() throws Exception {
        String sara = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);
        String subject = "maria-" + UUID.randomUUID();
        assertThat(postJsonBearer("/api/v1/guardian/administration/logins", "{\"guardian\":\"" + PERSON_MARIA
                + "\",\"method\":\"IDP\",\"subject\":\"" + subject + "\"}", sara).statusCode()).isEqualTo(201);
        String maria = TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA, subject);

        assertThat(getBearer("/api/v1/guardian/children", maria).body()).isEqualTo("[]");
        HttpResponse<String> filip = getBearer("/api/v1/students/" + PERSON_FILIP, maria);
        assertThat(filip.statusCode()).isEqualTo(403);
        assertThat(filip.body()).contains("\"code\":\"GUARDIAN_LINK\"");
    }

    @Test
    void aChildWithoutARoleAtASchoolDisappearsFromTheGuardiansView(DataSource database) throws Exception {
        String ulla = signIn(database, PERSON_ULLA);
        assertThat(get("/api/v1/guardian/children", ulla).body()).contains("Rut");
        try {
            Sql.update(database, "update school_role set valid_to = current_date - 1 where person_id = ?", PERSON_RUT);

            assertThat(get("/api/v1/guardian/children", ulla).body()).isEqualTo("[]");
            HttpResponse<String> rut = get("/api/v1/students/" + PERSON_RUT, ulla);
            assertThat(rut.statusCode()).isEqualTo(403);
            assertThat(rut.body()).contains("\"code\":\"CHILD_HAS_ROLE_AT_SCHOOL\"");
        } finally {
            Sql.update(database, "update school_role set valid_to = null where person_id = ?", PERSON_RUT);
        }
    }

    /**
     * Whether an id is a student, a teacher or no one is not told to an administrator by the login they try to give it:
     * a person who is no guardian of a student at their schools is answered as an unknown id, a protected student too.
     */
    @Test
    void anAdministratorLearnsNothingOfAPersonWhoIsNoGuardianOfTheirStudents() throws Exception {
        String sara = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);
        UUID unknown = UUID.randomUUID();
        String logins = "/api/v1/guardian/administration/logins";
        HttpResponse<String> noOne = postJsonBearer(logins, "{\"guardian\":\"" + unknown
                + "\",\"method\":\"EMAIL\",\"subject\":\"nobody@example.org\"}", sara);
        assertThat(noOne.statusCode()).as(noOne.body()).isEqualTo(404);
        for (UUID person : List.of(PERSON_GRETA, PERSON_ELSA, PERSON_RUT, PERSON_PETRA, PERSON_TOVE)) {
            HttpResponse<String> answer = postJsonBearer(logins, "{\"guardian\":\"" + person
                    + "\",\"method\":\"EMAIL\",\"subject\":\"nobody@example.org\"}", sara);
            assertThat(answer.statusCode()).as(person + ": " + answer.body()).isEqualTo(404);
            assertThat(answer.body().replaceAll("\"requestId\":\"[^\"]*\"", "")).isEqualTo(noOne.body().replaceAll("\"requestId\":\"[^\"]*\"", ""));
        }
    }

    @Test
    void aSchoolAdministratorCannotGiveATeacherAGuardianLoginNorSignInAsTheTeacher(DataSource database) throws Exception {
        String sara = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);
        String address = "anna.andersson+" + UUID.randomUUID() + "@example.org";
        String subject = "anna-" + UUID.randomUUID();

        // Anna, no guardian of a student of Sara's, is answered as an unknown id; as a parent of one, as not only a guardian.
        assertThat(postJsonBearer("/api/v1/guardian/administration/logins", "{\"guardian\":\"" + PERSON_ANNA
                + "\",\"method\":\"EMAIL\",\"subject\":\"" + address + "\"}", sara).statusCode()).isEqualTo(404);
        UUID parentOfFilip = UUID.randomUUID();
        Sql.update(database, "insert into guardian_link (id, tenant_id, guardian_id, child_id, relation, valid_from) "
                + "values (?, ?, ?, ?, 'VARDNADSHAVARE', date '2010-01-01')", parentOfFilip, TENANT_SOLBACKA, PERSON_ANNA,
                PERSON_FILIP);
        HttpResponse<String> email;
        HttpResponse<String> idp;
        try {
            email = postJsonBearer("/api/v1/guardian/administration/logins", "{\"guardian\":\"" + PERSON_ANNA
                    + "\",\"method\":\"EMAIL\",\"subject\":\"" + address + "\"}", sara);
            idp = postJsonBearer("/api/v1/guardian/administration/logins", "{\"guardian\":\"" + PERSON_ANNA
                    + "\",\"method\":\"IDP\",\"subject\":\"" + subject + "\"}", sara);
        } finally {
            Sql.update(database, "delete from guardian_link where id = ?", parentOfFilip);
        }

        assertThat(email.statusCode()).as(email.body()).isEqualTo(409);
        assertThat(email.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(email.body()).contains("\"code\":\"NOT_A_GUARDIAN\"");
        assertThat(idp.statusCode()).as(idp.body()).isEqualTo(409);
        assertThat(getBearer("/api/v1/students/" + PERSON_ELSA, TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA, subject))
                .statusCode()).as("a token with the refused subject is nobody").isEqualTo(401);

        // A login that exists already (made before this check) signs nobody in as the teacher.
        UUID old = UUID.randomUUID();
        Sql.update(database, "insert into guardian_login (id, tenant_id, guardian_id, method, subject, enabled) "
                + "values (?, ?, ?, 'EMAIL', ?, true)", old, TENANT_SOLBACKA, PERSON_ANNA, address);
        try {
            java.util.Set<String> before = MailServer.messageIds();
            assertThat(post("/api/v1/guardian/sign-in/code", "{\"email\":\"" + address + "\"}", null).statusCode()).isEqualTo(202);
            MimeMessage mail = null;
            try {
                mail = MailServer.awaitNewMailTo(address, before, 2_000);
            } catch (AssertionError noMail) {
                // what should happen: no code for a person who is not only a guardian
            }
            if (mail != null) {
                HttpResponse<String> signedIn = post("/api/v1/guardian/sign-in",
                        "{\"email\":\"" + address + "\",\"code\":\"" + BrowserTest.codeIn(mail) + "\"}", null);
                assertThat(signedIn.statusCode()).as("a guardian session for a teacher").isEqualTo(401);
            }
        } finally {
            Sql.update(database, "delete from guardian_session where login_id = ?", old);
            Sql.update(database, "delete from guardian_login where id = ?", old);
        }
    }

    @Test
    void aSchoolAdministratorAdministersOnlyTheGuardiansOfChildrenAtTheirOwnSchools(DataSource database) throws Exception {
        // Sara administers the gymnasium; Ulla's daughter Rut (14) goes to Solbackaskolan.
        String sara = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);
        String address = "ulla.rask+" + UUID.randomUUID() + "@example.org";
        try {
            assertThat(postJsonBearer("/api/v1/guardian/administration/logins", "{\"guardian\":\"" + PERSON_ULLA
                    + "\",\"method\":\"EMAIL\",\"subject\":\"" + address + "\"}", sara).statusCode()).isEqualTo(404);
            assertThat(postBearer("/api/v1/guardian/administration/logins/" + GUARDIAN_LOGIN_ULLA + "/disable", sara)
                    .statusCode()).isEqualTo(404);
            HttpResponse<String> consent = postJsonBearer("/api/v1/guardian/administration/links/" + GUARDIAN_LINK_ULLA_RUT
                    + "/consent", "{\"consentDate\":\"" + java.time.LocalDate.now() + "\"}", sara);
            assertThat(consent.statusCode()).isEqualTo(404);
            assertThat(consent.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(Sql.number(database, "select count(*) from guardian_login where subject = ?", address)).isZero();
            // Greta goes to Sara's school but has a protected identity, and Sara no path to her: her guardian's link and
            // login are as unknown to Sara as a link that does not exist.
            HttpResponse<String> unknownLink = postJsonBearer("/api/v1/guardian/administration/links/" + UUID.randomUUID()
                    + "/consent", "{\"consentDate\":\"" + java.time.LocalDate.now() + "\"}", sara);
            String gretasConsent = "/api/v1/guardian/administration/links/" + GUARDIAN_LINK_NILS_GRETA + "/consent";
            for (String method : List.of("POST", "DELETE")) {
                HttpResponse<String> gretas = method.equals("POST") ? postJsonBearer(gretasConsent, "{\"consentDate\":\""
                        + java.time.LocalDate.now() + "\"}", sara) : http.send(HttpRequest.newBuilder(uri(gretasConsent))
                        .header("Authorization", "Bearer " + sara).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(gretas.statusCode()).as(method + " " + gretas.body()).isEqualTo(404);
                assertThat(gretas.body().replaceAll("\"requestId\":\"[^\"]*\"", ""))
                        .isEqualTo(unknownLink.body().replaceAll("\"requestId\":\"[^\"]*\"", "")).doesNotContain("Greta");
            }
            assertThat(postBearer("/api/v1/guardian/administration/logins/" + GUARDIAN_LOGIN_NILS + "/disable", sara)
                    .statusCode()).isEqualTo(404);
            assertThat(postJsonBearer("/api/v1/guardian/administration/logins", "{\"guardian\":\"" + PERSON_NILS
                    + "\",\"method\":\"EMAIL\",\"subject\":\"" + address + "\"}", sara).statusCode()).isEqualTo(404);
        } finally {
            Sql.update(database, "delete from guardian_login where subject = ?", address);
            Sql.update(database, "update guardian_login set enabled = true where id = ?", GUARDIAN_LOGIN_ULLA);
            Sql.update(database, "delete from guardian_consent where link_id = ?", GUARDIAN_LINK_ULLA_RUT);
        }
    }

    @Test
    void creatingDisablingAndEnablingALoginIsAuditedWithTheAdministrator(DataSource database) throws Exception {
        String sara = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);
        HttpResponse<String> created = postJsonBearer("/api/v1/guardian/administration/logins", "{\"guardian\":\"" + PERSON_MARIA
                + "\",\"method\":\"IDP\",\"subject\":\"maria-" + UUID.randomUUID() + "\"}", sara);
        assertThat(created.statusCode()).isEqualTo(201);
        String login = jakarta.json.Json.createReader(new java.io.StringReader(created.body())).readObject().getString("id");

        assertThat(postBearer("/api/v1/guardian/administration/logins/" + login + "/disable", sara).statusCode()).isEqualTo(204);
        assertThat(postBearer("/api/v1/guardian/administration/logins/" + login + "/enable", sara).statusCode()).isEqualTo(204);

        assertThat(Sql.strings(database, "select operation from audit_entry where purpose = 'ADMINISTRATION' "
                + "and data_kind = 'GUARDIAN_LOGIN' and actor_id = ? and student_id = ? order by seq",
                PERSON_SARA.toString(), PERSON_FILIP.toString()))
                .containsSubsequence("CREATE_LOGIN", "DISABLE_LOGIN", "ENABLE_LOGIN");
    }

    @Test
    void disablingALoginOrSwitchingItsMethodOffEndsItsOpenSessionsAtOnce(DataSource database) throws Exception {
        String sara = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA);
        try {
            String karin = signIn(database, PERSON_KARIN);
            assertThat(get("/api/v1/guardian/children", karin).statusCode()).isEqualTo(200);

            assertThat(postBearer("/api/v1/guardian/administration/logins/" + GUARDIAN_LOGIN_KARIN + "/disable", sara)
                    .statusCode()).isEqualTo(204);
            assertThat(get("/api/v1/guardian/children", karin).statusCode()).as("the session of a disabled login").isEqualTo(401);
            assertThat(postBearer("/api/v1/guardian/administration/logins/" + GUARDIAN_LOGIN_KARIN + "/enable", sara)
                    .statusCode()).isEqualTo(204);
            assertThat(get("/api/v1/guardian/children", karin).statusCode()).as("an ended session stays ended").isEqualTo(401);

            String again = signIn(database, PERSON_KARIN);
            assertThat(putBearer("/api/v1/guardian/administration/policy", "{\"emailEnabled\":false,\"idpEnabled\":true}", sara)
                    .statusCode()).isEqualTo(200);
            assertThat(get("/api/v1/guardian/children", again).statusCode()).as("e-mail sign-in switched off").isEqualTo(401);
        } finally {
            putBearer("/api/v1/guardian/administration/policy", "{\"emailEnabled\":true,\"idpEnabled\":true}", sara);
            Sql.update(database, "update guardian_login set enabled = true where id = ?", GUARDIAN_LOGIN_KARIN);
        }
    }

    /**
     * Elsa has two guardians, Karin and Ebba (Ebba's login is enabled for the scenario). Bertil, her mentor, books a
     * talk inviting Ebba only: Ebba sees it in the list and by id; Karin sees it in neither, by id it is answered
     * exactly like a talk that does not exist, and her explanation names the reason. A talk recorded without a choice
     * of guardians invites both.
     */
    @Test
    void onlyTheGuardiansATalkInvitesSeeIt(DataSource database) throws Exception {
        String bertil = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_BERTIL);
        String talks = "/api/v1/students/" + PERSON_ELSA + "/development-talks";
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));
        java.util.List<String> recorded = new java.util.ArrayList<>();
        try {
            Sql.update(database, "update guardian_login set enabled = true where id = ?", GUARDIAN_LOGIN_EBBA);
            long auditedBefore = Sql.number(database, "select coalesce(max(seq), 0) from audit_entry where tenant_id = ?",
                    TENANT_SOLBACKA.toString());
            HttpResponse<String> booked = postJsonBearer(talks, "{\"group\":\"" + GROUP_NA24A_MENTOR + "\",\"heldOn\":\""
                    + today.plusDays(5) + "\",\"guardians\":[\"" + PERSON_EBBA + "\"],\"notes\":\"\",\"agreedGoals\":\"\"}",
                    bertil);
            assertThat(booked.statusCode()).isEqualTo(201);
            String talk = idOf(booked.body());
            recorded.add(talk);
            assertThat(booked.body()).as("the mentor sees whom the talk invites").contains(PERSON_EBBA.toString())
                    .doesNotContain(PERSON_KARIN.toString());
            String ebba = signIn(database, PERSON_EBBA);
            String karin = signIn(database, PERSON_KARIN);

            HttpResponse<String> karinsList = get(talks + "?limit=100", karin);
            assertThat(karinsList.statusCode()).isEqualTo(200);
            assertThat(karinsList.body()).as("Karin's list").doesNotContain(talk);
            assertThat(get(talks + "?limit=100", ebba).body()).as("Ebba's list").contains(talk);

            HttpResponse<String> ebbasTalk = get(talks + "/" + talk, ebba);
            assertThat(ebbasTalk.statusCode()).isEqualTo(200);
            assertThat(ebbasTalk.body()).contains(talk);
            // One request id for both: it is the only part of a problem that differs from request to request.
            String requestId = "alike-" + UUID.randomUUID();
            HttpResponse<String> karinsTalk = get(talks + "/" + talk, karin, requestId);
            HttpResponse<String> noSuchTalk = get(talks + "/" + UUID.randomUUID(), karin, requestId);
            assertThat(karinsTalk.statusCode()).isEqualTo(404);
            assertThat(karinsTalk.body()).isEqualTo(noSuchTalk.body());
            assertThat(noSuchTalk.statusCode()).isEqualTo(404);

            String explain = "/api/v1/access/explain?kind=DEVELOPMENT_TALK&student=" + PERSON_ELSA + "&group="
                    + GROUP_NA24A_MENTOR + "&talk=" + talk + "&person=";
            HttpResponse<String> why = get(explain + PERSON_KARIN, karin);
            assertThat(why.statusCode()).isEqualTo(200);
            assertThat(why.body()).contains("GUARDIAN_INVITED", "Vårdnadshavaren är inte inbjuden till samtalet")
                    .contains("\"allowed\":false");
            assertThat(get(explain + PERSON_EBBA, ebba).body()).contains("\"allowed\":true");
            assertThat(Sql.number(database, "select count(*) from audit_entry where actor_id = ? and data_kind = "
                    + "'DEVELOPMENT_TALK' and decision = 'DENY' and tenant_id = ? and seq > ?", PERSON_KARIN.toString(),
                    TENANT_SOLBACKA.toString(), auditedBefore))
                    .as("Karin's denials audited").isPositive();

            HttpResponse<String> withoutChoice = postJsonBearer(talks, "{\"group\":\"" + GROUP_NA24A_MENTOR
                    + "\",\"heldOn\":\"" + today + "\",\"notes\":\"Elsa trivs\",\"agreedGoals\":\"Läsa mer\"}", bertil);
            assertThat(withoutChoice.statusCode()).isEqualTo(201);
            String both = idOf(withoutChoice.body());
            recorded.add(both);
            assertThat(withoutChoice.body()).as("every guardian with an active link is invited")
                    .contains(PERSON_KARIN.toString(), PERSON_EBBA.toString());
            assertThat(get(talks + "/" + both, karin).statusCode()).isEqualTo(200);
            assertThat(get(talks + "/" + both, ebba).statusCode()).isEqualTo(200);
            assertThat(get(talks + "?limit=100", karin).body()).contains(both).doesNotContain(talk);
        } finally {
            for (String talk : recorded) {
                Sql.update(database, "delete from development_talk where id = ?", UUID.fromString(talk));
            }
            Sql.update(database, "update guardian_login set enabled = false where id = ?", GUARDIAN_LOGIN_EBBA);
        }
    }

    private static String idOf(String json) {
        return jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject().getString("id");
    }

    private HttpResponse<String> postJsonBearer(String path, String json, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }


    private HttpResponse<String> postBearer(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> putBearer(String path, String json, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String signIn(DataSource database, UUID guardian) throws Exception {
        return GuardianSignIns.signIn(this::uri, http, database, guardian);
    }

    private HttpResponse<String> post(String path, String json, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return get(path, cookie, null);
    }

    private HttpResponse<String> get(String path, String cookie, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getBearer(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
