package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.klassrum.access.audit.AuditEntry;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.access.api.Cursors;
import se.klassrum.roster.boundary.ProtectedActors;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.roster.boundary.GroupSyllabi;
import se.klassrum.roster.boundary.StudentProfiles;
import se.klassrum.teaching.boundary.Assessments;
import se.klassrum.teaching.boundary.DevelopmentTalks;
import se.klassrum.teaching.boundary.Views.AssessmentView;
import se.klassrum.teaching.boundary.Views.DevelopmentTalkView;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Students: a profile behind the access rules, and the audit extract of who saw what about a student. */
@Path("v1/students")
@RequestScoped
@Tag(name = "Students", description = "Profiles, assessments (omdömen), development talks (utvecklingssamtal) and the audit extract")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = "InvalidInput")
@APIResponse(responseCode = "401", ref = "NotSignedIn")
@APIResponse(responseCode = "403", ref = "AccessDenied")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "409", ref = "Refused")
public class StudentsResource {

    private static final int MAX_AUDIT_ENTRIES = 500;

    @Inject
    ProtectedActors protectedActors;

    @Inject
    StudentProfiles profiles;

    @Inject
    GroupSyllabi groupSyllabi;

    @Inject
    AuditLog audit;

    @Inject
    Administrators administrators;

    @Inject
    Assessments assessments;

    @Inject
    DevelopmentTalks talks;

    @GET
    @Path("{id}")
    @Operation(summary = "A student's profile: name, contact and current groups")
    @APIResponse(responseCode = "200", description = "The student's profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StudentProfile.class)))
    public StudentProfile profile(@PathParam("id") String id) {
        return profiles.profile(Params.uuid("id", id));
    }

    @GET
    @Path("{id}/assessments")
    @Operation(summary = "The student's assessments (omdömen) that the caller may see, one decision per syllabus")
    @APIResponse(responseCode = "200", description = "A page of the assessments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.PageOfAssessmentView.class)))
    public Slice<AssessmentView> assessments(@PathParam("id") String id,
                                             @QueryParam("limit") @DefaultValue("20") int limit,
                                             @QueryParam("cursor") String cursor) {
        return assessments.ofStudent(Params.uuid("id", id), Params.page(limit, cursor));
    }

    @PUT
    @Path("{id}/assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets or revises the student's assessment in the syllabus of the given teaching group")
    @APIResponse(responseCode = "200", description = "The assessment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    public AssessmentView assess(@PathParam("id") String id, @Valid @NotNull Requests.AssessmentRequest request) {
        UUID syllabus = groupSyllabi.syllabusOf(request.group())
                .orElseThrow(() -> new InvalidInputException("group", "Gruppen har ingen kursplan", "The group has no syllabus"));
        return assessments.assess(Params.uuid("id", id), syllabus, request.group(), request.grade(), request.comment(),
                request.publish());
    }

    @GET
    @Path("{id}/development-talks")
    @Operation(summary = "The student's development talks (utvecklingssamtal) that the caller may read")
    @APIResponse(responseCode = "200", description = "A page of the development talks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.PageOfDevelopmentTalkView.class)))
    public Slice<DevelopmentTalkView> developmentTalks(@PathParam("id") String id,
                                                       @QueryParam("limit") @DefaultValue("20") int limit,
                                                       @QueryParam("cursor") String cursor) {
        return talks.ofStudent(Params.uuid("id", id), Params.page(limit, cursor));
    }

    @GET
    @Path("{id}/development-talks/{talk}")
    @Operation(summary = "One of the student's development talks, when the caller may read it",
            description = "A guardian reads only the talks that invite them (guardianIds). A talk the caller may not "
                    + "read is answered 404 exactly like a talk that does not exist; /access/explain with the talk "
                    + "tells why.")
    @APIResponse(responseCode = "200", description = "The talk",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DevelopmentTalkView.class)))
    @APIResponse(responseCode = "404", description = "No such talk of the student's, or one the caller may not read")
    public DevelopmentTalkView developmentTalk(@PathParam("id") String id, @PathParam("talk") String talk) {
        return talks.byId(Params.uuid("id", id), Params.uuid("talk", talk)).stream().findFirst()
                .orElseThrow(StudentDataNotFoundException::new);
    }

    @POST
    @Path("{id}/development-talks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Records or books a development talk held in the student's mentor group (the mentor)",
            description = "The talk invites the guardians given in 'guardians'; left out, it invites every guardian with "
                    + "an active link today. Only invited guardians read the talk.")
    @APIResponse(responseCode = "201", description = "The talk",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DevelopmentTalkView.class)))
    public Response recordDevelopmentTalk(@PathParam("id") String id, @Valid @NotNull Requests.DevelopmentTalkRequest request) {
        DevelopmentTalkView talk = talks.record(request.group(), Params.uuid("id", id), request.heldOn(),
                request.guardians(), request.notes(), request.agreedGoals());
        return Response.status(Response.Status.CREATED).entity(talk).build();
    }

    /**
     * Who asked about this student's data, when, what kind and with what outcome — never the data. For the
     * school's administrators; also serves a data subject's request for an extract.
     */
    @GET
    @Path("{id}/audit")
    @Operation(summary = "Who asked about the student's data, when, what kind and the outcome (school administrators)")
    @APIResponse(responseCode = "200", description = "A page of the audit extract",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.AuditExtract.class)))
    public String audit(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit,
                        @QueryParam("cursor") String cursor) {
        UUID studentId = Params.uuid("id", id);
        if (limit < 1 || limit > MAX_AUDIT_ENTRIES) {
            throw new InvalidInputException("limit", "limit måste vara 1–" + MAX_AUDIT_ENTRIES,
                    "limit must be 1–" + MAX_AUDIT_ENTRIES);
        }
        UUID tenant = administrators.requireAdministratorOf(studentId);
        List<String> after = Params.page(1, cursor).after(1);
        Long beforeSeq;
        try {
            beforeSeq = after == null ? null : Long.valueOf(after.get(0));
        } catch (NumberFormatException notOurs) {
            throw new Page.InvalidCursorException();
        }
        List<AuditEntry> entries = audit.forStudent(tenant.toString(), studentId.toString(), beforeSeq, limit + 1);
        boolean more = entries.size() > limit;
        if (more) {
            entries = entries.subList(0, limit);
        }
        Set<String> masked = protectedActors.among(entries.stream().map(AuditEntry::actorId).toList());
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (AuditEntry entry : entries) {
            String actor = entry.actorId() == null ? "" : masked.contains(entry.actorId()) ? ProtectedActors.MASK
                    : entry.actorId();
            rows.add(Json.createObjectBuilder()
                    .add("seq", entry.seq())
                    .add("occurredAt", entry.occurredAt().toInstant().toString())
                    .add("purpose", entry.purpose())
                    .add("actorKind", entry.actorKind())
                    .add("actor", actor)
                    .add("kind", entry.dataKind())
                    .add("operation", entry.operation())
                    .add("decision", entry.decision())
                    .add("failingCodes", entry.failingCodes())
                    .add("requestId", entry.requestId()));
        }
        var json = Json.createObjectBuilder().add("student", studentId.toString()).add("entries", rows);
        if (more) {
            json.add("nextCursor", Cursors.seal(List.of(Long.toString(entries.get(entries.size() - 1).seq()))));
        }
        return json.build().toString();
    }
}
