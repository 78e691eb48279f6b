package se.klassrum.web.pages;

import jakarta.faces.application.FacesMessage;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.teaching.entity.TeachingException;

/**
 * What a form shows when the boundary refuses it: the missing prerequisites of a denial, "not found" or "not
 * signed in" without details, and a domain refusal (such as resubmitting returned work) in the page's language.
 */
final class Refusals {

    private Refusals() {
    }

    /** The denial to show for a refusal of the access rules, or null for a domain refusal (shown as a message). */
    static Denial denial(RuntimeException refused, String notFoundKey) {
        if (refused instanceof AccessDeniedException denied) {
            return Denial.of(denied, Texts.locale());
        }
        if (refused instanceof NotSignedInException) {
            return Denial.simple("auth.notSignedIn");
        }
        if (refused instanceof StudentDataNotFoundException) {
            return Denial.simple(notFoundKey);
        }
        if (refused instanceof TeachingException domain) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "teaching.refused", message(domain));
            return null;
        }
        throw refused;
    }

    static String message(TeachingException refused) {
        return "en".equals(Texts.locale().getLanguage()) ? refused.english() : refused.swedish();
    }
}
