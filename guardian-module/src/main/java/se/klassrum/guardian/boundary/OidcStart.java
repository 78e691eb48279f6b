package se.klassrum.guardian.boundary;

import java.net.URI;
import java.time.Duration;

/**
 * A started sign-in through the identity provider.
 *
 * @param authorizationUri where to send the guardian's browser (the provider's authorization endpoint)
 * @param browserBinding   a secret for a short-lived cookie of this browser only; the callback must bring it back,
 *                         so that nobody can finish a sign-in that another browser started (login CSRF)
 * @param validFor         how long the guardian has to come back
 */
public record OidcStart(URI authorizationUri, String browserBinding, Duration validFor) {
}
