package se.klassrum.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * A development talk booked and documented in the browser: Bertil offers times in NA24a, Karin books one for Elsa on
 * her phone (375 px) and downloads the calendar file, Elsa answers the preparation question, Bertil confirms the
 * booking and, once the day has come (moved to yesterday in the database here, as for talks booked by the mentor),
 * writes its notes; in Swedish and in English, each page without serious or critical axe violations.
 */
abstract class TalkPagesChecks extends BrowserTest {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTalkIsOfferedBookedAnsweredConfirmedAndDocumented(DataSource database) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Utvecklingssamtal " + marker;
        LocalDate day = LocalDate.now(SCHOOL_ZONE).plusDays(14);
        try {
            // Bertil offers three times of 20 minutes from 14.00.
            open("sv-SE,sv");
            signInAs("bertil");
            browser.navigate().to(uri("/group.xhtml?id=" + GROUP_NA24A_MENTOR).toURL());
            clickAndWait(waitFor(By.id("talkTimesLink")));
            waitFor(By.id("offer:place"));
            browser.findElement(By.id("offer:title")).sendKeys(title);
            setValue(By.id("offer:day"), day.toString());
            setValue(By.id("offer:start"), "14:00");
            browser.findElement(By.id("offer:count")).clear();
            browser.findElement(By.id("offer:count")).sendKeys("3");
            browser.findElement(By.id("offer:place")).sendKeys("Rum 204");
            browser.findElement(By.id("offer:questions")).sendKeys("Vad vill du prata om?");
            clickAndWait(browser.findElement(By.id("offer:offerTimes")));
            waitForText("3 tider erbjudna.");
            WebElement offer = offerTitled(title);
            assertThat(offer.findElements(By.cssSelector("[data-time]"))).hasSize(3);
            assertThat(offer.getText()).contains("kl. 14.00", "kl. 14.20", "kl. 14.40", "Rum 204", "ledig");
            assertThat(axe("talk times (Bertil)")).isEmpty();
            screenshot("talk-times-offered");
            closeBrowser();

            // Karin books the first time for Elsa on her phone.
            open("sv-SE,sv", 375, 812);
            signInAsGuardian(GuardianSignIns.emailLoginOf(database, PERSON_KARIN));
            browser.navigate().to(uri("/guardian/child.xhtml?id=" + PERSON_ELSA).toURL());
            WebElement times = waitFor(By.cssSelector("#booking [data-offer]"));
            assertThat(text()).contains("Boka utvecklingssamtal", title, "Vad vill du prata om?");
            assertThat(axe("the child's page with times to book (Karin)")).isEmpty();
            assertNoHorizontalScroll("the child's page with times to book");
            assertTapTargetsOnAPhone("the child's page with times to book");
            clickAndWait(bookingOf(title).findElement(By.cssSelector("[data-time] input[id$='book']")));
            waitForText("Samtalet är bokat.");
            WebElement booked = waitFor(By.cssSelector("#talks article.talk"));
            String talk = booked.getAttribute("data-talk");
            assertThat(booked.findElement(By.cssSelector("h3")).getText()).startsWith("Bokat ")
                    .contains(" " + day.getDayOfMonth() + " ", "kl. 14.00 – du är inbjuden");
            assertThat(booked.getText()).as("a booked talk has no notes yet").doesNotContain("Anteckningar")
                    .contains("Rum 204", "Väntar på mentorns bekräftelse", "Lägg till i kalendern (.ics)");
            String calendar = booked.findElement(By.cssSelector("a.calendar")).getAttribute("href");
            Cookie session = browser.manage().getCookieNamed("klassrum_guardian");
            HttpResponse<String> file = http.send(HttpRequest.newBuilder(java.net.URI.create(calendar))
                    .header("Cookie", "klassrum_guardian=" + session.getValue()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
            assertThat(file.body()).contains("BEGIN:VEVENT", "LOCATION:Rum 204", "SUMMARY:" + title);
            assertThat(axe("the child's page with a booked talk (Karin)")).isEmpty();
            assertNoHorizontalScroll("the child's page with a booked talk");
            assertTapTargetsOnAPhone("the child's page with a booked talk");
            screenshot("talk-booked-guardian-phone");

            // Karin answers the preparation question on her phone, and changes her answer before the talk.
            WebElement question = waitFor(By.cssSelector("#talks article.talk textarea"));
            assertThat(browser.findElement(By.cssSelector("label[for='" + question.getAttribute("id") + "']")).getText())
                    .isEqualTo("Vad vill du prata om?");
            question.sendKeys("Hur det går i matten " + marker);
            clickAndWait(browser.findElement(By.cssSelector("#talks input[id$='saveAnswers']")));
            waitForText("Dina svar är sparade.");
            WebElement answered = waitFor(By.cssSelector("#talks article.talk textarea"));
            assertThat(answered.getAttribute("value")).isEqualTo("Hur det går i matten " + marker);
            answered.clear();
            answered.sendKeys("Matten och kemin " + marker);
            clickAndWait(browser.findElement(By.cssSelector("#talks input[id$='saveAnswers']")));
            waitForText("Dina svar är sparade.");
            assertThat(waitFor(By.cssSelector("#talks article.talk textarea")).getAttribute("value"))
                    .isEqualTo("Matten och kemin " + marker);
            assertThat(axe("the child's page with an answered question (Karin)")).isEmpty();
            assertNoHorizontalScroll("the child's page with an answered question");
            assertTapTargetsOnAPhone("the child's page with an answered question");
            scrollTo(waitFor(By.cssSelector("#talks article.talk")));
            screenshot("talk-answered-guardian-phone");

            WebElement english = browser.findElement(By.id("language:en"));
            clickAndWait(english);
            WebElement inEnglish = waitFor(By.cssSelector("#talks article.talk"));
            assertThat(inEnglish.findElement(By.cssSelector("h3")).getText()).startsWith("Booked ")
                    .contains(" " + day.getDayOfMonth() + " ", ", 14:00 – you are invited");
            assertThat(text()).contains("Book a development talk", "Add to calendar (.ics)");
            assertThat(browser.findElement(By.cssSelector("#booking input[id$='move']")).getAttribute("value"))
                    .as("the booked child's other times offer a move").isEqualTo("Move to this time");
            assertThat(browser.findElement(By.cssSelector("#talks input[id$='cancel']")).getAttribute("value"))
                    .isEqualTo("Cancel the booking");
            assertThat(axe("the child's page in English (Karin)")).isEmpty();
            assertNoHorizontalScroll("the child's page in English");
            screenshot("talk-booked-guardian-phone-en");
            closeBrowser();

            // Elsa answers the question before the talk, in English.
            open("en-GB,en");
            signInAs("elsa");
            clickAndWait(waitFor(By.id("myTalksLink")));
            WebElement mine = waitFor(By.cssSelector("li.talk[data-talk='" + talk + "']"));
            assertThat(mine.getText()).contains("Booked", ", 14:00 – you are invited", "Rum 204",
                    "Vad vill du prata om?");
            mine.findElement(By.cssSelector("textarea")).sendKeys("Kemin " + marker);
            clickAndWait(mine.findElement(By.cssSelector("input[id$='saveAnswers']")));
            waitForText("Your answers are saved.");
            assertThat(waitFor(By.cssSelector("li.talk[data-talk='" + talk + "'] textarea")).getAttribute("value"))
                    .as("her own answer, not her guardian's").isEqualTo("Kemin " + marker);
            assertThat(axe("my talks (Elsa)")).isEmpty();
            screenshot("talk-my-talks-student");
            closeBrowser();

            // Bertil sees the booking and the answer, and confirms it.
            open("sv-SE,sv");
            signInAs("bertil");
            browser.navigate().to(uri("/talk-times.xhtml?group=" + GROUP_NA24A_MENTOR).toURL());
            WebElement first = offerTitled(title).findElements(By.cssSelector("[data-time]")).get(0);
            assertThat(first.getText()).contains("Elsa Ek", "bokad", "Kemin " + marker, "Matten och kemin " + marker,
                    "Karin Ek").doesNotContain("Hur det går i matten " + marker);
            screenshot("talk-times-answers-mentor");
            clickAndWait(first.findElement(By.cssSelector("input[id$='confirm']")));
            waitForText("Bokningen är bekräftad.");
            assertThat(offerTitled(title).findElements(By.cssSelector("[data-time]")).get(0).getText())
                    .contains("Elsa Ek", "bekräftad");
            assertThat(axe("talk times with a booking (Bertil)")).isEmpty();

            // The day comes, and Bertil documents the talk on Elsa's page.
            LocalDate yesterday = LocalDate.now(SCHOOL_ZONE).minusDays(1);
            Sql.update(database, "update development_talk set held_on = ? where id = ?", yesterday, UUID.fromString(talk));
            browser.navigate().to(uri("/student.xhtml?id=" + PERSON_ELSA + "&group=" + GROUP_NA24A_MENTOR).toURL());
            WebElement held = waitFor(By.cssSelector("li.talk[data-talk='" + talk + "']"));
            held.findElement(By.cssSelector("[id$='writtenGoals'] .ql-editor")).sendKeys("Läsa kemi varje vecka " + marker);
            clickAndWait(held.findElement(By.cssSelector("[id$='writeTalk']")));
            waitForText("är dokumenterat");
            assertThat(waitFor(By.cssSelector("li.talk[data-talk='" + talk + "']")).getText())
                    .contains("Läsa kemi varje vecka " + marker);
            closeBrowser();

            // Elsa reads what was agreed.
            open("sv-SE,sv");
            signInAs("elsa");
            browser.navigate().to(uri("/my-talks.xhtml").toURL());
            WebElement documented = waitFor(By.cssSelector("li.talk[data-talk='" + talk + "']"));
            assertThat(documented.getText()).contains("Överenskomna mål", "Läsa kemi varje vecka " + marker);
            assertThat(documented.findElements(By.cssSelector("textarea"))).as("no questions after the talk").isEmpty();
            assertThat(axe("my talks, documented (Elsa)")).isEmpty();
        } finally {
            List<String> offers = Sql.strings(database, "select cast(id as varchar) from talk_offer where title = ?", title);
            for (String offer : offers) {
                Sql.update(database, "delete from development_talk where id in (select talk_id from talk_booking "
                        + "where offer_id = ?)", UUID.fromString(offer));
                Sql.update(database, "delete from talk_offer where id = ?", UUID.fromString(offer));
            }
        }
    }

    private WebElement offerTitled(String title) {
        waitFor(By.id("offers"));
        return browser.findElements(By.cssSelector("#offers article.offer")).stream()
                .filter(offer -> offer.getText().contains(title)).findFirst().orElseThrow();
    }

    private WebElement bookingOf(String title) {
        return browser.findElements(By.cssSelector("#booking article.offer")).stream()
                .filter(offer -> offer.getText().contains(title)).findFirst().orElseThrow();
    }
}
