package se.klassrum.web.security;

/**
 * A validly signed token for another tenant than the one it names a person in, or for a tenant that
 * Klassrum does not serve: refused as SAME_TENANT, whatever the request asks for.
 */
public class ForeignTenantException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ForeignTenantException(String message) {
        super(message);
    }
}
