package se.klassrum.access.api;

import java.util.Optional;

/**
 * Who is calling, as the rules see it. The web module implements it from the signed-in person or the
 * integration's token; the access module never reads tokens itself.
 */
public interface CallerProvider {

    /** Empty when the request carries no identity that maps to a person or an application of a tenant. */
    Optional<Actor> currentActor();

    /** The id that ties log lines and audit rows of one request together; never null. */
    String requestId();
}
