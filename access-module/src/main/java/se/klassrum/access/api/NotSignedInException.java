package se.klassrum.access.api;

/** A call that touches student data came without an identity the rules can judge. */
public class NotSignedInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotSignedInException(String message) {
        super(message);
    }
}
