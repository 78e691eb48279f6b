package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.roster.boundary.RosterDirectory.SchoolView;
import se.klassrum.roster.boundary.RosterDirectory.StaffView;
import se.klassrum.roster.boundary.SchoolYearBreaks;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakPlanView;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakPreview;
import se.klassrum.roster.control.BreakPlans.ChangeKind;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.SchoolYear;

import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/break.xhtml?school=…}: Läsårsbryt, the school-year break as one planned change (TRANSITIONS.md,
 * R1–R3). A school administrator stages next year's changes of the school's groups, previews the access impact the
 * rules decide (per school, who gains and loses which access at the administrator's own school, warnings), applies the
 * whole plan after confirming it, and undoes it the same day. Everything goes through {@link SchoolYearBreaks}.
 */
@Named
@RequestScoped
public class AdminBreakPage {

    @Inject
    SchoolYearBreaks breaks;

    @Inject
    RosterDirectory roster;

    private String school;
    private String kind;
    private String group;
    private String person;
    private boolean confirmed;
    private String schoolYear;

    private List<SchoolView> schools;
    private SchoolView current;
    private Denial refusal;
    private BreakPlanView plan;
    private BreakPlanView applied;
    private BreakPreview preview;
    private boolean loaded;

    public List<SchoolView> getSchools() {
        load();
        return schools;
    }

    public SchoolView getCurrent() {
        load();
        return current;
    }

    public Denial getRefusal() {
        load();
        return refusal;
    }

    /** The open plan, or null. */
    public BreakPlanView getPlan() {
        load();
        return plan;
    }

    /** The last applied plan, while it can still be undone, or null. */
    public BreakPlanView getApplied() {
        load();
        return applied;
    }

    /** The impact, once asked for on this request. */
    public BreakPreview getPreview() {
        return preview;
    }

    public List<GroupView> getGroups() {
        load();
        return current == null ? List.of() : roster.groupsOfSchool(current.id()).stream().filter(g -> !g.archived()).toList();
    }

    public List<StaffView> getTeachers() {
        load();
        return current == null ? List.of() : roster.teachersOfSchool(current.id());
    }

    public ChangeKind[] getKinds() {
        return ChangeKind.values();
    }

    public String label(Object value) {
        return value == null ? "" : Texts.text("admin.break." + value);
    }

    /** A warning in the page's language. */
    public String warningText(SchoolYearBreaks.BreakWarning warning) {
        return "en".equals(Texts.locale().getLanguage()) ? warning.textEn() : warning.textSv();
    }

    public String stage() {
        load();
        if (refusal != null) {
            return null;
        }
        ChangeKind chosen = kind == null || kind.isBlank() ? null : ChangeKind.valueOf(kind);
        UUID groupId = Forms.uuid(group);
        UUID personId = Forms.uuid(person);
        if (chosen == null || groupId == null || chosen.ofPerson() && personId == null) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.break.chooseChange");
            return null;
        }
        return act(() -> breaks.stage(chosen, groupId, chosen.ofPerson() ? personId : null), "admin.break.staged");
    }

    /**
     * Stages what the register's data implies for the coming school year at the caller's schools; says how many changes
     * were added (none when proposed again).
     */
    public String propose() {
        load();
        if (refusal != null) {
            return null;
        }
        String[] added = new String[2];
        return actThenTell(() -> {
            SchoolYearBreaks.BreakProposal proposal = breaks.proposeFromRegister(
                    schoolYear == null || schoolYear.isBlank() ? null : SchoolYear.parse(schoolYear));
            added[0] = Integer.toString(proposal.added());
            added[1] = proposal.schoolYear();
        }, () -> Texts.flash(FacesMessage.SEVERITY_INFO, "admin.break.proposed", added[0], added[1]));
    }

    /** The school year proposed when none is written: the one that starts on the next 1 July. */
    public String getComingSchoolYear() {
        return breaks.comingSchoolYear();
    }

    public String unstage(int seq) {
        return act(() -> breaks.unstage(seq), null);
    }

    /** Shows the impact on this page (and keeps what it saw, for apply). */
    public String showPreview() {
        load();
        act(() -> preview = breaks.preview(current == null ? null : current.id()), null);
        return null;
    }

    public String apply() {
        if (!confirmed) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.break.confirmFirst");
            return null;
        }
        return act(breaks::apply, "admin.break.appliedDone");
    }

    public String undo() {
        return act(breaks::undo, "admin.break.undone");
    }

    /**
     * Runs one change of the plan: then back to the page with the notice (none for null), or a refusal shown here.
     */
    private String act(Runnable change, String notice) {
        return actThenTell(change, notice == null ? null : () -> Texts.flash(FacesMessage.SEVERITY_INFO, notice));
    }

    /** As {@link #act(Runnable, String)}, with a notice that says what the change did. */
    private String actThenTell(Runnable change, Runnable notice) {
        try {
            change.run();
            if (notice != null) {
                notice.run();
            }
            return preview != null ? null : again();
        } catch (RosterException refused) {
            refused(refused);
        } catch (NotPermittedException | StudentDataNotFoundException notHere) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.notAdministrator");
        }
        return null;
    }

    private static void refused(RosterException refused) {
        String text = "en".equals(Texts.locale().getLanguage()) ? refused.messageEn() : refused.messageSv();
        jakarta.faces.context.FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private String again() {
        return "/admin/break.xhtml?faces-redirect=true" + (current == null ? "" : "&school=" + current.id());
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        schools = List.of();
        try {
            schools = roster.administeredSchools();
            if (schools.isEmpty()) {
                refusal = Denial.simple("admin.notAdministrator");
                return;
            }
            current = schools.stream().filter(s -> s.id().toString().equals(school)).findFirst().orElse(schools.getFirst());
            plan = orNull(() -> breaks.plan());
            applied = orNull(() -> breaks.lastApplied());
        } catch (NotSignedInException notSignedIn) {
            refusal = Denial.simple("auth.notSignedIn");
        } catch (NotPermittedException notAdministrator) {
            refusal = Denial.simple("admin.notAdministrator");
        }
    }

    private static BreakPlanView orNull(java.util.function.Supplier<BreakPlanView> read) {
        try {
            return read.get();
        } catch (RosterException none) {
            if (none.code() == RosterError.BREAK_NO_PLAN || none.code() == RosterError.BREAK_NOTHING_TO_UNDO) {
                return null;
            }
            throw none;
        }
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public String getSchoolYear() {
        return schoolYear;
    }

    public void setSchoolYear(String schoolYear) {
        this.schoolYear = schoolYear;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }
}
