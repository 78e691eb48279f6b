package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.klassrum.roster.boundary.SchoolYearBreaks;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakChangesPage;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakOutcome;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakPlanView;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakPreview;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakProposal;
import se.klassrum.roster.control.BreakPlans.ChangeKind;
import se.klassrum.roster.entity.SchoolYear;

/**
 * The school-year break (läsårsbryt) as one planned change (TRANSITIONS.md, R1–R3), for school administrators: the
 * organisation's one open plan, staged a change at a time; its access impact as the rules decide it; apply in one
 * transaction; undo on the same day.
 */
@Path("v1/school-year-break")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "School-year break", description = "Läsårsbryt: next year's group changes planned, previewed, applied and undone")
@APIResponse(responseCode = "400", ref = "InvalidInput")
@APIResponse(responseCode = "401", ref = "NotSignedIn")
@APIResponse(responseCode = "403", ref = "AccessDenied")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "409", ref = "Refused")
public class SchoolYearBreakResource {

    @Inject
    SchoolYearBreaks breaks;

    @GET
    @Path("plan")
    @Operation(summary = "The organisation's open plan with its changes (404 BREAK_NO_PLAN when there is none)")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakPlanView.class)))
    public BreakPlanView plan() {
        return breaks.plan();
    }

    @GET
    @Path("plan/changes")
    @Operation(summary = "A page of the open plan's changes, in the order staged, filtered by kind, school and group name "
            + "(404 BREAK_NO_PLAN when there is no open plan)",
            description = "For a plan too large to read at once (a plan proposed from the register for a municipality "
                    + "holds tens of thousands of changes): total is every change of the plan, matching those the "
                    + "filters keep; schools and kinds count the whole plan's changes per school and per kind.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakChangesPage.class)))
    public BreakChangesPage changes(
            @QueryParam("offset") @DefaultValue("0") @Parameter(description = "how many matching changes to skip") int offset,
            @QueryParam("limit") @DefaultValue("100") @Parameter(description = "at most this many changes, 1–"
                    + SchoolYearBreaks.MAX_CHANGES_PAGE) int limit,
            @QueryParam("kind") @Parameter(description = "only changes of this kind: ARCHIVE, CONNECT, ADD_OWNER or "
                    + "REMOVE_OWNER") String kind,
            @QueryParam("school") @Parameter(description = "only changes of groups of this school") String school,
            @QueryParam("q") @Parameter(description = "only changes of groups whose name contains this, case aside")
            String q) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset får inte vara negativt", "offset must not be negative");
        }
        if (limit < 1 || limit > SchoolYearBreaks.MAX_CHANGES_PAGE) {
            int max = SchoolYearBreaks.MAX_CHANGES_PAGE;
            throw new InvalidInputException("limit", "limit måste vara 1–" + max, "limit must be 1–" + max);
        }
        return breaks.planPage(kind == null || kind.isBlank() ? null : Params.oneOf("kind", ChangeKind.class, kind),
                Params.optionalUuid("school", school), q, offset, limit);
    }

    @POST
    @Path("plan/changes")
    @Operation(summary = "Stages a change in the open plan, which is begun if there is none; nothing of the roster changes",
            description = "The caller administers the group's school. The same change staged again is kept once; a group "
                    + "is not both archived and connected (400 BREAK_CHANGE_CONFLICT), an archived group is not connected "
                    + "(400 GROUP_ARCHIVED).")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakPlanView.class)))
    public BreakPlanView stage(@Valid @NotNull Requests.BreakChangeRequest request) {
        return breaks.stage(request.kind(), request.group(), request.person());
    }

    @POST
    @Path("plan/from-register")
    @Operation(summary = "Stages in the open plan what the register's data implies for the coming school year, at the "
            + "schools the caller administers; nothing of the roster changes",
            description = "Archives every connected, not archived group of an earlier school year than the coming one, "
                    + "and connects every group of the coming school year that is not connected and has a member whose "
                    + "membership has not ended (imports bring the register's groups unconnected, with their teachers and "
                    + "mentors as owners). Only groups of the schools the caller administers. A group that already has an "
                    + "archive or connect change in the plan keeps it: proposing again adds nothing, and changes staged by "
                    + "hand stay. Owners are not changed: the register's owners come with the groups.")
    @APIResponse(responseCode = "200", description = "The plan and how many changes were added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakProposal.class)))
    public BreakProposal fromRegister(@QueryParam("schoolYear") @Parameter(description = "the coming school year, "
            + "\"2027/28\"; by default the one that starts on the next 1 July") String schoolYear) {
        return breaks.proposeFromRegister(schoolYear == null || schoolYear.isBlank() ? null : SchoolYear.parse(schoolYear));
    }

    @DELETE
    @Path("plan/changes/{seq}")
    @Operation(summary = "Takes a staged change out of the open plan")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakPlanView.class)))
    public BreakPlanView unstage(@PathParam("seq") int seq) {
        return breaks.unstage(seq);
    }

    @DELETE
    @Path("plan")
    @Operation(summary = "Drops the open plan; nothing of the roster changes")
    @APIResponse(responseCode = "204", description = "Dropped")
    public Response discard() {
        breaks.discard();
        return Response.noContent().build();
    }

    @POST
    @Path("plan/preview")
    @Operation(summary = "The open plan's access impact, decided by the access rules on the facts as they are and as the "
            + "plan would leave them",
            description = "Per school: how many people gain and lose each kind of access, to how many students; warnings "
                    + "(a student without a teacher who may assess them, a mentor group without a mentor, a protected "
                    + "student visible to someone new). Who gains and loses what only for a school the caller administers "
                    + "(school); a protected student is named only to an administrator with a path to the student's "
                    + "profile. What the preview saw is kept: apply refuses the plan if it has changed since.")
    @APIResponse(responseCode = "200", description = "The impact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakPreview.class)))
    public BreakPreview preview(@QueryParam("school") @Parameter(description = "a school the caller administers: who gains "
            + "and loses what there") String school) {
        return breaks.preview(Params.optionalUuid("school", school));
    }

    @POST
    @Path("plan/apply")
    @Operation(summary = "Applies every change of the open plan in one transaction, all or nothing",
            description = "The caller administers every school the plan changes. Refused (409) before a preview "
                    + "(BREAK_NOT_PREVIEWED) and when the plan or its groups changed since (BREAK_BASE_CHANGED: preview "
                    + "again). Audited.")
    @APIResponse(responseCode = "200", description = "What was changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakOutcome.class)))
    public BreakOutcome apply() {
        return breaks.apply();
    }

    @POST
    @Path("undo")
    @Operation(summary = "Undoes the last applied plan, on the day it was applied: every group and membership it changed "
            + "as before",
            description = "409 BREAK_UNDO_EXPIRED on a later day, BREAK_NOTHING_TO_UNDO without an applied plan. Audited.")
    @APIResponse(responseCode = "200", description = "The plan, now undone",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakOutcome.class)))
    public BreakOutcome undo() {
        return breaks.undo();
    }
}
