package se.klassrum.roster.sync.graph;

/**
 * Microsoft Graph did not give what a sync needs: refused (401, 403: a message that says what to grant), did not
 * answer in time or kept failing after every retry, or answered with something that is not Graph's JSON. The message
 * is for the school's administrator and is recorded with the run.
 */
public class GraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public GraphException(int status, String message) {
        super(message);
        this.status = status;
    }

    public GraphException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status of the last answer, 0 if there was none. */
    public int status() {
        return status;
    }
}
