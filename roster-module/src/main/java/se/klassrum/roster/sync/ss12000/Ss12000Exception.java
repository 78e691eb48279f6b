package se.klassrum.roster.sync.ss12000;

/**
 * The student register could not be read: the message says which request, what the register answered, and
 * what to do about it, so that it can be shown as it is to the administrator of the sync.
 */
public final class Ss12000Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request failed, for a caller that treats the kinds differently. */
    public enum Reason {
        /** 401: the token is missing, expired or wrong. */
        UNAUTHORISED,
        /** 403: the token may not read this. */
        FORBIDDEN,
        /** 404 or 501 to the first page: the register does not offer the endpoint at all. */
        NOT_OFFERED,
        /** 429, 5xx or no answer, still after every retry. */
        UNAVAILABLE,
        /** Any other answer, or one that is not what SS 12000 specifies. */
        BAD_ANSWER
    }

    private final Reason reason;
    private final int status;

    Ss12000Exception(Reason reason, int status, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status of the last answer, or 0 if there was none. */
    public int status() {
        return status;
    }
}
