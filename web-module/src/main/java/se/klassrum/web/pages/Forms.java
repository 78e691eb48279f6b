package se.klassrum.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;

import java.util.UUID;

/** Small helpers of the pages' forms: a field's own message, ids from the address, the signed-in person. */
final class Forms {

    private Forms() {
    }

    /** Marks a field invalid with its message, shown beside the field ({@code <form>:<field>}). */
    static void invalid(String form, String field, String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(form + ":" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.text(key), null));
        faces.validationFailed();
    }

    /** The id in a view parameter, or null when it is missing or not an id. */
    /**
     * Ends the request with a redirect to the address (post/redirect/get), so that the page comes back with its place
     * in the address; an action returns the null this answers.
     */
    static String redirect(String address) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().redirect(address);
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
        faces.responseComplete();
        return null;
    }

    static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** The signed-in person, or null (not signed in, or an application). */
    static UUID me(CallerProvider caller) {
        return caller.currentActor()
                .filter(Actor.Person.class::isInstance)
                .map(actor -> ((Actor.Person) actor).personId())
                .orElse(null);
    }
}
