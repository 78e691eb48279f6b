package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.School;
import se.klassrum.roster.entity.StudyGroup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The roster as the caller's organisation knows it: its schools, a group's particulars and the caller's own
 * groups. None of it names a student; who is in a group is {@link StudentProfiles#membersOf}, behind the rules.
 */
@ApplicationScoped
@Transactional
public class RosterDirectory {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    CallerProvider caller;

    public record SchoolView(UUID id, String name, String schoolUnitCode) {
    }

    public record GroupView(UUID id, UUID schoolId, String schoolName, String name, GroupKind kind, String schoolYear,
                            boolean connected, boolean archived, UUID syllabusId, String syllabusCode) {
        static GroupView of(StudyGroup group) {
            return new GroupView(group.id(), group.school().id(), group.school().name(), group.name(), group.kind(),
                    group.schoolYear(), group.isConnected(), group.isArchived(),
                    group.syllabus().map(syllabus -> syllabus.id()).orElse(null),
                    group.syllabus().map(syllabus -> syllabus.code()).orElse(null));
        }
    }

    @NoStudentData("the schools of the caller's own organisation; names no student")
    public Slice<SchoolView> schools(Page page) {
        List<String> after = page.after(2);
        TypedQuery<School> query = em.createQuery("select s from School s where s.tenant.id = :tenant"
                        + (after == null ? "" : " and (s.name > :name or (s.name = :name and s.id > :id))")
                        + " order by s.name, s.id", School.class)
                .setParameter("tenant", tenant())
                .setMaxResults(page.limit() + 1);
        if (after != null) {
            query.setParameter("name", after.get(0)).setParameter("id", UUID.fromString(after.get(1)));
        }
        return Slice.of(query.getResultList(), page, school -> new SchoolView(school.id(), school.name(),
                school.schoolUnitCode().orElse(null)), school -> new Object[] {school.name(), school.id()});
    }

    @NoStudentData("a group's particulars (name, school, kind, syllabus) in the caller's own organisation; names no student")
    public GroupView group(UUID groupId) {
        StudyGroup group = groupId == null ? null : em.find(StudyGroup.class, groupId);
        if (group == null || !group.tenant().id().equals(tenant())) {
            throw new StudentDataNotFoundException();
        }
        return GroupView.of(group);
    }

    /** The groups the caller is an active owner or member of today, by name. */
    @NoStudentData("the caller's own memberships")
    public Slice<GroupView> myGroups(Page page) {
        Actor actor = caller.currentActor().orElseThrow(() -> new NotSignedInException("Sign in to see your groups"));
        if (!(actor instanceof Actor.Person person)) {
            return new Slice<>(List.of(), null);
        }
        List<String> after = page.after(2);
        TypedQuery<StudyGroup> query = em.createQuery("select distinct m.group from Membership m where m.person.id = :person "
                        + "and m.validity.validFrom <= :today and (m.validity.validTo is null or m.validity.validTo >= :today)"
                        + (after == null ? "" : " and (m.group.name > :name or (m.group.name = :name and m.group.id > :id))")
                        + " order by m.group.name, m.group.id", StudyGroup.class)
                .setParameter("person", person.personId())
                .setParameter("today", LocalDate.now(SCHOOL_ZONE))
                .setMaxResults(page.limit() + 1);
        if (after != null) {
            query.setParameter("name", after.get(0)).setParameter("id", UUID.fromString(after.get(1)));
        }
        return Slice.of(query.getResultList(), page, GroupView::of, group -> new Object[] {group.name(), group.id()});
    }

    private UUID tenant() {
        return caller.currentActor().map(Actor::tenantId)
                .orElseThrow(() -> new NotSignedInException("Sign in to see your organisation's roster"));
    }
}
