package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.Operation;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.teaching.control.NotificationRows.Candidate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a notification mail when it is sent, not when it is queued: the event (or the digest's day of events) is
 * decided again by the access rules as its recipient, in one list, so a reader whose access ended in between is told
 * nothing; and it is written in the recipient's language of the moment. The body carries a line per notification
 * (the kind, the group and the content's title) and a deep link, or less as {@code klassrum.notifications.mail.content}
 * says: {@code title} (the default), {@code link} (a deep link under a plain sentence) or {@code none} (a link to the
 * list "Notiser", nothing of the notification).
 */
@ApplicationScoped
public class NotificationMails {

    /** How much of a notification a mail carries. */
    public enum Content {
        TITLE, LINK, NONE
    }

    /** A mail ready to send, with a calendar file or none. */
    public record Composed(String subject, String body, String calendar) {

        public Composed(String subject, String body) {
            this(subject, body, null);
        }
    }

    /**
     * One notification as a mail tells it.
     *
     * @param group the group's name, under which a digest lists it
     * @param text  the notification's line ({@link NotificationTexts#line})
     * @param link  the deep link to its page
     */
    public record Line(String group, String text, String link) {
    }

    private static final UUID LAST = new UUID(-1L, -1L);

    @Inject
    NotificationRows rows;

    @Inject
    NotificationPreferences preferences;

    @Inject
    AccessGuard guard;

    @Inject
    @ConfigProperty(name = "klassrum.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "klassrum.notifications.mail.content", defaultValue = "TITLE")
    Content content;

    /** The mail to send, or empty when the rules no longer let any of it through to its recipient. */
    public Optional<Composed> compose(MailOutbox.Claimed mail) {
        NotificationPreferences.Reader reader = preferences.reader(mail.recipientId());
        if (reader == null) {
            return Optional.empty();
        }
        List<Candidate> candidates;
        if (mail.eventId() != null) {
            Candidate one = rows.candidate(mail.eventId(), mail.aboutId());
            candidates = one == null ? List.of() : List.of(one);
        } else {
            List<String> periodEnd = List.of(mail.createdAt().toString(), LAST.toString(), LAST.toString());
            candidates = rows.candidates(mail.recipientId(), reader.tenantId(), periodEnd, 100).stream()
                    .filter(event -> !event.at().isBefore(mail.periodFrom())).toList();
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        AccessGuard.ListDecision list = guard.mixedListFor(Actor.person(mail.recipientId(), reader.tenantId()),
                "NOTIFICATION_MAIL", Operation.READ);
        boolean[] visible = list.visible(candidates.stream().map(Candidate::item).toList());
        list.audit();
        List<Candidate> told = new ArrayList<>();
        for (int i = 0; i < visible.length; i++) {
            if (visible[i]) {
                told.add(candidates.get(i));
            }
        }
        if (told.isEmpty()) {
            return Optional.empty();
        }
        Locale locale = reader.preference().locale();
        NotificationRows.Shown shown = rows.shown(told);
        // Told of another student, the reader is that student's guardian unless they own the event's group (a teacher,
        // the mentor of a talk): each is led to their own page.
        Set<UUID> owned = rows.ownedBy(mail.recipientId(), told.stream().map(Candidate::groupId).toList());
        String base = publicUrl.replaceAll("/+$", "");
        List<Line> lines = told.stream().map(event -> {
            boolean aboutTheReader = event.about().equals(mail.recipientId());
            return new Line(shown.groupNames().get(event.groupId()),
                    NotificationTexts.line(event.kind(), locale, shown.groupNames().get(event.groupId()),
                            shown.titles().get(event.contentId()), shown.talkTimes().get(event.contentId())),
                    base + NotificationLinks.target(event.kind(), event.groupId(), event.about(), shown.assignmentFor(event),
                            aboutTheReader, !aboutTheReader && !owned.contains(event.groupId())));
        }).toList();
        String listLink = base + "/notifications.xhtml";
        return Optional.of(mail.eventId() != null ? immediate(lines.get(0), locale, content, listLink)
                : digest(lines, locale, content, listLink));
    }

    /** The mail about one notification. */
    static Composed immediate(Line line, Locale locale, Content content, String listLink) {
        boolean sv = NotificationTexts.swedish(locale);
        String plain = sv ? "Du har en ny notis i Klassrum." : "You have a new notification in Klassrum.";
        return switch (content) {
            case TITLE -> new Composed("Klassrum: " + line.text(), line.text() + "\n" + line.link() + "\n");
            case LINK -> new Composed(sv ? "Klassrum: ny notis" : "Klassrum: new notification",
                    plain + "\n" + line.link() + "\n");
            case NONE -> new Composed(sv ? "Klassrum: ny notis" : "Klassrum: new notification", plain + "\n" + listLink + "\n");
        };
    }

    /** The day's digest: the notifications grouped under their groups, in the order of each group's newest. */
    static Composed digest(List<Line> lines, Locale locale, Content content, String listLink) {
        boolean sv = NotificationTexts.swedish(locale);
        String subject = sv ? "Klassrum: dagens notiser" : "Klassrum: today's notifications";
        StringBuilder body = new StringBuilder(sv ? "Nytt i Klassrum sedan i går (" + lines.size() + "):\n"
                : "New in Klassrum since yesterday (" + lines.size() + "):\n");
        switch (content) {
            case TITLE -> {
                Map<String, List<Line>> byGroup = new LinkedHashMap<>();
                lines.forEach(line -> byGroup.computeIfAbsent(line.group(), group -> new ArrayList<>()).add(line));
                byGroup.forEach((group, inGroup) -> {
                    body.append('\n').append(group).append('\n');
                    inGroup.forEach(line -> body.append("- ").append(line.text()).append("\n  ").append(line.link()).append('\n'));
                });
            }
            case LINK -> lines.forEach(line -> body.append("- ").append(line.link()).append('\n'));
            case NONE -> body.append(listLink).append('\n');
        }
        return new Composed(subject, body.toString());
    }
}
