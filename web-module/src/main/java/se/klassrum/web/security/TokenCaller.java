package se.klassrum.web.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.guardian.boundary.GuardianSessions;
import se.klassrum.roster.boundary.RequestFactsVersion;
import se.klassrum.web.platform.RequestIds;
import se.klassrum.web.platform.RequestLog;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The caller of this request, from its verified MicroProfile JWT (signature, issuer, audience, expiry and age are
 * checked by the runtime before this bean sees the token; {@code nbf}, a future {@code iat} and the lifetime here):
 * <ul>
 *   <li>{@code tid} — the Entra tenant id, mapped to the tenant;</li>
 *   <li>a person token: {@code oid} (Entra object id; {@code sub} as fallback), mapped to the person with
 *       that Entra account in that tenant; failing that, {@code sub} mapped to a guardian's enabled login
 *       through an identity provider (guardians have no Entra account);</li>
 *   <li>an application token ({@code idtyp} = {@code app}): {@code azp} or {@code appid} as client id and the
 *       application permissions in {@code roles}, valid for the token's tenant only.</li>
 * </ul>
 * Without a token, a guardian's portal session cookie names the caller; without either, on the web pages (never
 * the API), the person signed in through the organisation's identity provider ({@link StaffSessions}, the same
 * {@code tid} and {@code oid} mapping), or, in demo mode only, the persona chosen on the demo page
 * ({@link DemoSessions}).
 * A token whose person Klassrum does not know in the token's own tenant carries no caller (401) — the same answer
 * for a tenant Klassrum does not serve, an unknown object id and another organisation's person, so that nobody can
 * probe which ids exist. The refusal is audited in the token's own organisation's chain when Klassrum serves it
 * (SAME_TENANT). A token issued or valid from more than the clock skew ahead, or valid for longer than the maximum
 * token age, carries no caller either.
 */
@ApplicationScoped
public class TokenCaller implements CallerProvider {

    private static final String SAME_TENANT = "SAME_TENANT";
    /** Stands for "no object id" in the caller query: no Entra account has the nil UUID. */
    private static final UUID NO_OBJECT_ID = new UUID(0, 0);

    @Inject
    HttpServletRequest request;

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    GuardianSessions guardianSessions;

    @Inject
    StaffSessions staffSessions;

    @Inject
    DemoSessions demoSessions;

    @Inject
    AuditLog auditLog;

    @Inject
    RequestFactsVersion requestFactsVersion;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    jakarta.enterprise.inject.spi.BeanManager beans;

    /** How far a token's {@code iat} and {@code nbf} may be ahead of this server's clock. */
    @Inject
    @ConfigProperty(name = "klassrum.jwt.clock-skew-seconds", defaultValue = "60")
    long clockSkewSeconds;

    /** The longest a token may be valid from its {@code iat} to its {@code exp}. */
    @Inject
    @ConfigProperty(name = "klassrum.jwt.max-age-seconds", defaultValue = "7200")
    long maxAgeSeconds;

    /** The cookie that carries a guardian's portal session. */
    public static final String GUARDIAN_SESSION_COOKIE = "klassrum_guardian";

    /** The request attribute that keeps the caller once found, so that a request looks it up once. */
    private static final String CALLER = TokenCaller.class.getName() + ".caller";

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Actor> currentActor() {
        if (outsideARequest()) {
            // A scheduled task (the mail sender deciding as a mail's recipient) has no caller of its own.
            return Optional.empty();
        }
        if (request.getAttribute(CALLER) instanceof Optional<?> known) {
            return (Optional<Actor>) known;
        }
        Optional<Actor> actor = resolve();
        request.setAttribute(CALLER, actor);
        RequestLog.caller(request, actor);
        return actor;
    }

    @Override
    public String requestId() {
        return outsideARequest() ? "scheduled-" + UUID.randomUUID() : RequestIds.of(request);
    }

    private boolean outsideARequest() {
        try {
            return !beans.getContext(jakarta.enterprise.context.RequestScoped.class).isActive();
        } catch (jakarta.enterprise.context.ContextNotActiveException none) {
            return true;
        }
    }

    private boolean isApiRequest() {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private Optional<Actor> resolve() {
        // The runtime makes a verified MicroProfile JWT the request's principal (MP JWT); taken from there rather
        // than injected, no bean is made for it on every request.
        JsonWebToken token = request.getUserPrincipal() instanceof JsonWebToken verified ? verified : null;
        if (token == null || token.getRawToken() == null) {
            // Guardians in the portal sign in by e-mail code or identity provider and carry a session cookie.
            Optional<String> guardianSession = guardianSessionCookie();
            if (guardianSession.isPresent()) {
                return guardianSession.flatMap(guardianSessions::guardianOf).map(Actor.class::cast);
            }
            // The web pages: a person signed in through the organisation's identity provider (StaffOidcLogin), or,
            // in demo mode only, the persona chosen on /demo.xhtml (ignored with the demo data off). Never for the
            // API: a page session is a cookie the browser sends by itself, and the API has no form token against
            // another site's requests; it takes bearer tokens (and the guardian's SameSite=Strict cookie) only.
            if (isApiRequest()) {
                return Optional.empty();
            }
            if (staffSessions.caller(request).isPresent()) {
                return staffSessions.actor(request);
            }
            return demoSessions.actor(request);
        }
        if (!withinItsTime(token)) {
            return Optional.empty();
        }
        Optional<UUID> entraTenant = uuidClaim(token, "tid");
        if (entraTenant.isEmpty()) {
            return Optional.empty();
        }
        boolean application = "app".equals(stringClaim(token, "idtyp").orElse(null));
        Optional<UUID> objectId = application ? Optional.empty() : uuidClaim(token, "oid").or(() -> parseUuid(token.getSubject()));
        TenantAndPerson found = tenantAndPerson(entraTenant.get(), objectId.orElse(null));
        if (found == null) {
            // A tenant Klassrum does not serve: answered like an unknown person, and written to no organisation's chain.
            return Optional.empty();
        }
        UUID tenant = found.tenant();
        if (application) {
            String clientId = stringClaim(token, "azp").or(() -> stringClaim(token, "appid")).orElse(token.getSubject());
            return Optional.of(Actor.application(clientId, tenant, permissions(token)));
        }
        if (found.person() != null) {
            return Optional.of(Actor.person(found.person(), tenant));
        }
        // A guardian has no Entra account: the subject may name a guardian's identity-provider login, which acts as a
        // guardian only, and only while the login is enabled, its method allowed and its person a guardian and
        // nothing else (the same checks as the portal's sessions).
        Optional<UUID> guardian = guardianSessions.guardianOfIdpSubject(tenant, token.getSubject());
        if (guardian.isPresent()) {
            return Optional.of(Actor.guardian(guardian.get(), tenant));
        }
        // Nobody of the token's own organisation: whether the object id is unknown or another organisation's, the
        // answer is the same (no caller, 401), and the refusal goes into the token's organisation's chain only.
        auditRefusal(tenant, objectId.map(oid -> "oid:" + oid).orElse("sub:" + token.getSubject()));
        return Optional.empty();
    }

    /**
     * What the runtime leaves to us: {@code nbf} and {@code iat} not ahead of our clock by more than the skew, and a
     * lifetime ({@code exp} after {@code iat}) no longer than the maximum token age. The runtime itself checks the
     * signature, issuer, audience, expiry and the age since {@code iat} (mp.jwt.verify.*).
     */
    private boolean withinItsTime(JsonWebToken token) {
        long now = Instant.now().getEpochSecond();
        long issuedAt = token.getIssuedAtTime();
        long expires = token.getExpirationTime();
        Optional<Long> notBefore = numberClaim(token, "nbf");
        return issuedAt <= now + clockSkewSeconds
                && notBefore.map(nbf -> nbf <= now + clockSkewSeconds).orElse(true)
                && expires - issuedAt <= maxAgeSeconds;
    }

    private void auditRefusal(UUID tenant, String presented) {
        auditLog.record(new AuditRecord(tenant.toString(), Instant.now(), AuditRecord.Purpose.ACCESS,
                AuditRecord.ActorKind.ANONYMOUS, presented, null, null, "TOKEN", "IDENTIFY", false,
                List.of(SAME_TENANT), requestId()));
    }

    private record TenantAndPerson(UUID tenant, UUID person) {
    }

    /**
     * The tenant with this Entra tenant id and, when an object id is given, its person with that Entra account — in one
     * statement, which also reads the access facts' version for the request's decisions when the request only reads
     * ({@link RequestFactsVersion}). Null when no tenant has the id.
     */
    private TenantAndPerson tenantAndPerson(UUID entraTenantId, UUID objectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t.id, p.id, v.version, pg_current_xact_id_if_assigned() is null "
                        + "from access_facts_version v left join tenant t on t.entra_tenant_id = ?2 "
                        + "left join person p on p.tenant_id = t.id and p.entra_object_id = ?1 where v.singleton")
                .setParameter(1, objectId == null ? NO_OBJECT_ID : objectId)
                .setParameter(2, entraTenantId)
                .setMaxResults(1)
                .getResultList();
        Object[] row = rows.isEmpty() ? null : rows.get(0);
        if (row == null || row[0] == null) {
            return null;
        }
        if (onlyReads() && Boolean.TRUE.equals(row[3])) {
            requestFactsVersion.seen(((Number) row[2]).longValue());
        }
        return new TenantAndPerson(uuid(row[0]), uuid(row[1]));
    }

    /** A GET or HEAD outside a transaction: a request that neither has written nor will commit a change before deciding. */
    private boolean onlyReads() {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method))
                && transactions != null && transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION;
    }

    private static UUID uuid(Object column) {
        return column == null ? null : column instanceof UUID id ? id : UUID.fromString(column.toString());
    }

    private Optional<String> guardianSessionCookie() {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (jakarta.servlet.http.Cookie cookie : cookies) {
            if (GUARDIAN_SESSION_COOKIE.equals(cookie.getName())) {
                return Optional.ofNullable(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Set<String> permissions(JsonWebToken token) {
        Object roles = token.getClaim("roles");
        Set<String> permissions = new HashSet<>();
        if (roles instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString string) {
                    permissions.add(string.getString());
                }
            }
        } else if (roles instanceof Collection<?> collection) {
            collection.forEach(value -> permissions.add(String.valueOf(value)));
        }
        return permissions;
    }

    private static Optional<String> stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        return Optional.ofNullable(value).map(String::valueOf);
    }

    private static Optional<Long> numberClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonNumber number) {
            return Optional.of(number.longValue());
        }
        return value instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    private static Optional<UUID> uuidClaim(JsonWebToken token, String name) {
        return stringClaim(token, name).flatMap(TokenCaller::parseUuid);
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
