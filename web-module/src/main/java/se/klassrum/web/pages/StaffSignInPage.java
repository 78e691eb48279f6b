package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import se.klassrum.web.security.DemoSessions;
import se.klassrum.web.security.StaffOidcLogin;

/**
 * {@code /sign-in.xhtml}: staff and students sign in with their organisation's account (OpenID Connect, {@link
 * StaffOidcLogin}); guardians are sent to their portal, and in demo mode the demo personas are offered. The sign-in
 * flow comes back here with {@code ?failed} or {@code ?unavailable} when it did not go through.
 */
@Named
@RequestScoped
public class StaffSignInPage {

    @Inject
    StaffOidcLogin oidc;

    @Inject
    DemoSessions demo;

    @Inject
    HttpServletRequest request;

    public boolean isEnabled() {
        return oidc.isEnabled();
    }

    public boolean isDemo() {
        return demo.enabled();
    }

    /** The sign-in came back refused: a wrong or expired flow, or a person Klassrum does not know. */
    public boolean isFailed() {
        return request.getParameter("failed") != null;
    }

    /** The identity provider could not be reached. */
    public boolean isUnavailable() {
        return request.getParameter("unavailable") != null;
    }
}
