package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.teaching.control.NotificationPreferences;
import se.klassrum.teaching.control.NotificationPreferences.Frequency;
import se.klassrum.teaching.control.NotificationPreferences.Preference;
import se.klassrum.teaching.control.TeachingContext;

/**
 * The caller's own choice of notification mail: at once, a daily digest or none, and in Swedish or English. Every
 * person chooses for themselves (students, guardians, staff); nobody reads or sets another's.
 */
@ApplicationScoped
@Transactional
public class MailPreferences {

    @Inject
    TeachingContext context;

    @Inject
    NotificationPreferences preferences;

    @NoStudentData("the caller's own choice of notification mail; names no student")
    public Preference mine() {
        return preferences.of(context.callerPersonId());
    }

    @NoStudentData("the caller's own choice of notification mail; names no student")
    public Preference choose(Frequency frequency, String language) {
        preferences.choose(context.callerPersonId(), frequency, language, context.now());
        return mine();
    }
}
