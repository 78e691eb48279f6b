package se.klassrum.roster.boundary;

import jakarta.enterprise.context.RequestScoped;
import se.klassrum.access.api.NoStudentData;

import java.util.OptionalLong;

/**
 * The access facts' version (migration V47) as this request read it in the statement that found its caller, so that a
 * decision of the request need not read it again: the facts then are as of the moment the caller was looked up, as
 * when the caller's own rows were read.
 * <p>
 * Only a request that reads is given one ({@code GET} or {@code HEAD}, outside a transaction), and the facts adapter uses
 * it only outside a transaction, where nothing this request wrote can be uncommitted. Every transaction the request
 * begins makes it forget the version ({@code TransactionsForgetTheRequestsVersion}), since a transaction may write and
 * commit: a decision after that reads the version itself, as a decision inside a transaction always does.
 */
@RequestScoped
@NoStudentData("a number that moves with every roster change; names no student")
public class RequestFactsVersion {

    private long version;
    private boolean known;

    /** The version, read in the same statement as the caller, before any decision of the request. */
    public void seen(long version) {
        this.version = version;
        this.known = true;
    }

    /** The version read with the caller, unless the request was given none or forgot it. */
    public OptionalLong version() {
        return known ? OptionalLong.of(version) : OptionalLong.empty();
    }

    /** From now on, decisions of this request read the version themselves. */
    public void forget() {
        known = false;
    }
}
