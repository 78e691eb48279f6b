package se.klassrum.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The start page {@code /}: sends a guardian with a portal session to their children, a signed-in person to their
 * groups and anyone else to the sign-in page.
 * <p>
 * The guardian's session cookie is SameSite=Strict, and the identity provider's redirect back lands here with it
 * set but not yet sent (a Strict cookie stays behind on a redirect chain that another site started). So {@code /}
 * itself answers with a page that moves on to {@code /start} at once; that navigation starts on this site, carries
 * the cookie, and {@code /start} decides.
 */
@WebServlet(urlPatterns = {"", "/start"})
public class StartServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient StaffSessions staff;

    @Inject
    transient DemoSessions demo;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String context = request.getContextPath();
        if (!"/start".equals(request.getServletPath())) {
            moveOn(response, context + "/start");
            return;
        }
        if (hasGuardianSession(request)) {
            response.sendRedirect(context + "/guardian/children.xhtml");
        } else if (staff.caller(request).isPresent() || demo.caller(request).isPresent()) {
            response.sendRedirect(context + "/groups.xhtml");
        } else {
            response.sendRedirect(context + StaffSignInServlet.SIGN_IN_PAGE);
        }
    }

    /**
     * Answers with a page that moves on to the address at once: a navigation that starts on this site, which carries
     * the guardian's SameSite=Strict cookie. The address is the context path and URL-encoded text only, which needs
     * no escaping in the attribute.
     */
    static void moveOn(HttpServletResponse response, String address) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + address + "\"><title>Klassrum</title></head>"
                + "<body><p><a href=\"" + address + "\">Klassrum</a></p></body></html>");
    }

    private static boolean hasGuardianSession(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (TokenCaller.GUARDIAN_SESSION_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }
}
