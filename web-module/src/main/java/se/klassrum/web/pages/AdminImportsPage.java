package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.roster.boundary.RosterImports;
import se.klassrum.roster.entity.ImportCount;
import se.klassrum.roster.entity.ImportImpactWarning;
import se.klassrum.roster.entity.Labelled;
import se.klassrum.roster.importer.ImportNotAdmitted;
import se.klassrum.roster.importer.ImportSummary;
import se.klassrum.web.platform.ImportUploads;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/imports.xhtml}: the organisation's roster import runs, newest first — status, files, counts, the
 * phase and progress of a running import, and each problem of a refused one as {@code file:line: message}. For
 * school administrators ({@link Administrators#requireAdministrator}), as {@code GET /api/v1/imports}. An
 * administrator uploads the register's CSV files, a folder of them or a zip; the import runs on the server while
 * the page follows it (it reloads itself while a run is running).
 */
@Named
@RequestScoped
public class AdminImportsPage {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    Administrators administrators;

    @Inject
    RosterImports imports;

    @Inject
    se.klassrum.web.security.DemoSessions demo;

    @Inject
    ImportUploads uploads;

    @Inject
    CallerProvider caller;

    private List<ImportSummary> runs;
    private Denial refusal;
    private List<Part> files = List.of();
    private List<Part> folder = List.of();

    public List<Part> getFiles() {
        return files;
    }

    public void setFiles(List<Part> files) {
        this.files = files == null ? List.of() : files;
    }

    public List<Part> getFolder() {
        return folder;
    }

    public void setFolder(List<Part> folder) {
        this.folder = folder == null ? List.of() : folder;
    }

    /**
     * Imports what was uploaded, on the server, and shows the runs again with the new one running or ended; an upload
     * that cannot be imported, or an organisation that already imports, is told here and starts nothing.
     */
    public String upload() {
        return start(false);
    }

    /**
     * Previews what was uploaded, on the server: read, checked and written as an import would be, its access impact
     * decided, and rolled back. The run shows what the import would change and who would gain and lose access.
     */
    public String preview() {
        return start(true);
    }

    private String start(boolean preview) {
        UUID tenant;
        try {
            tenant = administrators.requireAdministrator(Administrators.IMPORT_PERMISSION);
        } catch (NotSignedInException | NotPermittedException refused) {
            load();
            return null;
        }
        List<ImportUploads.Upload> chosen = new ArrayList<>();
        for (Part part : concat(files, folder)) {
            if (part.getSize() > 0 || part.getSubmittedFileName() != null && !part.getSubmittedFileName().isBlank()) {
                chosen.add(new ImportUploads.Upload() {
                    @Override
                    public String name() {
                        return part.getSubmittedFileName();
                    }

                    @Override
                    public InputStream open() throws IOException {
                        return part.getInputStream();
                    }
                });
            }
        }
        try {
            java.nio.file.Path staged = uploads.stage(chosen);
            UUID run = uploads.importInBackground(tenant, staged, "person:" + Forms.me(caller), preview);
            Texts.flash(FacesMessage.SEVERITY_INFO, preview ? "admin.imports.previewStarted"
                    : run == null ? "admin.imports.started" : "admin.imports.startedRun");
            return "/admin/imports.xhtml?faces-redirect=true";
        } catch (ImportUploads.RefusedUpload refused) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.imports.refusedUpload",
                    "en".equals(Texts.locale().getLanguage()) ? refused.english() : refused.swedish());
        } catch (ImportNotAdmitted busy) {
            Texts.message(FacesMessage.SEVERITY_ERROR, busy.reason() == ImportNotAdmitted.Reason.ORGANISATION_BUSY
                    ? "admin.imports.organisationBusy" : "admin.imports.nodeBusy");
        }
        return null;
    }

    private static List<Part> concat(List<Part> first, List<Part> second) {
        List<Part> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    public List<ImportSummary> getRuns() {
        load();
        return runs;
    }

    /** Not signed in, or not a school administrator; null when the runs can be shown. */
    public Denial getRefusal() {
        load();
        return refusal;
    }

    public boolean isAnyRunning() {
        return getRuns().stream().anyMatch(run -> !run.status().isFinished());
    }

    public String label(Labelled value) {
        return "sv".equals(Texts.locale().getLanguage()) ? value.labelSv() : value.labelEn();
    }

    public String when(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(SCHOOL_ZONE).format(WHEN);
    }

    public String seconds(Duration duration) {
        return duration == null ? "" : Texts.text("admin.imports.seconds", duration.toMillis() / 1000.0);
    }

    /** How far a running import has come, in whole percent. */
    public long percent(ImportSummary run) {
        return run.progressTotal() <= 0 ? 0 : Math.min(100, run.progressDone() * 100 / run.progressTotal());
    }

    /** Who started the run: in demo mode a demo person's name, otherwise as the run records it. */
    public String actor(ImportSummary run) {
        String actor = run.actor();
        if (demo.enabled() && actor != null && actor.startsWith("person:")) {
            return DemoPersona.nameOf(actor.substring("person:".length())).orElse(actor);
        }
        return actor;
    }

    public String files(ImportSummary run) {
        return String.join(", ", run.files());
    }

    public List<ImportCount> counts(ImportSummary run) {
        return run.counts().stream().filter(count -> count.created() + count.updated() + count.ended() > 0).toList();
    }

    /** An access kind of a preview's impact, as the school-year break's page names it. */
    public String accessKind(String kind) {
        return Texts.text("admin.break." + kind);
    }

    /** A preview's warning about one group, as a sentence. */
    public String warning(ImportImpactWarning warning) {
        String group = warning.groupName() == null ? "" : warning.groupName();
        return Texts.text("admin.imports.warning." + warning.kind(), group, warning.students());
    }

    private void load() {
        if (runs != null) {
            return;
        }
        runs = List.of();
        try {
            UUID tenant = administrators.requireAdministrator(Administrators.IMPORT_PERMISSION);
            runs = imports.runs(tenant);
        } catch (NotSignedInException notSignedIn) {
            refusal = Denial.simple("auth.notSignedIn");
        } catch (NotPermittedException notAdministrator) {
            refusal = Denial.simple("admin.notAdministrator");
        }
    }
}
