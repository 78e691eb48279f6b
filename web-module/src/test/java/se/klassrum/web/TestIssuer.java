package se.klassrum.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The tests' identity provider: a key pair made for this test run, whose public half Payara Micro was told
 * to trust ({@code klassrum.test.issuer.dir}), and real signed JWTs for the personas. Registered before
 * Arquillian, so the key file exists before the server starts.
 */
public final class TestIssuer implements BeforeAllCallback {

    public static final String ISSUER = "urn:klassrum:test";
    /** The audience Klassrum's API requires unless configured otherwise ({@code klassrum.jwt.audience}). */
    public static final String AUDIENCE = "api://klassrum";
    private static KeyPair keys;

    @Override
    public void beforeAll(ExtensionContext context) {
        keys();
    }

    private static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                Path directory = Path.of(System.getProperty("klassrum.test.issuer.dir", "target/test-issuer"));
                Files.createDirectories(directory);
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(directory.resolve("public.pem"), pem);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    /** A person's token as Entra ID issues it: tenant {@code tid}, object id {@code oid}. */
    public static String personToken(UUID entraTenantId, UUID objectId) {
        return sign(claims(entraTenantId, objectId.toString()).claim("oid", objectId.toString()).build());
    }

    /**
     * A person's token as {@link #personToken} issues it, changed by {@code change} first: another audience, other
     * times, a claim left out.
     */
    public static String personToken(UUID entraTenantId, UUID objectId, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims(entraTenantId, objectId.toString()).claim("oid", objectId.toString())).build());
    }

    /** A token of a person known by their identity provider's subject only (a guardian's login). */
    public static String subjectToken(UUID entraTenantId, String subject) {
        return sign(claims(entraTenantId, subject).build());
    }

    /** An application's token: no person, application permissions in {@code roles}. */
    public static String applicationToken(UUID entraTenantId, String clientId, List<String> permissions) {
        return sign(claims(entraTenantId, clientId).claim("idtyp", "app").claim("azp", clientId)
                .claim("roles", permissions).build());
    }

    /** A well-formed token signed by a key the server does not trust. */
    public static String foreignToken(UUID entraTenantId, UUID objectId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claims(entraTenantId, objectId.toString()).claim("oid", objectId.toString()).build(),
                    generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims(UUID entraTenantId, String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("upn", subject)
                .claim("groups", List.of())
                .claim("tid", entraTenantId.toString());
    }

    private static String sign(JWTClaimsSet claims) {
        return sign(claims, keys());
    }

    private static String sign(JWTClaimsSet claims, KeyPair keyPair) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(keyPair.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
