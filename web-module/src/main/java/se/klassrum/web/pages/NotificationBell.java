package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.teaching.boundary.Notifications;

/**
 * The count of unread notifications beside "Notiser" in the header, decided as the list is
 * ({@link Notifications#unreadCount}); shown as "99+" beyond {@value #MOST}.
 */
@Named
@RequestScoped
public class NotificationBell {

    private static final int MOST = 99;

    @Inject
    Notifications notifications;

    @Inject
    CallerProvider caller;

    private Integer count;

    public int getCount() {
        if (count == null) {
            count = caller.currentActor().filter(actor -> actor instanceof Actor.Person).isPresent()
                    ? notifications.unreadCount() : 0;
        }
        return count;
    }

    /** "3", or "99+". */
    public String getShown() {
        return getCount() > MOST ? MOST + "+" : String.valueOf(getCount());
    }

    /** What a screen reader says: "3 olästa notiser". */
    public String getLabel() {
        return Texts.text("notifications.unreadLabel", getCount());
    }
}
