package se.klassrum.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.klassrum.access.api.CallerProvider;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A page opened by nobody signed in, from a link in a mail, a bookmark or a session that ended, goes to the sign-in
 * that fits it, which returns to the page once signed in ({@code ?next=}, {@link ReturnPaths}): the guardian portal's
 * pages ({@code /guardian/…}) to the portal's sign-in, every other page to the staff and students' sign-in. Only a
 * page of the application asked for with GET moves on so; the sign-in and demo pages and the pages' resources are
 * open to all, and an address that is no page stays a 404.
 * <p>
 * The way on is a page that moves on at once rather than a redirect, as {@link StartServlet} does: a guardian who
 * follows a link in a mail arrives without their SameSite=Strict session cookie, which the browser sends again on
 * a navigation that starts on this site; the portal's sign-in then finds the session and goes on to the page.
 */
@WebFilter(urlPatterns = "*.xhtml", dispatcherTypes = DispatcherType.REQUEST)
public class SignInFirst extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String GUARDIAN_SIGN_IN = "/guardian/sign-in.xhtml";
    private static final Set<String> OPEN = Set.of(StaffSignInServlet.SIGN_IN_PAGE, GUARDIAN_SIGN_IN, "/demo.xhtml");
    private static final String FACES_RESOURCES = "/jakarta.faces.resource/";

    @Inject
    transient CallerProvider caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String context = request.getContextPath();
        String path = request.getRequestURI().substring(context.length());
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!read || path.startsWith(FACES_RESOURCES) || OPEN.contains(path) || !isPage(path)
                || caller.currentActor().isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        String asked = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        String signIn = path.startsWith("/guardian/") ? GUARDIAN_SIGN_IN : StaffSignInServlet.SIGN_IN_PAGE;
        String target = context + signIn + ReturnPaths.checked(asked)
                .map(next -> "?" + ReturnPaths.PARAMETER + "=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                .orElse("");
        StartServlet.moveOn(response, target);
    }

    /** A page of the application; an address that is none stays a 404, as for anyone. */
    private boolean isPage(String path) {
        try {
            return getServletContext().getResource(path) != null;
        } catch (java.net.MalformedURLException notAPath) {
            return false;
        }
    }
}
