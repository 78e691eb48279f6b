package se.klassrum.guardian.boundary;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.Config;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.guardian.control.IdpLogin;
import se.klassrum.guardian.control.OidcClient;
import se.klassrum.guardian.control.OidcClient.OidcException;
import se.klassrum.guardian.control.OidcSettings;
import se.klassrum.guardian.control.OidcSignInStates;
import se.klassrum.guardian.control.Settings;
import se.klassrum.guardian.entity.OidcSignInState;
import se.klassrum.roster.entity.GuardianLoginMethod;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A guardian signs in through the organiser's identity provider over OpenID Connect (GUARDIAN-LOGIN.md):
 * <ol>
 * <li>{@link #start}: a new state, nonce and PKCE code verifier are kept server-side (table
 * {@code guardian_oidc_state}, state and browser binding as digests) and the guardian is sent to the provider.</li>
 * <li>{@link #complete}: the state comes back with a code; the kept sign-in is taken (once), the browser binding
 * checked, the code exchanged, the ID token validated and the configured claim read. It names the guardian if
 * it is the subject of an <em>enabled</em> IdP login whose organiser allows IdP sign-in.</li>
 * </ol>
 * A failed callback says nothing about which part failed. Off while {@code klassrum.guardian.oidc.issuer} is unset.
 */
@ApplicationScoped
// No transaction around the calls to the provider (discovery, token endpoint, JWKS), which may take seconds: each
// database step runs in its own short transaction in OidcSignInStates and GuardianLoginPolicies.
@Transactional(Transactional.TxType.NOT_SUPPORTED)
@NoStudentData("sign-in of guardians through an identity provider (OpenID Connect); reads logins, keeps the state "
        + "of started sign-ins, reveals no student data")
public class GuardianOidcLogin {

    private static final Logger LOG = Logger.getLogger(GuardianOidcLogin.class.getName());

    /** How long a guardian has at the provider before the started sign-in is forgotten. */
    static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

    /** Longer than any state or binding this class hands out; a longer one is not looked up at all. */
    private static final int MAX_PARAMETER_LENGTH = 200;
    private static final int MAX_CODE_LENGTH = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Config config;

    @Inject
    OidcSignInStates states;

    @Inject
    GuardianLoginPolicies policies;

    private final Clock clock = Clock.systemUTC();
    private OidcSettings settings;
    private OidcClient client;

    /** For CDI, which needs a no-argument constructor to make its proxy. */
    protected GuardianOidcLogin() {
    }

    @PostConstruct
    void readSettings() {
        settings = OidcSettings.from(Settings.of(config));
        if (settings.enabled()) {
            client = new OidcClient(settings);
            LOG.log(Level.INFO, "Guardian sign-in through an identity provider is on: {0}", settings);
        }
    }

    /** Whether sign-in through an identity provider is set up ({@code klassrum.guardian.oidc.issuer}). */
    public boolean isEnabled() {
        return settings.enabled();
    }

    /**
     * Starts a sign-in.
     *
     * @param requestRedirectUri the callback as derived from the request; used unless
     *                           {@code klassrum.guardian.oidc.redirect-uri} is set
     * @throws IllegalStateException    if sign-in through a provider is off
     * @throws OidcUnavailableException if the provider's discovery document cannot be read
     */
    public OidcStart start(URI requestRedirectUri) {
        requireEnabled();
        URI redirectUri = settings.redirectUri().orElse(requestRedirectUri);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        String binding = randomToken();
        URI authorization;
        try {
            authorization = client.authorizationUri(redirectUri, state, nonce, verifier);
        } catch (OidcException e) {
            LOG.log(Level.WARNING, "Guardian sign-in through the identity provider cannot start: {0}", e.getMessage());
            throw new OidcUnavailableException("The identity provider cannot be reached", e);
        }
        OffsetDateTime now = now();
        states.save(new OidcSignInState(digest(state.getValue()), digest(binding), nonce.getValue(),
                verifier.getValue(), redirectUri.toString(), now, now.plus(FLOW_LIFETIME)));
        return new OidcStart(authorization, binding, FLOW_LIFETIME);
    }

    /**
     * Finishes a sign-in when the provider sends the guardian back.
     *
     * @param state   the {@code state} parameter of the callback
     * @param binding the browser binding from the cookie set at {@link #start}
     * @param code    the {@code code} parameter of the callback (absent when the provider reports an error)
     * @return the guardian to open a session for; empty, with no reason given, when anything does not hold
     */
    public Optional<GuardianSignIn> complete(String state, String binding, String code) {
        if (!settings.enabled() || !plausible(state, MAX_PARAMETER_LENGTH)) {
            return Optional.empty();
        }
        // Taken first, whatever else is wrong: a state works once.
        Optional<OidcSignInState> started = states.take(digest(state), now());
        if (started.isEmpty()) {
            LOG.log(Level.FINE, "A guardian sign-in callback with an unknown, used or expired state");
            return Optional.empty();
        }
        if (!plausible(binding, MAX_PARAMETER_LENGTH) || !MessageDigest.isEqual(
                digest(binding).getBytes(StandardCharsets.US_ASCII),
                started.get().bindingHash().getBytes(StandardCharsets.US_ASCII))) {
            LOG.log(Level.FINE, "A guardian sign-in callback came to another browser than the one that started it");
            return Optional.empty();
        }
        if (!plausible(code, MAX_CODE_LENGTH)) {
            LOG.log(Level.FINE, "A guardian sign-in callback without a code (refused or cancelled at the provider)");
            return Optional.empty();
        }
        String subject;
        try {
            subject = client.subjectOf(code, URI.create(started.get().redirectUri()),
                    new CodeVerifier(started.get().codeVerifier()), new Nonce(started.get().nonce()));
        } catch (OidcException e) {
            LOG.log(Level.WARNING, "A guardian sign-in through the identity provider failed: {0}", e.getMessage());
            return Optional.empty();
        }
        List<IdpLogin> logins = states.enabledIdpLogins(subject);
        // A guardian with logins at two organisers gets a session at the first one that allows IdP sign-in.
        Optional<IdpLogin> login = logins.stream()
                .filter(candidate -> policies.allows(candidate.tenantId(), GuardianLoginMethod.IDP))
                .filter(candidate -> states.isGuardianOnly(candidate.personId()))
                .findFirst();
        if (login.isEmpty()) {
            LOG.log(Level.FINE, logins.isEmpty()
                    ? "A guardian signed in at the identity provider has no enabled IdP login"
                    : "A guardian's organiser has switched IdP sign-in off");
        }
        return login.map(found -> new GuardianSignIn(found.personId(), found.tenantId(), found.loginId()));
    }

    private void requireEnabled() {
        if (!settings.enabled()) {
            throw new IllegalStateException("Sign-in through an identity provider is off: set " + OidcSettings.ISSUER);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean plausible(String text, int maxLength) {
        return text != null && !text.isBlank() && text.length() <= maxLength;
    }

    private static String randomToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
