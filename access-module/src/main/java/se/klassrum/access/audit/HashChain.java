package se.klassrum.access.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain's arithmetic: each entry's hash is SHA-256 over its canonical form, which includes the
 * previous entry's hash; the first entry of a tenant follows {@link #GENESIS}.
 */
public final class HashChain {

    /** The "previous hash" of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final String tenantId;
    private long expectedSeq = 1;
    private String expectedPrevHash = GENESIS;
    private long checked;
    private ChainVerification broken;

    /** Starts verifying one tenant's chain; feed its entries in {@code seq} order. */
    public HashChain(String tenantId) {
        this.tenantId = tenantId;
    }

    static String hash(AuditEntry entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(entry.canonicalForm().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Checks the next entry; after the first broken link the verdict no longer changes. */
    public void accept(AuditEntry entry) {
        if (broken != null) {
            return;
        }
        if (entry.seq() != expectedSeq) {
            broken = ChainVerification.broken(tenantId, checked, expectedSeq,
                    "entry " + expectedSeq + " is missing (the next one is " + entry.seq() + ")");
        } else if (!entry.prevHash().equals(expectedPrevHash)) {
            broken = ChainVerification.broken(tenantId, checked, entry.seq(),
                    "entry " + entry.seq() + " does not follow the entry before it");
        } else if (!hash(entry).equals(entry.hash())) {
            broken = ChainVerification.broken(tenantId, checked, entry.seq(),
                    "entry " + entry.seq() + " was changed after it was written");
        } else {
            checked++;
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
        if (broken != null) {
            return broken;
        }
        if (headSeq >= expectedSeq) {
            return ChainVerification.broken(tenantId, checked, expectedSeq,
                    "entries " + expectedSeq + " to " + headSeq + " are missing");
        }
        return ChainVerification.intact(tenantId, checked);
    }
}
