package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.audit.AuditEntry;
import se.klassrum.roster.boundary.ProtectedActors;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.web.security.DemoSessions;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /admin/audit.xhtml?student=…}: who asked about a student's data, when, what kind and with what outcome —
 * never the data itself. For the student's school administrators ({@link Administrators#requireAdministratorOf}),
 * as {@code GET /api/v1/students/{id}/audit}; anyone else is told "not found", so the page reveals nothing about
 * whether the student exists. In demo mode the demo students are offered beside the id field.
 */
@Named
@RequestScoped
public class AdminAuditPage {

    /** The form's id in audit.xhtml. */
    static final String FORM = "audit";
    /** The newest entries; older ones through the API's pages. */
    static final int SHOWN_ENTRIES = 100;

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One decision about the student, for the page. */
    public record Entry(long seq, String when, String actorKind, String actor, String kind, String operation,
                        boolean allowed, List<String> failingCodes, String requestId) {
    }

    @Inject
    ProtectedActors protectedActors;

    @Inject
    Administrators administrators;

    @Inject
    AuditLog audit;

    @Inject
    DemoSessions demo;

    private String student;
    private String demoStudent;
    private List<Entry> entries;
    private String refusal;
    private String studentName;

    /** Shows the log of the student named in the address ({@code ?student=}), if any. */
    public void onLoad() {
        if (student != null && !student.isBlank() && entries == null && refusal == null) {
            show();
        }
    }

    public String show() {
        entries = null;
        refusal = null;
        UUID studentId = studentId();
        if (studentId == null) {
            return null;
        }
        try {
            UUID tenant = administrators.requireAdministratorOf(studentId);
            List<AuditEntry> found = audit.forStudent(tenant.toString(), studentId.toString(), null, SHOWN_ENTRIES);
            Set<String> masked = protectedActors.among(found.stream().map(AuditEntry::actorId).toList());
            entries = found.stream().map(entry -> entry(entry, masked)).toList();
            studentName = demo.enabled() ? DemoPersona.ALL.stream().filter(persona -> persona.personId().equals(studentId))
                    .map(DemoPersona::name).findFirst().orElse(null) : null;
            student = studentId.toString();
        } catch (StudentDataNotFoundException notFound) {
            refusal = Texts.text("admin.audit.notFound");
        } catch (NotSignedInException notSignedIn) {
            refusal = Texts.text("auth.notSignedIn");
        }
        return null;
    }

    private static Entry entry(AuditEntry entry, Set<String> masked) {
        OffsetDateTime time = entry.occurredAt();
        List<String> codes = entry.failingCodes() == null || entry.failingCodes().isBlank() ? List.of()
                : Arrays.stream(entry.failingCodes().split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList();
        return new Entry(entry.seq(), time == null ? "" : time.atZoneSameInstant(SCHOOL_ZONE).format(WHEN),
                entry.actorKind(), entry.actorId() == null ? "" : masked.contains(entry.actorId()) ? ProtectedActors.MASK
                        : entry.actorId(), entry.dataKind(), entry.operation(),
                "ALLOW".equals(entry.decision()), codes,
                entry.requestId());
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

    public boolean isDemo() {
        return demo.enabled();
    }

    public List<DemoPersona> getDemoStudents() {
        return demo.enabled() ? DemoPersona.ALL.stream().filter(persona -> !persona.staff()).toList() : List.of();
    }

    /** The entries shown; null before a student is asked about or on a refusal. */
    public List<Entry> getEntries() {
        return entries;
    }

    /** Who the actor is, in demo mode, when a demo persona; otherwise the id as the log keeps it. */
    public String actorName(Entry entry) {
        return demo.enabled() ? DemoPersona.nameOf(entry.actor()).orElse(entry.actor()) : entry.actor();
    }

    /** The demo student's name in demo mode; null otherwise. */
    public String getStudentName() {
        return studentName;
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
