package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The rows of {@code mail_preference}: how often a person wants mail about their notifications and in which language,
 * with the settings' defaults for a person who has not chosen ({@code klassrum.notifications.mail.default-*}).
 */
@ApplicationScoped
public class NotificationPreferences {

    /** How often a person is mailed about their notifications. */
    public enum Frequency {
        /** A mail for each notification, as soon as the outbox sends it. */
        IMMEDIATELY,
        /** One mail a day with the day's notifications. */
        DAILY,
        /** No mail; the notifications are on the page and in the API only. */
        OFF
    }

    /**
     * A person's choice.
     *
     * @param language "sv" or "en"
     * @param chosen   false while the person has the defaults
     */
    public record Preference(Frequency frequency, String language, boolean chosen) {

        public Locale locale() {
            return Locale.forLanguageTag(language);
        }
    }

    /** A reader of a mail: their organisation and their choice. */
    public record Reader(UUID personId, UUID tenantId, Preference preference) {
    }

    @Inject
    TeachingContext context;

    @Inject
    @ConfigProperty(name = "klassrum.notifications.mail.default-frequency", defaultValue = "DAILY")
    Frequency defaultFrequency;

    @Inject
    @ConfigProperty(name = "klassrum.notifications.mail.default-language", defaultValue = "sv")
    String defaultLanguage;

    public Frequency defaultFrequency() {
        return defaultFrequency;
    }

    public Preference of(UUID personId) {
        Reader reader = reader(personId);
        return reader == null ? new Preference(defaultFrequency, language(defaultLanguage), false) : reader.preference();
    }

    /** The person with their organisation and choice; null for a person who does not exist. */
    public Reader reader(UUID personId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = context.em().createNativeQuery("select cast(p.tenant_id as varchar), m.frequency, m.language "
                        + "from person p left join mail_preference m on m.person_id = p.id where p.id = cast(?1 as uuid)")
                .setParameter(1, personId.toString())
                .getResultList();
        return rows.stream().findFirst().map(row -> new Reader(personId, UUID.fromString((String) row[0]),
                row[1] == null ? new Preference(defaultFrequency, language(defaultLanguage), false)
                        : new Preference(Frequency.valueOf((String) row[1]), (String) row[2], true))).orElse(null);
    }

    public void choose(UUID personId, Frequency frequency, String language, OffsetDateTime at) {
        context.em().createNativeQuery("""
                        insert into mail_preference (person_id, frequency, language, updated_at)
                        values (cast(?1 as uuid), ?2, ?3, ?4)
                        on conflict (person_id) do update set frequency = excluded.frequency, language = excluded.language,
                            updated_at = excluded.updated_at
                        """)
                .setParameter(1, personId.toString())
                .setParameter(2, frequency.name())
                .setParameter(3, language(language))
                .setParameter(4, at)
                .executeUpdate();
    }

    /** "sv" or "en": a language Klassrum writes; anything else is English. */
    public static String language(String given) {
        return given != null && given.toLowerCase(Locale.ROOT).startsWith("sv") ? "sv" : "en";
    }
}
