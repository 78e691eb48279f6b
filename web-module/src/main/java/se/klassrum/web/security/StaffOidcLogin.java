package se.klassrum.web.security;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.Config;
import se.klassrum.guardian.control.OidcClient;
import se.klassrum.guardian.control.OidcClient.OidcException;
import se.klassrum.guardian.control.OidcSettings;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Staff (and students) sign in to the pages through their organisation's identity provider over OpenID Connect —
 * Entra ID in production, any provider by settings. The protocol is the guardian portal's relying party
 * ({@link OidcClient}: authorization code flow with PKCE S256, state and nonce, the ID token validated by the Nimbus
 * SDK), so there is one implementation of it. What differs: the started sign-in is kept in the browser's HTTP
 * session, which also binds it to that browser, and the person is found by the ID token's tenant ({@code tid}) and
 * object id ({@code oid}) claims, as {@link TokenCaller} finds the person of an API token.
 * <p>
 * Off while {@value #ISSUER} is unset.
 */
@ApplicationScoped
public class StaffOidcLogin {

    public static final String ISSUER = "klassrum.staff.oidc.issuer";
    public static final String CLIENT_ID = "klassrum.staff.oidc.client-id";
    public static final String CLIENT_SECRET = "klassrum.staff.oidc.client-secret";
    public static final String REDIRECT_URI = "klassrum.staff.oidc.redirect-uri";
    public static final String TENANT_CLAIM = "klassrum.staff.oidc.tenant-claim";
    public static final String OBJECT_ID_CLAIM = "klassrum.staff.oidc.object-id-claim";

    /** The path of the callback below the application, registered at the provider. */
    public static final String CALLBACK_PATH = "/sign-in/oidc/callback";

    /** How long a person has at the provider before the started sign-in is forgotten. */
    static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

    private static final String PENDING = "klassrum.staff.oidc.pending";
    private static final int MAX_PARAMETER_LENGTH = 200;
    private static final int MAX_CODE_LENGTH = 4096;
    private static final Logger LOG = Logger.getLogger(StaffOidcLogin.class.getName());

    /**
     * A sign-in sent to the provider and not yet back; only in the server-side session. {@code next} is the page of
     * this site to land on once signed in ({@link ReturnPaths}), or null for "Mina grupper".
     */
    record Pending(String state, String nonce, String codeVerifier, String redirectUri, Instant expires, String next)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The provider cannot be reached or the settings are wrong: the sign-in cannot start. */
    public static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    @Inject
    Config config;

    @Inject
    StaffSessions sessions;

    private Optional<URI> issuer;
    private Optional<URI> redirectUri;
    private String tenantClaim;
    private String objectIdClaim;
    private OidcClient client;

    @PostConstruct
    void readSettings() {
        issuer = text(ISSUER).map(value -> httpUri(ISSUER, value));
        redirectUri = text(REDIRECT_URI).map(value -> httpUri(REDIRECT_URI, value));
        tenantClaim = text(TENANT_CLAIM).orElse("tid");
        objectIdClaim = text(OBJECT_ID_CLAIM).orElse("oid");
        if (issuer.isPresent()) {
            String clientId = text(CLIENT_ID).orElseThrow(() -> new IllegalStateException(
                    "The setting " + CLIENT_ID + " is required when " + ISSUER + " is set"));
            // The claim of the guardian's settings is not used here: the tenant and object id claims are read instead.
            client = new OidcClient(new OidcSettings(issuer, clientId, text(CLIENT_SECRET), "sub", redirectUri));
            LOG.log(Level.INFO, "Staff sign-in through an identity provider is on: issuer {0}, client {1}",
                    new Object[] {issuer.get(), clientId});
        }
    }

    /** Whether staff sign-in through an identity provider is set up ({@value #ISSUER}). */
    public boolean isEnabled() {
        return issuer.isPresent();
    }

    /**
     * Starts a sign-in: a new state, nonce and PKCE code verifier in the browser's session.
     *
     * @return where to send the browser (the provider's authorization endpoint)
     */
    public URI start(HttpServletRequest request) throws UnavailableException {
        return start(request, null);
    }

    /**
     * Starts a sign-in that lands on a page of this site once signed in.
     *
     * @param next the page to land on, kept only when {@link ReturnPaths} accepts it; null for none
     * @return where to send the browser (the provider's authorization endpoint)
     */
    public URI start(HttpServletRequest request, String next) throws UnavailableException {
        if (!isEnabled()) {
            throw new UnavailableException("Staff sign-in through an identity provider is off: set " + ISSUER);
        }
        URI callback = redirectUri.orElseGet(() -> callbackOf(request));
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI authorization;
        try {
            authorization = client.authorizationUri(callback, state, nonce, verifier);
        } catch (OidcException e) {
            LOG.log(Level.WARNING, "Staff sign-in through the identity provider cannot start: {0}", e.getMessage());
            throw new UnavailableException("The identity provider cannot be reached");
        }
        request.getSession(true).setAttribute(PENDING, new Pending(state.getValue(), nonce.getValue(),
                verifier.getValue(), callback.toString(), Instant.now().plus(FLOW_LIFETIME),
                ReturnPaths.checked(next).orElse(null)));
        return authorization;
    }

    /**
     * The page of this site the sign-in started in this browser is to land on; empty when none was asked for (or no
     * sign-in was started). Read before {@link #complete}, which forgets the started sign-in.
     */
    public Optional<String> returnPath(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING) instanceof Pending pending) {
            return ReturnPaths.checked(pending.next());
        }
        return Optional.empty();
    }

    /**
     * Finishes a sign-in when the provider sends the browser back, and signs the session in.
     *
     * @return the person signed in; empty, with the reason only logged, when anything does not hold (no sign-in
     * started in this browser, a wrong or expired state, an error at the provider, an invalid ID token, a tenant or
     * person Klassrum does not know)
     */
    public Optional<StaffSessions.StaffCaller> complete(HttpServletRequest request, String state, String code) {
        HttpSession session = request.getSession(false);
        if (!isEnabled() || session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            LOG.log(Level.FINE, "A staff sign-in callback without a sign-in started in this browser");
            return Optional.empty();
        }
        // Taken first, whatever else is wrong: a started sign-in works once.
        session.removeAttribute(PENDING);
        if (!plausible(state, MAX_PARAMETER_LENGTH) || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                pending.state().getBytes(StandardCharsets.UTF_8)) || Instant.now().isAfter(pending.expires())) {
            LOG.log(Level.FINE, "A staff sign-in callback with a wrong or expired state");
            return Optional.empty();
        }
        if (!plausible(code, MAX_CODE_LENGTH)) {
            LOG.log(Level.FINE, "A staff sign-in callback without a code (refused or cancelled at the provider)");
            return Optional.empty();
        }
        Map<String, Object> claims;
        try {
            claims = client.idTokenClaims(code, URI.create(pending.redirectUri()), new CodeVerifier(pending.codeVerifier()),
                    new Nonce(pending.nonce()));
        } catch (OidcException e) {
            LOG.log(Level.WARNING, "A staff sign-in through the identity provider failed: {0}", e.getMessage());
            return Optional.empty();
        }
        Optional<UUID> tenant = uuid(claims.get(tenantClaim));
        Optional<UUID> objectId = uuid(claims.get(objectIdClaim));
        if (tenant.isEmpty() || objectId.isEmpty()) {
            LOG.log(Level.FINE, "A staff ID token without the claims {0} and {1}", new Object[] {tenantClaim, objectIdClaim});
            return Optional.empty();
        }
        Optional<StaffSessions.StaffCaller> caller = sessions.personOf(tenant.get(), objectId.get());
        if (caller.isEmpty()) {
            LOG.log(Level.FINE, "A staff sign-in of a tenant or person this Klassrum does not know");
            return Optional.empty();
        }
        sessions.signIn(request, caller.get());
        return caller;
    }

    private static URI callbackOf(HttpServletRequest request) {
        return URI.create(request.getRequestURL().toString()).resolve(request.getContextPath() + CALLBACK_PATH);
    }

    private Optional<String> text(String name) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static URI httpUri(String name, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException notAUri) {
            // reported below
        }
        throw new IllegalStateException("The setting " + name + " must be an http(s) URL, not " + value);
    }

    private static boolean plausible(String text, int maxLength) {
        return text != null && !text.isBlank() && text.length() <= maxLength;
    }

    private static Optional<UUID> uuid(Object claim) {
        if (!(claim instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
