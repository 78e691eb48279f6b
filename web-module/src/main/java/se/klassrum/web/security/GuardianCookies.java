package se.klassrum.web.api;

import jakarta.ws.rs.core.NewCookie;
import se.klassrum.guardian.boundary.GuardianSessions;
import se.klassrum.web.security.TokenCaller;

/** The guardian's session cookie, the same whichever way the guardian signed in. */
final class GuardianCookies {

    private GuardianCookies() {
    }

    /** HttpOnly and SameSite=Strict: scripts cannot read it and other sites cannot send it along. */
    static NewCookie session(GuardianSessions.OpenedSession session, boolean secure) {
        return new NewCookie.Builder(TokenCaller.GUARDIAN_SESSION_COOKIE)
                .value(session.token())
                .path("/")
                .maxAge((int) session.lifetime().toSeconds())
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /** Tells the browser to forget the session cookie. */
    static NewCookie ended() {
        return new NewCookie.Builder(TokenCaller.GUARDIAN_SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build();
    }
}
