package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.klassrum.guardian.boundary.ClientAddresses;
import se.klassrum.guardian.boundary.CodeRequestAnswer;
import se.klassrum.guardian.boundary.GuardianAdministration;
import se.klassrum.guardian.boundary.GuardianAdministrationRefused;
import se.klassrum.guardian.boundary.GuardianLinkConsent;
import se.klassrum.guardian.boundary.LoginPolicy;
import se.klassrum.guardian.boundary.GuardianEmailLogin;
import se.klassrum.guardian.boundary.GuardianSessions;
import se.klassrum.guardian.boundary.GuardianView;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.web.api.Problem.Text;
import se.klassrum.web.security.GuardianCookies;
import se.klassrum.web.security.TokenCaller;

import java.time.LocalDate;
import java.util.List;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import se.klassrum.access.api.Slice;

import static jakarta.ws.rs.core.Response.Status.BAD_REQUEST;
import static jakarta.ws.rs.core.Response.Status.CONFLICT;
import static jakarta.ws.rs.core.Response.Status.TOO_MANY_REQUESTS;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;

/**
 * The guardian portal's sign-in by e-mail code, and the guardian's children. The children's posts,
 * assignments, assessments and development talks are the same endpoints as for everyone, with
 * {@code ?child=} for group content.
 */
@Path("v1/guardian")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Guardian portal", description = "Guardians' sign-in by e-mail code and their children")
public class GuardianResource {

    @Inject
    GuardianEmailLogin emailLogin;

    @Inject
    GuardianSessions sessions;

    @Inject
    GuardianView view;

    @Inject
    GuardianAdministration administration;

    @Inject
    ClientAddresses clients;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    public static class CodeRequest {
        @NotBlank
        @Size(max = 320)
        public String email;
    }

    public static class CodeVerification {
        @NotBlank
        @Size(max = 320)
        public String email;

        @NotBlank
        @Size(max = 20)
        public String code;
    }

    @POST
    @Path("sign-in/code")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sends a sign-in code to the address if it belongs to a guardian; the answer never says whether it does")
    @APIResponse(responseCode = "202", description = "If the address is a guardian's login, a code is on its way",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.CodeRequested.class)))
    @APIResponse(responseCode = "429", description = "This client has asked for too many codes; Retry-After says when to try again")
    public Response requestCode(@Valid @NotNull CodeRequest body) {
        CodeRequestAnswer answer = emailLogin.requestCode(body.email, clients.clientOf(request));
        boolean english = Language.english(Language.of(headers));
        return switch (answer.status()) {
            case SENT_IF_KNOWN -> Response.accepted(jakarta.json.Json.createObjectBuilder()
                    .add("message", english ? answer.messageEn() : answer.messageSv())
                    .add("validForMinutes", answer.validFor().toMinutes()).build().toString()).build();
            case INVALID_ADDRESS -> Problem.in(headers, "invalid-input", BAD_REQUEST, new Text("Ogiltig indata", "Invalid input"),
                            new Text(answer.messageSv(), answer.messageEn()))
                    .with("field", "email").response();
            case TOO_MANY_REQUESTS -> Response.fromResponse(Problem.in(headers, "too-many-requests", TOO_MANY_REQUESTS,
                                    new Text("För många försök", "Too many requests"),
                                    new Text(answer.messageSv(), answer.messageEn())).response())
                    .header("Retry-After", Math.max(1, answer.retryAfter().toSeconds())).build();
        };
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signs a guardian in with the code; sets the session cookie")
    @APIResponse(responseCode = "204", description = "Signed in; the klassrum_guardian cookie carries the session")
    @APIResponse(responseCode = "401", description = "The code is wrong, used, expired or locked (which one is not said)")
    public Response signIn(@Valid @NotNull CodeVerification body) {
        return emailLogin.verify(body.email, body.code)
                .map(sessions::open)
                .map(session -> Response.noContent().cookie(GuardianCookies.session(session, request.isSecure())).build())
                .orElseGet(() -> Problem.in(headers, "not-signed-in", UNAUTHORIZED, new Text("Inte inloggad", "Not signed in"),
                        new Text("Koden stämmer inte eller gäller inte längre.", "The code is not right or no longer valid."))
                        .response());
    }

    @POST
    @Path("sign-out")
    @Operation(summary = "Ends the guardian's session")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response signOut(@CookieParam(TokenCaller.GUARDIAN_SESSION_COOKIE) String session) {
        sessions.close(session);
        return Response.noContent().cookie(GuardianCookies.ended()).build();
    }

    /** Both switches, always: a body that leaves one out must not switch it off. */
    public static class PolicyRequest {
        @NotNull
        public Boolean emailEnabled;
        @NotNull
        public Boolean idpEnabled;
    }

    @GET
    @Path("administration/policy")
    @Operation(summary = "Whether guardians of the caller's organisation may sign in by e-mail code and by identity provider")
    @APIResponse(responseCode = "200", description = "The organisation's guardian sign-in policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoginPolicy.class)))
    public LoginPolicy policy() {
        return administration.policy();
    }

    @PUT
    @Path("administration/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switches e-mail and identity-provider sign-in on or off for the organisation (school administrators)")
    @APIResponse(responseCode = "200", description = "The policy as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoginPolicy.class)))
    public LoginPolicy setPolicy(@Valid @NotNull PolicyRequest body) {
        return administration.setPolicy(body.emailEnabled, body.idpEnabled);
    }

    public static class LoginRequest {
        @NotNull
        public java.util.UUID guardian;

        @NotNull
        public GuardianLoginMethod method;

        @NotBlank
        @Size(max = 320)
        public String subject;
    }

    @POST
    @Path("administration/logins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Gives a guardian a login: method EMAIL with the address, or IDP with the provider's subject")
    @APIResponse(responseCode = "201", description = "The login's id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.CreatedId.class)))
    @APIResponse(responseCode = "409", description = "The person is not only a guardian (code NOT_A_GUARDIAN), or the login exists")
    public Response addLogin(@Valid @NotNull LoginRequest body) {
        java.util.UUID id;
        try {
            id = administration.addLogin(body.guardian, body.method, body.subject);
        } catch (GuardianAdministrationRefused refused) {
            return refusal(refused);
        }
        return Response.status(Response.Status.CREATED)
                .entity(jakarta.json.Json.createObjectBuilder().add("id", id.toString()).build().toString()).build();
    }

    @POST
    @Path("administration/logins/{login}/{switch: enable|disable}")
    @Operation(summary = "Switches one guardian login on or off (school administrators)")
    @APIResponse(responseCode = "204", description = "Done; switching off ends the login's open sessions at once")
    public Response setLogin(@PathParam("login") String login, @PathParam("switch") String onOrOff) {
        administration.setLoginEnabled(Params.uuid("login", login), "enable".equals(onOrOff));
        return Response.noContent().build();
    }

    /** The day the adult student consented, as the school records it. */
    public static class ConsentRequest {
        @NotNull
        public LocalDate consentDate;
    }

    @GET
    @Path("administration/adult-links")
    @Operation(summary = "The guardian links of the caller's schools' students who are 18 or older, with each student's consent "
            + "(school administrators)",
            description = "A link ends on the student's 18th birthday and continues only by the student's consent, which the "
                    + "school records. A page of students at a time (limit counts students), each with all their links, by "
                    + "student and guardian. A student with a protected identity is listed only for an administrator with a "
                    + "path to the student's profile; that check is audited.")
    @APIResponse(responseCode = "200", description = "A page of the links, by student and guardian",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnswerSchemas.PageOfGuardianLinkConsent.class)))
    @APIResponse(responseCode = "403", description = "The caller is no school administrator")
    public Slice<GuardianLinkConsent> adultLinks(@QueryParam("limit") @DefaultValue("100") int limit,
                                                 @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page")
                                                 String cursor) {
        return administration.adultStudentsLinks(Params.page(limit, cursor));
    }

    @POST
    @Path("administration/links/{link}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Records an adult student's consent that the guardian of the link keeps access (school administrators; "
            + "audited)")
    @APIResponse(responseCode = "201", description = "Recorded; the link continues after majority, written to the student's audit log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GuardianLinkConsent.class)))
    @APIResponse(responseCode = "400", description = "The consent date is missing, or before the 18th birthday or after today "
            + "(code CONSENT_DATE_INVALID)")
    @APIResponse(responseCode = "404", description = "No such link at a school the caller administers")
    @APIResponse(responseCode = "409", description = "Refused, with its code: CONSENT_BEFORE_MAJORITY, CONSENT_BIRTH_DATE_UNKNOWN, "
            + "CONSENT_LINK_NOT_ACTIVE, CONSENT_WITHDRAWN (no later consent revives the link) or CONSENT_ALREADY_RECORDED")
    public Response recordConsent(@PathParam("link") String link, @Valid @NotNull ConsentRequest body) {
        GuardianLinkConsent recorded = administration.recordConsent(Params.uuid("link", link), body.consentDate);
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }

    @DELETE
    @Path("administration/links/{link}/consent")
    @Operation(summary = "Withdraws the student's consent: the link ends at once and for good (school administrators; audited)")
    @APIResponse(responseCode = "200", description = "Withdrawn; written to the student's audit log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GuardianLinkConsent.class)))
    @APIResponse(responseCode = "404", description = "No such link at a school the caller administers")
    @APIResponse(responseCode = "409", description = "No consent is recorded (code NO_CONSENT), or it is withdrawn already "
            + "(code CONSENT_WITHDRAWN)")
    public GuardianLinkConsent withdrawConsent(@PathParam("link") String link) {
        return administration.withdrawConsent(Params.uuid("link", link));
    }

    private Response refusal(GuardianAdministrationRefused refused) {
        return Problem.in(headers, "refused", CONFLICT, new Text("Inte möjligt", "Not possible"),
                        new Text(refused.messageSv(), refused.messageEn()))
                .with("code", refused.reason().name())
                .response();
    }

    @GET
    @Path("children")
    @Operation(summary = "The caller's children whom the access rules let them see (active link, login, child at a school)")
    @APIResponse(responseCode = "200", description = "The children's profiles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = StudentProfile.class)))
    public List<StudentProfile> children() {
        return view.children();
    }
}
