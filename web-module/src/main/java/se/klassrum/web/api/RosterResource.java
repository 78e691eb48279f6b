package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import se.klassrum.teaching.boundary.WorkOverviews;
import se.klassrum.teaching.boundary.WorkOverviews.HandInToReview;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
@APIResponse(responseCode = "400", ref = "InvalidInput")
@APIResponse(responseCode = "401", ref = "NotSignedIn")
@APIResponse(responseCode = "403", ref = "AccessDenied")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "409", ref = "Refused")
public class RosterResource {

    @Inject
    WorkOverviews work;

    @Inject
    RosterDirectory directory;

    @GET
    @Path("schools")
    @Operation(summary = "The schools of the caller's organisation, by name, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of the schools",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.PageOfSchoolView.class)))
    public Slice<SchoolView> schools(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("cursor") String cursor) {
        return directory.schools(Params.page(limit, cursor));
    }

    @GET
    @Path("me/groups")
    @Operation(summary = "The groups the caller is an active owner or member of, by name")
    @APIResponse(responseCode = "200", description = "A page of the caller's groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.PageOfGroupView.class)))
    public Slice<GroupView> myGroups(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("cursor") String cursor) {
        return directory.myGroups(Params.page(limit, cursor));
    }

    @GET
    @Path("me/to-review")
    @Operation(summary = "Att rätta: the hand-ins waiting for the caller's feedback in the groups they own, oldest first")
    @APIResponse(responseCode = "200", description = "A page of the hand-ins",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.PageOfHandInToReview.class)))
    public Slice<HandInToReview> toReview(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("cursor") String cursor) {
        return work.toReview(Params.page(limit, cursor));
    }
}
