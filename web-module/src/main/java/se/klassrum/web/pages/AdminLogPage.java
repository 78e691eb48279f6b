package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.web.audit.AuditQuery;
import se.klassrum.web.audit.AuditSentences;
import se.klassrum.web.audit.OrganisationLog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /admin/log.xhtml}: the audit log of the schools the administrator administers, across their students, as
 * {@code GET /api/v1/access/audit} gives it ({@link OrganisationLog}): who asked about which students' data, when,
 * what kind and with what outcome, filtered by who (the teachers and mentors of those schools), what, when and
 * outcome, a page at a time. The filters are a plain GET form, so the address keeps them and a page can be linked.
 */
@Named
@RequestScoped
public class AdminLogPage {

    /** Entries per page. */
    static final int PAGE_SIZE = 50;

    @Inject
    OrganisationLog log;

    @Inject
    RosterDirectory directory;

    private String actor;
    private String kind;
    private String from;
    private String to;
    private String outcome;
    private String cursor;

    private OrganisationLog.Result result;
    private List<RosterDirectory.StaffView> staff;
    private String refusal;

    /** Reads the page of the log the address asks for. */
    public void onLoad() {
        try {
            result = log.page(new AuditQuery(actor, kind, from, to, outcome).filter(), cursor, PAGE_SIZE, Texts.locale());
        } catch (AuditQuery.InvalidFilter invalid) {
            refusal = Texts.text("admin.audit.invalidFilter." + invalid.field());
        } catch (Page.InvalidCursorException invalid) {
            refusal = Texts.text("admin.log.invalidCursor");
        } catch (NotPermittedException notAdministrator) {
            refusal = Texts.text("admin.log.notAdministrator");
        } catch (NotSignedInException notSignedIn) {
            refusal = Texts.text("auth.notSignedIn");
        }
    }

    /** The page of the log shown; null on a refusal. */
    public OrganisationLog.Result getResult() {
        return result;
    }

    /** The teachers and mentors of the administrator's schools, by name, for the "who" filter. */
    public List<RosterDirectory.StaffView> getStaff() {
        if (staff == null) {
            try {
                Map<Object, RosterDirectory.StaffView> byId = new LinkedHashMap<>();
                for (RosterDirectory.SchoolView school : directory.administeredSchools()) {
                    directory.teachersOfSchool(school.id()).forEach(person -> byId.putIfAbsent(person.id(), person));
                }
                staff = byId.values().stream().sorted(Comparator.comparing(RosterDirectory.StaffView::name)).toList();
            } catch (NotPermittedException | NotSignedInException notAdministrator) {
                staff = List.of();
            }
        }
        return staff;
    }

    /** A choice of a filter: its value and its name in the page's language. */
    public record Choice(String value, String label) {
    }

    /** The kinds of data to filter by. */
    public List<Choice> getKinds() {
        AuditSentences words = new AuditSentences(Texts.locale());
        return AuditQuery.KINDS.stream().map(one -> {
            String label = words.kind(one);
            return new Choice(one, Character.toUpperCase(label.charAt(0)) + label.substring(1));
        }).toList();
    }

    /** Whether the option is the one the address chose. */
    public boolean chosen(String field, String value) {
        String current = switch (field) {
            case "actor" -> actor;
            case "kind" -> kind;
            case "outcome" -> outcome;
            default -> null;
        };
        return Objects.equals(current == null ? "" : current.strip(), value);
    }

    /** The address of the CSV export of the log as filtered now. */
    public String getCsvAddress() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("actor", actor);
        params.put("kind", kind);
        params.put("from", from);
        params.put("to", to);
        params.put("outcome", outcome);
        params.put("lang", Texts.locale().getLanguage());
        return jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/admin/log.csv?" + params.entrySet().stream()
                .filter(param -> param.getValue() != null && !param.getValue().isBlank())
                .map(param -> param.getKey() + "=" + java.net.URLEncoder.encode(param.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
    }

    public String getRefusal() {
        return refusal;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }
}
