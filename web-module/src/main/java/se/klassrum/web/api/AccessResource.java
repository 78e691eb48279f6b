package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.Operation;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.boundary.AccessExplanations;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.web.audit.AuditCsv;
import se.klassrum.web.audit.AuditSentences;
import se.klassrum.web.audit.OrganisationLog;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import java.util.List;
import java.util.Locale;

import java.util.UUID;

/**
 * The explanation of access decisions ("why can't I see this student?") and the verification of the
 * audit log's hash chain.
 */
@Path("v1/access")
@Tag(name = "Access", description = "Explanations of access decisions and the audit log's verification")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = "InvalidInput")
@APIResponse(responseCode = "401", ref = "NotSignedIn")
@APIResponse(responseCode = "403", ref = "AccessDenied")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "409", ref = "Refused")
public class AccessResource {

    @Inject
    AccessExplanations explanations;

    @Inject
    se.klassrum.roster.boundary.RosterDirectory roster;

    @Inject
    AuditLog audit;

    @Inject
    Administrators administrators;

    @Inject
    OrganisationLog organisationLog;

    @Context
    HttpHeaders headers;

    /**
     * May {@code person} do {@code operation} on {@code kind} of {@code student}, and which prerequisites
     * hold on each path? For assessments, {@code syllabus} names the assessment's syllabus and
     * {@code published} whether it is published, and {@code assessmentGroup} the group it was given in: then the
     * assessment is explained as reading it is decided, an earlier one (its group archived, disconnected or left)
     * through the history paths (rules S1 to S3); without it, as an assessment still to be set through a current
     * group. Posts, assignments, submissions and development talks name their {@code group}; a development talk may
     * name the {@code talk}, whose invitations a guardian needs.
     */
    @GET
    @Path("explain")
    @APIResponse(responseCode = "200", description = "The decision, with every path tried and each prerequisite",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.AccessExplanation.class)))
    public String explain(@QueryParam("person") String person,
                          @QueryParam("student") String student,
                          @QueryParam("kind") String kind,
                          @QueryParam("operation") @DefaultValue("READ") String operation,
                          @QueryParam("group") String group,
                          @QueryParam("syllabus") String syllabus,
                          @QueryParam("published") @DefaultValue("true") boolean published,
                          @Parameter(description = "the development talk asked about (kind DEVELOPMENT_TALK only)")
                          @QueryParam("talk") String talk,
                          @Parameter(description = "the group the assessment was given in (kind ASSESSMENT only): the "
                                  + "assessment is then explained as reading it is decided, an earlier one through the "
                                  + "history paths; without it, as an assessment to be set through a current group")
                          @QueryParam("assessmentGroup") String assessmentGroup) {
        DataKind dataKind = Params.oneOf("kind", DataKind.class, kind);
        UUID groupId = Params.optionalUuid("group", group);
        if (dataKind.groupLinked() && groupId == null) {
            throw new InvalidInputException("group", "group behövs för " + dataKind, "group is required for " + dataKind);
        }
        if (!dataKind.groupLinked() && groupId != null) {
            throw new InvalidInputException("group", "group hör inte till " + dataKind, "group does not apply to " + dataKind);
        }
        UUID assessmentGroupId = Params.optionalUuid("assessmentGroup", assessmentGroup);
        if (assessmentGroupId != null && dataKind != DataKind.ASSESSMENT) {
            throw new InvalidInputException("assessmentGroup", "assessmentGroup hör inte till " + dataKind,
                    "assessmentGroup does not apply to " + dataKind);
        }
        ItemFacts item = null;
        if (dataKind == DataKind.ASSESSMENT) {
            UUID syllabusId = Params.uuid("syllabus", syllabus);
            item = assessmentGroupId == null ? ItemFacts.assessment(syllabusId, published)
                    : ItemFacts.assessment(syllabusId, se.klassrum.web.pages.ExplainPage.subjectOf(roster, syllabusId),
                            assessmentGroupId, published);
        } else if (dataKind == DataKind.ASSIGNMENT) {
            item = ItemFacts.publication(published);
        }
        UUID talkId = Params.optionalUuid("talk", talk);
        if (talkId != null && dataKind != DataKind.DEVELOPMENT_TALK) {
            throw new InvalidInputException("talk", "talk hör inte till " + dataKind, "talk does not apply to " + dataKind);
        }
        if (talkId != null) {
            item = ItemFacts.talk(talkId);
        }
        Decision decision = explanations.explain(Params.uuid("person", person), Params.uuid("student", student),
                dataKind, Params.oneOf("operation", Operation.class, operation), groupId, item);
        return DecisionJson.explanation(decision, Language.of(headers)).build().toString();
    }

    /**
     * The audit log of the schools the caller administers, across their students: who asked about which students'
     * data, when, what kind and with what outcome.
     */
    @GET
    @Path("audit")
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The audit log of the schools the caller administers, across their students (school administrators)",
            description = "Newest first, a page at a time. Each entry names the students it concerns whom the caller "
                    + "administers (a role at one of the caller's schools today; a protected student only with a path to "
                    + "the student's profile, a check that is itself audited); an entry about none of them is left out. "
                    + "A list decided in one step is one entry per outcome, naming its students. The filters narrow as "
                    + "a student's log does: actor, kind, from and to (days, inclusive, Swedish time) and outcome. A page "
                    + "may hold fewer entries than limit and still have a next cursor when much of the log concerns "
                    + "other schools.")
    @APIResponse(responseCode = "200", description = "A page of the log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.OrganisationAuditLog.class)))
    public String organisationLog(@QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("cursor") String cursor,
                                  @QueryParam("actor") String actor, @QueryParam("kind") String kind,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("outcome") String outcome) {
        if (limit < 1 || limit > OrganisationLog.MAX_PAGE) {
            throw new InvalidInputException("limit", "limit måste vara 1–" + OrganisationLog.MAX_PAGE,
                    "limit must be 1–" + OrganisationLog.MAX_PAGE);
        }
        OrganisationLog.Result page = organisationLog.page(AuditJson.filter(actor, kind, from, to, outcome), cursor, limit,
                Language.of(headers));
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (OrganisationLog.Line line : page.lines()) {
            JsonArrayBuilder students = Json.createArrayBuilder();
            for (OrganisationLog.Student student : line.students()) {
                JsonObjectBuilder one = Json.createObjectBuilder().add("id", student.id().toString());
                if (student.name() != null) {
                    one.add("name", student.name());
                }
                students.add(one);
            }
            entries.add(AuditJson.row(line.row()).add("students", students));
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("entries", entries);
        if (page.nextCursor() != null) {
            json.add("nextCursor", page.nextCursor());
        }
        return json.build().toString();
    }

    /** The same log, filtered the same way, whole (at most {@value OrganisationLog#MAX_EXPORT} entries), as CSV. */
    @GET
    @Path("audit.csv")
    @Produces(AuditCsv.MEDIA_TYPE)
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The audit log of the schools the caller administers "
            + "as CSV (school administrators)", description = "Every entry the filters keep, newest first, at most 50 000: "
            + "as a student's log's CSV, with two more columns naming the students each entry concerns.")
    @APIResponse(responseCode = "200", description = "The log as CSV",
            content = @Content(mediaType = AuditCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response organisationLogCsv(@QueryParam("actor") String actor, @QueryParam("kind") String kind,
                                       @QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("outcome") String outcome) {
        Locale locale = Language.of(headers);
        List<OrganisationLog.Line> lines = organisationLog.all(AuditJson.filter(actor, kind, from, to, outcome), locale);
        StreamingOutput body = out -> AuditCsv.writeLines(lines, new AuditSentences(locale), out);
        return Response.ok(body, AuditCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + AuditCsv.SCHOOLS_FILE_NAME + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Checks the caller's tenant's audit chain and names the first broken link, if any. */
    @GET
    @Path("audit/verify")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact, and its first broken link if not",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.AuditChainVerification.class)))
    public String verifyAuditLog() {
        UUID tenant = administrators.requireAdministrator(Administrators.AUDIT_PERMISSION);
        var result = audit.verify(tenant.toString());
        var json = jakarta.json.Json.createObjectBuilder()
                .add("tenant", result.tenantId())
                .add("intact", result.intact())
                .add("entriesChecked", result.entriesChecked());
        if (!result.intact()) {
            if (result.chain() != null) {
                json.add("chain", result.chain());
            }
            json.add("firstBrokenSeq", result.firstBrokenSeq()).add("reason", result.reason());
        }
        return json.build().toString();
    }
}
