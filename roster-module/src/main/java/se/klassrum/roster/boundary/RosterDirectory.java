package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.api.StudentId;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.Subject;
import se.klassrum.roster.entity.Syllabus;
import se.klassrum.roster.entity.TeacherSubject;
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
                            boolean connected, boolean archived, UUID syllabusId, String syllabusCode, String syllabusName) {
        static GroupView of(StudyGroup group) {
            return new GroupView(group.id(), group.school().id(), group.school().name(), group.name(), group.kind(),
                    group.schoolYear(), group.isConnected(), group.isArchived(),
                    group.syllabus().map(syllabus -> syllabus.id()).orElse(null),
                    group.syllabus().map(syllabus -> syllabus.code()).orElse(null),
                    group.syllabus().map(syllabus -> syllabus.name()).orElse(null));
        }
    }

    /** A syllabus (kursplan) of the organisation, with its subject's code. */
    public record SyllabusView(UUID id, String code, String name, String subjectCode) {
    }

    /** A subject (ämne) of the organisation. */
    public record SubjectView(UUID id, String code, String name) {
    }

    /** A member of staff, by name. */
    public record StaffView(UUID id, String name) {
    }

    /** A teacher's link to a subject at a school: what lets them assess in that subject's syllabi there. */
    public record TeacherSubjectView(UUID id, UUID teacherId, String teacherName, UUID subjectId, String subjectCode,
                                     String subjectName) {
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

    /**
     * The connected, non-archived groups in which the student is an active member today, by name: where the posts
     * and assignments that concern the student are (a guardian's view of a child). Which groups a student is in is
     * part of the student's profile, so the rules decide it as a profile read.
     */
    @StudentData(kind = DataKind.STUDENT_PROFILE)
    public List<GroupView> groupsOf(@StudentId UUID studentId) {
        return em.createQuery("select distinct m.group from Membership m where m.person.id = :student and m.role = :member "
                        + "and m.group.connected = true and m.group.archived = false and m.validity.validFrom <= :today "
                        + "and (m.validity.validTo is null or m.validity.validTo >= :today) order by m.group.name, m.group.id",
                        StudyGroup.class)
                .setParameter("student", studentId)
                .setParameter("member", MembershipRole.MEMBER)
                .setParameter("today", LocalDate.now(SCHOOL_ZONE))
                .getResultStream()
                .map(GroupView::of)
                .toList();
    }

    /** Whether the caller is an integration (an application's token) rather than a person. */
    @NoStudentData("what kind of caller asks; names no student")
    public boolean callerIsApplication() {
        return caller.currentActor().orElse(null) instanceof Actor.Application;
    }

    /** The schools where the caller is a school administrator today, by name. */
    @NoStudentData("the schools the caller administers; names no student")
    public List<SchoolView> administeredSchools() {
        Actor actor = caller.currentActor().orElseThrow(() -> new NotSignedInException("Sign in to administer a school"));
        if (!(actor instanceof Actor.Person person)) {
            return List.of();
        }
        return em.createQuery("select distinct r.school from SchoolRole r where r.person.id = :person and r.role = :admin "
                        + "and r.validity.validFrom <= :today and (r.validity.validTo is null or r.validity.validTo >= :today) "
                        + "order by r.school.name, r.school.id", School.class)
                .setParameter("person", person.personId())
                .setParameter("admin", RoleKind.SCHOOL_ADMIN)
                .setParameter("today", LocalDate.now(SCHOOL_ZONE))
                .getResultStream()
                .map(school -> new SchoolView(school.id(), school.name(), school.schoolUnitCode().orElse(null)))
                .toList();
    }

    /**
     * Groups by name, for a person who must name one (the explain page): those whose name holds the text, ignoring
     * case, among the groups of the schools the caller administers and the caller's own groups today, by name; at
     * most {@code limit}. Group names are no student's data.
     */
    @NoStudentData("groups by name among the caller's schools and own groups; names no student")
    public List<GroupView> groupsNamed(String text, int limit) {
        Actor actor = caller.currentActor().orElseThrow(() -> new NotSignedInException("Sign in to find a group"));
        if (!(actor instanceof Actor.Person person) || text == null || text.isBlank()) {
            return List.of();
        }
        return em.createQuery("select g from StudyGroup g where lower(g.name) like :pattern escape '\\' and ("
                        + " g.school.id in (select r.school.id from SchoolRole r where r.person.id = :person and r.role = :admin"
                        + " and r.validity.validFrom <= :today and (r.validity.validTo is null or r.validity.validTo >= :today))"
                        + " or exists (select m from Membership m where m.group = g and m.person.id = :person"
                        + " and m.validity.validFrom <= :today and (m.validity.validTo is null or m.validity.validTo >= :today)))"
                        + " order by g.name, g.id", StudyGroup.class)
                .setParameter("pattern", containing(text))
                .setParameter("person", person.personId())
                .setParameter("admin", RoleKind.SCHOOL_ADMIN)
                .setParameter("today", LocalDate.now(SCHOOL_ZONE))
                .setMaxResults(limit)
                .getResultStream()
                .map(GroupView::of)
                .toList();
    }

    /**
     * The organisation's syllabi whose code or name holds the text, ignoring case, by code; at most {@code limit}.
     */
    @NoStudentData("syllabi of the caller's organisation by code or name; names no student")
    public List<SyllabusView> syllabiNamed(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return em.createQuery("select s from Syllabus s join fetch s.subject where s.tenant.id = :tenant and"
                        + " (lower(s.code) like :pattern escape '\\' or lower(s.name) like :pattern escape '\\')"
                        + " order by s.code, s.id", Syllabus.class)
                .setParameter("tenant", tenant())
                .setParameter("pattern", containing(text))
                .setMaxResults(limit)
                .getResultStream()
                .map(syllabus -> new SyllabusView(syllabus.id(), syllabus.code(), syllabus.name(), syllabus.subject().code()))
                .toList();
    }

    /** A LIKE pattern for "holds the text", the text's own wildcards taken literally. */
    private static String containing(String text) {
        String escaped = text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** A school the caller administers with its current (not archived) groups counted. */
    public record AdministeredSchool(UUID id, String name, int groups, int notConnected, int withoutSyllabus) {
    }

    /**
     * The schools the caller administers, by name, each with its current groups counted in one query: how many, how
     * many not connected, how many teaching groups without a syllabus.
     */
    @NoStudentData("counts of the groups of the schools the caller administers; names no student")
    public List<AdministeredSchool> administeredSchoolsWithGroupCounts() {
        List<SchoolView> schools = administeredSchools();
        if (schools.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, Object[]> counts = new java.util.HashMap<>();
        em.createQuery("select g.school.id, count(g),"
                        + " sum(case when g.connected = false then 1 else 0 end),"
                        + " sum(case when g.kind = :teaching and g.syllabus is null then 1 else 0 end)"
                        + " from StudyGroup g where g.school.id in :schools and g.archived = false group by g.school.id",
                        Object[].class)
                .setParameter("teaching", GroupKind.TEACHING)
                .setParameter("schools", schools.stream().map(SchoolView::id).toList())
                .getResultList()
                .forEach(row -> counts.put((UUID) row[0], row));
        return schools.stream().map(school -> {
            Object[] row = counts.get(school.id());
            return row == null ? new AdministeredSchool(school.id(), school.name(), 0, 0, 0)
                    : new AdministeredSchool(school.id(), school.name(), ((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue(), ((Number) row[3]).intValue());
        }).toList();
    }

    /**
     * Refuses unless the caller is a school administrator of the school today: the check before any change of the
     * school's groups or subject links through {@link RosterAdministration}.
     *
     * @throws NotPermittedException when the caller does not administer the school (or it does not exist)
     */
    @NoStudentData("authorises a school administrator's change of roster facts; reveals nothing itself")
    public void requireSchoolAdministrator(UUID schoolId) {
        if (schoolId == null || administeredSchools().stream().noneMatch(school -> school.id().equals(schoolId))) {
            throw new NotPermittedException();
        }
    }

    /** Every group of a school the caller administers, connected or not, archived or not, by name. */
    @NoStudentData("the groups of a school the caller administers (name, kind, connection, syllabus); names no student")
    public List<GroupView> groupsOfSchool(UUID schoolId) {
        requireSchoolAdministrator(schoolId);
        return em.createQuery("select g from StudyGroup g where g.school.id = :school order by g.name, g.id", StudyGroup.class)
                .setParameter("school", schoolId)
                .getResultStream()
                .map(GroupView::of)
                .toList();
    }

    /** The syllabi of the caller's organisation, by code. */
    @NoStudentData("course metadata of the caller's own organisation; names no student")
    public List<SyllabusView> syllabi() {
        return em.createQuery("select s from Syllabus s where s.tenant.id = :tenant order by s.code, s.id", Syllabus.class)
                .setParameter("tenant", tenant())
                .getResultStream()
                .map(syllabus -> new SyllabusView(syllabus.id(), syllabus.code(), syllabus.name(), syllabus.subject().code()))
                .toList();
    }

    /** The subjects of the caller's organisation, by code. */
    @NoStudentData("course metadata of the caller's own organisation; names no student")
    public List<SubjectView> subjects() {
        return em.createQuery("select s from Subject s where s.tenant.id = :tenant order by s.code, s.id", Subject.class)
                .setParameter("tenant", tenant())
                .getResultStream()
                .map(subject -> new SubjectView(subject.id(), subject.code(), subject.name()))
                .toList();
    }

    /** The staff with an active teacher or mentor role at a school the caller administers, by name. */
    @NoStudentData("the teachers and mentors of a school the caller administers; names no student")
    public List<StaffView> teachersOfSchool(UUID schoolId) {
        requireSchoolAdministrator(schoolId);
        return em.createQuery("select distinct r.person from SchoolRole r where r.school.id = :school and r.role in :roles "
                        + "and r.validity.validFrom <= :today and (r.validity.validTo is null or r.validity.validTo >= :today) "
                        + "order by r.person.familyName, r.person.givenName, r.person.id", Person.class)
                .setParameter("school", schoolId)
                .setParameter("roles", List.of(RoleKind.TEACHER, RoleKind.MENTOR))
                .setParameter("today", LocalDate.now(SCHOOL_ZONE))
                .getResultStream()
                .map(person -> new StaffView(person.id(), person.displayName()))
                .toList();
    }

    /** The teacher subject links at a school the caller administers, by teacher and subject. */
    @NoStudentData("which teachers of a school the caller administers are linked to which subjects; names no student")
    public List<TeacherSubjectView> teacherSubjects(UUID schoolId) {
        requireSchoolAdministrator(schoolId);
        return em.createQuery("select t from TeacherSubject t where t.school.id = :school "
                        + "order by t.teacher.familyName, t.teacher.givenName, t.subject.code, t.id", TeacherSubject.class)
                .setParameter("school", schoolId)
                .getResultStream()
                .map(link -> new TeacherSubjectView(link.id(), link.teacher().id(), link.teacher().displayName(),
                        link.subject().id(), link.subject().code(), link.subject().name()))
                .toList();
    }

    private UUID tenant() {
        return caller.currentActor().map(Actor::tenantId)
                .orElseThrow(() -> new NotSignedInException("Sign in to see your organisation's roster"));
    }
}
