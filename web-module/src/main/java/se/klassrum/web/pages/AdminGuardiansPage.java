package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.guardian.boundary.GuardianAdministration;
import se.klassrum.guardian.boundary.GuardianAdministrationRefused;
import se.klassrum.guardian.boundary.GuardianDirectory;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.GuardianLoginMethod;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /admin/guardians.xhtml?student=…}: a student's guardians as the school's administrators manage them, found
 * through the student's name ({@link StudentFinder}) instead of internal ids: each guardian with the link to the
 * student and its state, and the guardian's logins, which the administrator switches on or off or adds an e-mail
 * login to ({@link GuardianAdministration}, audited in each child's log). Anyone who may not manage the student's
 * guardians is told "not found", as for a student that does not exist ({@link GuardianDirectory}).
 */
@Named
@RequestScoped
public class AdminGuardiansPage {

    @Inject
    GuardianDirectory directory;

    @Inject
    GuardianAdministration administration;

    private String student;
    private String email;
    private List<GuardianDirectory.Guardian> guardians;
    private String refusal;
    private boolean loaded;

    /**
     * Reads the guardians of the student named in the address, if any, once a request: also when a form of the page is
     * sent, before the view parameters reach the bean (the forms post to the page's own address, query included), so
     * that the buttons of each guardian's row are found.
     */
    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (student == null) {
            student = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("student");
        }
        if (student == null || student.isBlank()) {
            return;
        }
        try {
            guardians = directory.guardiansOf(UUID.fromString(student.strip()));
        } catch (IllegalArgumentException | StudentDataNotFoundException notFound) {
            refusal = Texts.text("admin.guardians.notFound");
        } catch (NotPermittedException notAdministrator) {
            refusal = Texts.text("admin.guardians.notAdministrator");
        } catch (NotSignedInException notSignedIn) {
            refusal = Texts.text("auth.notSignedIn");
        }
    }

    /** Switches a login on or off, and shows the page again. */
    public String setLogin(String loginId, boolean enabled) {
        try {
            administration.setLoginEnabled(UUID.fromString(loginId), enabled);
        } catch (StudentDataNotFoundException | IllegalArgumentException notFound) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.guardians.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, enabled ? "admin.guardians.enabled" : "admin.guardians.disabled");
        return again();
    }

    /** Gives the guardian an e-mail login with the address typed, and shows the page again. */
    public String addEmailLogin(String guardianId) {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty()) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.guardians.emailRequired");
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
        try {
            administration.addLogin(UUID.fromString(guardianId), GuardianLoginMethod.EMAIL, address);
        } catch (GuardianAdministrationRefused refused) {
            error(english() ? refused.messageEn() : refused.messageSv());
            return null;
        } catch (RosterException refused) {
            error(refused.message(Texts.locale()));
            return null;
        } catch (StudentDataNotFoundException | IllegalArgumentException notFound) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.guardians.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "admin.guardians.added");
        return again();
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private String again() {
        load();
        return "/admin/guardians.xhtml?faces-redirect=true&student=" + student.strip();
    }

    private static boolean english() {
        return Locale.ENGLISH.getLanguage().equals(Texts.locale().getLanguage());
    }

    /** The relation in the page's language. */
    public String relation(GuardianDirectory.Guardian guardian) {
        return english() ? guardian.relation().labelEn() : guardian.relation().labelSv();
    }

    /** "E-post" or "Identitetsleverantör". */
    public String method(GuardianDirectory.Login login) {
        return Texts.text("admin.guardians.method." + login.method().name());
    }

    public List<GuardianDirectory.Guardian> getGuardians() {
        load();
        return guardians;
    }

    public String getRefusal() {
        load();
        return refusal;
    }

    public String getStudent() {
        return student;
    }

    public void setStudent(String student) {
        this.student = student;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
