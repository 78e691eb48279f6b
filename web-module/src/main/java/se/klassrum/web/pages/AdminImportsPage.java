package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.roster.boundary.RosterImports;
import se.klassrum.roster.entity.ImportCount;
import se.klassrum.roster.entity.Labelled;
import se.klassrum.roster.importer.ImportSummary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/imports.xhtml}: the organisation's roster import runs, newest first — status, files, counts, the
 * phase and progress of a running import, and each problem of a refused one as {@code file:line: message}. For
 * school administrators ({@link Administrators#requireAdministrator}), as {@code GET /api/v1/imports}.
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

    private List<ImportSummary> runs;
    private Denial refusal;

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
