package se.klassrum.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The browser's way through {@link StaffOidcLogin}: {@code GET /sign-in/oidc} sends it to the identity provider,
 * which sends it back to {@code GET /sign-in/oidc/callback}; signed in, the browser lands on "Mina grupper", or on
 * the page of this site named by {@code /sign-in/oidc?next=…} ({@link ReturnPaths}: a path of this site only).
 * Anything else goes back to the sign-in page, which says what happened in the browser's language.
 */
@WebServlet(urlPatterns = {"/sign-in/oidc", StaffOidcLogin.CALLBACK_PATH})
public class StaffSignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The staff sign-in page; {@code ?failed} and {@code ?unavailable} choose its message. */
    static final String SIGN_IN_PAGE = "/sign-in.xhtml";
    private static final String SIGNED_IN_PAGE = "/groups.xhtml";

    @Inject
    transient StaffOidcLogin login;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String context = request.getContextPath();
        if (!login.isEnabled()) {
            response.sendRedirect(context + SIGN_IN_PAGE);
            return;
        }
        if (!StaffOidcLogin.CALLBACK_PATH.equals(request.getServletPath())) {
            try {
                response.sendRedirect(login.start(request, request.getParameter(ReturnPaths.PARAMETER)).toString());
            } catch (StaffOidcLogin.UnavailableException e) {
                response.sendRedirect(context + SIGN_IN_PAGE + "?unavailable=true");
            }
            return;
        }
        String landing = login.returnPath(request).orElse(SIGNED_IN_PAGE);
        boolean signedIn = login.complete(request, request.getParameter("state"), request.getParameter("code")).isPresent();
        response.sendRedirect(context + (signedIn ? landing : SIGN_IN_PAGE + "?failed=true"));
    }
}
