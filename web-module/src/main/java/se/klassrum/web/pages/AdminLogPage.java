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
public class AdminLogPage extends AuditFilterFields {

    /** Entries per page. */
    static final int PAGE_SIZE = 50;

    @Inject
    OrganisationLog log;

    @Inject
    RosterDirectory directory;


    private OrganisationLog.Result result;
    private List<RosterDirectory.StaffView> staff;
    private String refusal;

    /** Reads the page of the log the address asks for. */
    public void onLoad() {
        try {
            result = log.page(query().filter(), cursor, PAGE_SIZE, Texts.locale());
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
        return exportAddress("/admin/log.csv", Map.of());
    }

    public String getRefusal() {
        return refusal;
    }
}
