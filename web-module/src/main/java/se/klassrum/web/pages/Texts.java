package se.klassrum.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The pages' texts from the resource bundle {@code msg}, in the view's language. */
final class Texts {

    private Texts() {
    }

    static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : faces.getApplication().getDefaultLocale();
    }

    static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    static void message(FacesMessage.Severity severity, String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text(key, args), null));
    }

    /** A message that survives the redirect after a form (post/redirect/get). */
    static void flash(FacesMessage.Severity severity, String key, Object... args) {
        message(severity, key, args);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
