package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.roster.boundary.MicrosoftGroups;
import se.klassrum.roster.entity.GroupKind;

import java.util.UUID;

/**
 * Microsoft 365: a manual Microsoft Graph sync of the caller's organisation (also run by the schedule, when one is
 * set), and connecting a Microsoft group (Team) as a teaching or mentor group of a school. A sync's run is an import
 * run: {@code GET /api/v1/imports} lists it with its counts and problems.
 */
@Path("v1/microsoft")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft 365", description = "Microsoft Graph sync and connecting Microsoft groups")
@APIResponse(responseCode = "400", ref = "InvalidInput")
@APIResponse(responseCode = "401", ref = "NotSignedIn")
@APIResponse(responseCode = "403", ref = "AccessDenied")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "409", ref = "Refused")
@APIResponse(responseCode = "502", description = "Microsoft Graph failed or refused; the problem says why")
public class MicrosoftResource {

    @Inject
    MicrosoftGroups microsoft;

    @Inject
    Administrators administrators;

    @Inject
    CallerProvider caller;

    /** The Microsoft group to connect, at which school, as which kind of group. */
    public static class ConnectRequest {
        @NotBlank
        @Pattern(regexp = "[0-9A-Fa-f-]{36}", message = "a Microsoft group id (a GUID)")
        public String microsoftGroupId;
        @NotNull
        public UUID schoolId;
        @NotNull
        public GroupKind kind;
    }

    @POST
    @Path("sync")
    @Operation(summary = "Reads the owners and members of the connected Microsoft groups and the users' licences now")
    @APIResponse(responseCode = "201", description = "The sync's run, with its counts (FAILED with the reason)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.ImportRun.class)))
    public Response sync() {
        UUID tenant = administrators.requireAdministrator(Administrators.IMPORT_PERMISSION);
        return created(ImportsResource.json(microsoft.sync(tenant, actor())).toString());
    }

    @POST
    @Path("groups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connects a Microsoft group to a school (its administrators, or a teacher who owns the group)")
    @APIResponse(responseCode = "201", description = "The connected group, and the run that read its owners and members",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.ConnectedGroup.class)))
    public Response connect(@Valid @NotNull ConnectRequest request) {
        Actor actor = caller.currentActor().orElseThrow(() -> new NotSignedInException("Sign in to connect a group"));
        MicrosoftGroups.Connected connected = microsoft.connect(actor, request.schoolId, request.microsoftGroupId,
                request.kind);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("groupId", connected.groupId().toString())
                .add("created", connected.created())
                .add("run", ImportsResource.json(connected.run()));
        return created(json.build().toString());
    }

    private String actor() {
        return caller.currentActor().map(actor -> actor instanceof Actor.Person person ? person.personId().toString()
                : ((Actor.Application) actor).clientId()).orElseThrow();
    }

    private static Response created(String json) {
        return Response.status(Response.Status.CREATED).entity(json).type(MediaType.APPLICATION_JSON).build();
    }
}
