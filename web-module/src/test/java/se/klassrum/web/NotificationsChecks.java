package se.klassrum.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * Notifications in Anna's group Ma1c-A, decided by the access rules when they are read: Anna publishes an
 * assignment and writes a post, Greta (protected identity) hands in and Anna returns her work. Elsa and her guardian
 * Karin are told of the assignment and the post, never of Greta; Greta and her guardian Nils are told of her returned
 * work; Anna of Greta's hand-in. When Karin's link ends, she sees nothing more of Elsa, without a trace in the count.
 */
abstract class NotificationsChecks extends ServerCalls {

    private static final String MINE = "/api/v1/me/notifications";

    private final HttpClient http = HttpClient.newHttpClient();

    private static String as(UUID objectId) {
        return "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId);
    }

    private static String nils() {
        return "Bearer " + TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA, idpSubject("nils"));
    }

    @Test
    void eachReaderIsToldWhatTheRulesLetThemSeeWhenTheyRead(DataSource database) throws Exception {
        String karin = "Cookie " + GuardianSignIns.signIn(this::uri, http, database, PERSON_KARIN);
        int elsasUnreadBefore = unread(as(OID_ELSA));
        int karinsUnreadBefore = unread(karin);

        String title = "Notisuppgift " + UUID.randomUUID().toString().substring(0, 8);
        String assignments = "/api/v1/groups/" + GROUP_MA1C_A + "/assignments";
        HttpResponse<String> created = call("POST", assignments, as(OID_ANNA), "{\"title\":\"" + title
                + "\",\"instructions\":\"<p>Lös 1–10</p>\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(7)
                + "\",\"publish\":true}", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String assignment = json(created.body()).getString("id");
        HttpResponse<String> posted = call("POST", "/api/v1/groups/" + GROUP_MA1C_A + "/posts", as(OID_ANNA),
                "{\"body\":\"<p>Prov på fredag</p>\"}", null);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String gretas = assignments + "/" + assignment + "/submissions/" + PERSON_GRETA;
        assertThat(call("PUT", gretas, as(OID_GRETA), "{\"content\":\"<p>Gretas svar</p>\"}", null).statusCode())
                .isEqualTo(200);

        List<JsonObject> annas = items(as(OID_ANNA));
        assertThat(annas).as("Anna, Greta's teacher, is told of the hand-in waiting")
                .anySatisfy(item -> assertAbout(item, "HAND_IN_WAITING", PERSON_GRETA, assignment));
        assertThat(annas).as("never of what she did herself").noneMatch(item -> assignment.equals(item.getString("contentId")));

        assertThat(call("POST", gretas + "/return", as(OID_ANNA), "{\"feedback\":\"<p>Bra</p>\"}", null).statusCode())
                .isEqualTo(200);
        assertThat(items(as(OID_GRETA))).as("Greta is told her work is returned, with the assignment's title")
                .anySatisfy(item -> {
                    assertAbout(item, "WORK_RETURNED", PERSON_GRETA, assignment);
                    assertThat(item.getString("title")).isEqualTo(title);
                });
        assertThat(items(nils())).as("so is her guardian Nils").anySatisfy(item ->
                assertAbout(item, "WORK_RETURNED", PERSON_GRETA, assignment));

        HttpResponse<String> elsas = call("GET", MINE + "?limit=100", as(OID_ELSA), null, null);
        assertThat(elsas.statusCode()).as(elsas.body()).isEqualTo(200);
        assertThat(elsas.body()).as("a protected student never appears in another's list")
                .doesNotContain(PERSON_GRETA.toString()).doesNotContain("Greta");
        List<JsonObject> elsasItems = array(elsas.body());
        JsonObject elsasAssignment = elsasItems.stream().filter(item -> item.getString("kind").equals("ASSIGNMENT_PUBLISHED")
                && assignment.equals(item.getString("contentId"))).findFirst().orElseThrow();
        assertThat(elsasAssignment.getString("title")).isEqualTo(title);
        assertThat(elsasAssignment.getString("groupName")).isEqualTo("Ma1c-A");
        assertThat(elsasAssignment.getBoolean("unread")).isTrue();
        assertThat(elsasItems).anySatisfy(item -> assertThat(item.getString("kind")).isEqualTo("POST_PUBLISHED"));
        assertThat(json(elsas.body()).getInt("unread")).as("the assignment and the post are new to Elsa")
                .isEqualTo(elsasUnreadBefore + 2);

        HttpResponse<String> read = call("POST", MINE + "/read", as(OID_ELSA), "{\"ids\":[\""
                + elsasAssignment.getString("id") + "\"]}", null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(204);
        assertThat(unread(as(OID_ELSA))).isEqualTo(elsasUnreadBefore + 1);
        assertThat(items(as(OID_ELSA))).filteredOn(item -> item.getString("id").equals(elsasAssignment.getString("id")))
                .singleElement().satisfies(item -> assertThat(item.getBoolean("unread")).isFalse());

        HttpResponse<String> first = call("GET", MINE + "?limit=1", as(OID_ELSA), null, null);
        String cursor = json(first.body()).getString("nextCursor");
        HttpResponse<String> second = call("GET", MINE + "?limit=1&cursor=" + cursor, as(OID_ELSA), null, null);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(array(second.body())).singleElement().satisfies(item -> assertThat(item.getString("id"))
                .isNotEqualTo(array(first.body()).get(0).getString("id")));
        HttpResponse<String> forged = call("GET", MINE + "?cursor=not-a-cursor", as(OID_ELSA), null, null);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        List<JsonObject> karins = items(karin);
        assertThat(karins).as("Karin is told of her child Elsa's new assignment")
                .anySatisfy(item -> assertAbout(item, "ASSIGNMENT_PUBLISHED", PERSON_ELSA, assignment));
        assertThat(karins.toString()).doesNotContain(PERSON_GRETA.toString());
        assertThat(unread(karin)).isEqualTo(karinsUnreadBefore + 2);

        try {
            Sql.update(database, "update guardian_link set valid_to = ? where id = ?",
                    LocalDate.now(ZoneId.of("Europe/Stockholm")).minusDays(1), GUARDIAN_LINK_KARIN_ELSA);
            HttpResponse<String> ended = call("GET", MINE + "?limit=100", karin, null, null);
            assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
            assertThat(ended.body()).as("a guardian whose link ended yesterday sees nothing of the child")
                    .doesNotContain(PERSON_ELSA.toString()).doesNotContain(assignment);
            assertThat(json(ended.body()).getInt("unread")).as("nor counts it").isZero();
            assertThat(json(ended.body()).containsKey("nextCursor")).as("nor a cursor").isFalse();
        } finally {
            Sql.update(database, "update guardian_link set valid_to = null where id = ?", GUARDIAN_LINK_KARIN_ELSA);
        }
    }

    /**
     * Elsa wants a mail at once, in English; so does Karin, in Swedish, whose link to Elsa has ended. Anna writes a
     * post: Elsa's mail comes in English with the deep link and nothing of the post; Karin's is decided again when it
     * is to be sent, withheld, and never sent.
     */
    @Test
    void aMailIsDecidedWhenSentAndWrittenInTheReadersLanguage(DataSource database) throws Exception {
        String karin = "Cookie " + GuardianSignIns.signIn(this::uri, http, database, PERSON_KARIN);
        String elsasAddress = Sql.strings(database, "select email from person where id = ?", PERSON_ELSA).get(0);
        String karinsAddress = Sql.strings(database, "select email from person where id = ?", PERSON_KARIN).get(0);
        String preferences = "/api/v1/me/notifications/mail-preferences";
        HttpResponse<String> chosen = call("PUT", preferences, as(OID_ELSA),
                "{\"frequency\":\"IMMEDIATELY\",\"language\":\"en\"}", null);
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        assertThat(call("PUT", preferences, karin, "{\"frequency\":\"IMMEDIATELY\",\"language\":\"sv\"}", null).statusCode())
                .isEqualTo(200);
        JsonObject elsas = json(call("GET", preferences, as(OID_ELSA), null, null).body());
        assertThat(elsas.getString("frequency")).isEqualTo("IMMEDIATELY");
        assertThat(elsas.getString("language")).isEqualTo("en");
        assertThat(elsas.getBoolean("chosen")).isTrue();
        HttpResponse<String> weekly = call("PUT", preferences, as(OID_ELSA), "{\"frequency\":\"WEEKLY\",\"language\":\"sv\"}",
                null);
        assertThat(weekly.statusCode()).isEqualTo(400);
        assertThat(weekly.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        try {
            Sql.update(database, "update guardian_link set valid_to = ? where id = ?",
                    LocalDate.now(ZoneId.of("Europe/Stockholm")).minusDays(1), GUARDIAN_LINK_KARIN_ELSA);
            java.util.Set<String> before = MailServer.messageIds();
            HttpResponse<String> posted = call("POST", "/api/v1/groups/" + GROUP_MA1C_A + "/posts", as(OID_ANNA),
                    "{\"body\":\"<p>Hemligt innehåll i inlägget</p>\"}", null);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

            jakarta.mail.internet.MimeMessage mail = MailServer.awaitNewMailTo(elsasAddress, before, 30_000);
            assertThat(mail.getSubject()).isEqualTo("Klassrum: New post in Ma1c-A");
            assertThat((String) mail.getContent()).contains("/group.xhtml?id=" + GROUP_MA1C_A).doesNotContain("Hemligt");

            long deadline = System.currentTimeMillis() + 30_000;
            while (Sql.number(database, "select count(*) from mail_outbox where recipient_id = ? and kind = 'NOTIFICATION'"
                    + " and withheld_at is not null and about_id = ?", PERSON_KARIN, PERSON_ELSA) == 0
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Sql.number(database, "select count(*) from mail_outbox where recipient_id = ? and kind = "
                    + "'NOTIFICATION' and withheld_at is not null and sent_at is null and about_id = ?", PERSON_KARIN,
                    PERSON_ELSA)).as("Karin's mail was decided again when it was to be sent, and withheld").isPositive();
assertThat(MailServer.newMailTo(karinsAddress, before, "Klassrum: Nytt inlägg i Ma1c-A")).as("no mail to Karin")
                    .isEmpty();
        } finally {
            Sql.update(database, "update guardian_link set valid_to = null where id = ?", GUARDIAN_LINK_KARIN_ELSA);
            Sql.update(database, "delete from mail_preference where person_id in (?, ?)", PERSON_ELSA, PERSON_KARIN);
        }
    }

    /**
     * The day before a booked talk, the student and the invited guardian are reminded through the outbox, once each,
     * in their own language, with the calendar file: Nils (in English) and Greta (in Swedish).
     */
    @Test
    void theDayBeforeABookedTalkTheInvitedAreRemindedOnceInTheirLanguageWithTheCalendarFile(DataSource database)
            throws Exception {
        String nils = "Bearer " + TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA, idpSubject("nils"));
        String nilsAddress = Sql.strings(database, "select email from person where id = ?", PERSON_NILS).get(0);
        String gretasAddress = Sql.strings(database, "select email from person where id = ?", PERSON_GRETA).get(0);
        assertThat(call("PUT", "/api/v1/me/notifications/mail-preferences", nils, "{\"frequency\":\"OFF\",\"language\":\"en\"}", null)
                .statusCode()).isEqualTo(200);
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(1);
        String talks = "/api/v1/groups/" + GROUP_NA24A_MENTOR + "/talks/";
        HttpResponse<String> offered = call("POST", talks + "offers", as(OID_BERTIL), "{\"title\":\"Samtal inför jul\","
                + "\"times\":[{\"day\":\"" + tomorrow + "\",\"start\":\"14:00\",\"minutes\":30,\"place\":\"Rum 12\"}]}",
                null);
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(201);
        JsonObject offer = json(offered.body());
        String time = offer.getJsonArray("times").getJsonObject(0).getString("id");
        try {
            java.util.Set<String> before = MailServer.messageIds();
            HttpResponse<String> booked = call("POST", talks + "bookings", nils, "{\"student\":\"" + PERSON_GRETA
                    + "\",\"time\":\"" + time + "\"}", null);
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            String talk = json(booked.body()).getString("id");

            jakarta.mail.internet.MimeMessage toNils = MailServer.awaitNewMailTo(nilsAddress, before,
                    "Reminder: development talk tomorrow", 30_000);
            jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) toNils.getContent();
            assertThat((String) parts.getBodyPart(0).getContent())
                    .contains("Samtal inför jul is tomorrow", "Rum 12", "/guardian/child.xhtml?id=" + PERSON_GRETA)
                    .doesNotContain("Greta");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/calendar");
            assertThat(new String(parts.getBodyPart(1).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("BEGIN:VEVENT", "UID:" + talk + "@klassrum");
            jakarta.mail.internet.MimeMessage toGreta = MailServer.awaitNewMailTo(gretasAddress, before,
                    "Påminnelse: utvecklingssamtal i morgon", 30_000);
            assertThat((String) ((jakarta.mail.internet.MimeMultipart) toGreta.getContent()).getBodyPart(0).getContent())
                    .contains("Samtal inför jul är i morgon", "/my-talks.xhtml");

            Thread.sleep(12_000);
            assertThat(Sql.number(database, "select count(*) from mail_outbox where kind = 'TALK_REMINDER' and talk_id = ?"
                    + " and recipient_id = ?", UUID.fromString(talk), PERSON_NILS)).as("written once").isEqualTo(1);
            assertThat(MailServer.newMailTo(nilsAddress, before, "Reminder: development talk tomorrow")).as("sent once")
                    .hasSize(1);
        } finally {
            Sql.update(database, "delete from development_talk where id in (select talk_id from talk_booking "
                    + "where offer_id = ?)", UUID.fromString(offer.getString("id")));
            Sql.update(database, "delete from talk_offer where id = ?", UUID.fromString(offer.getString("id")));
            Sql.update(database, "delete from mail_preference where person_id = ?", PERSON_NILS);
        }
    }

    /**
     * Elsa (in English) and Nils (in Swedish) want a daily digest; so does Karin, whose link to Elsa has ended. The
     * test server writes the digests every 30 s from midnight ({@code klassrum.notifications.digest.period}). Anna
     * publishes an assignment and writes a post within one period: Elsa and Nils each get one digest, in their
     * language, with a line and a link per item and nothing of the post; Karin may see neither, and gets no mail.
     */
    @Test
    void aDailyReaderGetsOneDigestOfWhatTheyMayStillSeeInTheirLanguage(DataSource database) throws Exception {
        String karin = "Cookie " + GuardianSignIns.signIn(this::uri, http, database, PERSON_KARIN);
        String elsasAddress = Sql.strings(database, "select email from person where id = ?", PERSON_ELSA).get(0);
        String nilsAddress = Sql.strings(database, "select email from person where id = ?", PERSON_NILS).get(0);
        String karinsAddress = Sql.strings(database, "select email from person where id = ?", PERSON_KARIN).get(0);
        String preferences = "/api/v1/me/notifications/mail-preferences";
        assertThat(call("PUT", preferences, as(OID_ELSA), "{\"frequency\":\"DAILY\",\"language\":\"en\"}", null)
                .statusCode()).isEqualTo(200);
        assertThat(call("PUT", preferences, nils(), "{\"frequency\":\"DAILY\",\"language\":\"sv\"}", null)
                .statusCode()).isEqualTo(200);
        assertThat(call("PUT", preferences, karin, "{\"frequency\":\"DAILY\",\"language\":\"sv\"}", null)
                .statusCode()).isEqualTo(200);
        try {
            Sql.update(database, "update guardian_link set valid_to = ? where id = ?",
                    LocalDate.now(ZoneId.of("Europe/Stockholm")).minusDays(1), GUARDIAN_LINK_KARIN_ELSA);
            // Both events, and no others, within one 30 s period: start just after the next one has begun.
            Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 500);
            java.util.Set<String> before = MailServer.messageIds();
            String title = "Sammanfattad uppgift " + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> created = call("POST", "/api/v1/groups/" + GROUP_MA1C_A + "/assignments", as(OID_ANNA),
                    "{\"title\":\"" + title + "\",\"instructions\":\"<p>Lös 1–10</p>\",\"dueAt\":\""
                            + OffsetDateTime.now().plusDays(7) + "\",\"publish\":true}", null);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String assignment = json(created.body()).getString("id");
            HttpResponse<String> posted = call("POST", "/api/v1/groups/" + GROUP_MA1C_A + "/posts", as(OID_ANNA),
                    "{\"body\":\"<p>Hemligt innehåll i sammanfattningen</p>\"}", null);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

            // A digest of an earlier period may come too; the one about these events is awaited.
            String toElsa = digestMentioning(elsasAddress, before, "Klassrum: today's notifications", title, 90_000);
            assertThat(toElsa)
                    .contains("New in Klassrum since yesterday (2)", "New assignment in Ma1c-A: " + title,
                            "/assignment.xhtml?group=" + GROUP_MA1C_A + "&id=" + assignment, "New post in Ma1c-A",
                            "/group.xhtml?id=" + GROUP_MA1C_A)
                    .doesNotContain("Hemligt").doesNotContain("Elsa").doesNotContain("Greta");
            String toNils = digestMentioning(nilsAddress, before, "Klassrum: dagens notiser", title, 30_000);
            assertThat(toNils)
                    .contains("Nytt i Klassrum sedan i går (2)", "Ny uppgift i Ma1c-A: " + title, "Nytt inlägg i Ma1c-A",
                            "/guardian/child.xhtml?id=" + PERSON_GRETA)
                    .doesNotContain("Hemligt").doesNotContain("Greta").doesNotContain("Elsa");

            // The digests are tried every 2 s; a whole period later there is still one each.
            Thread.sleep(35_000);
            assertThat(digestsMentioning(elsasAddress, before, "Klassrum: today's notifications", title)).as("one digest")
                    .hasSize(1);
            assertThat(digestsMentioning(nilsAddress, before, "Klassrum: dagens notiser", title)).as("one digest").hasSize(1);
            assertThat(digestsMentioning(karinsAddress, before, "Klassrum: dagens notiser", title))
                    .as("nothing Karin may still see, so no mail").isEmpty();
        } finally {
            Sql.update(database, "update guardian_link set valid_to = null where id = ?", GUARDIAN_LINK_KARIN_ELSA);
            Sql.update(database, "delete from mail_preference where person_id in (?, ?, ?)", PERSON_ELSA, PERSON_NILS,
                    PERSON_KARIN);
        }
    }

    private static String digestMentioning(String address, java.util.Set<String> before, String subject, String title,
                                           long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        List<String> found = digestsMentioning(address, before, subject, title);
        while (found.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            found = digestsMentioning(address, before, subject, title);
        }
        assertThat(found).as("a digest to " + address + " about " + title).isNotEmpty();
        return found.get(0);
    }

    private static List<String> digestsMentioning(String address, java.util.Set<String> before, String subject,
                                                  String title) throws Exception {
        List<String> bodies = new java.util.ArrayList<>();
        for (jakarta.mail.internet.MimeMessage mail : MailServer.newMailTo(address, before, subject)) {
            String body = (String) mail.getContent();
            if (body.contains(title)) {
                bodies.add(body);
            }
        }
        return bodies;
    }

    private static void assertAbout(JsonObject item, String kind, UUID student, String assignment) {
        assertThat(item.getString("kind")).isEqualTo(kind);
        assertThat(item.getString("studentId")).isEqualTo(student.toString());
        assertThat(item.getString("assignmentId")).isEqualTo(assignment);
        assertThat(item.getString("groupId")).isEqualTo(GROUP_MA1C_A.toString());
    }

    private List<JsonObject> items(String authorization) throws Exception {
        HttpResponse<String> answer = call("GET", MINE + "?limit=100", authorization, null, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return array(answer.body());
    }

    private int unread(String authorization) throws Exception {
        HttpResponse<String> answer = call("GET", MINE + "?limit=1", authorization, null, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body()).getInt("unread");
    }

    private static List<JsonObject> array(String body) {
        return json(body).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
