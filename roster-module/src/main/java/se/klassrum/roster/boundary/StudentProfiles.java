package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.api.StudentId;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.Person;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Student profiles (name, contact, groups), only ever behind the access rules. */
@ApplicationScoped
@Transactional
public class StudentProfiles {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @StudentData(kind = DataKind.STUDENT_PROFILE)
    public StudentProfile profile(@StudentId UUID studentId) {
        Person student = em.find(Person.class, studentId);
        if (student == null) {
            throw new StudentDataNotFoundException();
        }
        return toProfile(student, currentGroupNames(List.of(studentId)).getOrDefault(studentId, List.of()));
    }

    /**
     * The active members of a group, each shown only to a caller who may see that student's profile: a
     * teacher who owns the group sees them all, a student sees themself, and a protected classmate is never
     * listed to anyone without a path to them.
     */
    @StudentData(kind = DataKind.STUDENT_PROFILE)
    public Slice<StudentProfile> membersOf(@GroupId UUID groupId, Page page) {
        List<String> after = page.after(2);
        TypedQuery<Person> query = em.createQuery("select m.person from Membership m where m.group.id = :group "
                        + "and m.role = :member and m.validity.validFrom <= :today "
                        + "and (m.validity.validTo is null or m.validity.validTo >= :today)"
                        + (after == null ? "" : " and (concat(m.person.familyName, ' ', m.person.givenName) > :name "
                        + "or (concat(m.person.familyName, ' ', m.person.givenName) = :name and m.person.id > :id))")
                        + " order by concat(m.person.familyName, ' ', m.person.givenName), m.person.id", Person.class)
                .setParameter("group", groupId)
                .setParameter("member", MembershipRole.MEMBER)
                .setParameter("today", today())
                .setMaxResults(page.limit() + 1);
        if (after != null) {
            query.setParameter("name", after.get(0)).setParameter("id", UUID.fromString(after.get(1)));
        }
        List<Person> members = query.getResultList();
        Map<UUID, List<String>> groups = currentGroupNames(members.stream().map(Person::id).toList());
        return Slice.of(members, page, member -> toProfile(member, groups.getOrDefault(member.id(), List.of())),
                member -> new Object[] {member.familyName() + " " + member.givenName(), member.id()});
    }

    /** One query for the current groups of all the given people. */
    private Map<UUID, List<String>> currentGroupNames(List<UUID> personIds) {
        Map<UUID, List<String>> names = new LinkedHashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        List<Object[]> rows = em.createQuery("select m.person.id, m.group.name from Membership m "
                        + "where m.person.id in :people and m.role = :member and m.group.connected = true "
                        + "and m.group.archived = false and m.validity.validFrom <= :today "
                        + "and (m.validity.validTo is null or m.validity.validTo >= :today) order by m.group.name",
                        Object[].class)
                .setParameter("people", personIds)
                .setParameter("member", MembershipRole.MEMBER)
                .setParameter("today", today())
                .getResultList();
        for (Object[] row : rows) {
            names.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return names;
    }

    private static StudentProfile toProfile(Person person, List<String> groups) {
        return new StudentProfile(person.id(), person.givenName(), person.familyName(), person.email().orElse(null), groups);
    }

    private static LocalDate today() {
        return LocalDate.now(SCHOOL_ZONE);
    }
}
