package se.klassrum.web.platform;

import jakarta.servlet.http.HttpServletRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a request, one for everything the request leaves behind: its {@code X-Request-Id} answer header, its line in
 * the request log, the {@code requestId} of a problem it is answered with, and its audit entries. A caller (or a reverse
 * proxy) may bring its own id in {@code X-Request-Id}; it is kept only when it is well-formed (letters, digits,
 * {@code .}, {@code _} and {@code -}, at most 64), so that no header can inject text into a log line. Otherwise a random
 * UUID is made.
 */
public final class RequestIds {

    /** The header that brings and answers the id. */
    public static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The request's id, made on first use from its header and kept with the request. */
    public static String of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof String id) {
            return id;
        }
        String id = accept(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /** The given id when it is well-formed, a new one otherwise. */
    public static String accept(String given) {
        return wellFormed(given) ? given : UUID.randomUUID().toString();
    }

    /** Whether an incoming id may be kept as it is. */
    public static boolean wellFormed(String given) {
        return given != null && WELL_FORMED.matcher(given).matches();
    }
}
