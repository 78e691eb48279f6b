package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.Messages;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.PathEvaluation;
import se.klassrum.access.api.PrerequisiteCheck;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.boundary.AccessExplanations;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.web.security.DemoSessions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /explain.xhtml}: "why can't I see this student?" — may a person do an operation on a kind of a
 * student's data, and which prerequisite of each path holds. The answer comes from
 * {@link AccessExplanations#explain}, which lets a person ask about themselves and a school administrator ask
 * about anyone for a student of their school; any other question is answered as "not found", without details.
 *
 * <p>There is no way yet to list an organisation's staff without touching student data, so the person and the
 * student are typed as ids; in demo mode a select of the demo personas is offered beside each.
 */
@Named
@RequestScoped
public class ExplainPage {

    /** The form's id in explain.xhtml: a field's messages go to {@code explain:<field>}. */
    static final String FORM = "explain";

    /** One prerequisite of a path, judged, with its message in the page's language. */
    public record Check(String code, boolean passed, String message) {
    }

    /** One path: whether it allows, and each of its prerequisites. */
    public record PathView(String code, String name, boolean allowed, List<Check> checks) {
    }

    /** The answer: allowed when a path allows. */
    public record Answer(boolean allowed, List<PathView> paths) {
    }

    /** How many groups or syllabi a name that matches several lists. */
    private static final int MATCHES_SHOWN = 5;

    @Inject
    AccessExplanations explanations;

    @Inject
    RosterDirectory roster;

    @Inject
    DemoSessions demo;

    private String person;
    private String demoPerson;
    private String student;
    private String demoStudent;
    private String kind = DataKind.STUDENT_PROFILE.name();
    private String operation = Operation.READ.name();
    private String group;
    private String syllabus;
    private String assessmentGroup;
    private boolean published = true;

    private Answer answer;
    private String refusal;

    /** Asks the question; the answer, the refusal or the fields' messages are shown on the same page. */
    public String explain() {
        answer = null;
        refusal = null;
        Locale locale = Texts.locale();
        DataKind dataKind = oneOf(DataKind.class, kind, "kind");
        Operation op = oneOf(Operation.class, operation, "operation");
        UUID personId = chosen(person, demoPerson, "person");
        UUID studentId = chosen(student, demoStudent, "student");
        UUID groupId = byIdOrName(group, "group", text -> roster.groupsNamed(text, MATCHES_SHOWN + 1).stream()
                .map(found -> new Match(found.id(), found.name(), found.name() + " (" + found.schoolName() + ")")).toList());
        UUID syllabusId = byIdOrName(syllabus, "syllabus", text -> roster.syllabiNamed(text, MATCHES_SHOWN + 1).stream()
                .map(found -> new Match(found.id(), found.code(), found.code() + " " + found.name())).toList());
        UUID assessmentGroupId = byIdOrName(assessmentGroup, "assessmentGroup", text -> roster.groupsNamed(text,
                MATCHES_SHOWN + 1).stream().map(found -> new Match(found.id(), found.name(),
                found.name() + " (" + found.schoolName() + ")")).toList());
        if (dataKind != null) {
            if (dataKind.groupLinked() && groupId == null && blank(group)) {
                invalid("group", "explain.groupRequired");
            } else if (!dataKind.groupLinked() && groupId != null) {
                invalid("group", "explain.groupNotApplicable");
            }
            if (dataKind == DataKind.ASSESSMENT && syllabusId == null && blank(syllabus)) {
                invalid("syllabus", "explain.syllabusRequired");
            } else if (dataKind != DataKind.ASSESSMENT && syllabusId != null) {
                invalid("syllabus", "explain.syllabusNotApplicable");
            }
            if (dataKind != DataKind.ASSESSMENT && assessmentGroupId != null) {
                invalid("assessmentGroup", "explain.assessmentGroupNotApplicable");
            }
        }
        if (FacesContext.getCurrentInstance().isValidationFailed()) {
            return null;
        }
        ItemFacts item = null;
        if (dataKind == DataKind.ASSESSMENT) {
            // With the group it was given in, the assessment is explained as reading it is decided (an earlier one
            // through the history paths); without, as one to be set through a current group.
            item = assessmentGroupId == null ? ItemFacts.assessment(syllabusId, published)
                    : ItemFacts.assessment(syllabusId, subjectOf(roster, syllabusId), assessmentGroupId, published);
        } else if (dataKind == DataKind.ASSIGNMENT) {
            item = ItemFacts.publication(published);
        }
        try {
            answer = answer(explanations.explain(personId, studentId, dataKind, op, groupId, item), locale);
        } catch (StudentDataNotFoundException notFound) {
            refusal = Texts.text("explain.notFound");
        } catch (NotSignedInException notSignedIn) {
            refusal = Texts.text("auth.notSignedIn");
        }
        return null;
    }

    private static Answer answer(Decision decision, Locale locale) {
        List<PathView> paths = new ArrayList<>();
        for (PathEvaluation path : decision.paths()) {
            List<Check> checks = new ArrayList<>();
            for (PrerequisiteCheck check : path.checks()) {
                checks.add(new Check(check.code().name(), check.passed(), Messages.describe(check, locale)));
            }
            paths.add(new PathView(path.path().name(), Texts.text("explain.path." + path.path().name()), path.allowed(),
                    List.copyOf(checks)));
        }
        return new Answer(decision.allowed(), List.copyOf(paths));
    }

    /**
     * The subject of a syllabus of the caller's organisation, which the rules compare for earlier assessments (S1);
     * null for a syllabus it does not have, which the rules then treat as an unknown subject.
     */
    public static UUID subjectOf(RosterDirectory roster, UUID syllabusId) {
        return roster.syllabi().stream().filter(found -> found.id().equals(syllabusId)).findFirst()
                .flatMap(found -> roster.subjects().stream().filter(subject -> subject.code().equals(found.subjectCode()))
                        .findFirst())
                .map(RosterDirectory.SubjectView::id).orElse(null);
    }

    /** The typed id, or else the demo persona chosen beside it; both given must agree. */
    private UUID chosen(String typed, String demoChoice, String field) {
        UUID id = uuid(typed, field);
        UUID demoId = demo.enabled() ? uuid(demoChoice, field) : null;
        if (!blank(typed) && id == null) {
            return null;
        }
        if (id != null && demoId != null && !id.equals(demoId)) {
            invalid(field, "explain.eitherOr");
            return null;
        }
        UUID result = id != null ? id : demoId;
        if (result == null) {
            invalid(field, "explain.required");
        }
        return result;
    }

    /** A group or syllabus found by name: its id, the name to match exactly, and how the page names it. */
    private record Match(UUID id, String name, String label) {
    }

    /**
     * The id typed, or the one group (syllabus) whose name (code) holds the text: the one named exactly so, else the
     * only match. None or several are the field's message, the several named, so that the reader can be precise.
     */
    private static UUID byIdOrName(String text, String field, Function<String, List<Match>> search) {
        if (blank(text)) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException byName) {
            List<Match> found = search.apply(text.strip());
            List<Match> exact = found.stream().filter(named -> named.name().equalsIgnoreCase(text.strip())).toList();
            if (exact.size() == 1) {
                return exact.get(0).id();
            }
            if (found.size() == 1) {
                return found.get(0).id();
            }
            if (found.isEmpty()) {
                invalid(field, "explain." + field + "NotFound");
            } else {
                String names = found.stream().limit(MATCHES_SHOWN).map(Match::label).collect(Collectors.joining(", "))
                        + (found.size() > MATCHES_SHOWN ? " …" : "");
                invalidWith(field, Texts.text("explain.several", names));
            }
            return null;
        }
    }

    private static UUID uuid(String text, String field) {
        if (blank(text)) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            invalid(field, "explain.notAnId");
            return null;
        }
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String name, String field) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        invalid(field, "explain.required");
        return null;
    }

    private static void invalid(String field, String key) {
        invalidWith(field, Texts.text(key));
    }

    private static void invalidWith(String field, String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(FORM + ":" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        faces.validationFailed();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public boolean isDemo() {
        return demo.enabled();
    }

    /** The demo personas for the selects, in demo mode only. */
    public List<DemoPersona> getDemoPersons() {
        return demo.enabled() ? DemoPersona.ALL : List.of();
    }

    public List<DemoPersona> getDemoStudents() {
        return demo.enabled() ? DemoPersona.ALL.stream().filter(persona -> !persona.staff()).toList() : List.of();
    }

    public List<String> getKinds() {
        return Arrays.stream(DataKind.values()).map(Enum::name).toList();
    }

    public List<String> getOperations() {
        return Arrays.stream(Operation.values()).map(Enum::name).toList();
    }

    /** The answer to the question asked; null before one is asked, when the input is invalid or on a refusal. */
    public Answer getAnswer() {
        return answer;
    }

    /** "Not found" (or "not signed in"), without details; null otherwise. */
    public String getRefusal() {
        return refusal;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public String getDemoPerson() {
        return demoPerson;
    }

    public void setDemoPerson(String demoPerson) {
        this.demoPerson = demoPerson;
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

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getSyllabus() {
        return syllabus;
    }

    public void setSyllabus(String syllabus) {
        this.syllabus = syllabus;
    }

    public String getAssessmentGroup() {
        return assessmentGroup;
    }

    public void setAssessmentGroup(String assessmentGroup) {
        this.assessmentGroup = assessmentGroup;
    }

    public boolean isPublished() {
        return published;
    }

    public void setPublished(boolean published) {
        this.published = published;
    }
}
