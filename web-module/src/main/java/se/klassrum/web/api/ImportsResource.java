package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.roster.boundary.RosterImports;
import se.klassrum.roster.boundary.RosterSync;
import se.klassrum.roster.boundary.SchoolYearBreaks;
import se.klassrum.roster.entity.ImportCount;
import se.klassrum.roster.entity.ImportImpactCount;
import se.klassrum.roster.entity.ImportImpactWarning;
import se.klassrum.roster.entity.ImportStatus;
import se.klassrum.roster.importer.ImportFolders;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.web.platform.ImportUploads;
import se.klassrum.web.api.Problem.Text;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static jakarta.ws.rs.core.Response.Status.BAD_REQUEST;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE;

/**
 * Roster imports from the student register's files (School Data Sync v2.1/v1, OneRoster 1.1/1.2 CSV): by
 * upload, or from a folder on the server in the organisation's own sub-folder of {@code klassrum.import.root}
 * (named by its tenant id; {@link ImportFolders}). An import is all or nothing;
 * a rejected one answers 400 with every problem as {@code file:line: message}. An organisation has one run at a
 * time and a node reads at most {@code klassrum.import.parallel} at once: another is answered 409 (naming the run in
 * progress) or 503, before anything is read. While an import runs,
 * {@code GET /api/v1/imports} shows its phase and progress. {@code POST /api/v1/imports/ss12000} syncs with the
 * student register's SS 12000 API now, as the schedule does (roster-module/IMPORT.md, "SS 12000"); its runs are
 * listed with the imports.
 */
@Path("v1/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Roster imports from the student register (tenant administrators and integrations)")
@APIResponse(responseCode = "400", ref = "InvalidInput")
@APIResponse(responseCode = "401", ref = "NotSignedIn")
@APIResponse(responseCode = "403", ref = "AccessDenied")
@APIResponse(responseCode = "404", ref = "NotFound")
public class ImportsResource {

    private static final String ANOTHER_RUNNING = "The organisation has an import or sync in progress, named in `run`;"
            + " nothing was read (Retry-After)";
    private static final String SERVER_BUSY = "The server already reads as many imports as KLASSRUM_IMPORT_PARALLEL"
            + " allows; nothing was read (Retry-After)";

    private static final String PREVIEW = "true: a preview, which writes nothing. The files are read, checked and"
            + " written as an import would, the access impact of what was written is decided by the access rules, and"
            + " everything is rolled back; the run is recorded PREVIEWED";
    private static final String SCHOOL = "with preview: a school the caller administers, whose people who gain and lose"
            + " access are named in details";
    private static final String PREVIEWED = "A preview (preview=true): the run, PREVIEWED with what the import would"
            + " create, update and end, and who would gain and lose which access (names only at the caller's own schools;"
            + " never a student with a protected identity). Nothing was changed";

    @Inject
    ImportUploads uploads;

    @Inject
    RosterImports imports;

    @Inject
    RosterSync sync;

    @Inject
    Administrators administrators;

    @Inject
    CallerProvider caller;

    @Inject
    @ConfigProperty(name = "klassrum.import.root")
    Optional<String> importRoot;

    @Context
    HttpHeaders headers;

    /** A folder on the server, relative to the organisation's sub-folder {@code klassrum.import.root/<tenant id>}. */
    public static class FolderRequest {
        @NotBlank
        public String path;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Imports uploaded CSV files (one part per file, named as in its format, e.g. orgs.csv), or a zip"
            + " of them")
    @APIResponse(responseCode = "201", description = "The import run, with its counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.ImportRun.class)))
    @APIResponse(responseCode = "200", description = PREVIEWED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.ImportPreview.class)))
    @APIResponse(responseCode = "409", description = ANOTHER_RUNNING)
    @APIResponse(responseCode = "503", description = SERVER_BUSY)
    public Response upload(List<EntityPart> parts,
                           @QueryParam("preview") @Parameter(description = PREVIEW) boolean preview,
                           @QueryParam("school") @Parameter(description = SCHOOL) String school) {
        UUID tenant = administrators.requireAdministrator(Administrators.IMPORT_PERMISSION);
        if (parts == null || parts.isEmpty() || parts.size() > ImportUploads.MAX_FILES) {
            throw new InvalidInputException("file", "Skicka 1–" + ImportUploads.MAX_FILES + " CSV-filer eller en zip-fil",
                    "Send 1–" + ImportUploads.MAX_FILES + " CSV files or a zip file");
        }
        java.nio.file.Path folder;
        try {
            folder = uploads.stage(parts.stream().map(part -> (ImportUploads.Upload) new ImportUploads.Upload() {
                @Override
                public String name() {
                    return part.getFileName().orElse(part.getName());
                }

                @Override
                public InputStream open() {
                    return part.getContent();
                }
            }).toList());
        } catch (ImportUploads.RefusedUpload refused) {
            throw new InvalidInputException("file", refused.swedish(), refused.english());
        }
        try {
            return preview ? previewed(imports.previewFolder(tenant, folder, actor(), null, Params.optionalUuid("school", school)))
                    : answer(imports.importFolder(tenant, folder, actor()));
        } finally {
            ImportUploads.delete(folder);
        }
    }

    @POST
    @Path("folder")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Imports the files of a folder on the server, below the organisation's sub-folder"
            + " klassrum.import.root/<tenant id>; symbolic links are refused")
    @APIResponse(responseCode = "201", description = "The import run, with its counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.ImportRun.class)))
    @APIResponse(responseCode = "200", description = PREVIEWED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.ImportPreview.class)))
    @APIResponse(responseCode = "409", description = ANOTHER_RUNNING)
    @APIResponse(responseCode = "503", description = SERVER_BUSY)
    public Response fromFolder(@Valid @NotNull FolderRequest request,
                               @QueryParam("preview") @Parameter(description = PREVIEW) boolean preview,
                               @QueryParam("school") @Parameter(description = SCHOOL) String school) {
        UUID tenant = administrators.requireAdministrator(Administrators.IMPORT_PERMISSION);
        if (importRoot.isEmpty()) {
            throw new InvalidInputException("path", "Import från en mapp på servern är avstängd (klassrum.import.root)",
                    "Importing from a folder on the server is off (klassrum.import.root)");
        }
        // Each organisation imports only below its own sub-folder (named by its id), never through a link.
        java.nio.file.Path folder = new ImportFolders(java.nio.file.Path.of(importRoot.get())).folderOf(tenant, request.path)
                .orElseThrow(() -> new InvalidInputException("path",
                        "Ingen sådan mapp i organisationens importmapp (importroten/" + tenant + ")",
                        "No such folder in the organisation's import folder (the import root/" + tenant + ")"));
        return preview ? previewed(imports.previewFolder(tenant, folder, actor(), null, Params.optionalUuid("school", school)))
                : answer(imports.importFolder(tenant, folder, actor()));
    }

    @POST
    @Path("ss12000")
    @Operation(summary = "Synchronises the roster with the student register's SS 12000 API now: everything the first"
            + " time, then what changed")
    @APIResponse(responseCode = "201", description = "The sync's import run, with its counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.ImportRun.class)))
    @APIResponse(responseCode = "409", description = ANOTHER_RUNNING)
    @APIResponse(responseCode = "503", description = "No sync is set up, or its settings are wrong. Or: " + SERVER_BUSY)
    public Response syncNow() {
        UUID tenant = administrators.requireAdministrator(Administrators.IMPORT_PERMISSION);
        Optional<ImportSummary> run;
        try {
            run = sync.syncNow(tenant, actor());
        } catch (IllegalArgumentException wrongSetting) {
            return Problem.in(headers, "ss12000-sync-misconfigured", SERVICE_UNAVAILABLE,
                    new Text("Synkroniseringen är felinställd", "The sync is set up wrongly"),
                    new Text("Inställningarna för elevregistrets SS 12000-gränssnitt är felaktiga; be driften rätta dem.",
                            "The settings of the student register's SS 12000 API are wrong; ask operations to fix them."))
                    .response();
        }
        if (run.isEmpty()) {
            return Problem.in(headers, "ss12000-sync-not-set-up", NOT_FOUND,
                    new Text("Ingen synkronisering", "No sync"),
                    new Text("Ingen synkronisering med elevregistret (SS 12000) är inställd för organisationen.",
                            "No sync with the student register (SS 12000) is set up for this organisation."))
                    .response();
        }
        if (run.get().status() == ImportStatus.REJECTED) {
            JsonArrayBuilder problems = Json.createArrayBuilder();
            run.get().problems().forEach(problems::add);
            return Problem.in(headers, "ss12000-sync-rejected", BAD_REQUEST,
                            new Text("Synkroniseringen avvisades", "Sync rejected"),
                            new Text("Elevregistret kunde inte läsas eller har fel; ingenting ändrades.",
                                    "The student register could not be read or has errors; nothing was changed."))
                    .with("run", run.get().runId().toString())
                    .with("problems", problems)
                    .response();
        }
        return answer(run.get());
    }

    @GET
    @Operation(summary = "The tenant's import runs, newest first, with phase and progress while running")
    @APIResponse(responseCode = "200", description = "The organisation's import runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.ImportRuns.class)))
    public String runs() {
        UUID tenant = administrators.requireAdministrator(Administrators.IMPORT_PERMISSION);
        JsonArrayBuilder runs = Json.createArrayBuilder();
        imports.runs(tenant).forEach(run -> runs.add(json(run)));
        return Json.createObjectBuilder().add("items", runs).build().toString();
    }

    @GET
    @Path("{run}")
    @Operation(summary = "One import run")
    @APIResponse(responseCode = "200", description = "The import run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerSchemas.ImportRun.class)))
    public String run(@PathParam("run") String run) {
        UUID tenant = administrators.requireAdministrator(Administrators.IMPORT_PERMISSION);
        return imports.run(tenant, Params.uuid("run", run)).map(ImportsResource::json)
                .orElseThrow(StudentDataNotFoundException::new).toString();
    }

    private Response answer(ImportSummary summary) {
        if (summary.status() == ImportStatus.REJECTED) {
            JsonArrayBuilder problems = Json.createArrayBuilder();
            summary.problems().forEach(problems::add);
            return Problem.in(headers, "import-rejected", BAD_REQUEST, new Text("Importen avvisades", "Import rejected"),
                            new Text("Filerna har fel; ingenting ändrades.", "The files have errors; nothing was changed."))
                    .with("run", summary.runId().toString())
                    .with("problems", problems)
                    .response();
        }
        return Response.status(Response.Status.CREATED).entity(json(summary).toString()).type(MediaType.APPLICATION_JSON).build();
    }

    /** A preview's answer: as a refused import, or 200 with the run, its impact and the details asked for. */
    private Response previewed(RosterImports.ImportPreview preview) {
        if (preview.run().status() != ImportStatus.PREVIEWED) {
            return answer(preview.run());
        }
        JsonArrayBuilder details = Json.createArrayBuilder();
        for (SchoolYearBreaks.BreakPersonChange change : preview.details()) {
            JsonObjectBuilder detail = Json.createObjectBuilder().add("schoolId", change.schoolId().toString())
                    .add("person", person(change.person())).add("kind", change.kind().name())
                    .add("gained", people(change.gained())).add("lost", people(change.lost()));
            if (change.groupId() != null) {
                detail.add("groupId", change.groupId().toString());
                if (change.groupName() != null) {
                    detail.add("groupName", change.groupName());
                }
            }
            if (change.groupGained() != null) {
                detail.add("groupGained", change.groupGained());
            }
            if (change.syllabusId() != null) {
                detail.add("syllabusId", change.syllabusId().toString());
                if (change.syllabusCode() != null) {
                    detail.add("syllabusCode", change.syllabusCode());
                }
            }
            details.add(detail);
        }
        JsonArrayBuilder warnings = Json.createArrayBuilder();
        for (SchoolYearBreaks.BreakWarning warning : preview.warnings()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("kind", warning.kind().name())
                    .add("schoolId", warning.schoolId().toString()).add("groupId", warning.groupId().toString())
                    .add("textSv", warning.textSv()).add("textEn", warning.textEn());
            if (warning.student() != null) {
                json.add("student", person(warning.student()));
            }
            warnings.add(json);
        }
        JsonObject body = Json.createObjectBuilder().add("run", json(preview.run()))
                .add("peopleDecided", preview.peopleDecided()).add("questions", preview.questions())
                .add("millis", preview.millis()).add("warnings", warnings).add("details", details).build();
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON).build();
    }

    /** A person as a preview names them; a protected student is neither named nor identified. */
    private static JsonObject person(SchoolYearBreaks.BreakPerson person) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (person != null && person.id() != null) {
            json.add("id", person.id().toString()).add("name", person.name());
        } else {
            json.add("protectedIdentity", true);
        }
        return json.build();
    }

    private static JsonArrayBuilder people(List<SchoolYearBreaks.BreakPerson> people) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        people.forEach(person -> array.add(person(person)));
        return array;
    }

    static JsonObject json(ImportSummary run) {
        JsonArrayBuilder counts = Json.createArrayBuilder();
        for (ImportCount count : run.counts()) {
            counts.add(Json.createObjectBuilder().add("kind", count.kind().name()).add("created", count.created())
                    .add("updated", count.updated()).add("ended", count.ended()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", run.runId().toString())
                .add("actor", run.actor())
                .add("format", run.format())
                .add("fullSet", run.fullSet())
                .add("files", Json.createArrayBuilder(run.files()))
                .add("importDate", run.importDate().toString())
                .add("startedAt", run.startedAt().toString())
                .add("status", run.status().name())
                .add("progressDone", run.progressDone())
                .add("progressTotal", run.progressTotal())
                .add("counts", counts)
                .add("preview", run.preview())
                .add("impact", impact(run))
                .add("impactWarnings", impactWarnings(run))
                .add("problems", Json.createArrayBuilder(run.problems()))
                .add("notes", Json.createArrayBuilder(run.notes()));
        if (run.phase() != null) {
            json.add("phase", run.phase());
        }
        if (run.finishedAt() != null) {
            json.add("finishedAt", run.finishedAt().toString());
        }
        if (run.duration() != null) {
            json.add("durationMillis", run.duration().toMillis());
        }
        return json.build();
    }

    /** A previewed run's counts per school and kind of access, as recorded; empty for every other run. */
    private static JsonArrayBuilder impact(ImportSummary run) {
        JsonArrayBuilder impact = Json.createArrayBuilder();
        for (ImportImpactCount count : run.impact()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("schoolId", count.schoolId().toString())
                    .add("kind", count.kind()).add("peopleGaining", count.peopleGaining())
                    .add("studentsGained", count.studentsGained()).add("peopleLosing", count.peopleLosing())
                    .add("studentsLost", count.studentsLost());
            if (count.schoolName() != null) {
                json.add("schoolName", count.schoolName());
            }
            impact.add(json);
        }
        return impact;
    }

    /** A previewed run's warnings, one per group and kind, as recorded; empty for every other run. */
    private static JsonArrayBuilder impactWarnings(ImportSummary run) {
        JsonArrayBuilder warnings = Json.createArrayBuilder();
        for (ImportImpactWarning warning : run.warnings()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("kind", warning.kind())
                    .add("schoolId", warning.schoolId().toString()).add("groupId", warning.groupId().toString())
                    .add("students", warning.students());
            if (warning.schoolName() != null) {
                json.add("schoolName", warning.schoolName());
            }
            if (warning.groupName() != null) {
                json.add("groupName", warning.groupName());
            }
            warnings.add(json);
        }
        return warnings;
    }

    /** Who started the run, as the audit log names callers: a person's id or an application's client id. */
    private String actor() {
        return caller.currentActor().map(actor -> actor instanceof Actor.Person person
                        ? "person:" + person.personId() : "application:" + ((Actor.Application) actor).clientId())
                .orElseThrow();
    }
}
