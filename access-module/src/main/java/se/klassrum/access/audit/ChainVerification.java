package se.klassrum.access.audit;

/**
 * The outcome of checking a tenant's audit chains.
 *
 * @param entriesChecked how many entries were found intact (of every chain, from the first of each)
 * @param chain          the chain with the first broken link ('' for the tenant's first chain), or null when intact
 * @param firstBrokenSeq the sequence number of the first broken link in that chain, or null when intact (0 when what is
 *                       broken is the list of chains)
 * @param reason         what is wrong there, or null when intact
 */
public record ChainVerification(String tenantId, boolean intact, long entriesChecked, String chain, Long firstBrokenSeq,
                                String reason) {

    static ChainVerification intact(String tenantId, long entriesChecked) {
        return new ChainVerification(tenantId, true, entriesChecked, null, null, null);
    }

    static ChainVerification broken(String tenantId, String chain, long entriesChecked, long firstBrokenSeq, String reason) {
        return new ChainVerification(tenantId, false, entriesChecked, chain, firstBrokenSeq, reason);
    }

    /** This verdict with the entries of the chains checked before it counted in. */
    ChainVerification plus(long entriesBefore) {
        return new ChainVerification(tenantId, intact, entriesBefore + entriesChecked, chain, firstBrokenSeq, reason);
    }
}
