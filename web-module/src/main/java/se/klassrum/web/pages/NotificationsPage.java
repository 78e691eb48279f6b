package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.Page;
import se.klassrum.teaching.boundary.MailPreferences;
import se.klassrum.teaching.boundary.Notifications;
import se.klassrum.teaching.control.NotificationPreferences;
import se.klassrum.teaching.boundary.Notifications.NotificationPage;
import se.klassrum.teaching.boundary.Notifications.NotificationView;
import se.klassrum.teaching.control.NotificationLinks;
import se.klassrum.teaching.control.NotificationTexts;

import java.util.List;
import java.util.UUID;

/**
 * {@code /notifications.xhtml}: "Notiser", the signed-in person's notifications, newest first, the unread ones marked
 * "Ny"; each leads to its page and is marked read when opened through {@code ?open=…}. The list is decided by the
 * access rules as it is read ({@link Notifications#mine}). A guardian has the same list in the guardian portal,
 * {@code /guardian/notifications.xhtml}; each is led to their own of the two ({@link #onOwnPage}).
 */
@Named
@RequestScoped
public class NotificationsPage {

    /** One page; older notifications are seldom looked for. */
    private static final int SHOWN = 50;

    private static final String STAFF_AND_STUDENTS = "/notifications.xhtml";
    private static final String GUARDIANS = "/guardian/notifications.xhtml";

    @Inject
    Notifications notifications;

    @Inject
    CallerProvider caller;

    @Inject
    MailPreferences mailPreferences;

    private String frequency;
    private String language;

    private String open;
    private NotificationPage page;

    public String getOpen() {
        return open;
    }

    public void setOpen(String open) {
        this.open = open;
    }

    public boolean isSignedIn() {
        return reader() != null;
    }

    public List<NotificationView> getItems() {
        return loaded().items();
    }

    public int getUnread() {
        Integer unread = loaded().unread();
        return unread == null ? 0 : unread;
    }

    /** "Nytt inlägg i Ma1c-A", "Ny uppgift i Ma1c-A: Andragradsekvationer" */
    public String text(NotificationView item) {
        return NotificationTexts.line(item.kind(), Texts.locale(), item.groupName(), item.title(), item.startsAt());
    }

    /** Whom it concerns, when not the reader: "Gäller Elsa Ek". Null for the reader's own. */
    public String about(NotificationView item) {
        return item.studentId().equals(reader()) ? null : NotificationTexts.about(Texts.locale(), item.studentName());
    }

    public String when(NotificationView item) {
        return SchoolTime.at(item.at(), Texts.locale());
    }

    /** The link that marks the notification read and leads to its page. */
    public String opening(NotificationView item) {
        return getHome() + "?open=" + item.id();
    }

    /** The caller's list: the guardian portal's for a guardian, otherwise the one under the staff and students' header. */
    public String getHome() {
        return guardian() ? GUARDIANS : STAFF_AND_STUDENTS;
    }

    /**
     * Leads a signed-in person who opened the other list (a guardian following a mail's link to
     * {@code /notifications.xhtml}, say) to their own, keeping the notification to open.
     */
    private String onOwnPage() {
        String home = getHome();
        if (reader() == null || home.equals(FacesContext.getCurrentInstance().getViewRoot().getViewId())) {
            return null;
        }
        UUID id = parse(open);
        return home + "?faces-redirect=true" + (id == null ? "" : "&open=" + id);
    }

    /**
     * Opens a notification: marks it read and goes to its page; one the reader may not see (or that is not among their
     * newest) leaves them on the list. Whoever opened the other of the two lists is led to their own first.
     */
    public String openOne() {
        String own = onOwnPage();
        if (own != null) {
            return own;
        }
        UUID id = parse(open);
        if (id == null || reader() == null) {
            return null;
        }
        NotificationView item = loaded().items().stream().filter(one -> one.id().equals(id)).findFirst().orElse(null);
        if (item == null) {
            return null;
        }
        notifications.markRead(List.of(id));
        String target = NotificationLinks.target(item.kind(), item.groupId(), item.studentId(), item.assignmentId(),
                item.studentId().equals(reader()), guardian());
        return target + (target.contains("?") ? "&" : "?") + "faces-redirect=true";
    }

    /** The caller's mail choice, for the form. */
    public String getFrequency() {
        if (frequency == null && reader() != null) {
            frequency = mailPreferences.mine().frequency().name();
        }
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    public String getLanguage() {
        if (language == null && reader() != null) {
            language = mailPreferences.mine().language();
        }
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String saveMail() {
        mailPreferences.choose(NotificationPreferences.Frequency.valueOf(frequency), language);
        Texts.flash(FacesMessage.SEVERITY_INFO, "notifications.mail.saved");
        return getHome() + "?faces-redirect=true";
    }

    public String markAllRead() {
        notifications.markRead(List.of());
        Texts.flash(FacesMessage.SEVERITY_INFO, "notifications.allRead");
        return getHome() + "?faces-redirect=true";
    }

    private NotificationPage loaded() {
        if (page == null) {
            page = reader() == null ? new NotificationPage(List.of(), null, 0) : notifications.mine(Page.first(SHOWN));
        }
        return page;
    }

    private UUID reader() {
        return caller.currentActor().filter(actor -> actor instanceof Actor.Person)
                .map(actor -> ((Actor.Person) actor).personId()).orElse(null);
    }

    private boolean guardian() {
        return caller.currentActor().filter(actor -> actor instanceof Actor.Person person && person.guardianLogin())
                .isPresent();
    }

    private static UUID parse(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
