package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import se.klassrum.web.security.DemoSessions;
import se.klassrum.web.security.ReturnPaths;
import se.klassrum.web.security.StaffOidcLogin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /sign-in.xhtml}: staff and students sign in with their organisation's account (OpenID Connect, {@link
 * StaffOidcLogin}); guardians are sent to their portal, and in demo mode the demo personas are offered. The sign-in
 * flow comes back here with {@code ?failed} or {@code ?unavailable} when it did not go through. A page opened by
 * nobody signed in comes here with {@code ?next=} ({@link se.klassrum.web.security.SignInFirst}): the page says so,
 * and the sign-in lands on that page.
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

    /**
     * The page of this site asked for before signing in ({@code ?next=}, a path of this site only, {@link
     * ReturnPaths}); null when none was.
     */
    public String getNext() {
        return ReturnPaths.checked(request.getParameter(ReturnPaths.PARAMETER)).orElse(null);
    }

    /** The query that carries the page asked for on to the sign-in flow: {@code ?next=…}, or empty. */
    public String getNextQuery() {
        String next = getNext();
        return next == null ? "" : "?" + ReturnPaths.PARAMETER + "=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** The identity provider could not be reached. */
    public boolean isUnavailable() {
        return request.getParameter("unavailable") != null;
    }
}
