package se.klassrum.web.api;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/** Swedish first; English when the caller prefers it (Accept-Language). */
final class Language {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private Language() {
    }

    static Locale of(HttpHeaders headers) {
        if (headers == null) {
            return SWEDISH;
        }
        for (Locale preferred : headers.getAcceptableLanguages()) {
            String language = preferred.getLanguage();
            if ("sv".equals(language)) {
                return SWEDISH;
            }
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
        }
        return SWEDISH;
    }

    static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
