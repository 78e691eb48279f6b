package se.klassrum.access.api;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The one way every list of the application turns a position into a paging cursor and back: the sort keys
 * of the last item the caller received, sealed with AES-GCM under a server secret. A client can neither read
 * a cursor (it may hold a name) nor make one up or change it: anything that does not open is
 * {@link Page.InvalidCursorException}.
 * <p>
 * The key comes from the setting {@code klassrum.cursor.secret} ({@link #useSecret}); until it is set, each
 * process seals with a random key of its own, so cursors then last until a restart and work only on the node
 * that handed them out.
 */
public final class Cursors {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static volatile SecretKey key = randomKey();

    private Cursors() {
    }

    /** Seals with a key derived from this secret from now on; cursors sealed before no longer open. */
    public static void useSecret(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the cursor secret must be at least 32 characters");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("klassrum-cursor-v1\u0000" + secret).getBytes(StandardCharsets.UTF_8));
            key = new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A cursor that continues after an item with these sort keys. */
    public static String seal(List<String> sortKeys) {
        ByteBuffer plain = ByteBuffer.allocate(encodedLength(sortKeys));
        plain.put(VERSION).putShort((short) sortKeys.size());
        for (String sortKey : sortKeys) {
            byte[] bytes = sortKey.getBytes(StandardCharsets.UTF_8);
            plain.putInt(bytes.length).put(bytes);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.array());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * The sort keys sealed in a cursor.
     *
     * @param count how many keys the list's cursor has; another count means the cursor is not from this list
     * @throws Page.InvalidCursorException when the cursor was not sealed by this server, was changed, or
     *                                     belongs to a list with another number of keys
     */
    public static List<String> open(String cursor, int count) {
        try {
            byte[] whole = Base64.getUrlDecoder().decode(cursor);
            if (whole.length <= NONCE_BYTES + TAG_BITS / 8) {
                throw new Page.InvalidCursorException();
            }
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, whole, 0, NONCE_BYTES));
            ByteBuffer plain = ByteBuffer.wrap(cipher.doFinal(whole, NONCE_BYTES, whole.length - NONCE_BYTES));
            if (plain.get() != VERSION || plain.getShort() != count) {
                throw new Page.InvalidCursorException();
            }
            List<String> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] bytes = new byte[plain.getInt()];
                plain.get(bytes);
                keys.add(new String(bytes, StandardCharsets.UTF_8));
            }
            return List.copyOf(keys);
        } catch (AEADBadTagException | IllegalArgumentException | java.nio.BufferUnderflowException changedOrMadeUp) {
            throw new Page.InvalidCursorException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static int encodedLength(List<String> sortKeys) {
        int length = 1 + 2;
        for (String sortKey : sortKeys) {
            length += 4 + sortKey.getBytes(StandardCharsets.UTF_8).length;
        }
        return length;
    }

    private static SecretKey randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }
}
