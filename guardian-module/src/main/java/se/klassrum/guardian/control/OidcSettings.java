package se.klassrum.guardian.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Sign-in through an identity provider over OpenID Connect (GUARDIAN-LOGIN.md). Off while no issuer is set.
 *
 * @param issuer       the provider's issuer URL ({@value #ISSUER}); its discovery document is at issuer +
 *                     {@code /.well-known/openid-configuration}. Empty: sign-in through a provider is off
 * @param clientId     Klassrum's client id at the provider ({@value #CLIENT_ID}); required when an issuer is set
 * @param clientSecret its client secret ({@value #CLIENT_SECRET}); empty for a public client (PKCE only)
 * @param claim        the ID token claim that holds an IdP login's subject ({@value #CLAIM}, default {@code sub})
 * @param redirectUri  the callback the provider sends the guardian back to ({@value #REDIRECT_URI}); empty: derived
 *                     from the request, {@code <base>/api/v1/guardian/sign-in/oidc/callback}
 */
public record OidcSettings(Optional<URI> issuer, String clientId, Optional<String> clientSecret, String claim,
                           Optional<URI> redirectUri) {

    public static final String ISSUER = "klassrum.guardian.oidc.issuer";
    public static final String CLIENT_ID = "klassrum.guardian.oidc.client-id";
    public static final String CLIENT_SECRET = "klassrum.guardian.oidc.client-secret";
    public static final String CLAIM = "klassrum.guardian.oidc.claim";
    public static final String REDIRECT_URI = "klassrum.guardian.oidc.redirect-uri";

    public static final String DEFAULT_CLAIM = "sub";

    /** Sign-in through a provider switched off. */
    public static final OidcSettings OFF = new OidcSettings(Optional.empty(), "", Optional.empty(), DEFAULT_CLAIM,
            Optional.empty());

    public OidcSettings {
        if (issuer.isPresent() && (clientId == null || clientId.isBlank())) {
            throw new IllegalArgumentException("The setting " + CLIENT_ID + " is required when " + ISSUER + " is set");
        }
        if (claim == null || claim.isBlank()) {
            throw new IllegalArgumentException("The setting " + CLAIM + " must name a claim");
        }
    }

    public boolean enabled() {
        return issuer.isPresent();
    }

    public static OidcSettings from(Settings settings) {
        Optional<URI> issuer = settings.value(ISSUER).map(value -> absoluteHttpUri(ISSUER, value));
        if (issuer.isEmpty()) {
            return OFF;
        }
        return new OidcSettings(issuer, settings.text(CLIENT_ID, ""), settings.value(CLIENT_SECRET),
                settings.text(CLAIM, DEFAULT_CLAIM), settings.value(REDIRECT_URI).map(value -> absoluteHttpUri(REDIRECT_URI, value)));
    }

    private static URI absoluteHttpUri(String name, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException("The setting " + name + " must be an http(s) URL, not " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The setting " + name + " must be an http(s) URL, not " + value, e);
        }
    }

    @Override
    public String toString() {
        // Never the secret.
        return "OidcSettings[issuer=" + issuer.map(URI::toString).orElse("(off)") + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret.isPresent() ? "(set)" : "(unset)") + ", claim=" + claim
                + ", redirectUri=" + redirectUri.map(URI::toString).orElse("(from the request)") + "]";
    }
}
