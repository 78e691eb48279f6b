package se.klassrum.access.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The chain's arithmetic: each entry's hash is HMAC-SHA-256 under the installation's audit key over its
 * canonical form, which includes the previous entry's hash; the first entry of a tenant follows
 * {@link #GENESIS}. The key is kept outside the database (the setting {@code klassrum.audit.key} or
 * {@code klassrum.audit.key-file}), so that someone who can write to the database cannot recompute the chain
 * after changing a row. Without a key (and for entries written before one was set) the hash is plain SHA-256,
 * which detects accidents but not a rewrite; once a keyed entry is in a chain, no unkeyed entry may follow it,
 * and with a key set the chain must end with a keyed entry: a chain rewritten whole without the key is found,
 * and an unkeyed entry before a keyed one cannot be changed, since the keyed one covers its hash.
 */
public final class HashChain {

    /** The "previous hash" of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    public static final String HMAC_SHA256 = "HMAC-SHA256";
    public static final String SHA256 = "SHA-256";

    private final String tenantId;
    private final String chain;
    private final Key key;
    private long expectedSeq = 1;
    private String expectedPrevHash = GENESIS;
    private long checked;
    private long keyed;
    private boolean lastKeyed;
    private ChainVerification broken;

    /** Starts verifying a tenant's first chain (''); feed its entries in {@code seq} order. */
    public HashChain(String tenantId, Key key) {
        this(tenantId, "", key);
    }

    /** Starts verifying one of a tenant's chains; feed its entries in {@code seq} order. */
    public HashChain(String tenantId, String chain, Key key) {
        this.tenantId = tenantId;
        this.chain = chain;
        this.key = key;
    }

    private ChainVerification brokenAt(long firstBrokenSeq, String reason) {
        return ChainVerification.broken(tenantId, chain, checked, firstBrokenSeq,
                chain.isEmpty() ? reason : "chain " + chain + ": " + reason);
    }

    /** Checks the next entry; after the first broken link the verdict no longer changes. */
    public void accept(AuditEntry entry) {
        if (broken != null) {
            return;
        }
        if (entry.seq() != expectedSeq) {
            broken = brokenAt(expectedSeq,
                    "entry " + expectedSeq + " is missing (the next one is " + entry.seq() + ")");
        } else if (!entry.prevHash().equals(expectedPrevHash)) {
            broken = brokenAt(entry.seq(),
                    "entry " + entry.seq() + " does not follow the entry before it");
        } else if (SHA256.equals(entry.hashAlg()) && keyed > 0) {
            broken = brokenAt(entry.seq(),
                    "entry " + entry.seq() + " has no keyed hash, but entries before it do");
        } else if (HMAC_SHA256.equals(entry.hashAlg()) && !key.keyed()) {
            broken = brokenAt(entry.seq(),
                    "entry " + entry.seq() + " has a keyed hash and no audit key is set to check it");
        } else if (!key.hash(entry, entry.hashAlg()).equals(entry.hash())) {
            broken = brokenAt(entry.seq(),
                    "entry " + entry.seq() + " was changed after it was written");
        } else {
            checked++;
            lastKeyed = HMAC_SHA256.equals(entry.hashAlg());
            if (lastKeyed) {
                keyed++;
            }
            expectedSeq++;
            expectedPrevHash = entry.hash();
        }
    }

    /**
     * The verdict once every entry was fed.
     *
     * @param headSeq the last sequence number the chain's head says was written, which catches entries
     *                removed from the end
     */
    public ChainVerification result(long headSeq) {
        return result(headSeq, null, null);
    }

    /** The verdict once every entry was fed, for a chain that has no head: intact only if it has no entries either. */
    public ChainVerification resultWithoutHead() {
        if (broken != null) {
            return broken;
        }
        if (checked > 0) {
            return brokenAt(expectedSeq - 1, "the chain has entries but no head: entries after " + (expectedSeq - 1)
                    + " may have been removed");
        }
        return ChainVerification.intact(tenantId, 0);
    }

    // The head's hash and MAC are checked only when given: AuditLog always gives them.

    /**
     * The verdict once every entry was fed, checking the head's MAC too when the chain ends with a keyed entry.
     *
     * @param headHash the last hash the head names
     * @param headMac  the head's MAC as stored
     */
    public ChainVerification result(long headSeq, String headHash, String headMac) {
        if (broken != null) {
            return broken;
        }
        if (headHash != null && headSeq == 0) {
            // A head is made and moved in one transaction: one at its start was put back there.
            return brokenAt(0, "the chain's head is at its start: its entries may have been removed");
        }
        if (headHash != null && headSeq == expectedSeq - 1 && checked > 0 && !headHash.equals(expectedPrevHash)) {
            return brokenAt(headSeq, "the chain's head names another last entry");
        }
        if (headHash != null && key.keyed() && lastKeyed && headSeq == expectedSeq - 1
                && !java.util.Objects.equals(key.headMac(tenantId, chain, headSeq, headHash), headMac)) {
            return brokenAt(headSeq,
                    "the chain's head does not match its key: entries after " + headSeq + " may have been removed");
        }
        if (headSeq >= expectedSeq) {
            return brokenAt(expectedSeq,
                    "entries " + expectedSeq + " to " + headSeq + " are missing");
        }
        if (key.keyed() && checked > 0 && !lastKeyed) {
            return brokenAt(expectedSeq - 1,
                    "the chain ends with entries that have no keyed hash although an audit key is set");
        }
        return ChainVerification.intact(tenantId, checked);
    }

    /** The installation's audit key, or none. */
    public static final class Key {

        private static final Key NONE = new Key(null);

        private final SecretKeySpec secret;

        private Key(byte[] secret) {
            this.secret = secret == null ? null : new SecretKeySpec(secret, "HmacSHA256");
        }

        /** A key from a secret of at least 32 bytes (its UTF-8 form for text). */
        public static Key of(byte[] secret) {
            if (secret == null || secret.length < 32) {
                throw new IllegalArgumentException("the audit key must be at least 32 bytes");
            }
            return new Key(secret.clone());
        }

        /** No key: entries are hashed with plain SHA-256. */
        public static Key none() {
            return NONE;
        }

        public boolean keyed() {
            return secret != null;
        }

        /** The algorithm new entries are hashed with. */
        String algorithm() {
            return keyed() ? HMAC_SHA256 : SHA256;
        }

        String hash(AuditEntry entry) {
            return hash(entry, algorithm());
        }

        /**
         * The MAC of a chain's head (its last sequence number and hash), or null without a key: someone who
         * removes entries from the end cannot move the head back to match.
         */
        public String headMac(String tenantId, long lastSeq, String lastHash) {
            return headMac(tenantId, "", lastSeq, lastHash);
        }

        /** The MAC of the head of one of a tenant's chains; for the first chain ('') the same as above. */
        public String headMac(String tenantId, String chain, long lastSeq, String lastHash) {
            return mac("head\u001F" + (chain.isEmpty() ? tenantId : tenantId + "@" + chain) + "\u001F" + lastSeq
                    + "\u001F" + lastHash);
        }

        /**
         * The MAC of the list of a tenant's chains (sorted), or null without a key: someone who removes a chain whole,
         * its head with it, cannot take it off the list to match.
         */
        public String chainsMac(String tenantId, java.util.List<String> chains) {
            return mac("chains\u001F" + tenantId + "\u001F" + String.join("\u001F", chains));
        }

        private String mac(String text) {
            if (secret == null) {
                return null;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(secret);
                return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has HMAC-SHA256", e);
            }
        }

        String hash(AuditEntry entry, String algorithm) {
            byte[] form = entry.canonicalForm().getBytes(StandardCharsets.UTF_8);
            try {
                if (HMAC_SHA256.equals(algorithm)) {
                    if (secret == null) {
                        throw new IllegalStateException("no audit key");
                    }
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(secret);
                    return HexFormat.of().formatHex(mac.doFinal(form));
                }
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(form));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has SHA-256 and HMAC-SHA256", e);
            }
        }
    }
}
