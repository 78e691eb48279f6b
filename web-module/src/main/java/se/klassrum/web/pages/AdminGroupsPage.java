package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.GroupImpacts;
import se.klassrum.roster.boundary.RosterAdministration;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.roster.boundary.RosterDirectory.SchoolView;
import se.klassrum.roster.boundary.RosterDirectory.StaffView;
import se.klassrum.roster.boundary.RosterDirectory.SubjectView;
import se.klassrum.roster.boundary.RosterDirectory.SyllabusView;
import se.klassrum.roster.boundary.RosterDirectory.TeacherSubjectView;
import se.klassrum.roster.boundary.SchoolYearBreaks;
import se.klassrum.roster.control.BreakPlans.ChangeKind;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.RosterException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /admin/groups.xhtml?school=…}: a school administrator's groups and subject links — connect or disconnect each
 * teaching or mentor group (only a connected group gives its owners and members a path to students' data), set or
 * remove a teaching group's syllabus, and link teachers to subjects (what lets them assess in those syllabi). Disconnecting
 * is confirmed first, with its impact decided by the access rules ({@link GroupImpacts}). Every change first asks {@link RosterDirectory#requireSchoolAdministrator} for the group's own school, then goes through
 * {@link RosterAdministration}; the next access decision reads the changed facts.
 */
@Named
@RequestScoped
public class AdminGroupsPage {

    @Inject
    RosterDirectory roster;

    @Inject
    RosterAdministration administration;

    @Inject
    GroupImpacts impacts;

    @Inject
    SchoolYearBreaks breaks;

    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    /** The group whose disconnection awaits confirmation, its name and its impact. */
    private UUID confirming;
    private String confirmingName;
    private GroupImpacts.Impact impact;

    private String school;
    /** The list's search (part of a group's name) and filters, kept in the address and through every change. */
    private String q;
    private String kind;
    private String state;
    private String teacher;
    private String subject;

    private List<SchoolView> schools;
    private SchoolView current;
    private Denial refusal;
    private List<GroupView> groups;
    private int total;
    private List<TeacherSubjectView> links;
    /** What the school-year break's open plan does to each group it archives or connects. */
    private Map<UUID, ChangeKind> inBreak;

    /** The schools the caller administers; the page shows one of them. */
    public List<SchoolView> getSchools() {
        load();
        return schools;
    }

    /** The school shown: the one named in the address, or the first the caller administers. */
    public SchoolView getCurrent() {
        load();
        return current;
    }

    public Denial getRefusal() {
        load();
        return refusal;
    }

    /** The school's groups that match the search and filters, by name. */
    public List<GroupView> getGroups() {
        load();
        if (groups == null) {
            List<GroupView> all = current == null ? List.of() : roster.groupsOfSchool(current.id());
            total = all.size();
            groups = all.stream().filter(this::shown).toList();
        }
        return groups;
    }

    /** "Visar 2 av 8 grupper" when the list is narrowed, else "8 grupper". */
    public String getShownText() {
        int shown = getGroups().size();
        return isFiltered() ? Texts.text("admin.groups.shown", shown, total) : Texts.text("admin.groups.count", total);
    }

    /** Whether a search or filter narrows the list. */
    public boolean isFiltered() {
        return !blank(param(q, "q")) || !blank(param(kind, "kind")) || !blank(param(state, "state"));
    }

    /**
     * A list parameter: the view parameter once applied, else the request's. A row's form is decoded before view
     * parameters are applied (update model values), against the list as it was shown: so each row's form sends the
     * list's school, search and filters along.
     */
    private String param(String value, String name) {
        return value != null ? value : request.getParameter(name);
    }

    private boolean shown(GroupView group) {
        String q = param(this.q, "q");
        String kind = param(this.kind, "kind");
        String state = param(this.state, "state");
        java.util.Locale locale = Texts.locale();
        boolean named = blank(q) || group.name().toLowerCase(locale).contains(q.strip().toLowerCase(locale));
        boolean ofKind = blank(kind) || group.kind().name().equals(kind);
        boolean inState = blank(state) || switch (state) {
            case "connected" -> group.connected() && !group.archived();
            case "notConnected" -> !group.connected() && !group.archived();
            case "noSyllabus" -> group.kind() == GroupKind.TEACHING && group.syllabusId() == null && !group.archived();
            case "archived" -> group.archived();
            default -> true;
        };
        return named && ofKind && inState;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public List<TeacherSubjectView> getLinks() {
        load();
        if (links == null) {
            links = current == null ? List.of() : roster.teacherSubjects(current.id());
        }
        return links;
    }

    public List<StaffView> getTeachers() {
        load();
        return current == null ? List.of() : roster.teachersOfSchool(current.id());
    }

    public List<SubjectView> getSubjects() {
        load();
        return current == null ? List.of() : roster.subjects();
    }

    /** The syllabi a teaching group can be given. */
    public List<SyllabusView> getSyllabi() {
        load();
        return current == null ? List.of() : roster.syllabi();
    }

    public boolean teaching(GroupView group) {
        return group.kind() == GroupKind.TEACHING;
    }

    public String kind(GroupView group) {
        return Texts.text("group.kind." + group.kind().name());
    }

    public String connect(String groupId) {
        return change(groupId, "admin.groups.connected", id -> administration.connectGroup(id));
    }

    /** Asks first: shows what disconnecting the group would do to access, and waits for {@link #confirmDisconnect}. */
    public String disconnect(String groupId) {
        return withGroup(groupId, group -> {
            impact = impacts.ofDisconnecting(group.id());
            confirming = group.id();
            confirmingName = group.name();
            school = group.schoolId().toString();
            return null;
        });
    }

    public String confirmDisconnect(String groupId) {
        return change(groupId, "admin.groups.disconnected", id -> administration.disconnectGroup(id));
    }

    /**
     * Whether the group's row asks to confirm its disconnection: after "Koppla från", and while the confirmation is
     * posted (its form names the group in {@code confirm}, so that its button is there to be pressed).
     */
    public boolean confirming(GroupView group) {
        return group.id().equals(confirming) || group.id().toString().equals(request.getParameter("confirm"));
    }

    public String getConfirmTitle() {
        return confirmingName == null ? "" : Texts.text("admin.groups.confirmTitle", confirmingName);
    }

    /** "3 lärare förlorar åtkomsten till 27 elevers information genom gruppen, och 27 elever …" */
    public String getImpactText() {
        if (impact == null) {
            return "";
        }
        return impact.none() ? Texts.text("admin.groups.impactNone") : Texts.text("admin.groups.impact",
                impact.teachersLosingStudents(), impact.studentsTeachersLose(), impact.studentsLosingGroup());
    }

    /**
     * "Lägg i läsårsbrytet": stages the group's change for the school-year break in the organisation's open plan —
     * archived if it is connected, connected if not — and comes back to the same place of the list.
     */
    public String addToBreak(String groupId) {
        return withGroup(groupId, group -> {
            ChangeKind kind = group.connected() ? ChangeKind.ARCHIVE : ChangeKind.CONNECT;
            breaks.stage(kind, group.id(), null);
            school = group.schoolId().toString();
            Texts.flash(FacesMessage.SEVERITY_INFO, "admin.groups.addedToBreak", group.name(),
                    Texts.text("admin.break." + kind.name()));
            return againAt(group);
        });
    }

    /** What the school-year break's open plan does to the group ("I läsårsbrytet: Arkivera"), or null. */
    public String inBreak(GroupView group) {
        if (inBreak == null) {
            inBreak = new HashMap<>();
            load();
            if (refusal == null) {
                try {
                    breaks.plan().changes().stream().filter(change -> !change.kind().ofPerson())
                            .forEach(change -> inBreak.put(change.groupId(), change.kind()));
                } catch (RosterException noPlan) {
                    // No open plan: no group is in it.
                }
            }
        }
        ChangeKind kind = inBreak.get(group.id());
        return kind == null ? null : Texts.text("admin.groups.inBreak", Texts.text("admin.break." + kind.name()));
    }

    /** Sets the syllabus chosen in the group's row, or removes it when none is chosen. */
    public String setSyllabus(String groupId) {
        // The row's plain select: only the submitted row's form sends its "syllabus".
        String chosen = request.getParameter("syllabus");
        if (chosen == null || chosen.isBlank()) {
            return change(groupId, "admin.groups.syllabusRemoved", id -> administration.unlinkSyllabus(id));
        }
        UUID syllabusId = uuid(chosen);
        return change(groupId, "admin.groups.syllabusSet", id -> administration.linkSyllabus(id, syllabusId));
    }

    public String linkSubject() {
        load();
        UUID teacherId = uuid(teacher);
        UUID subjectId = uuid(subject);
        if (current == null || teacherId == null || subjectId == null) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.groups.chooseBoth");
            return null;
        }
        try {
            roster.requireSchoolAdministrator(current.id());
            administration.linkTeacherSubject(null, teacherId, current.id(), subjectId);
        } catch (RosterException refused) {
            FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.message(Texts.locale()), null);
            jakarta.faces.context.FacesContext.getCurrentInstance().addMessage(null, message);
            return null;
        } catch (NotPermittedException | NotSignedInException notAdministrator) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.notAdministrator");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "admin.groups.linked");
        return again();
    }

    public String unlinkSubject(String linkId) {
        load();
        UUID id = uuid(linkId);
        if (current == null || id == null || getLinks().stream().noneMatch(link -> link.id().equals(id))) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.groups.notFound");
            return null;
        }
        try {
            roster.requireSchoolAdministrator(current.id());
            administration.unlinkTeacherSubject(id);
        } catch (NotPermittedException | NotSignedInException notAdministrator) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.notAdministrator");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "admin.groups.unlinked");
        return again();
    }

    /** A change of one group: the caller must administer that group's own school. */
    private String change(String groupId, String doneKey, java.util.function.Consumer<UUID> change) {
        return withGroup(groupId, group -> {
            change.accept(group.id());
            school = group.schoolId().toString();
            Texts.flash(FacesMessage.SEVERITY_INFO, doneKey, group.name());
            return again();
        });
    }


    /** Work on one group of a school the caller administers; a refusal becomes the page's message. */
    private String withGroup(String groupId, java.util.function.Function<GroupView, String> work) {
        UUID id = uuid(groupId);
        try {
            GroupView group = id == null ? null : roster.group(id);
            if (group == null) {
                Texts.message(FacesMessage.SEVERITY_ERROR, "admin.groups.notFound");
                return null;
            }
            roster.requireSchoolAdministrator(group.schoolId());
            return work.apply(group);
        } catch (StudentDataNotFoundException notFound) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.groups.notFound");
        } catch (NotPermittedException | NotSignedInException notAdministrator) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.notAdministrator");
        } catch (RosterException refused) {
            jakarta.faces.context.FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.message(Texts.locale()), null));
        }
        return null;
    }

    /** The same list again after a change: school, search and filters are the page's view parameters. */
    private String again() {
        return "/admin/groups.xhtml?faces-redirect=true&includeViewParams=true";
    }

    /**
     * The same list again, scrolled to the group's row: school, search and filters as the page's view parameters
     * (a redirect with a fragment, which a navigation outcome cannot carry).
     */
    private String againAt(GroupView group) {
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("school", List.of(school));
        for (String name : List.of("q", "kind", "state")) {
            String value = param(switch (name) {
                case "q" -> q;
                case "kind" -> kind;
                default -> state;
            }, name);
            if (!blank(value)) {
                parameters.put(name, List.of(value));
            }
        }
        String address = faces.getApplication().getViewHandler()
                .getRedirectURL(faces, "/admin/groups.xhtml", parameters, false) + "#group-" + group.id();
        return Forms.redirect(address);
    }

    private void load() {
        if (schools != null) {
            return;
        }
        try {
            schools = roster.administeredSchools();
        } catch (NotSignedInException notSignedIn) {
            schools = List.of();
            refusal = Denial.simple("auth.notSignedIn");
            return;
        }
        if (schools.isEmpty()) {
            refusal = Denial.simple("admin.notAdministrator");
            return;
        }
        UUID wanted = uuid(param(school, "school"));
        current = schools.stream().filter(candidate -> candidate.id().equals(wanted)).findFirst().orElse(schools.get(0));
        school = current.id().toString();
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    public String getSchool() {
        return school;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public String getTeacher() {
        return teacher;
    }

    public void setTeacher(String teacher) {
        this.teacher = teacher;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }
}
