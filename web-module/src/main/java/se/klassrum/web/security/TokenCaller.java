package se.klassrum.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.guardian.boundary.GuardianSessions;
import se.klassrum.roster.entity.GuardianLoginMethod;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The caller of this request, from its verified MicroProfile JWT (signature, issuer and expiry are checked
 * by the runtime before this bean sees the token):
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
 * A token whose person Klassrum does not know carries no caller (401). A token for a tenant Klassrum does
 * not serve, or naming a person of another tenant than its own, is refused as {@link ForeignTenantException}
 * (403, SAME_TENANT).
 */
@RequestScoped
public class TokenCaller implements CallerProvider {

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    JsonWebToken token;

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

    /** The cookie that carries a guardian's portal session. */
    public static final String GUARDIAN_SESSION_COOKIE = "klassrum_guardian";

    private Optional<Actor> actor;
    private String requestId;

    @Override
    public Optional<Actor> currentActor() {
        if (actor == null) {
            actor = resolve();
        }
        return actor;
    }

    @Override
    public String requestId() {
        if (requestId == null) {
            String given = request.getHeader("X-Request-Id");
            requestId = given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        }
        return requestId;
    }

    private boolean isApiRequest() {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private Optional<Actor> resolve() {
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
        Optional<UUID> entraTenant = uuidClaim("tid");
        if (entraTenant.isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> tenant = tenantWithEntraId(entraTenant.get());
        if (tenant.isEmpty()) {
            throw new ForeignTenantException("the token's tenant is not served by this Klassrum");
        }
        if ("app".equals(stringClaim("idtyp").orElse(null))) {
            String clientId = stringClaim("azp").or(() -> stringClaim("appid")).orElse(token.getSubject());
            return Optional.of(Actor.application(clientId, tenant.get(), permissions()));
        }
        Optional<UUID> objectId = uuidClaim("oid").or(() -> parseUuid(token.getSubject()));
        Optional<UUID> person = objectId.flatMap(oid -> personWithEntraAccount(tenant.get(), oid))
                .or(() -> guardianWithIdentityProviderLogin(tenant.get(), token.getSubject()));
        if (person.isEmpty() && objectId.isPresent() && hasEntraAccountElsewhere(objectId.get())) {
            throw new ForeignTenantException("the token's person belongs to another tenant than the token");
        }
        return person.map(id -> Actor.person(id, tenant.get()));
    }

    private boolean hasEntraAccountElsewhere(UUID objectId) {
        return !em.createQuery("select p.id from Person p where p.entraObjectId = :oid", UUID.class)
                .setParameter("oid", objectId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    private Optional<UUID> tenantWithEntraId(UUID entraTenantId) {
        List<UUID> ids = em.createQuery("select t.id from Tenant t where t.entraTenantId = :tid", UUID.class)
                .setParameter("tid", entraTenantId)
                .getResultList();
        return ids.stream().findFirst();
    }

    private Optional<UUID> personWithEntraAccount(UUID tenantId, UUID objectId) {
        List<UUID> ids = em.createQuery("select p.id from Person p where p.tenant.id = :tenant and p.entraObjectId = :oid",
                        UUID.class)
                .setParameter("tenant", tenantId)
                .setParameter("oid", objectId)
                .getResultList();
        return ids.stream().findFirst();
    }

    /** Guardians have no Entra account: their identity provider's subject names an enabled guardian login. */
    private Optional<UUID> guardianWithIdentityProviderLogin(UUID tenantId, String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        List<UUID> ids = em.createQuery("select l.guardian.id from GuardianLogin l where l.tenant.id = :tenant "
                        + "and l.method = :method and l.subject = :subject and l.enabled = true", UUID.class)
                .setParameter("tenant", tenantId)
                .setParameter("method", GuardianLoginMethod.IDP)
                .setParameter("subject", subject)
                .getResultList();
        return ids.stream().findFirst();
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

    private Set<String> permissions() {
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

    private Optional<String> stringClaim(String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        return Optional.ofNullable(value).map(String::valueOf);
    }

    private Optional<UUID> uuidClaim(String name) {
        return stringClaim(name).flatMap(TokenCaller::parseUuid);
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
