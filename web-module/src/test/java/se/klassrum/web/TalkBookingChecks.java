package se.klassrum.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * Bookable development talks in Bertil's mentor group NA24a (Elsa, Filip and Greta): Bertil offers times, Greta's
 * guardian Nils books, changes and cancels one, Bertil confirms it, Filip, whose only guardian link is switched off,
 * books his own, and two guardians booking one time at once get one booking and a clear refusal.
 */
abstract class TalkBookingChecks extends ServerCalls {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final HttpClient http = HttpClient.newHttpClient();

    /** The offers a test made, removed with their bookings and talks afterwards. */
    private final List<String> offers = new ArrayList<>();

    private static String as(UUID objectId) {
        return "Bearer " + TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId);
    }

    private static String nils() {
        return "Bearer " + TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA, idpSubject("nils"));
    }

    private static String talks(String rest) {
        return "/api/v1/groups/" + GROUP_NA24A_MENTOR + "/talks/" + rest;
    }

    @AfterEach
    void removeTheOffers(DataSource database) throws Exception {
        for (String offer : offers) {
            Sql.update(database, "delete from development_talk where id in (select talk_id from talk_booking "
                    + "where offer_id = ?)", UUID.fromString(offer));
            Sql.update(database, "delete from talk_offer where id = ?", UUID.fromString(offer));
        }
        offers.clear();
    }

    @Test
    void theMentorOffersTimesAGuardianBooksChangesAndCancelsAndTheMentorConfirms() throws Exception {
        LocalDate day = LocalDate.now(SWEDEN).plusDays(10);
        HttpResponse<String> offered = call("POST", talks("offers"), as(OID_BERTIL), "{\"title\":\"Utvecklingssamtal HT\","
                + "\"questions\":[\"Vad går bra i skolan?\",\"Vad vill du bli bättre på?\"],\"times\":["
                + time(day, "14:00", "Rum 204") + "," + time(day, "14:30", "Rum 204") + ","
                + time(day, "15:00", "https://teams.example/na24a") + "]}", null);
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(201);
        JsonObject offer = json(offered.body());
        offers.add(offer.getString("id"));
        List<String> times = offer.getJsonArray("times").getValuesAs(JsonObject.class).stream()
                .map(time -> time.getString("id")).toList();
        assertThat(times).hasSize(3);
        assertThat(offer.getJsonArray("questions").getString(1)).isEqualTo("Vad vill du bli bättre på?");

        assertThat(call("POST", talks("offers"), as(OID_ANNA), "{\"times\":[" + time(day, "09:00", "Rum 1") + "]}", null)
                .statusCode()).as("a teacher who is not the group's mentor").isEqualTo(403);
        assertDenied(call("POST", talks("offers"), as(OID_ELSA), "{\"times\":[" + time(day, "09:00", "Rum 1") + "]}", null),
                "OPERATION_ALLOWED");

        assertThat(free(call("GET", talks("offers?child=" + PERSON_GRETA), nils(), null, null), times.get(0))).isTrue();
        HttpResponse<String> booked = book(nils(), PERSON_GRETA, times.get(0), null);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonObject booking = json(booked.body());
        String talk = booking.getString("id");
        assertThat(booking.getString("timeId")).isEqualTo(times.get(0));
        assertThat(booking.getString("place")).isEqualTo("Rum 204");
        assertThat(booking.getString("bookedBy")).isEqualTo(PERSON_NILS.toString());
        assertThat(booking.get("confirmedAt")).as("not confirmed yet").isIn(null, JsonValue.NULL);
        assertThat(OffsetDateTime.parse(booking.getString("startsAt")).toInstant())
                .isEqualTo(day.atTime(14, 0).atZone(SWEDEN).toInstant());
        assertThat(free(call("GET", talks("offers?child=" + PERSON_GRETA), nils(), null, null), times.get(0)))
                .as("the booked time").isFalse();
        assertThat(call("GET", talks("offers"), as(OID_ELSA), null, null).body()).as("classmates see times, not whose")
                .doesNotContain(PERSON_GRETA.toString()).doesNotContain(talk);

        assertRefused(book(nils(), PERSON_GRETA, times.get(1), null), "ALREADY_BOOKED");

        HttpResponse<String> changed = call("PUT", talks("bookings/" + talk), nils(), "{\"student\":\"" + PERSON_GRETA
                + "\",\"time\":\"" + times.get(2) + "\"}", null);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed.body()).getString("place")).isEqualTo("https://teams.example/na24a");
        assertThat(free(call("GET", talks("offers"), as(OID_BERTIL), null, null), times.get(0))).as("freed").isTrue();

        HttpResponse<String> gretas = call("GET", "/api/v1/students/" + PERSON_GRETA + "/development-talks", as(OID_GRETA),
                null, null);
        assertThat(gretas.statusCode()).isEqualTo(200);
        assertThat(gretas.body()).as("Greta sees her booked talk with its time").contains(talk).contains(times.get(2))
                .contains("https://teams.example/na24a");

        HttpResponse<String> answered = call("PUT", talks("bookings/" + talk + "/answers"), nils(), "{\"student\":\""
                + PERSON_GRETA + "\",\"answers\":[\"Greta trivs i klassen\",\"Matematiken\"]}", null);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        HttpResponse<String> overview = call("GET", talks("bookings"), as(OID_BERTIL), null, null);
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).as("the mentor reads the answers").contains(talk, "Greta trivs i klassen", "Nils Gran");
        assertThat(call("GET", talks("bookings"), nils(), null, null).statusCode()).as("the overview is the mentor's")
                .isEqualTo(403);

        assertThat(call("POST", talks("bookings/" + talk + "/confirmation?student=" + PERSON_GRETA), nils(), null, null)
                .statusCode()).as("a guardian books but never confirms").isEqualTo(403);
        HttpResponse<String> confirmed = call("POST", talks("bookings/" + talk + "/confirmation?student=" + PERSON_GRETA),
                as(OID_BERTIL), null, null);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed.body()).getString("confirmedAt")).isNotBlank();

        HttpResponse<String> calendar = call("GET", talks("bookings/" + talk + "/calendar?student=" + PERSON_GRETA),
                nils(), null, "en");
        assertThat(calendar.statusCode()).as(calendar.body()).isEqualTo(200);
        assertThat(calendar.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(calendar.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "utvecklingssamtal-" + day + ".ics");
        String utc = day.atTime(15, 0).atZone(SWEDEN).withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT", "DTSTART:" + utc,
                "UID:" + talk + "@klassrum", "LOCATION:https://teams.example/na24a", "STATUS:CONFIRMED",
                "Development talk with Bertil").doesNotContain("Greta");
        assertThat(call("GET", talks("bookings/" + talk + "/calendar?student=" + PERSON_GRETA), as(OID_ANNA), null, null)
                .statusCode()).as("a teacher never reads a talk").isEqualTo(404);

        HttpResponse<String> cancelled = call("DELETE", talks("bookings/" + talk + "?student=" + PERSON_GRETA), nils(),
                null, null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(204);
        assertThat(free(call("GET", talks("offers?child=" + PERSON_GRETA), nils(), null, null), times.get(2))).isTrue();
        assertThat(call("GET", "/api/v1/students/" + PERSON_GRETA + "/development-talks", as(OID_GRETA), null, null)
                .body()).as("the cancelled talk is gone").doesNotContain(talk);
    }

    /**
     * Filip's only guardian link is switched off, so he books his own talk; Elsa has guardians with active links, so
     * they book hers.
     */
    @Test
    void aStudentWithoutAnActiveGuardianBooksTheirOwnTalk() throws Exception {
        List<String> times = offer(LocalDate.now(SWEDEN).plusDays(11), "10:00", "10:30");

        HttpResponse<String> filips = book(as(OID_FILIP), PERSON_FILIP, times.get(0), null);
        assertThat(filips.statusCode()).as(filips.body()).isEqualTo(201);
        assertThat(json(filips.body()).getString("bookedBy")).isEqualTo(PERSON_FILIP.toString());

        HttpResponse<String> elsas = book(as(OID_ELSA), PERSON_ELSA, times.get(1), null);
        assertRefused(elsas, "GUARDIANS_BOOK");
        assertThat(elsas.body()).contains("Din vårdnadshavare bokar samtalstiden");
        assertDenied(book(as(OID_FILIP), PERSON_ELSA, times.get(1), null), "MEMBER_OF_LINKED_GROUP");
    }

    /**
     * Karin (for Elsa) and Nils (for Greta) book the same time at the same moment, three times over: each time one
     * booking is made and the other is refused with SLOT_TAKEN, and the refused one leaves no talk behind.
     */
    @Test
    void twoGuardiansBookingOneTimeAtOnceGetOneBookingAndAClearRefusal(DataSource database) throws Exception {
        LocalDate day = LocalDate.now(SWEDEN).plusDays(12);
        String karin = "Cookie " + GuardianSignIns.signIn(this::uri, http, database, PERSON_KARIN);
        for (String start : List.of("08:00", "09:00", "10:00")) {
            String time = offer(day, start).get(0);
            CompletableFuture<HttpResponse<String>> forElsa = bookAsync(karin, PERSON_ELSA, time);
            CompletableFuture<HttpResponse<String>> forGreta = bookAsync(nils(), PERSON_GRETA, time);
            List<HttpResponse<String>> answers = List.of(forElsa.get(), forGreta.get());

            assertThat(answers).extracting(HttpResponse::statusCode).as(answers.toString()).containsExactlyInAnyOrder(201, 409);
            HttpResponse<String> refused = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst()
                    .orElseThrow();
            assertRefused(refused, "SLOT_TAKEN");
            assertThat(refused.body()).contains("Tiden hann bokas av någon annan");
            assertThat(Sql.number(database, "select count(*) from talk_booking where slot_id = ?", UUID.fromString(time)))
                    .isEqualTo(1);
            assertThat(Sql.number(database, "select count(*) from development_talk t where t.held_on = ? and not exists "
                    + "(select 1 from talk_booking b where b.talk_id = t.id) and t.student_id in (?, ?)", day,
                    PERSON_ELSA, PERSON_GRETA)).as("the refused booking left no talk").isZero();
            Sql.update(database, "delete from development_talk where id in (select talk_id from talk_booking "
                    + "where slot_id = ?)", UUID.fromString(time));
        }
        String time = offer(day, "11:00").get(0);
        assertThat(book(nils(), PERSON_GRETA, time, null).statusCode()).isEqualTo(201);
        HttpResponse<String> english = call("POST", talks("bookings"), karin, "{\"student\":\"" + PERSON_ELSA
                + "\",\"time\":\"" + time + "\"}", "en");
        assertRefused(english, "SLOT_TAKEN");
        assertThat(english.body()).contains("Someone else booked the time first. Choose another time.");
    }

    /**
     * Karin books Elsa's talk inviting only herself (ACCESS-RULES.md, choice 16): Ebba, Elsa's other guardian, sees the
     * times but can neither move, cancel nor download that booking. Once Karin's link has ended she books nothing.
     */
    @Test
    void aGuardianTheTalkDoesNotInviteCannotMoveCancelOrDownloadIt(DataSource database) throws Exception {
        List<String> times = offer(LocalDate.now(SWEDEN).plusDays(13), "13:00", "13:30");
        String karin = "Cookie " + GuardianSignIns.signIn(this::uri, http, database, PERSON_KARIN);
        try {
            Sql.update(database, "update guardian_login set enabled = true where id = ?", GUARDIAN_LOGIN_EBBA);
            String ebba = "Cookie " + GuardianSignIns.signIn(this::uri, http, database, PERSON_EBBA);
            HttpResponse<String> booked = book(karin, PERSON_ELSA, times.get(0), List.of(PERSON_KARIN));
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            String talk = json(booked.body()).getString("id");

            assertThat(call("GET", talks("offers?child=" + PERSON_ELSA), ebba, null, null).statusCode()).isEqualTo(200);
            assertDenied(call("PUT", talks("bookings/" + talk), ebba, "{\"student\":\"" + PERSON_ELSA + "\",\"time\":\""
                    + times.get(1) + "\"}", null), "GUARDIAN_INVITED");
            assertDenied(call("DELETE", talks("bookings/" + talk + "?student=" + PERSON_ELSA), ebba, null, null),
                    "GUARDIAN_INVITED");
            assertThat(call("GET", talks("bookings/" + talk + "/calendar?student=" + PERSON_ELSA), ebba, null, null)
                    .statusCode()).isEqualTo(404);
            assertThat(call("GET", talks("bookings/" + talk + "/calendar?student=" + PERSON_ELSA), karin, null, null)
                    .statusCode()).isEqualTo(200);
            // Nor is she told of it, booked, moved or confirmed, while the mentor is; a cancellation reaches the invited by
            // its mail.
            assertThat(call("PUT", talks("bookings/" + talk), karin, "{\"student\":\"" + PERSON_ELSA + "\",\"time\":\""
                    + times.get(1) + "\"}", null).statusCode()).isEqualTo(200);
            assertThat(call("POST", talks("bookings/" + talk + "/confirmation?student=" + PERSON_ELSA), as(OID_BERTIL),
                    null, null).statusCode()).isEqualTo(200);
            HttpResponse<String> ebbasNotifications = call("GET", "/api/v1/me/notifications?limit=100", ebba, null, null);
            assertThat(ebbasNotifications.statusCode()).as(ebbasNotifications.body()).isEqualTo(200);
            assertThat(ebbasNotifications.body()).doesNotContain(talk);
            assertThat(call("GET", "/api/v1/me/notifications?limit=100", as(OID_BERTIL), null, null).body())
                    .contains(talk).contains("TALK_BOOKED").contains("TALK_MOVED");
            assertThat(call("GET", "/api/v1/me/notifications?limit=100", as(OID_ELSA), null, null).body())
                    .as("the child is told").contains(talk).contains("TALK_CONFIRMED");
            assertThat(call("GET", "/api/v1/me/notifications?limit=100", karin, null, null).body())
                    .as("the guardian it invites is told of what she did not do herself").contains(talk)
                    .contains("TALK_CONFIRMED");

            Sql.update(database, "update guardian_link set valid_to = ? where id = ?", LocalDate.now(SWEDEN).minusDays(1),
                    GUARDIAN_LINK_KARIN_ELSA);
            assertDenied(call("PUT", talks("bookings/" + talk), karin, "{\"student\":\"" + PERSON_ELSA + "\",\"time\":\""
                    + times.get(1) + "\"}", null), "GUARDIAN_LINK");
            assertDenied(call("DELETE", talks("bookings/" + talk + "?student=" + PERSON_ELSA), karin, null, null),
                    "GUARDIAN_LINK");
        } finally {
            Sql.update(database, "update guardian_link set valid_to = null where id = ?", GUARDIAN_LINK_KARIN_ELSA);
            Sql.update(database, "update guardian_login set enabled = false where id = ?", GUARDIAN_LOGIN_EBBA);
        }
    }

    /**
     * A guardian's notification mail about their child's talk leads to the child's page in the guardian portal, and the
     * mentor's to the group's talk times.
     */
    @Test
    void aTalksNotificationMailLeadsEachReaderToTheirOwnPage(DataSource database) throws Exception {
        List<String> times = offer(LocalDate.now(SWEDEN).plusDays(17), "10:00");
        String karin = "Cookie " + GuardianSignIns.signIn(this::uri, http, database, PERSON_KARIN);
        String karinsAddress = address(database, PERSON_KARIN);
        String bertilsAddress = address(database, PERSON_BERTIL);
        try {
            for (String reader : List.of(karin, as(OID_BERTIL))) {
                assertThat(call("PUT", "/api/v1/me/notifications/mail-preferences", reader,
                        "{\"frequency\":\"IMMEDIATELY\",\"language\":\"sv\"}", null).statusCode()).isEqualTo(200);
            }
            java.util.Set<String> beforeBooking = MailServer.messageIds();
            HttpResponse<String> booked = book(karin, PERSON_ELSA, times.get(0), List.of(PERSON_KARIN));
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            String talk = json(booked.body()).getString("id");
            java.util.Set<String> before = MailServer.messageIds();
            assertThat(call("POST", talks("bookings/" + talk + "/confirmation?student=" + PERSON_ELSA), as(OID_BERTIL),
                    null, null).statusCode()).isEqualTo(200);

            assertThat(notificationMail(karinsAddress, before, "Klassrum: Utvecklingssamtal bekräftat"))
                    .as("Karin's notification mail").contains("/guardian/child.xhtml?id=" + PERSON_ELSA)
                    .doesNotContain("talk-times");
            assertThat(notificationMail(bertilsAddress, beforeBooking, "Klassrum: Utvecklingssamtal bokat"))
                    .as("Bertil's notification mail").contains("/talk-times.xhtml?group=" + GROUP_NA24A_MENTOR);
        } finally {
            Sql.update(database, "delete from mail_preference where person_id in (?, ?)", PERSON_KARIN, PERSON_BERTIL);
        }
    }

    /** The text of the first new notification mail to the address whose subject begins so, waited for up to 30 s. */
    private static String notificationMail(String address, java.util.Set<String> before, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (jakarta.mail.internet.MimeMessage mail : MailServer.newMailTo(address, before, null)) {
                if (mail.getSubject().startsWith(subject)) {
                    return (String) mail.getContent();
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    /**
     * The booking's mail goes through the outbox to the guardians the talk invites, in the recipient's language, with
     * the calendar file attached and nothing about the student but a link; Ebba, whose link to Elsa ended yesterday, is
     * not invited and gets none.
     */
    @Test
    void theBookingMailCarriesTheCalendarFileAndAGuardianWhoseLinkEndedGetsNone(DataSource database) throws Exception {
        List<String> times = offer(LocalDate.now(SWEDEN).plusDays(15), "09:00");
        String karin = "Cookie " + GuardianSignIns.signIn(this::uri, http, database, PERSON_KARIN);
        String karinsAddress = address(database, PERSON_KARIN);
        String ebbasAddress = address(database, PERSON_EBBA);
        try {
            Sql.update(database, "update guardian_link set valid_to = ? where id = ?", LocalDate.now(SWEDEN).minusDays(1),
                    GUARDIAN_LINK_EBBA_ELSA);
            java.util.Set<String> before = MailServer.messageIds();
            HttpResponse<String> booked = book(karin, PERSON_ELSA, times.get(0), null);
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            String talk = json(booked.body()).getString("id");

            jakarta.mail.internet.MimeMessage mail = MailServer.awaitNewMailTo(karinsAddress, before, 30_000);
            assertThat(mail.getSubject()).as("in Swedish, the default").isEqualTo("Utvecklingssamtal bokat");
            jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
            String text = (String) parts.getBodyPart(0).getContent();
            assertThat(text).contains("är bokat", "Rum 204", "kl. 09.00", "Mer i Klassrum",
                    "/guardian/child.xhtml?id=" + PERSON_ELSA).doesNotContain("Elsa").doesNotContain("is booked");
            jakarta.mail.BodyPart file = parts.getBodyPart(1);
            assertThat(file.getContentType()).startsWith("text/calendar");
            assertThat(file.getFileName()).isEqualTo("utvecklingssamtal.ics");
            String calendar = new String(file.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(calendar).contains("BEGIN:VEVENT", "UID:" + talk + "@klassrum", "LOCATION:Rum 204")
                    .doesNotContain("Elsa");
            assertThat(Sql.number(database, "select count(*) from mail_outbox where recipient_id = ? and kind = "
                    + "'TALK_BOOKED' and sent_at is not null and talk_id = ?", PERSON_KARIN, UUID.fromString(talk)))
                    .as("written once, sent once").isEqualTo(1);
            assertThat(Sql.number(database, "select count(*) from mail_outbox where recipient_id = ? and talk_id = ?",
                    PERSON_EBBA, UUID.fromString(talk))).as("nothing for Ebba").isZero();
            assertThat(MailServer.newMailTo(ebbasAddress, before, null)).isEmpty();
        } finally {
            Sql.update(database, "update guardian_link set valid_to = null where id = ?", GUARDIAN_LINK_EBBA_ELSA);
        }
    }

    /**
     * Karin books Elsa's talk inviting Ebba too, who reads her mail in English: Ebba's booking mail comes in English
     * with the calendar file. Then Ebba's link to Elsa ends, and Bertil confirms and Karin cancels the talk: Karin is
     * told in Swedish (the cancellation without a calendar file), while Ebba's confirmation and cancellation mails,
     * queued for her as invited, are decided again when sent and withheld.
     */
    @Test
    void aBookingMailIsDecidedWhenSentAndWrittenInTheReadersLanguage(DataSource database) throws Exception {
        List<String> times = offer(LocalDate.now(SWEDEN).plusDays(16), "10:00");
        String karin = "Cookie " + GuardianSignIns.signIn(this::uri, http, database, PERSON_KARIN);
        String karinsAddress = address(database, PERSON_KARIN);
        String ebbasAddress = address(database, PERSON_EBBA);
        try {
            Sql.update(database, "update guardian_login set enabled = true where id = ?", GUARDIAN_LOGIN_EBBA);
            Sql.update(database, "insert into mail_preference (person_id, frequency, language, updated_at) "
                    + "values (?, 'OFF', 'en', now())", PERSON_EBBA);
            java.util.Set<String> before = MailServer.messageIds();
            HttpResponse<String> booked = book(karin, PERSON_ELSA, times.get(0), List.of(PERSON_KARIN, PERSON_EBBA));
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            UUID talk = UUID.fromString(json(booked.body()).getString("id"));

            jakarta.mail.internet.MimeMessage toEbba = MailServer.awaitNewMailTo(ebbasAddress, before,
                    "Development talk booked", 30_000);
            jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) toEbba.getContent();
            assertThat((String) parts.getBodyPart(0).getContent()).contains("is booked", "10:00", "Rum 204",
                    "More in Klassrum", "/guardian/child.xhtml?id=" + PERSON_ELSA).doesNotContain("Elsa")
                    .doesNotContain("bokat");
            assertThat(new String(parts.getBodyPart(1).getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("UID:" + talk + "@klassrum", "Development talk with");
            MailServer.awaitNewMailTo(karinsAddress, before, "Utvecklingssamtal bokat", 30_000);

            Sql.update(database, "update guardian_link set valid_to = ? where id = ?", LocalDate.now(SWEDEN).minusDays(1),
                    GUARDIAN_LINK_EBBA_ELSA);
            HttpResponse<String> confirmed = call("POST", talks("bookings/" + talk + "/confirmation?student="
                    + PERSON_ELSA), as(OID_BERTIL), null, null);
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            MailServer.awaitNewMailTo(karinsAddress, before, "Utvecklingssamtal bekräftat", 30_000);
            HttpResponse<String> cancelled = call("DELETE", talks("bookings/" + talk + "?student=" + PERSON_ELSA), karin,
                    null, null);
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(204);
            jakarta.mail.internet.MimeMessage cancellation = MailServer.awaitNewMailTo(karinsAddress, before,
                    "Utvecklingssamtal avbokat", 30_000);
            assertThat(cancellation.getContent()).as("no calendar file").isInstanceOf(String.class);
            assertThat((String) cancellation.getContent()).contains("är avbokat, det var", "kl. 10.00", "Rum 204")
                    .doesNotContain("Elsa");

            long deadline = System.currentTimeMillis() + 30_000;
            while (Sql.number(database, "select count(*) from mail_outbox where recipient_id = ? and talk_id = ? "
                    + "and kind in ('TALK_CONFIRMED', 'TALK_CANCELLED') and withheld_at is not null", PERSON_EBBA, talk) < 2
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Sql.number(database, "select count(*) from mail_outbox where recipient_id = ? and talk_id = ? "
                    + "and kind in ('TALK_CONFIRMED', 'TALK_CANCELLED') and withheld_at is not null and sent_at is null",
                    PERSON_EBBA, talk)).as("queued for Ebba as invited, withheld when sent").isEqualTo(2);
            assertThat(MailServer.newMailTo(ebbasAddress, before, null)).as("only the booking mail reached Ebba")
                    .hasSize(1);
        } finally {
            Sql.update(database, "update guardian_link set valid_to = null where id = ?", GUARDIAN_LINK_EBBA_ELSA);
            Sql.update(database, "update guardian_login set enabled = false where id = ?", GUARDIAN_LOGIN_EBBA);
            Sql.update(database, "delete from mail_preference where person_id = ?", PERSON_EBBA);
        }
    }

    /** Bertil offers 30-minute times on the day at the starts given; their ids in order. */
    private List<String> offer(LocalDate day, String... starts) throws Exception {
        List<String> times = new ArrayList<>();
        for (String start : starts) {
            times.add(time(day, start, "Rum 204"));
        }
        HttpResponse<String> offered = call("POST", talks("offers"), as(OID_BERTIL),
                "{\"times\":[" + String.join(",", times) + "]}", null);
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(201);
        JsonObject offer = json(offered.body());
        offers.add(offer.getString("id"));
        return offer.getJsonArray("times").getValuesAs(JsonObject.class).stream().map(t -> t.getString("id")).toList();
    }

    private static String address(DataSource database, UUID person) throws Exception {
        return Sql.strings(database, "select email from person where id = ?", person).get(0);
    }

    private static String time(LocalDate day, String start, String place) {
        return "{\"day\":\"" + day + "\",\"start\":\"" + start + "\",\"minutes\":30,\"place\":\"" + place + "\"}";
    }

    private HttpResponse<String> book(String authorization, UUID student, String time, List<UUID> guardians)
            throws Exception {
        return call("POST", talks("bookings"), authorization, "{\"student\":\"" + student + "\",\"time\":\"" + time + "\""
                + (guardians == null ? "" : ",\"guardians\":[" + String.join(",", guardians.stream()
                .map(g -> "\"" + g + "\"").toList()) + "]") + "}", null);
    }

    private CompletableFuture<HttpResponse<String>> bookAsync(String authorization, UUID student, String time) {
        return http.sendAsync(callRequest("POST", talks("bookings"), authorization, "{\"student\":\"" + student
                + "\",\"time\":\"" + time + "\"}", null).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the time is free in the offers answered. */
    private static boolean free(HttpResponse<String> offers, String time) {
        assertThat(offers.statusCode()).as(offers.body()).isEqualTo(200);
        JsonArray all = Json.createReader(new StringReader(offers.body())).readArray();
        return all.getValuesAs(JsonObject.class).stream()
                .flatMap(offer -> offer.getJsonArray("times").getValuesAs(JsonObject.class).stream())
                .filter(t -> t.getString("id").equals(time)).findFirst().orElseThrow().getBoolean("free");
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static void assertDenied(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("access-denied").contains("\"code\":\"" + code + "\"");
    }

    private static void assertRefused(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(response.body()).getString("code")).isEqualTo(code);
    }
}
