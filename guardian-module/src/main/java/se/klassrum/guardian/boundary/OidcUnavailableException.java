package se.klassrum.guardian.boundary;

/** The identity provider cannot be reached or its discovery document is unusable; a sign-in cannot start. */
public class OidcUnavailableException extends RuntimeException {

    public OidcUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
