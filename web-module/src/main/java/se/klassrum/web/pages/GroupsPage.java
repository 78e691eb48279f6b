package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.AdministeredSchool;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.teaching.boundary.ReadingMarks;
import se.klassrum.teaching.boundary.WorkOverviews;
import se.klassrum.teaching.boundary.WorkOverviews.CallerRoles;
import se.klassrum.teaching.boundary.WorkOverviews.HandInToReview;
import se.klassrum.teaching.boundary.WorkOverviews.WorkItem;

import java.text.Collator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /groups.xhtml}: the start page. "Att rätta" for a teacher: the hand-ins waiting for feedback in all their
 * groups, oldest first; "Att göra" for a student: the assignments of all their groups with where their work stands,
 * what is still to do first; "Mina grupper", the caller's groups today, per school; and, for a school administrator,
 * the schools they administer at a glance: how many groups, how many of them not connected or without a syllabus, and
 * the way to the administration pages.
 */
@Named
@RequestScoped
public class GroupsPage {

    /** More pages than any teacher has groups; the page does not paginate. */
    private static final int MAX_PAGES = 10;

    /** The start page shows this many hand-ins to review; the oldest are the ones to see. */
    private static final int SHOWN_TO_REVIEW = 50;

    /** "Att göra" leaves out assignments due longer ago than this; the group pages keep them. */
    private static final int TO_DO_DAYS_BACK = 30;

    /** One school's heading and its groups, by name. */
    public record School(UUID id, String name, List<GroupView> groups) {
    }

    @Inject
    RosterDirectory roster;

    @Inject
    WorkOverviews work;

    @Inject
    CallerProvider caller;

    @Inject
    ReadingMarks reading;

    private List<School> schools;
    private CallerRoles roles;
    private List<HandInToReview> toReview;
    private List<WorkItem> toDo;
    private Map<UUID, OffsetDateTime> workRead = Map.of();
    private List<AdministeredSchool> administered;
    private boolean signedIn = true;

    public List<School> getSchools() {
        if (schools == null) {
            schools = load();
        }
        return schools;
    }

    public boolean isSignedIn() {
        getSchools();
        return signedIn;
    }

    /** The schools the caller administers (none for anyone else), each with its current groups counted. */
    public List<AdministeredSchool> getAdministered() {
        if (administered == null) {
            administered = isSignedIn() ? roster.administeredSchoolsWithGroupCounts() : List.of();
        }
        return administered;
    }

    /** "9 grupper · 1 ej ansluten · 2 utan kursplan" */
    public String summary(AdministeredSchool school) {
        return Texts.text("groups.admin.summary", school.groups(), school.notConnected(), school.withoutSyllabus());
    }

    /** The caller owns a connected, current group: "Att rätta" is shown, empty or not. */
    public boolean isTeaches() {
        return roles().teaches();
    }

    /** The caller is a member of a connected, current group: "Att göra" is shown, empty or not. */
    public boolean isStudies() {
        return roles().studies();
    }

    /** The hand-ins waiting for the caller's feedback, oldest first. */
    public List<HandInToReview> getToReview() {
        if (toReview == null) {
            toReview = isTeaches() ? work.toReview(Page.first(SHOWN_TO_REVIEW)).items() : List.of();
        }
        return toReview;
    }

    /** The caller's own assignments: what is still to do first, then what is handed in or returned; each by due time. */
    public List<WorkItem> getToDo() {
        if (toDo == null) {
            UUID me = Forms.me(caller);
            toDo = isStudies() && me != null ? toDo(me) : List.of();
        }
        return toDo;
    }

    /** "Ej inlämnad", "Utkast", "Inlämnad", "Sen", "Återlämnad", "Komplettera". */
    public String status(WorkItem item) {
        return Texts.text("work.status." + item.status().name());
    }

    /** Work the teacher returned or sent back since the student last opened it: marked "Ny". */
    public boolean isNew(WorkItem item) {
        return Unread.answered(item, workRead);
    }

    public boolean open(WorkItem item) {
        return item.status().open();
    }

    public String due(OffsetDateTime dueAt) {
        return SchoolTime.due(dueAt, Texts.locale());
    }

    public String when(OffsetDateTime time) {
        return SchoolTime.when(time);
    }

    public String kind(GroupView group) {
        return Texts.text("group.kind." + group.kind().name());
    }

    private CallerRoles roles() {
        if (roles == null) {
            roles = isSignedIn() ? work.callerRoles() : new CallerRoles(false, false);
        }
        return roles;
    }

    private List<WorkItem> toDo(UUID me) {
        OffsetDateTime from = OffsetDateTime.now(SchoolTime.ZONE).minusDays(TO_DO_DAYS_BACK);
        List<WorkItem> items = Slices.all(page -> work.workOf(me, from, page), MAX_PAGES);
        workRead = reading.lastRead(items.stream().map(WorkItem::assignmentId).toList());
        List<WorkItem> ordered = new ArrayList<>(items.stream().filter(item -> item.status().open()).toList());
        ordered.addAll(items.stream().filter(item -> !item.status().open()).toList());
        return List.copyOf(ordered);
    }

    private List<School> load() {
        List<GroupView> groups;
        try {
            groups = Slices.all(roster::myGroups, MAX_PAGES);
        } catch (NotSignedInException notSignedIn) {
            signedIn = false;
            return List.of();
        }
        Collator collator = Collator.getInstance(Texts.locale());
        Map<UUID, List<GroupView>> bySchool = new LinkedHashMap<>();
        groups.stream()
                .sorted(Comparator.comparing(GroupView::schoolName, collator))
                .forEach(group -> bySchool.computeIfAbsent(group.schoolId(), id -> new ArrayList<>()).add(group));
        return bySchool.values().stream()
                .map(list -> new School(list.get(0).schoolId(), list.get(0).schoolName(), List.copyOf(list)))
                .toList();
    }
}
