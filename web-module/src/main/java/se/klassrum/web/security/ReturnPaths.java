package se.klassrum.web.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The page a sign-in returns to ({@code ?next=}): only a path of this site, relative to the application, such as
 * {@code /guardian/child.xhtml?id=…}. Anything a browser could read as another site is refused, so that a link to the
 * sign-in cannot send a person elsewhere once signed in (an open redirect): an address with a scheme or host
 * ({@code https://evil.example}), a path that starts with two slashes ({@code //evil.example}) or a backslash, which
 * browsers read as a slash ({@code /\evil.example}), control characters and spaces, which browsers drop, and each of
 * these percent-encoded, once or more. The sign-in pages themselves are refused too, so a sign-in never returns to
 * a sign-in. A refused path leaves the sign-in to land where it does without one.
 */
public final class ReturnPaths {

    /** The query parameter of the sign-in pages and flows that names the page to return to. */
    public static final String PARAMETER = "next";

    private static final int MAX_LENGTH = 2000;
    /** Enough to undo any encoding a browser would undo, and more. */
    private static final int DECODINGS = 4;

    private ReturnPaths() {
    }

    /** The path, when it is a path of this site that a sign-in may return to; empty otherwise. */
    public static Optional<String> checked(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String decoded = candidate;
        for (int round = 0; round <= DECODINGS; round++) {
            if (!plainPath(decoded)) {
                return Optional.empty();
            }
            String next;
            try {
                next = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) {
                return Optional.empty();
            }
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")) {
                return Optional.empty();
            }
            String path = uri.normalize().getPath();
            if (path.startsWith("/sign-in") || path.startsWith("/guardian/sign-in") || path.startsWith("/api/")) {
                return Optional.empty();
            }
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /** One slash, then no second slash or backslash, and nothing a browser drops or reads as a separator. */
    private static boolean plainPath(String path) {
        if (path.length() < 1 || path.charAt(0) != '/' || (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\'))) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
