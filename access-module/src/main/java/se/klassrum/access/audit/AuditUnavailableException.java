package se.klassrum.access.audit;

/**
 * A decision could not be recorded in time, so it is not acted on: nothing is shown or changed that the audit
 * log does not hold. The request may be tried again.
 */
public class AuditUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
