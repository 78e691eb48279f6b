package se.klassrum.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headers every answer carries, API and pages alike: a Content-Security-Policy that keeps the pages out of frames
 * ({@code frame-ancestors 'none'}) and loads nothing from elsewhere, no MIME sniffing, no referrer, and
 * {@code Cache-Control: no-store} on everything but the pages' static resources (student data must not stay in a
 * shared browser's or proxy's cache). The runtime's {@code X-Powered-By} and its {@code Server} banner are left out.
 * <p>
 * A request that came over HTTPS to a reverse proxy in front ({@code X-Forwarded-Proto: https}) counts as secure: its
 * cookies get {@code Secure}, the page session cookie too.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD})
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * Scripts and styles from Klassrum itself only, and no {@code eval}. Inline scripts are allowed here only because
     * this filter cannot know a page's nonce: on the pages PrimeFaces' CSP mode adds a second policy,
     * {@code script-src 'self' 'nonce-…'}, and the browser enforces both, so only scripts with the answer's nonce run
     * (docs/SECURITY.md, "Headers and cookies"). Inline styles stay allowed: PrimeFaces renders them.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /** Where Faces serves the pages' scripts, styles and images, which may be cached. */
    private static final String FACES_RESOURCES = "/jakarta.faces.resource/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Server", "Klassrum");
        response.setHeader("X-Powered-By", null);
        if (!request.getRequestURI().startsWith(request.getContextPath() + FACES_RESOURCES)) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        chain.doFilter(viaProxy(request) ? new OverHttps(request, response) : request, response);
    }

    /** The reverse proxy's word that the browser's request came over HTTPS. */
    static boolean viaProxy(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-Proto");
        return !request.isSecure() && forwarded != null && "https".equals(forwarded.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * A request that reached the proxy over HTTPS: secure for the application's own cookies, and the container's session
     * cookie, set when the session is made, gets {@code Secure} added before anything is sent.
     */
    static final class OverHttps extends HttpServletRequestWrapper {

        private final HttpServletResponse response;

        OverHttps(HttpServletRequest request, HttpServletResponse response) {
            super(request);
            this.response = response;
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getScheme() {
            return "https";
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            if (session != null && session.isNew() && !response.isCommitted()) {
                secureSessionCookie(response, getServletContext().getSessionCookieConfig().getName());
            }
            return session;
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            if (!response.isCommitted()) {
                secureSessionCookie(response, getServletContext().getSessionCookieConfig().getName());
            }
            return id;
        }
    }

    /** Adds {@code Secure} to the session cookie among the answer's Set-Cookie headers, keeping the others as they are. */
    static void secureSessionCookie(HttpServletResponse response, String configuredName) {
        String name = (configuredName == null || configuredName.isBlank() ? "JSESSIONID" : configuredName) + "=";
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        boolean changed = false;
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i);
            if (cookie.startsWith(name) && !cookie.toLowerCase(Locale.ROOT).contains("; secure")) {
                cookies.set(i, cookie + "; Secure");
                changed = true;
            }
        }
        if (changed) {
            response.setHeader("Set-Cookie", cookies.get(0));
            for (int i = 1; i < cookies.size(); i++) {
                response.addHeader("Set-Cookie", cookies.get(i));
            }
        }
    }
}
