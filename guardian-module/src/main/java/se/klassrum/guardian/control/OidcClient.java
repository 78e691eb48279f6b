package se.klassrum.guardian.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenID Connect relying party, on the Nimbus OAuth 2.0 / OpenID Connect SDK: reads the provider's discovery
 * document, makes the authorization request (code flow, PKCE S256, state, nonce), exchanges a code at the token
 * endpoint and has the SDK's {@link IDTokenValidator} check the ID token (signature by a key of the provider's
 * JWKS, issuer, audience, expiry and issue time with a minute's clock skew, nonce). Nothing here checks a token
 * by hand.
 * <p>
 * The discovery document is read at the first sign-in and kept; a failure is tried again at the next one. The
 * provider's keys are cached by the SDK's JWK source, which fetches them again when a token names an unknown key
 * (key rotation). Thread-safe.
 */
public final class OidcClient {

    /** Connect and read timeout towards the provider. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int SIZE_LIMIT = 512 * 1024;

    private final OidcSettings settings;
    private volatile Provider provider;

    public OidcClient(OidcSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!settings.enabled()) {
            throw new IllegalArgumentException("Sign-in through an identity provider is off");
        }
    }

    /** The provider could not be asked, or answered something unusable; the message never holds a token. */
    public static final class OidcException extends Exception {
        public OidcException(String message) {
            super(message);
        }

        public OidcException(String message, Throwable cause) {
            super(message + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    /** Where to send the guardian: the provider's authorization endpoint with the flow's parameters. */
    public URI authorizationUri(URI redirectUri, State state, Nonce nonce, CodeVerifier verifier) throws OidcException {
        OIDCProviderMetadata metadata = provider().metadata();
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), clientId(), redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /**
     * Exchanges the code and returns the configured claim of the validated ID token (or, if the ID token lacks
     * it, of the provider's UserInfo for the same subject).
     *
     * @throws OidcException the exchange failed, the ID token is not valid, or the claim is missing
     */
    public String subjectOf(String code, URI redirectUri, CodeVerifier verifier, Nonce nonce) throws OidcException {
        Provider current = provider();
        OIDCTokenResponse tokens = exchange(current.metadata(), code, redirectUri, verifier);
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new OidcException("The token response has no ID token");
        }
        IDTokenClaimsSet claims;
        try {
            claims = current.validator().validate(idToken, nonce);
        } catch (BadJOSEException | JOSEException e) {
            throw new OidcException("The ID token is not valid", e);
        }
        Optional<String> value = claimText(claims.getClaim(settings.claim()));
        if (value.isEmpty() && current.metadata().getUserInfoEndpointURI() != null
                && tokens.getOIDCTokens().getAccessToken() instanceof BearerAccessToken accessToken) {
            UserInfo userInfo = userInfo(current.metadata(), accessToken);
            if (!claims.getSubject().equals(userInfo.getSubject())) {
                throw new OidcException("The UserInfo is of another subject than the ID token");
            }
            value = claimText(userInfo.getClaim(settings.claim()));
        }
        return value.orElseThrow(() -> new OidcException("The claim " + settings.claim() + " is missing"));
    }

    /**
     * Exchanges the code and returns every claim of the validated ID token, for a caller that needs more than one
     * of them (staff sign-in reads the tenant and the object id); no UserInfo is asked.
     *
     * @throws OidcException the exchange failed or the ID token is not valid
     */
    public java.util.Map<String, Object> idTokenClaims(String code, URI redirectUri, CodeVerifier verifier, Nonce nonce)
            throws OidcException {
        Provider current = provider();
        JWT idToken = exchange(current.metadata(), code, redirectUri, verifier).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new OidcException("The token response has no ID token");
        }
        try {
            return current.validator().validate(idToken, nonce).toJWTClaimsSet().getClaims();
        } catch (BadJOSEException | JOSEException | ParseException e) {
            throw new OidcException("The ID token is not valid", e);
        }
    }

    private OIDCTokenResponse exchange(OIDCProviderMetadata metadata, String code, URI redirectUri, CodeVerifier verifier)
            throws OidcException {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier);
        TokenRequest request = settings.clientSecret()
                .map(secret -> new TokenRequest(metadata.getTokenEndpointURI(),
                        postOnly(metadata) ? new ClientSecretPost(clientId(), new Secret(secret))
                                : new ClientSecretBasic(clientId(), new Secret(secret)), grant, null))
                // A public client proves the flow by PKCE alone.
                .orElseGet(() -> new TokenRequest(metadata.getTokenEndpointURI(), clientId(), grant, null));
        try {
            TokenResponse response = OIDCTokenResponseParser.parse(withTimeouts(request.toHTTPRequest()).send());
            if (!response.indicatesSuccess()) {
                TokenErrorResponse error = response.toErrorResponse();
                throw new OidcException("The token endpoint refused the code: " + error.getErrorObject().getCode());
            }
            return (OIDCTokenResponse) response.toSuccessResponse();
        } catch (IOException | ParseException e) {
            throw new OidcException("The token endpoint could not be asked", e);
        }
    }

    private UserInfo userInfo(OIDCProviderMetadata metadata, BearerAccessToken accessToken) throws OidcException {
        try {
            UserInfoResponse response = UserInfoResponse.parse(withTimeouts(
                    new UserInfoRequest(metadata.getUserInfoEndpointURI(), accessToken).toHTTPRequest()).send());
            if (!response.indicatesSuccess()) {
                throw new OidcException("The UserInfo endpoint refused: "
                        + response.toErrorResponse().getErrorObject().getCode());
            }
            return response.toSuccessResponse().getUserInfo();
        } catch (IOException | ParseException e) {
            throw new OidcException("The UserInfo endpoint could not be asked", e);
        }
    }

    private static boolean postOnly(OIDCProviderMetadata metadata) {
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        // No list means client_secret_basic (OpenID Connect Discovery 1.0).
        return methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }

    private Provider provider() throws OidcException {
        Provider current = provider;
        if (current == null) {
            synchronized (this) {
                current = provider;
                if (current == null) {
                    current = discover();
                    provider = current;
                }
            }
        }
        return current;
    }

    private Provider discover() throws OidcException {
        Issuer issuer = new Issuer(settings.issuer().orElseThrow());
        OIDCProviderMetadata metadata;
        try {
            // Checks that the document names the configured issuer.
            metadata = OIDCProviderMetadata.resolve(issuer, (int) TIMEOUT.toMillis(), (int) TIMEOUT.toMillis());
        } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
            throw new OidcException("The provider's discovery document could not be read", e);
        }
        if (metadata.getJWKSetURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getAuthorizationEndpointURI() == null) {
            throw new OidcException("The provider's discovery document lacks an endpoint or its jwks_uri");
        }
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
                            new DefaultResourceRetriever((int) TIMEOUT.toMillis(), (int) TIMEOUT.toMillis(), SIZE_LIMIT))
                    .build();
        } catch (java.net.MalformedURLException e) {
            throw new OidcException("The provider's jwks_uri is not a URL", e);
        }
        IDTokenValidator validator = new IDTokenValidator(issuer, clientId(),
                new JWSVerificationKeySelector<>(signatureAlgorithms(metadata), keys), null);
        return new Provider(metadata, validator);
    }

    /**
     * The public-key algorithms the provider says it signs ID tokens with; RS256 (which every provider must
     * support) if it names none. Never "none", and never HMAC with the client secret.
     */
    static Set<JWSAlgorithm> signatureAlgorithms(OIDCProviderMetadata metadata) {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        if (metadata.getIDTokenJWSAlgs() != null) {
            for (JWSAlgorithm algorithm : metadata.getIDTokenJWSAlgs()) {
                if (JWSAlgorithm.Family.SIGNATURE.contains(algorithm)) {
                    algorithms.add(algorithm);
                }
            }
        }
        if (algorithms.isEmpty()) {
            algorithms.add(JWSAlgorithm.RS256);
        }
        return algorithms;
    }

    private static HTTPRequest withTimeouts(HTTPRequest request) {
        request.setConnectTimeout((int) TIMEOUT.toMillis());
        request.setReadTimeout((int) TIMEOUT.toMillis());
        return request;
    }

    private ClientID clientId() {
        return new ClientID(settings.clientId());
    }

    /** A claim as text: a string, or a number (some providers send a personal identity number as one). */
    static Optional<String> claimText(Object value) {
        if (value instanceof String text && !text.isBlank()) {
            return Optional.of(text);
        }
        if (value instanceof Number number) {
            return Optional.of(number.toString());
        }
        return Optional.empty();
    }
}
