package se.klassrum.teaching.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What a notification mail says, once sent: grouped by group in a digest, and no more than the setting allows. */
class NotificationMailsTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final String LIST = "https://klassrum.example/notifications.xhtml";

    private final List<NotificationMails.Line> day = List.of(
            new NotificationMails.Line("Ma1c-A", "Ny uppgift i Ma1c-A: Ekvationer", "https://klassrum.example/a1"),
            new NotificationMails.Line("En5-B", "Nytt inlägg i En5-B", "https://klassrum.example/p1"),
            new NotificationMails.Line("Ma1c-A", "Nytt inlägg i Ma1c-A", "https://klassrum.example/p2"));

    @Test
    void aDigestListsTheDaysNotificationsUnderTheirGroupsInTheOrderOfEachGroupsNewest() {
        NotificationMails.Composed digest = NotificationMails.digest(day, SWEDISH, NotificationMails.Content.TITLE, LIST);

        assertThat(digest.subject()).isEqualTo("Klassrum: dagens notiser");
        assertThat(digest.body()).isEqualTo("""
                Nytt i Klassrum sedan i går (3):

                Ma1c-A
                - Ny uppgift i Ma1c-A: Ekvationer
                  https://klassrum.example/a1
                - Nytt inlägg i Ma1c-A
                  https://klassrum.example/p2

                En5-B
                - Nytt inlägg i En5-B
                  https://klassrum.example/p1
                """);
    }

    @Test
    void aDigestInEnglish() {
        assertThat(NotificationMails.digest(day.subList(1, 2), Locale.ENGLISH, NotificationMails.Content.TITLE, LIST)
                .subject()).isEqualTo("Klassrum: today's notifications");
        assertThat(NotificationMails.digest(day.subList(1, 2), Locale.ENGLISH, NotificationMails.Content.TITLE, LIST)
                .body()).startsWith("New in Klassrum since yesterday (1):\n\nEn5-B\n");
    }

    @Test
    void withLinksOnlyNoTitleLeavesAndWithNothingOnlyTheListsLink() {
        NotificationMails.Composed links = NotificationMails.digest(day, SWEDISH, NotificationMails.Content.LINK, LIST);
        assertThat(links.body()).contains("https://klassrum.example/a1", "https://klassrum.example/p2")
                .doesNotContain("Ekvationer").doesNotContain("Ma1c-A");
        NotificationMails.Composed nothing = NotificationMails.digest(day, SWEDISH, NotificationMails.Content.NONE, LIST);
        assertThat(nothing.body()).contains(LIST).doesNotContain("Ekvationer").doesNotContain("Ma1c-A")
                .doesNotContain("https://klassrum.example/a1");

        NotificationMails.Composed one = NotificationMails.immediate(day.get(0), Locale.ENGLISH,
                NotificationMails.Content.LINK, LIST);
        assertThat(one.subject()).isEqualTo("Klassrum: new notification");
        assertThat(one.body()).isEqualTo("You have a new notification in Klassrum.\nhttps://klassrum.example/a1\n");
        assertThat(NotificationMails.immediate(day.get(0), SWEDISH, NotificationMails.Content.TITLE, LIST).subject())
                .isEqualTo("Klassrum: Ny uppgift i Ma1c-A: Ekvationer");
    }
}
