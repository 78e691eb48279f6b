package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.klassrum.access.api.Slice;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.roster.boundary.RosterDirectory.SchoolView;

/** The caller's organisation: its schools and the caller's own groups. */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roster", description = "Schools and groups of the caller's organisation")
@APIResponse(responseCode = "400", description = "A parameter or body field is invalid",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                examples = @ExampleObject(name = "400", value = ProblemExamples.INVALID)))
@APIResponse(responseCode = "401", description = "No token, or one whose person Klassrum does not know",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                examples = @ExampleObject(name = "401", value = ProblemExamples.NOT_SIGNED_IN)))
@APIResponse(responseCode = "403", description = "A prerequisite is missing (each one listed), or the token is for another tenant (SAME_TENANT)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                examples = @ExampleObject(name = "403", value = ProblemExamples.DENIED)))
@APIResponse(responseCode = "404", description = "No such student, group or item for the caller (also when in another tenant)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                examples = @ExampleObject(name = "404", value = ProblemExamples.NOT_FOUND)))
@APIResponse(responseCode = "409", description = "The domain refuses the change",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                examples = @ExampleObject(name = "409", value = ProblemExamples.REFUSED)))
public class RosterResource {

    @Inject
    RosterDirectory directory;

    @GET
    @Path("schools")
    @Operation(summary = "The schools of the caller's organisation, by name, a page at a time")
    public Slice<SchoolView> schools(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("cursor") String cursor) {
        return directory.schools(Params.page(limit, cursor));
    }

    @GET
    @Path("me/groups")
    @Operation(summary = "The groups the caller is an active owner or member of, by name")
    public Slice<GroupView> myGroups(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("cursor") String cursor) {
        return directory.myGroups(Params.page(limit, cursor));
    }
}
