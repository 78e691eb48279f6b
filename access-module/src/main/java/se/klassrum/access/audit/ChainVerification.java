package se.klassrum.access.audit;

/**
 * The outcome of checking a tenant's audit chain.
 *
 * @param entriesChecked how many entries, from the first, were found intact
 * @param firstBrokenSeq the sequence number of the first broken link, or null when intact
 * @param reason what is wrong there, or null when intact
 */
public record ChainVerification(String tenantId, boolean intact, long entriesChecked, Long firstBrokenSeq, String reason) {

    static ChainVerification intact(String tenantId, long entriesChecked) {
        return new ChainVerification(tenantId, true, entriesChecked, null, null);
    }

    static ChainVerification broken(String tenantId, long entriesChecked, long firstBrokenSeq, String reason) {
        return new ChainVerification(tenantId, false, entriesChecked, firstBrokenSeq, reason);
    }
}
