package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.roster.boundary.StudentSearch;

import java.util.List;

/**
 * The "find a student by name" form of the audit log and the explain page ({@code WEB-INF/includes/findStudent.xhtml}):
 * a school administrator types part of a name and picks the student from those found at their own schools
 * ({@link StudentSearch}), instead of typing an id.
 */
@Named
@RequestScoped
public class StudentFinder {

    /** The form's id in findStudent.xhtml. */
    static final String FORM = "find";

    @Inject
    StudentSearch search;

    private String name;
    private List<StudentSearch.Match> matches;
    private String refusal;

    public String find() {
        matches = null;
        refusal = null;
        if (name == null || name.strip().length() < StudentSearch.MIN_QUERY) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(FORM + ":name", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Texts.text("find.tooShort", StudentSearch.MIN_QUERY), null));
            faces.validationFailed();
            return null;
        }
        try {
            matches = search.find(name, StudentSearch.MAX_RESULTS);
        } catch (NotPermittedException notAdministrator) {
            refusal = Texts.text("find.notAdministrator");
        } catch (NotSignedInException notSignedIn) {
            refusal = Texts.text("auth.notSignedIn");
        }
        return null;
    }

    /** The students found; null before a search. */
    public List<StudentSearch.Match> getMatches() {
        return matches;
    }

    public String getRefusal() {
        return refusal;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
