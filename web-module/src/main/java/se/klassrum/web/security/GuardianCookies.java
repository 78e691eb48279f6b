package se.klassrum.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.NewCookie;
import se.klassrum.guardian.boundary.GuardianSessions;

/**
 * The guardian's session cookie, the same whichever way the guardian signed in: through the API (a JAX-RS
 * {@link NewCookie}) or on the portal's pages (a servlet {@link Cookie}). Both carry the same attributes: path
 * {@code /}, the session's lifetime, HttpOnly, Secure on HTTPS, SameSite=Strict.
 */
public final class GuardianCookies {

    private static final String PATH = "/";
    private static final String SAME_SITE = "Strict";

    private GuardianCookies() {
    }

    /** HttpOnly and SameSite=Strict: scripts cannot read it and other sites cannot send it along. */
    public static NewCookie session(GuardianSessions.OpenedSession session, boolean secure) {
        return new NewCookie.Builder(TokenCaller.GUARDIAN_SESSION_COOKIE)
                .value(session.token())
                .path(PATH)
                .maxAge(maxAge(session))
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /** Tells the browser to forget the session cookie. */
    public static NewCookie ended() {
        return new NewCookie.Builder(TokenCaller.GUARDIAN_SESSION_COOKIE).value("").path(PATH).maxAge(0).httpOnly(true).build();
    }

    /** The same cookie as {@link #session(GuardianSessions.OpenedSession, boolean)}, set on a servlet response (the pages). */
    public static void setSession(HttpServletResponse response, GuardianSessions.OpenedSession session, boolean secure) {
        Cookie cookie = new Cookie(TokenCaller.GUARDIAN_SESSION_COOKIE, session.token());
        cookie.setPath(PATH);
        cookie.setMaxAge(maxAge(session));
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", SAME_SITE);
        response.addCookie(cookie);
    }

    /** The same as {@link #ended()}, on a servlet response (the pages). */
    public static void setEnded(HttpServletResponse response) {
        Cookie cookie = new Cookie(TokenCaller.GUARDIAN_SESSION_COOKIE, "");
        cookie.setPath(PATH);
        cookie.setMaxAge(0);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }

    private static int maxAge(GuardianSessions.OpenedSession session) {
        return (int) session.lifetime().toSeconds();
    }
}
