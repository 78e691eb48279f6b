package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import se.klassrum.access.audit.AuditFilter;
import se.klassrum.roster.boundary.StudentSearch;
import se.klassrum.guardian.boundary.GuardianDirectory;
import se.klassrum.web.audit.AuditCsv;
import se.klassrum.web.audit.AuditExtract;
import se.klassrum.web.audit.DataSubjectFile;
import se.klassrum.web.audit.AuditSentences;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.roster.boundary.GroupSyllabi;
import se.klassrum.roster.boundary.StudentProfiles;
import se.klassrum.teaching.boundary.Assessments;
import se.klassrum.teaching.boundary.DevelopmentOverviews;
import se.klassrum.teaching.boundary.DevelopmentOverviews.DevelopmentOverview;
import se.klassrum.teaching.boundary.DevelopmentTalks;
import se.klassrum.teaching.boundary.Views.AssessmentView;
import se.klassrum.teaching.boundary.Views.DevelopmentTalkView;
import se.klassrum.teaching.boundary.WorkOverviews;
import se.klassrum.teaching.boundary.WorkOverviews.WorkItem;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Students: a profile behind the access rules, the audit extract of who saw what about a student, and a search by
 * name for the administrators who must name one.
 */
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

    @Inject
    StudentProfiles profiles;

    @Inject
    GroupSyllabi groupSyllabi;

    @Inject
    AuditExtract extract;

    @Inject
    StudentSearch search;

    @Inject
    Assessments assessments;

    @Inject
    DevelopmentTalks talks;

    @Inject
    WorkOverviews work;

    @Inject
    DataSubjectFile dataSubjectFile;

    @Inject
    DevelopmentOverviews overviews;

    @Inject
    GuardianDirectory guardianDirectory;

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
    @Path("{id}/work")
    @Operation(summary = "Att göra: the published assignments of the student's current groups by due time, each with "
            + "where the student's work stands (NOT_SUBMITTED, DRAFT for the student only, SUBMITTED, LATE, RETURNED, "
            + "COMPLETION_REQUESTED), as far as the caller may see it")
    @APIResponse(responseCode = "200", description = "A page of the assignments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.PageOfWorkItem.class)))
    public Slice<WorkItem> work(@PathParam("id") String id,
                                @Parameter(description = "leave out assignments due before this time (ISO 8601, e.g. 2026-11-01T00:00:00Z)")
                                @QueryParam("dueFrom") String dueFrom,
                                @QueryParam("limit") @DefaultValue("20") int limit,
                                @QueryParam("cursor") String cursor) {
        return work.workOf(Params.uuid("id", id), Params.optionalTime("dueFrom", dueFrom), Params.page(limit, cursor));
    }

    @GET
    @Path("{id}/overview")
    @Operation(summary = "The development overview (utvecklingsöversikt): the student's assessed work by group, also "
            + "from archived groups and groups the student has left",
            description = "Assessed work is a published assignment's hand-in returned with the teacher's feedback. The "
                    + "student, a guardian with an active link and login, and the student's active mentor (earlier "
                    + "groups at the mentor's school only) see it; the items are decided as one list and audited once. "
                    + "To anyone else, and when the caller sees nothing and is not the student, the answer is the one "
                    + "for a student that does not exist. Published assessments are at /students/{id}/assessments.")
    @APIResponse(responseCode = "200", description = "The overview, the latest school year first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DevelopmentOverview.class)))
    public DevelopmentOverview overview(@PathParam("id") String id) {
        UUID studentId = Params.uuid("id", id);
        return overviews.overviewOf(studentId);
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
    @Operation(summary = "Who asked about the student's data, when, what kind and the outcome (school administrators)",
            description = "Newest first, a page at a time (the cursor continues this student's log only). Each entry "
                    + "also reads as a sentence with its outcome and a refusal's reasons, in the caller's language "
                    + "(Accept-Language). The filters narrow: actor (an id as the entries name it), kind, from and to "
                    + "(days, inclusive, Swedish time) and outcome (allowed or denied).")
    @APIResponse(responseCode = "200", description = "A page of the audit extract",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.AuditExtract.class)))
    public String audit(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit,
                        @QueryParam("cursor") String cursor, @QueryParam("actor") String actor,
                        @QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("outcome") String outcome, @Context HttpHeaders headers) {
        UUID studentId = Params.uuid("id", id);
        if (limit < 1 || limit > AuditExtract.MAX_PAGE) {
            throw new InvalidInputException("limit", "limit måste vara 1–" + AuditExtract.MAX_PAGE,
                    "limit must be 1–" + AuditExtract.MAX_PAGE);
        }
        AuditExtract.Result page = extract.page(studentId, filter(actor, kind, from, to, outcome), cursor, limit,
                Language.of(headers));
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (AuditExtract.Row row : page.rows()) {
            rows.add(AuditJson.row(row));
        }
        var json = Json.createObjectBuilder().add("student", studentId.toString());
        if (page.studentName() != null) {
            json.add("studentName", page.studentName());
        }
        json.add("entries", rows);
        if (page.nextCursor() != null) {
            json.add("nextCursor", page.nextCursor());
        }
        return json.build().toString();
    }

    /** The same log, filtered the same way, whole, as a CSV file for a spreadsheet. */
    @GET
    @Path("{id}/extract")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything Klassrum holds about the student and who asked about it, as one JSON file: the "
            + "answer to the student's request under GDPR article 15 (school administrators of the student's school; "
            + "audited)")
    @APIResponse(responseCode = "200", description = "The extract, as a file to keep",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnswerSchemas.DataSubjectExtract.class)))
    public Response extract(@PathParam("id") String id, @Context HttpHeaders headers) {
        UUID studentId = Params.uuid("id", id);
        JsonObject file = dataSubjectFile.of(studentId, Language.of(headers));
        return Response.ok(file.toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + DataSubjectFile.fileName(studentId) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("{id}/audit.csv")
    @Produces(AuditCsv.MEDIA_TYPE)
    @Operation(summary = "The student's audit log as CSV (school administrators)",
            description = "Every entry the filters keep, newest first: RFC 4180, UTF-8 with a byte order mark, every "
                    + "field quoted; headers, sentences and outcomes in the caller's language (Accept-Language).")
    @APIResponse(responseCode = "200", description = "The audit log as CSV",
            content = @Content(mediaType = AuditCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response auditCsv(@PathParam("id") String id, @QueryParam("actor") String actor, @QueryParam("kind") String kind,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("outcome") String outcome, @Context HttpHeaders headers) {
        UUID studentId = Params.uuid("id", id);
        Locale locale = Language.of(headers);
        AuditExtract.Result log = extract.all(studentId, filter(actor, kind, from, to, outcome), locale);
        StreamingOutput body = out -> AuditCsv.write(log.rows(), new AuditSentences(locale), out);
        return Response.ok(body, AuditCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + AuditCsv.fileName(studentId) + "\"")
                .build();
    }

    /**
     * Students by name at the schools the caller administers, for naming one (the audit log, explanations). A
     * student with a protected identity is found only by someone with a path to the student's profile.
     */
    @GET
    @Operation(summary = "Finds students by name at the schools the caller administers (school administrators)",
            description = "Every word of name must occur in the student's name. A student with a protected identity "
                    + "is found only by an administrator with a path to the student's profile (their mentor, say); "
                    + "that check is audited.")
    @APIResponse(responseCode = "200", description = "The students found, at most limit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.StudentMatches.class)))
    public String search(@QueryParam("name") String name, @QueryParam("limit") @DefaultValue("10") int limit) {
        if (name == null || name.strip().length() < StudentSearch.MIN_QUERY) {
            throw new InvalidInputException("name", "name behöver minst " + StudentSearch.MIN_QUERY + " tecken",
                    "name needs at least " + StudentSearch.MIN_QUERY + " characters");
        }
        if (limit < 1 || limit > StudentSearch.MAX_RESULTS) {
            throw new InvalidInputException("limit", "limit måste vara 1–" + StudentSearch.MAX_RESULTS,
                    "limit must be 1–" + StudentSearch.MAX_RESULTS);
        }
        return matches(search.find(name, limit));
    }

    /**
     * The students of the caller's schools whose birth date is unknown (TRANSITIONS.md, A3): their guardian links do not
     * end by themselves at 18. A student with a protected identity only as the name search finds one.
     */
    @GET
    @Path("without-birth-date")
    @Operation(summary = "The students of the schools the caller administers whose birth date is unknown (school administrators)",
            description = "Without a birth date nothing happens at 18: the guardian links stay as registered until the birth "
                    + "date is known. By family and given name, a page at a time. A student with a protected identity is "
                    + "listed only for an administrator with a path to the student's profile; that check is audited.")
    @APIResponse(responseCode = "200", description = "A page of the students",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.PageOfStudentMatch.class)))
    @APIResponse(responseCode = "403", description = "The caller is no school administrator")
    public String withoutBirthDate(@QueryParam("limit") @DefaultValue("100") int limit,
                                   @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Slice<StudentSearch.Match> page = search.withoutBirthDate(Params.page(limit, cursor));
        return matches(page.items(), page.nextCursor());
    }

    private static String matches(List<StudentSearch.Match> found) {
        return matches(found, null);
    }

    private static String matches(List<StudentSearch.Match> found, String nextCursor) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (StudentSearch.Match match : found) {
            items.add(Json.createObjectBuilder().add("id", match.id().toString()).add("name", match.name())
                    .add("schools", Json.createArrayBuilder(match.schools())));
        }
        var json = Json.createObjectBuilder().add("items", items);
        if (nextCursor != null) {
            json.add("nextCursor", nextCursor);
        }
        return json.build().toString();
    }

    /**
     * The student's guardians with their links and logins, so that an administrator who found the student by name
     * names a guardian, link or login without knowing its id beforehand.
     */
    @GET
    @Path("{id}/guardians")
    @Operation(summary = "The student's guardians with their links and logins (school administrators of the student's school)",
            description = "A protected student's guardians only for an administrator with a path to the student's profile; "
                    + "anyone else is answered as for a student that does not exist (404).")
    @APIResponse(responseCode = "200", description = "The guardians, by family and given name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.StudentGuardians.class)))
    public String guardians(@PathParam("id") String id) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (GuardianDirectory.Guardian guardian : guardianDirectory.guardiansOf(Params.uuid("id", id))) {
            JsonArrayBuilder logins = Json.createArrayBuilder();
            guardian.logins().forEach(login -> logins.add(Json.createObjectBuilder().add("id", login.id().toString())
                    .add("method", login.method().name()).add("subject", login.subject()).add("enabled", login.enabled())));
            var item = Json.createObjectBuilder().add("id", guardian.id().toString()).add("name", guardian.name())
                    .add("link", guardian.linkId().toString()).add("relation", guardian.relation().name())
                    .add("linkGivesAccess", guardian.linkGivesAccess());
            if (guardian.linkEnds() != null) {
                item.add("linkEnds", guardian.linkEnds().toString());
            }
            items.add(item.add("logins", logins));
        }
        return Json.createObjectBuilder().add("items", items).build().toString();
    }

    private static AuditFilter filter(String actor, String kind, String from, String to, String outcome) {
        return AuditJson.filter(actor, kind, from, to, outcome);
    }
}
