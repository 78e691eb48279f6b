package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.klassrum.guardian.boundary.GuardianOidcLogin;
import se.klassrum.guardian.boundary.GuardianSessions;
import se.klassrum.guardian.boundary.GuardianSignIn;
import se.klassrum.guardian.boundary.OidcStart;
import se.klassrum.guardian.boundary.OidcUnavailableException;
import se.klassrum.web.api.Problem.Text;
import se.klassrum.web.security.GuardianCookies;

import java.net.URI;
import java.util.Optional;

import static jakarta.ws.rs.core.Response.Status.FOUND;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;

/**
 * The guardian portal's sign-in through the organiser's identity provider (OpenID Connect, authorization code
 * flow with PKCE). A browser follows it: {@code GET .../oidc} sends it to the provider, the provider sends it
 * back to {@code GET .../oidc/callback}, which opens the same session as the e-mail sign-in and sends the
 * browser on to the portal's start page.
 * <p>
 * A short-lived cookie ({@value #FLOW_COOKIE}, SameSite=Lax so that it comes along on the provider's redirect
 * back) binds the callback to the browser that started the sign-in. The session cookie is SameSite=Strict, like
 * the e-mail sign-in's; the callback sets it itself, on the provider's redirect.
 */
@Path("v1/guardian/sign-in/oidc")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Guardian portal", description = "Guardians' sign-in by e-mail code and their children")
public class GuardianOidcResource {

    /** Binds a started sign-in to the browser that started it. */
    static final String FLOW_COOKIE = "klassrum_guardian_oidc";
    private static final String FLOW_COOKIE_PATH = "/api/v1/guardian/sign-in/oidc";
    /** Where the browser goes once signed in: the portal's start page. */
    private static final URI PORTAL = URI.create("/");

    @Inject
    GuardianOidcLogin oidc;

    @Inject
    GuardianSessions sessions;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Starts a guardian's sign-in through the identity provider: redirects to it")
    @APIResponse(responseCode = "302", description = "To the identity provider's authorization endpoint")
    @APIResponse(responseCode = "404", description = "Sign-in through an identity provider is not set up")
    @APIResponse(responseCode = "503", description = "The identity provider cannot be reached")
    public Response start() {
        if (!oidc.isEnabled()) {
            return notSetUp();
        }
        URI callback = uriInfo.getBaseUriBuilder().path(GuardianOidcResource.class).path("callback").build();
        OidcStart started;
        try {
            started = oidc.start(callback);
        } catch (OidcUnavailableException e) {
            return Problem.in(headers, "identity-provider-unavailable", SERVICE_UNAVAILABLE,
                    new Text("Inloggningstjänsten svarar inte", "The identity provider does not answer"),
                    new Text("Det går inte att logga in med e-legitimation just nu. Försök igen om en stund.",
                            "Signing in through the identity provider is not possible right now. Try again in a while."))
                    .response();
        }
        return Response.status(FOUND)
                .location(started.authorizationUri())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .cookie(flowCookie(started.browserBinding(), (int) started.validFor().toSeconds()))
                .build();
    }

    @GET
    @Path("callback")
    @Operation(summary = "The identity provider sends the guardian back here; signs the guardian in and sets the session cookie")
    @APIResponse(responseCode = "302", description = "Signed in: to the portal's start page; the klassrum_guardian cookie carries the session")
    @APIResponse(responseCode = "401", description = "Not signed in (which check failed is not said)")
    @APIResponse(responseCode = "404", description = "Sign-in through an identity provider is not set up")
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
                             @CookieParam(FLOW_COOKIE) String binding) {
        if (!oidc.isEnabled()) {
            return notSetUp();
        }
        Optional<GuardianSignIn> signIn = oidc.complete(state, binding, code);
        NewCookie spent = flowCookie("", 0);
        if (signIn.isEmpty()) {
            return Response.fromResponse(Problem.in(headers, "not-signed-in", UNAUTHORIZED,
                            new Text("Inte inloggad", "Not signed in"),
                            new Text("Inloggningen gick inte igenom. Börja om från inloggningssidan.",
                                    "The sign-in did not go through. Start again from the sign-in page."))
                    .response()).cookie(spent).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        GuardianSessions.OpenedSession session = sessions.open(signIn.get());
        NewCookie sessionCookie = GuardianCookies.session(session, request.isSecure());
        return Response.status(FOUND)
                .location(PORTAL)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .cookie(sessionCookie, spent)
                .build();
    }

    private NewCookie flowCookie(String value, int maxAge) {
        return new NewCookie.Builder(FLOW_COOKIE)
                .value(value)
                .path(FLOW_COOKIE_PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(request.isSecure())
                // Lax, not Strict: it must come along on the provider's (cross-site) redirect back.
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private Response notSetUp() {
        return Problem.in(headers, "not-found", NOT_FOUND,
                new Text("Hittades inte", "Not found"),
                new Text("Inloggning med e-legitimation (OpenID Connect) är inte inställd; ange klassrum.guardian.oidc.issuer.",
                        "Sign-in through an identity provider (OpenID Connect) is not set up; set klassrum.guardian.oidc.issuer."))
                .response();
    }
}
