package se.klassrum.web.pages;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * The language of the pages: the one chosen with the switch in the page frame, kept for the session; until one is
 * chosen, the browser's preferred language among Swedish and English, and Swedish otherwise (faces-config.xml).
 */
@Named
@SessionScoped
public class LanguageChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Set<String> SUPPORTED = Set.of("sv", "en");

    private String chosen;

    /** The locale of every view, set on {@code <f:view>} in the page frame. */
    public Locale getLocale() {
        if (chosen != null) {
            return Locale.forLanguageTag(chosen);
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getViewHandler().calculateLocale(faces);
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** Switches the language and shows the same page again, with the same parameters. */
    public String choose(String language) {
        if (!SUPPORTED.contains(language)) {
            return null;
        }
        chosen = language;
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(Locale.forLanguageTag(language));
        return faces.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }
}
