package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.web.audit.AuditExtract;
import se.klassrum.web.audit.AuditQuery;
import se.klassrum.web.audit.AuditSentences;
import se.klassrum.web.security.DemoSessions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /admin/audit.xhtml?student=…}: who asked about a student's data, when, what kind and with what outcome —
 * never the data itself — as sentences ("Anna Andersson läste Elsas omdömen · tillåtet"), filtered by who, what,
 * when and outcome, a page at a time, and as a CSV file ({@code /admin/audit.csv}, {@code AuditCsvServlet}). For
 * the student's school administrators ({@link Administrators#requireAdministratorOf}), as
 * {@code GET /api/v1/students/{id}/audit}; anyone else is told "not found", so the page reveals nothing about whether
 * the student exists. The student is found by name ({@link StudentFinder}) or named by id; in demo mode the demo
 * students are offered too.
 */
@Named
@RequestScoped
public class AdminAuditPage extends AuditFilterFields {

    /** The form's id in audit.xhtml. */
    static final String FORM = "audit";
    /** Entries per page. */
    static final int PAGE_SIZE = 50;

    @Inject
    AuditExtract extract;

    @Inject
    DemoSessions demo;

    private String student;
    private String demoStudent;

    private AuditExtract.Result log;
    private List<AuditExtract.Asker> askers;
    private String refusal;

    /** Shows the log of the student named in the address ({@code ?student=}), if any. */
    public void onLoad() {
        if (FacesContext.getCurrentInstance().isPostback() || student == null || student.isBlank()) {
            return;
        }
        UUID studentId = studentId();
        if (studentId == null) {
            return;
        }
        AuditQuery query = query();
        try {
            log = extract.pageOfViews(studentId, query.filter(), cursor, PAGE_SIZE, Texts.locale());
            student = studentId.toString();
        } catch (AuditQuery.InvalidFilter invalid) {
            refusal = Texts.text("admin.audit.invalidFilter." + invalid.field());
        } catch (Page.InvalidCursorException invalid) {
            refusal = Texts.text("admin.audit.invalidCursor");
        } catch (StudentDataNotFoundException notFound) {
            refusal = Texts.text("admin.audit.notFound");
        } catch (NotSignedInException notSignedIn) {
            refusal = Texts.text("auth.notSignedIn");
        }
    }

    /** The form: the log of the student typed or chosen, with the filters, from its newest entry. */
    public String show() {
        UUID studentId = studentId();
        if (studentId == null) {
            return null;
        }
        student = studentId.toString();
        cursor = null;
        return "/admin/audit.xhtml?faces-redirect=true&includeViewParams=true";
    }

    /** The typed id, or else the demo student chosen. */
    private UUID studentId() {
        String typed = student == null || student.isBlank() ? null : student.strip();
        String chosen = typed != null ? typed : demo.enabled() && demoStudent != null && !demoStudent.isBlank() ? demoStudent : null;
        if (chosen == null) {
            invalid("explain.required");
            return null;
        }
        try {
            return UUID.fromString(chosen);
        } catch (IllegalArgumentException notAnId) {
            invalid("explain.notAnId");
            return null;
        }
    }

    private static void invalid(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(FORM + ":student", new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.text(key), null));
        faces.validationFailed();
    }

    /** The address of the CSV export of the log as filtered now. */
    /** The download of everything Klassrum holds about the student, for the student's request (GDPR article 15). */
    public String getExtractAddress() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/admin/extract.json?student="
                + URLEncoder.encode(student == null ? "" : student.strip(), StandardCharsets.UTF_8) + "&lang="
                + Texts.locale().getLanguage();
    }

    public String getCsvAddress() {
        Map<String, String> first = new LinkedHashMap<>();
        first.put("student", student);
        return exportAddress("/admin/audit.csv", first);
    }

    public boolean isDemo() {
        return demo.enabled();
    }

    public List<DemoPersona> getDemoStudents() {
        return demo.enabled() ? DemoPersona.ALL.stream().filter(persona -> !persona.staff()).toList() : List.of();
    }

    /** The page of the log shown; null before a student is asked about or on a refusal. */
    public AuditExtract.Result getLog() {
        return log;
    }

    /**
     * Who has asked about the student, for the "who" filter: also when the form is sent, before the fields reach
     * the bean, since the filter's choice is checked against them.
     */
    public List<AuditExtract.Asker> getAskers() {
        if (askers == null) {
            askers = List.of();
            Map<String, String> sent = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
            UUID studentId = firstId(student, sent.get(FORM + ":student"), demo.enabled() ? sent.get(FORM + ":demoStudent") : null);
            if (studentId != null) {
                try {
                    askers = extract.askers(studentId, Texts.locale());
                } catch (StudentDataNotFoundException | NotSignedInException refused) {
                    // No choice of who to offer: the log itself is refused with its reason.
                }
            }
        }
        return askers;
    }

    private static UUID firstId(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    return UUID.fromString(candidate.strip());
                } catch (IllegalArgumentException notAnId) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The kinds of data to filter by, with their names in the page's language. */
    public Map<String, String> getKinds() {
        AuditSentences words = new AuditSentences(Texts.locale());
        Map<String, String> kinds = new LinkedHashMap<>();
        for (String one : AuditQuery.KINDS) {
            String label = words.kind(one);
            kinds.put(Character.toUpperCase(label.charAt(0)) + label.substring(1), one);
        }
        return kinds;
    }

    public String getRefusal() {
        return refusal;
    }

    public String getStudent() {
        return student;
    }

    public void setStudent(String student) {
        this.student = student;
    }

    public String getDemoStudent() {
        return demoStudent;
    }

    public void setDemoStudent(String demoStudent) {
        this.demoStudent = demoStudent;
    }
}
