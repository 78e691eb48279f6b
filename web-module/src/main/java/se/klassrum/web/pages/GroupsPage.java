package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.AdministeredSchool;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /groups.xhtml}: "Mina grupper", the caller's groups today, per school; and, for a school administrator, the
 * schools they administer at a glance: how many groups, how many of them not connected or without a syllabus, and the
 * way to the administration pages.
 */
@Named
@RequestScoped
public class GroupsPage {

    /** More pages than any teacher has groups; the page does not paginate. */
    private static final int MAX_PAGES = 10;

    /** One school's heading and its groups, by name. */
    public record School(UUID id, String name, List<GroupView> groups) {
    }

    @Inject
    RosterDirectory roster;

    private List<School> schools;
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

    public String kind(GroupView group) {
        return Texts.text("group.kind." + group.kind().name());
    }

    private List<School> load() {
        List<GroupView> groups = new ArrayList<>();
        try {
            Slice<GroupView> slice = roster.myGroups(Page.first(Page.MAX_LIMIT));
            groups.addAll(slice.items());
            for (int i = 1; i < MAX_PAGES && slice.nextCursor() != null; i++) {
                slice = roster.myGroups(new Page(Page.MAX_LIMIT, slice.nextCursor()));
                groups.addAll(slice.items());
            }
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
