package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
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
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakChangesPage;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakPreview;
import se.klassrum.roster.control.BreakPlans.ChangeKind;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.SchoolYear;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /admin/break.xhtml?school=…}: Läsårsbryt, the school-year break as one planned change (TRANSITIONS.md,
 * R1–R3). A school administrator stages next year's changes of the school's groups, previews the access impact the
 * rules decide (per school, who gains and loses which access at the administrator's own school, warnings), applies the
 * whole plan after confirming it, and undoes it the same day. Everything goes through {@link SchoolYearBreaks}.
 * <p>
 * The plan's changes are shown a page at a time, read in the database (a plan proposed from the register for a
 * municipality holds tens of thousands), filtered by kind of change, school and group name: {@code page},
 * {@code changeKind}, {@code changeSchool} and {@code q} in the address, kept through every action on the page.
 */
@Named
@RequestScoped
public class AdminBreakPage {

    @Inject
    SchoolYearBreaks breaks;

    @Inject
    RosterDirectory roster;

    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    /** How many of the plan's changes one page shows. */
    static final int PAGE_SIZE = 50;

    private String school;
    private String kind;
    private String group;
    private String person;
    private boolean confirmed;
    private String schoolYear;
    /** The list's page (from 1) and filters, kept in the address and through every action. */
    private String page;
    private String changeKind;
    private String changeSchool;
    private String q;

    private List<SchoolView> schools;
    private SchoolView current;
    private Denial refusal;
    private BreakChangesPage changes;
    private BreakChangesPage applied;
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

    /** The page of the open plan's changes that the filters keep, or null without an open plan. */
    public BreakChangesPage getChanges() {
        load();
        return changes;
    }

    /** Whether there is an open plan with a change in it. */
    public boolean isPlanned() {
        load();
        return changes != null && changes.total() > 0;
    }

    /** Whether a filter narrows the list of changes. */
    public boolean isFiltered() {
        return filterKind() != null || filterSchool() != null || !blank(param(q, "q"));
    }

    /**
     * "Ändring 101–150 av 40 008" ("Changes 101–150 of 40,008"); with a filter, also how many the whole plan holds.
     * Null when nothing matches.
     */
    public String getRangeText() {
        load();
        if (changes == null || changes.changes().isEmpty()) {
            return null;
        }
        int first = changes.offset() + 1;
        int last = changes.offset() + changes.changes().size();
        return isFiltered() ? Texts.text("admin.break.rangeFiltered", first, last, changes.matching(), changes.total())
                : Texts.text("admin.break.range", first, last, changes.total());
    }

    /** "Sida 3 av 801" ("Page 3 of 801"). */
    public String getPageText() {
        load();
        return Texts.text("admin.break.pageOf", getPageNumber(), getPageCount());
    }

    /** The page shown, from 1. */
    public int getPageNumber() {
        load();
        return changes == null ? 1 : changes.offset() / PAGE_SIZE + 1;
    }

    public int getPageCount() {
        load();
        return changes == null ? 1 : Math.max(1, (changes.matching() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The address of another page of the list, with the same school and filters; null outside the list's pages. */
    public String pageLink(int number) {
        load();
        if (changes == null || number < 1 || number > getPageCount()) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        Map<String, List<String>> parameters = listParameters(number);
        return faces.getExternalContext().encodeBookmarkableURL(
                faces.getExternalContext().getRequestContextPath() + "/admin/break.xhtml", parameters);
    }

    /**
     * The address of the whole plan's first page, at the same school. Built here: a link through the view handler
     * would keep this request's query (see {@link QueryKeepingViewHandler}), filters and all.
     */
    public String getUnfilteredLink() {
        load();
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getExternalContext().encodeBookmarkableURL(
                faces.getExternalContext().getRequestContextPath() + "/admin/break.xhtml",
                current == null ? Map.of() : Map.of("school", List.of(current.id().toString())));
    }

    /** The kinds of change to filter by, with how many the plan holds of each, as option labels. */
    public String kindOption(ChangeKind value) {
        load();
        Integer count = changes == null ? null : changes.kinds().get(value);
        return Texts.text("admin.break.option", label(value), count == null ? 0 : count);
    }

    public String schoolOption(SchoolYearBreaks.BreakSchoolChanges value) {
        return Texts.text("admin.break.option", value.schoolName(), value.changes());
    }

    /** The kind filtered by, or null. */
    private ChangeKind filterKind() {
        String value = param(changeKind, "changeKind");
        if (blank(value)) {
            return null;
        }
        try {
            return ChangeKind.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The school filtered by, or null. */
    private UUID filterSchool() {
        return Forms.uuid(param(changeSchool, "changeSchool"));
    }

    private int requestedPage() {
        String value = param(page, "page");
        try {
            return blank(value) ? 1 : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    /**
     * A list parameter: the view parameter once applied, else the request's. A row's form is decoded before view
     * parameters are applied (update model values), against the list as it was shown; its address holds the list's
     * parameters (see {@link QueryKeepingViewHandler}).
     */
    private String param(String value, String name) {
        return value != null ? value : request.getParameter(name);
    }

    /** The school, page and filters in an address of this page. */
    private Map<String, List<String>> listParameters(int number) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (current != null) {
            parameters.put("school", List.of(current.id().toString()));
        }
        if (number > 1) {
            parameters.put("page", List.of(Integer.toString(number)));
        }
        ChangeKind kindShown = filterKind();
        if (kindShown != null) {
            parameters.put("changeKind", List.of(kindShown.name()));
        }
        UUID schoolShown = filterSchool();
        if (schoolShown != null) {
            parameters.put("changeSchool", List.of(schoolShown.toString()));
        }
        String search = param(q, "q");
        if (!blank(search)) {
            parameters.put("q", List.of(search.strip()));
        }
        return parameters;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The last applied plan, while it can still be undone, or null. */
    public BreakChangesPage getApplied() {
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

    /** This page again after a change (post/redirect/get), at the same page of the list with the same filters. */
    private String again() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String address = faces.getApplication().getViewHandler()
                .getRedirectURL(faces, "/admin/break.xhtml", listParameters(getPageNumber()), false);
        return Forms.redirect(address);
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
            changes = pageOfPlan(requestedPage());
            if (changes != null && changes.changes().isEmpty() && changes.matching() > 0) {
                // Past the last page (its last change was taken out, say): the last page instead.
                changes = pageOfPlan((changes.matching() + PAGE_SIZE - 1) / PAGE_SIZE);
            }
            applied = orNull(() -> breaks.lastAppliedPage(0, 1));
        } catch (NotSignedInException notSignedIn) {
            refusal = Denial.simple("auth.notSignedIn");
        } catch (NotPermittedException notAdministrator) {
            refusal = Denial.simple("admin.notAdministrator");
        }
    }

    private BreakChangesPage pageOfPlan(int number) {
        long offset = (long) (number - 1) * PAGE_SIZE;
        int from = (int) Math.min(offset, Integer.MAX_VALUE - PAGE_SIZE);
        return orNull(() -> breaks.planPage(filterKind(), filterSchool(), param(q, "q"), from, PAGE_SIZE));
    }

    private static <T> T orNull(java.util.function.Supplier<T> read) {
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

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getChangeKind() {
        return changeKind;
    }

    public void setChangeKind(String changeKind) {
        this.changeKind = changeKind;
    }

    public String getChangeSchool() {
        return changeSchool;
    }

    public void setChangeSchool(String changeSchool) {
        this.changeSchool = changeSchool;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }
}
