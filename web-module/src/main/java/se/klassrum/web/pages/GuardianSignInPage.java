package se.klassrum.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.guardian.boundary.ClientAddresses;
import se.klassrum.guardian.boundary.CodeRequestAnswer;
import se.klassrum.guardian.boundary.GuardianEmailLogin;
import se.klassrum.guardian.boundary.GuardianOidcLogin;
import se.klassrum.guardian.boundary.GuardianSessions;
import se.klassrum.guardian.boundary.GuardianSignIn;
import se.klassrum.web.security.GuardianCookies;
import se.klassrum.web.security.ReturnPaths;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /guardian/sign-in.xhtml}: a guardian signs in by a code mailed to their address. First the address
 * ({@link GuardianEmailLogin#requestCode}, whose answer never says whether the address is known), then the code
 * ({@link GuardianEmailLogin#verify}, then {@link GuardianSessions#open}); the session cookie is the same as the
 * API's ({@link GuardianCookies}), and the guardian lands on their children, or on the page of the portal asked for
 * before signing in ({@code ?next=}, {@link ReturnPaths}: a path of this site only).
 *
 * When sign-in through the organiser's identity provider is set up ({@link GuardianOidcLogin}), a button leads to
 * its flow ({@code /api/v1/guardian/sign-in/oidc}), which ends in the same session.
 *
 * <p>View-scoped so that the address typed in the first step is known in the second.
 */
@Named
@ViewScoped
public class GuardianSignInPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id in sign-in.xhtml. */
    static final String FORM = "signIn";

    @Inject
    GuardianEmailLogin emailLogin;

    @Inject
    GuardianSessions sessions;

    @Inject
    ClientAddresses clients;

    @Inject
    GuardianOidcLogin oidc;

    @Inject
    CallerProvider caller;

    /** The page of the portal asked for before signing in ({@code ?next=}); null for the children. */
    private String next;
    private String email;
    private String code;
    /** The second step: a code was asked for (whether or not one was sent). */
    private boolean codeAsked;

    /** Asks for a code; the same answer whether or not the address is a guardian's login. */
    public String sendCode() {
        HttpServletRequest request = (HttpServletRequest) external().getRequest();
        CodeRequestAnswer answer = emailLogin.requestCode(email, clients.clientOf(request));
        switch (answer.status()) {
            case SENT_IF_KNOWN -> {
                codeAsked = true;
                code = null;
                Texts.message(FacesMessage.SEVERITY_INFO, "guardian.codeSent", minutes(answer.validFor()));
            }
            case INVALID_ADDRESS -> fieldError("email", "guardian.invalidEmail");
            case TOO_MANY_REQUESTS -> Texts.message(FacesMessage.SEVERITY_ERROR, "guardian.tooMany", minutes(answer.retryAfter()));
        }
        return null;
    }

    /** Signs in with the code, sets the session cookie and shows the children; a wrong code gets one generic message. */
    public String signIn() {
        Optional<GuardianSignIn> signIn = emailLogin.verify(email, code);
        if (signIn.isEmpty()) {
            code = null;
            fieldError("code", "guardian.wrongCode");
            return null;
        }
        GuardianSessions.OpenedSession session = sessions.open(signIn.get());
        ExternalContext external = external();
        GuardianCookies.setSession((HttpServletResponse) external.getResponse(), session, external.isSecure());
        return landing();
    }

    /**
     * On opening the page: a guardian signed in already (who followed a link in a mail, whose session cookie the
     * browser sends again once the way on starts on this site) goes on to the page asked for at once.
     */
    public String whenSignedIn() {
        boolean guardian = caller.currentActor().filter(Actor.Person.class::isInstance)
                .map(actor -> ((Actor.Person) actor).guardianLogin()).orElse(false);
        return guardian && getNext() != null ? landing() : null;
    }

    /** The page asked for ({@link ReturnPaths}: a path of this site only), or the children. */
    private String landing() {
        String asked = getNext();
        if (asked == null) {
            return "/guardian/children.xhtml?faces-redirect=true";
        }
        ExternalContext external = external();
        try {
            external.redirect(external.getRequestContextPath() + asked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
        return null;
    }

    /** The page asked for before signing in, when it is a path of this site; null otherwise. */
    public String getNext() {
        return ReturnPaths.checked(next).orElse(null);
    }

    public void setNext(String next) {
        this.next = next;
    }

    /** Back to the first step, for another address. */
    public String otherAddress() {
        codeAsked = false;
        code = null;
        return null;
    }

    private static void fieldError(String field, String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(FORM + ":" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.text(key), null));
        faces.validationFailed();
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    /** Whole minutes, rounded up, at least one (as the API's answer says it). */
    static long minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return Math.max(1, duration.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    /** Sign-in through the identity provider is set up: the page offers it beside the e-mail code. */
    public boolean isIdpEnabled() {
        return oidc.isEnabled();
    }

    public boolean isCodeAsked() {
        return codeAsked;
    }
}
