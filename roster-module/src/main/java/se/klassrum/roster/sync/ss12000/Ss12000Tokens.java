package se.klassrum.roster.sync.ss12000;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The bearer token sent to a student register: a fixed one the register issued, or one obtained with the OAuth 2.0
 * client credentials grant from the register's token endpoint (Nimbus OAuth 2.0 SDK), kept until shortly before it
 * expires and then renewed, and renewed once more when the register answers 401 to it (revoked or expired early).
 */
public abstract sealed class Ss12000Tokens {

    /** A token whose lifetime the endpoint does not give is renewed after this long. */
    static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);
    /** A token is renewed when less than this much of its life is left (or a quarter of it, if that is less). */
    static final Duration MARGIN = Duration.ofSeconds(60);

    /** The token to send now; renews it first when it is about to expire. */
    public abstract String token();

    /**
     * The register refused the token (401): forget it, so the next {@link #token()} gets a new one.
     *
     * @return whether a new token can be had (false for a fixed token)
     */
    public abstract boolean refused(String token);

    /** Which setting to check when the register refuses a token, for the run's message. */
    abstract String advice();

    public static Ss12000Tokens fixed(String token) {
        return new Fixed(token);
    }

    public static Ss12000Tokens clientCredentials(Ss12000Settings.ClientCredentials credentials, Duration timeout,
                                                  Clock clock) {
        return new ClientCredentials(credentials, timeout, clock);
    }

    private static final class Fixed extends Ss12000Tokens {
        private final String token;

        Fixed(String token) {
            this.token = Objects.requireNonNull(token, "token");
        }

        @Override
        public String token() {
            return token;
        }

        @Override
        public boolean refused(String token) {
            return false;
        }

        @Override
        String advice() {
            return "check the token (KLASSRUM_SS12000_TOKEN) and that it has not expired";
        }
    }

    private static final class ClientCredentials extends Ss12000Tokens {
        private final Ss12000Settings.ClientCredentials credentials;
        private final Duration timeout;
        private final Clock clock;
        private String current;
        private Instant renewAt;

        ClientCredentials(Ss12000Settings.ClientCredentials credentials, Duration timeout, Clock clock) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        @Override
        public synchronized String token() {
            if (current == null || !clock.instant().isBefore(renewAt)) {
                Instant asked = clock.instant();
                AccessToken fresh = request();
                Duration lifetime = fresh.getLifetime() > 0 ? Duration.ofSeconds(fresh.getLifetime()) : UNKNOWN_LIFETIME;
                Duration quarter = lifetime.dividedBy(4);
                current = fresh.getValue();
                renewAt = asked.plus(lifetime).minus(quarter.compareTo(MARGIN) < 0 ? quarter : MARGIN);
            }
            return current;
        }

        @Override
        public synchronized boolean refused(String token) {
            if (token != null && token.equals(current)) {
                current = null;
            }
            return true;
        }

        @Override
        String advice() {
            return "check that the client (KLASSRUM_SS12000_CLIENT_ID) may read it at the register";
        }

        private AccessToken request() {
            String endpoint = credentials.tokenUri().toString();
            TokenRequest request = new TokenRequest(credentials.tokenUri(),
                    new ClientSecretBasic(new ClientID(credentials.clientId()), new Secret(credentials.secret())),
                    new ClientCredentialsGrant(), credentials.scope() == null ? null : Scope.parse(credentials.scope()));
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout((int) timeout.toMillis());
            http.setReadTimeout((int) timeout.toMillis());
            TokenResponse response;
            try {
                response = TokenResponse.parse(http.send());
            } catch (IOException noAnswer) {
                throw new Ss12000Exception(Ss12000Exception.Reason.UNAVAILABLE, 0, "the student register's token"
                        + " endpoint " + endpoint + " did not answer (" + noAnswer.getMessage() + "); nothing was"
                        + " written, and the next sync tries again", noAnswer);
            } catch (ParseException unreadable) {
                throw new Ss12000Exception(Ss12000Exception.Reason.BAD_ANSWER, 0, "the student register's token"
                        + " endpoint " + endpoint + " gave an answer that is not an OAuth 2.0 token response: "
                        + unreadable.getMessage(), unreadable);
            }
            if (!response.indicatesSuccess()) {
                ErrorObject error = response.toErrorResponse().getErrorObject();
                int status = error.getHTTPStatusCode();
                String said = (error.getCode() == null ? "" : ": " + error.getCode())
                        + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")");
                if (status >= 500 || status == 429) {
                    throw new Ss12000Exception(Ss12000Exception.Reason.UNAVAILABLE, status, "the student register's"
                            + " token endpoint " + endpoint + " failed (HTTP " + status + said + "); nothing was"
                            + " written, and the next sync tries again", null);
                }
                throw new Ss12000Exception(Ss12000Exception.Reason.UNAUTHORISED, status, "the student register's"
                        + " token endpoint " + endpoint + " refused Klassrum's client credentials (HTTP " + status
                        + said + "): check the client id and secret (KLASSRUM_SS12000_CLIENT_ID,"
                        + " KLASSRUM_SS12000_CLIENT_SECRET)", null);
            }
            AccessTokenResponse success = response.toSuccessResponse();
            return success.getTokens().getAccessToken();
        }
    }
}
