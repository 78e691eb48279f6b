package se.klassrum.teaching.control;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Names of stored files: 256 random bits, never derived from a file's name, owner or content, so that a key says
 * nothing and cannot be guessed. A key alone opens nothing: a download also names the content it belongs to.
 */
public final class FileKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private FileKeys() {
    }

    /** A new key: 43 characters of base64url. */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
