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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.klassrum.access.api.Slice;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.roster.boundary.StudentProfiles;
import se.klassrum.teaching.boundary.AssessmentGrids;
import se.klassrum.teaching.boundary.Assignments;
import se.klassrum.teaching.boundary.Attachments;
import se.klassrum.teaching.boundary.Posts;
import se.klassrum.teaching.boundary.Views.AssignmentView;
import se.klassrum.teaching.boundary.Views.FileView;
import se.klassrum.teaching.boundary.Views.PostView;
import se.klassrum.teaching.boundary.Views.SubmissionView;
import se.klassrum.teaching.control.Uploads;

import java.util.List;
import java.util.UUID;

/** A group's members, posts, assignments and submissions, each behind the access rules. */
@Path("v1/groups/{group}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "Members, posts (inlägg), assignments (uppgifter) and submissions (inlämningar) of a group")
@APIResponse(responseCode = "400", ref = "InvalidInput")
@APIResponse(responseCode = "401", ref = "NotSignedIn")
@APIResponse(responseCode = "403", ref = "AccessDenied")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "409", ref = "Refused")
public class GroupsResource {

    private static final String CHILD = "For a guardian: the child to read for";
    private static final String UPLOAD = "multipart/form-data with one or more parts named file. Each file is at most "
            + "KLASSRUM_FILES_MAX_BYTES (413 otherwise) and of a type in KLASSRUM_FILES_TYPES as its bytes show it, "
            + "whatever the client says (415 otherwise). Nothing is kept of a refused upload.";
    private static final String DOWNLOAD = "Decided as a read of the content the file belongs to, and audited so. An "
            + "unknown file, another organisation's and one the caller may not read all answer the same 404. Sent as an "
            + "attachment (filename* of RFC 6266) with X-Content-Type-Options: nosniff, Cache-Control: no-store and a "
            + "sandboxing Content-Security-Policy.";
    private static final String INLINE = "true shows a PDF or image in the browser (Content-Disposition: inline); "
            + "other types are always downloaded";

    @Inject
    StudentProfiles profiles;

    @Inject
    RosterDirectory directory;

    @Inject
    Posts posts;

    @Inject
    AssessmentGrids grids;

    @Inject
    Assignments assignments;

    @Inject
    Attachments attachments;

    @Inject
    Uploads uploads;

    @PathParam("group")
    String group;

    @GET
    @Operation(summary = "The group's particulars: name, school, kind, school year, syllabus, connected, archived")
    @APIResponse(responseCode = "200", description = "The group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RosterDirectory.GroupView.class)))
    public RosterDirectory.GroupView group() {
        return directory.group(Params.uuid("group", group));
    }

    @GET
    @Path("members")
    @Operation(summary = "The group's active members that the caller may see, by name, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of the members",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.PageOfStudentProfile.class)))
    public Slice<StudentProfile> members(@QueryParam("limit") @DefaultValue("20") int limit,
                                         @QueryParam("cursor") String cursor) {
        return profiles.membersOf(Params.uuid("group", group), Params.page(limit, cursor));
    }

    @GET
    @Path("posts")
    @Operation(summary = "The group's posts, newest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of the posts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.PageOfPostView.class)))
    public Slice<PostView> posts(@QueryParam("limit") @DefaultValue("20") int limit,
                                 @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                                 @QueryParam("child") @Parameter(description = CHILD) String child) {
        return posts.inGroup(Params.uuid("group", group), Params.optionalUuid("child", child), Params.page(limit, cursor));
    }

    @POST
    @Path("posts")
    @Operation(summary = "Writes a post to the group (its teachers and mentors)")
    @APIResponse(responseCode = "201", description = "The post, with its sanitised body",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    public Response writePost(@Valid @NotNull Requests.PostRequest request) {
        return Response.status(Response.Status.CREATED).entity(posts.write(Params.uuid("group", group), request.body())).build();
    }

    @PUT
    @Path("posts/{post}")
    @Operation(summary = "Corrects a post (the group's teachers and mentors); it then shows editedAt")
    @APIResponse(responseCode = "200", description = "The post, with its sanitised body",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    public PostView editPost(@PathParam("post") String post, @Valid @NotNull Requests.PostRequest request) {
        return posts.edit(Params.uuid("group", group), Params.uuid("post", post), request.body());
    }

    @DELETE
    @Path("posts/{post}")
    @Operation(summary = "Deletes a post (the group's teachers and mentors)",
            description = "The post stays as a tombstone: readers get it with deleted and deletedAt and without its body; "
                    + "who deleted it is kept with it, and the decision is in the audit log.")
    @APIResponse(responseCode = "200", description = "The tombstone",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    public PostView deletePost(@PathParam("post") String post) {
        return posts.delete(Params.uuid("group", group), Params.uuid("post", post));
    }

    @GET
    @Path("assignments")
    @Operation(summary = "The group's assignments by due time; drafts only for its teachers")
    @APIResponse(responseCode = "200", description = "A page of the assignments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.PageOfAssignmentView.class)))
    public Slice<AssignmentView> assignments(@QueryParam("limit") @DefaultValue("20") int limit,
                                             @QueryParam("cursor") String cursor,
                                             @QueryParam("child") @Parameter(description = CHILD) String child) {
        return assignments.inGroup(Params.uuid("group", group), Params.optionalUuid("child", child), Params.page(limit, cursor));
    }

    @POST
    @Path("assignments")
    @Operation(summary = "Creates an assignment, as a draft or published")
    @APIResponse(responseCode = "201", description = "The assignment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentView.class)))
    public Response createAssignment(@Valid @NotNull Requests.AssignmentRequest request) {
        AssignmentView created = assignments.create(Params.uuid("group", group), request.title(), request.instructions(),
                request.dueAt(), request.publish());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("assignments/{assignment}")
    @Operation(summary = "Corrects an assignment's title, instructions and due time (the group's teachers); once "
            + "published it then shows editedAt. Hand-ins already made keep whether they came late")
    @APIResponse(responseCode = "200", description = "The assignment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentView.class)))
    public AssignmentView editAssignment(@PathParam("assignment") String assignment,
                                         @Valid @NotNull Requests.AssignmentChange request) {
        return assignments.edit(Params.uuid("group", group), Params.uuid("assignment", assignment), request.title(),
                request.instructions(), request.dueAt());
    }

    @DELETE
    @Path("assignments/{assignment}")
    @Operation(summary = "Deletes an assignment (the group's teachers)",
            description = "The assignment stays as a tombstone: readers get it with deleted and deletedAt and without "
                    + "title and instructions, and it takes no more hand-ins; who deleted it is kept with it, and the "
                    + "decision is in the audit log.")
    @APIResponse(responseCode = "200", description = "The tombstone",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentView.class)))
    public AssignmentView deleteAssignment(@PathParam("assignment") String assignment) {
        return assignments.delete(Params.uuid("group", group), Params.uuid("assignment", assignment));
    }

    @POST
    @Path("assignments/{assignment}/publish")
    @Operation(summary = "Publishes a draft assignment to the group")
    @APIResponse(responseCode = "200", description = "The published assignment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentView.class)))
    public AssignmentView publish(@PathParam("assignment") String assignment) {
        return assignments.publish(Params.uuid("group", group), Params.uuid("assignment", assignment));
    }

    @GET
    @Path("assignments/{assignment}/submissions")
    @Operation(summary = "The submissions the caller may see: all for the group's teachers, their own for a student")
    @APIResponse(responseCode = "200", description = "A page of the submissions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.PageOfSubmissionView.class)))
    public Slice<SubmissionView> submissions(@PathParam("assignment") String assignment,
                                             @QueryParam("limit") @DefaultValue("20") int limit,
                                             @QueryParam("cursor") String cursor) {
        return assignments.submissions(Params.uuid("group", group), Params.uuid("assignment", assignment),
                Params.page(limit, cursor));
    }

    @GET
    @Path("assignments/{assignment}/submissions/{student}")
    @Operation(summary = "One student's submission with its history; the draft only for the student",
            description = "Work the student has only drafted is not found for anyone but the student.")
    @APIResponse(responseCode = "200", description = "The submission",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    public SubmissionView submission(@PathParam("assignment") String assignment, @PathParam("student") String student) {
        return assignments.submissionOf(Params.uuid("group", group), Params.uuid("assignment", assignment),
                Params.uuid("student", student));
    }

    @PUT
    @Path("assignments/{assignment}/submissions/{student}")
    @Operation(summary = "The student hands in their own work: first, again before the teacher answers, or after a "
            + "request for completion")
    @APIResponse(responseCode = "200", description = "The submission",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    public SubmissionView submit(@PathParam("assignment") String assignment, @PathParam("student") String student,
                                 @Valid @NotNull Requests.SubmissionRequest request) {
        return assignments.submit(Params.uuid("group", group), Params.uuid("assignment", assignment),
                Params.uuid("student", student), request.content());
    }

    @PUT
    @Path("assignments/{assignment}/submissions/{student}/draft")
    @Operation(summary = "The student saves a draft of their own work, which only they see until they hand it in")
    @APIResponse(responseCode = "200", description = "The submission, with the draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    public SubmissionView saveDraft(@PathParam("assignment") String assignment, @PathParam("student") String student,
                                    @Valid @NotNull Requests.SubmissionRequest request) {
        return assignments.saveDraft(Params.uuid("group", group), Params.uuid("assignment", assignment),
                Params.uuid("student", student), request.content());
    }

    @POST
    @Path("assignments/{assignment}/submissions/{student}/return")
    @Operation(summary = "Returns a handed-in submission to the student with feedback; the work is then final")
    @APIResponse(responseCode = "200", description = "The returned submission",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    public SubmissionView returnSubmission(@PathParam("assignment") String assignment, @PathParam("student") String student,
                                           @Valid @NotNull Requests.FeedbackRequest request) {
        return assignments.returnWithFeedback(Params.uuid("group", group), Params.uuid("assignment", assignment),
                Params.uuid("student", student), request.feedback());
    }

    @POST
    @Path("assignments/{assignment}/submissions/{student}/completion")
    @Operation(summary = "Asks for completion (komplettering): the hand-in goes back to the student with the comment, "
            + "for another hand-in; the hand-in and the comment stay in the history")
    @APIResponse(responseCode = "200", description = "The submission, now COMPLETION_REQUESTED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    public SubmissionView requestCompletion(@PathParam("assignment") String assignment, @PathParam("student") String student,
                                            @Valid @NotNull Requests.CompletionRequest request) {
        return assignments.requestCompletion(Params.uuid("group", group), Params.uuid("assignment", assignment),
                Params.uuid("student", student), request.comment());
    }

    @GET
    @Path("assessment-grid")
    @Operation(summary = "The teaching group's students with their assessments (omdömen) in its syllabus, as far as the "
            + "caller may read them; each row says whether the caller may set it, and if not which prerequisites failed")
    @APIResponse(responseCode = "200", description = "The rows, by the students' names",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AssessmentGrids.GridRow.class)))
    public List<AssessmentGrids.GridRow> assessmentGrid() {
        return grids.rows(Params.uuid("group", group));
    }

    @PUT
    @Path("assessment-grid")
    @Operation(summary = "Sets many assessments of the teaching group at once, and publishes its drafts on request: "
            + "every row is decided first, and nothing is saved when any may not be set (409 NOT_SETTABLE)")
    @APIResponse(responseCode = "200", description = "How many assessments were written and published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentGrids.Saved.class)))
    public AssessmentGrids.Saved saveAssessmentGrid(@Valid @NotNull Requests.AssessmentGridRequest request) {
        return grids.save(Params.uuid("group", group), request.rows().stream()
                .map(row -> new AssessmentGrids.Change(row.student(), row.grade(), row.comment())).toList(), request.publish());
    }

    @GET
    @Path("posts/{post}/files")
    @Operation(summary = "The post's files, for whoever may read the group's posts")
    @APIResponse(responseCode = "200", description = "The files, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FileView.class)))
    public List<FileView> postFiles(@PathParam("post") String post,
                                    @QueryParam("child") @Parameter(description = CHILD) String child) {
        return attachments.ofPost(Params.uuid("group", group), Params.uuid("post", post), Params.optionalUuid("child", child));
    }

    @POST
    @Path("posts/{post}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attaches files to a post (the group's teachers and mentors)", description = UPLOAD)
    @APIResponse(responseCode = "201", description = "The attached files",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FileView.class)))
    @APIResponse(responseCode = "413", ref = "FileTooLarge")
    @APIResponse(responseCode = "415", ref = "FileTypeNotAllowed")
    public Response attachToPost(@PathParam("post") String post,
                                 @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                                         schema = @Schema(ref = "FileUpload"))) List<EntityPart> parts) {
        UUID groupId = Params.uuid("group", group);
        UUID postId = Params.uuid("post", post);
        return created(FileAnswers.attach(uploads, parts, received -> attachments.attachToPost(groupId, postId, received)));
    }

    @GET
    @Path("posts/{post}/files/{key}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Downloads a file of a post", description = DOWNLOAD)
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM))
    public Response postFile(@PathParam("post") String post, @PathParam("key") String key,
                             @QueryParam("child") @Parameter(description = CHILD) String child,
                             @QueryParam("inline") @Parameter(description = INLINE) boolean inline) {
        UUID groupId = Params.uuid("group", group);
        UUID postId = Params.uuid("post", post);
        UUID childId = Params.optionalUuid("child", child);
        return FileAnswers.download(() -> attachments.postFile(groupId, postId, childId, key), inline);
    }

    @GET
    @Path("assignments/{assignment}/files")
    @Operation(summary = "The files of an assignment's instructions, for whoever sees the assignment")
    @APIResponse(responseCode = "200", description = "The files, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FileView.class)))
    public List<FileView> assignmentFiles(@PathParam("assignment") String assignment,
                                          @QueryParam("child") @Parameter(description = CHILD) String child) {
        return attachments.ofAssignment(Params.uuid("group", group), Params.uuid("assignment", assignment),
                Params.optionalUuid("child", child));
    }

    @POST
    @Path("assignments/{assignment}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attaches files to an assignment's instructions (the group's teachers)", description = UPLOAD)
    @APIResponse(responseCode = "201", description = "The attached files",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FileView.class)))
    @APIResponse(responseCode = "413", ref = "FileTooLarge")
    @APIResponse(responseCode = "415", ref = "FileTypeNotAllowed")
    public Response attachToAssignment(@PathParam("assignment") String assignment,
                                       @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                                               schema = @Schema(ref = "FileUpload"))) List<EntityPart> parts) {
        UUID groupId = Params.uuid("group", group);
        UUID assignmentId = Params.uuid("assignment", assignment);
        return created(FileAnswers.attach(uploads, parts,
                received -> attachments.attachToAssignment(groupId, assignmentId, received)));
    }

    @GET
    @Path("assignments/{assignment}/files/{key}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Downloads a file of an assignment's instructions", description = DOWNLOAD)
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM))
    public Response assignmentFile(@PathParam("assignment") String assignment, @PathParam("key") String key,
                                   @QueryParam("child") @Parameter(description = CHILD) String child,
                                   @QueryParam("inline") @Parameter(description = INLINE) boolean inline) {
        UUID groupId = Params.uuid("group", group);
        UUID assignmentId = Params.uuid("assignment", assignment);
        UUID childId = Params.optionalUuid("child", child);
        return FileAnswers.download(() -> attachments.assignmentFile(groupId, assignmentId, childId, key), inline);
    }

    @GET
    @Path("assignments/{assignment}/submissions/{student}/files")
    @Operation(summary = "The files of a student's work that the caller may see",
            description = "Files that came with a hand-in or answer (entry) for whoever sees the submission; the "
                    + "student's draft files (draft) for the student only; a teacher's files for the next answer "
                    + "(pendingAnswer) for the group's teachers only.")
    @APIResponse(responseCode = "200", description = "The files, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FileView.class)))
    public List<FileView> submissionFiles(@PathParam("assignment") String assignment, @PathParam("student") String student) {
        return attachments.ofSubmission(Params.uuid("group", group), Params.uuid("assignment", assignment),
                Params.uuid("student", student));
    }

    @POST
    @Path("assignments/{assignment}/submissions/{student}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attaches files to a student's work: the student's go with their next hand-in, a teacher's "
            + "with their next answer (feedback or a request for completion)", description = UPLOAD)
    @APIResponse(responseCode = "201", description = "The attached files",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FileView.class)))
    @APIResponse(responseCode = "413", ref = "FileTooLarge")
    @APIResponse(responseCode = "415", ref = "FileTypeNotAllowed")
    public Response attachToSubmission(@PathParam("assignment") String assignment, @PathParam("student") String student,
                                       @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                                               schema = @Schema(ref = "FileUpload"))) List<EntityPart> parts) {
        UUID groupId = Params.uuid("group", group);
        UUID assignmentId = Params.uuid("assignment", assignment);
        UUID studentId = Params.uuid("student", student);
        return created(FileAnswers.attach(uploads, parts,
                received -> attachments.attachToSubmission(groupId, assignmentId, studentId, received)));
    }

    @GET
    @Path("assignments/{assignment}/submissions/{student}/files/{key}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Downloads a file of a student's work", description = DOWNLOAD)
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM))
    public Response submissionFile(@PathParam("assignment") String assignment, @PathParam("student") String student,
                                   @PathParam("key") String key,
                                   @QueryParam("inline") @Parameter(description = INLINE) boolean inline) {
        UUID groupId = Params.uuid("group", group);
        UUID assignmentId = Params.uuid("assignment", assignment);
        UUID studentId = Params.uuid("student", student);
        return FileAnswers.download(() -> attachments.submissionFile(groupId, assignmentId, studentId, key), inline);
    }

    private static Response created(List<FileView> files) {
        return Response.status(Response.Status.CREATED).entity(files).build();
    }
}
