package se.klassrum.roster.importer;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.entity.GroupKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The tenant's roster as an import compares it: loaded once per run, in bulk, with scalar JPQL queries that
 * build no entities and fill no persistence context. Large tables are read in pages by id (keyset paging),
 * so that no single result holds a million rows. Nothing here is changed; the plan says what to write.
 */
final class TenantState {

    /** Rows per query page. */
    static final int PAGE = 20_000;

    // The nil uuid sorts first in PostgreSQL, which compares uuids as unsigned bytes.
    private static final UUID BEFORE_ALL = new UUID(0L, 0L);

    record School(UUID id, String externalId, String name) {
    }

    record Person(UUID id, String externalId, String givenName, String familyName, String email, LocalDate birthDate) {
    }

    record Syllabus(UUID id, String code, UUID subjectId, String subjectCode) {
    }

    record Group(UUID id, String externalId, UUID schoolId, GroupKind kind, String name, boolean archived,
                 UUID syllabusId) {
    }

    /** A school role, membership or guardian link, with the same meaning of first and second as in RosterSet. */
    record Fact(UUID id, UUID first, UUID second, Enum<?> type, LocalDate from, LocalDate to) {
    }

    final UUID tenantId;
    /** Schools, people and groups with an external id, by that id; only those can be matched by an import. */
    final Map<String, School> schools = new HashMap<>();
    final Map<UUID, School> schoolsById = new HashMap<>();
    final Map<String, Person> persons = new HashMap<>();
    final Map<UUID, Person> personsById = new HashMap<>();
    final Map<String, UUID> subjects = new HashMap<>();
    final Map<String, Syllabus> syllabi = new HashMap<>();
    final Map<String, Group> groups = new HashMap<>();
    final Map<UUID, Group> groupsById = new HashMap<>();
    final List<Fact> roles = new ArrayList<>();
    final List<Fact> memberships = new ArrayList<>();
    final List<Fact> guardianLinks = new ArrayList<>();

    private final Map<LocalDate, LocalDate> dates = new HashMap<>();

    private TenantState(UUID tenantId) {
        this.tenantId = tenantId;
    }

    static TenantState load(EntityManager em, UUID tenantId) {
        TenantState state = new TenantState(tenantId);
        state.loadAll(em);
        return state;
    }

    private void loadAll(EntityManager em) {
        for (Object[] row : all(em, "select s.id, s.externalId, s.name from School s where s.tenant.id = :tenant")) {
            School school = new School((UUID) row[0], (String) row[1], (String) row[2]);
            schoolsById.put(school.id(), school);
            if (school.externalId() != null) {
                schools.put(school.externalId(), school);
            }
        }
        paged(em, "select p.id, p.externalId, p.givenName, p.familyName, p.email, p.birthDate from Person p"
                + " where p.tenant.id = :tenant and p.id > :after order by p.id", row -> {
            Person person = new Person((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], date(row[5]));
            persons.put(person.externalId(), person);
            personsById.put(person.id(), person);
            return person.id();
        });
        for (Object[] row : all(em, "select s.id, s.code from Subject s where s.tenant.id = :tenant")) {
            subjects.put((String) row[1], (UUID) row[0]);
        }
        for (Object[] row : all(em, "select y.id, y.code, s.id, s.code from Syllabus y join y.subject s"
                + " where y.tenant.id = :tenant")) {
            syllabi.put((String) row[1], new Syllabus((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3]));
        }
        // The syllabus by its code: EclipseLink 4.0 fails on a null uuid read from an outer join (see UuidColumns).
        for (Object[] row : all(em, "select g.id, g.externalId, s.id, g.kind, g.name, g.archived, y.code from StudyGroup g"
                + " join g.school s left join g.syllabus y where g.tenant.id = :tenant and g.externalId is not null")) {
            Syllabus syllabus = row[6] == null ? null : syllabi.get((String) row[6]);
            Group group = new Group((UUID) row[0], (String) row[1], (UUID) row[2], (GroupKind) row[3], (String) row[4],
                    (Boolean) row[5], syllabus == null ? null : syllabus.id());
            groups.put(group.externalId(), group);
            groupsById.put(group.id(), group);
        }
        paged(em, "select r.id, p.id, s.id, r.role, r.validity.validFrom, r.validity.validTo from SchoolRole r"
                + " join r.person p join r.school s where r.tenant.id = :tenant and r.id > :after order by r.id",
                row -> add(roles, row, personsById.get((UUID) row[1]) == null ? null : personsById.get((UUID) row[1]).id(),
                        schoolsById.get((UUID) row[2]) == null ? null : schoolsById.get((UUID) row[2]).id()));
        paged(em, "select m.id, g.id, p.id, m.role, m.validity.validFrom, m.validity.validTo from Membership m"
                + " join m.group g join m.person p where m.tenant.id = :tenant and g.externalId is not null"
                + " and m.id > :after order by m.id",
                row -> add(memberships, row, groupsById.get((UUID) row[1]) == null ? null : groupsById.get((UUID) row[1]).id(),
                        personId(row[2])));
        paged(em, "select k.id, g.id, c.id, k.relation, k.validity.validFrom, k.validity.validTo from GuardianLink k"
                + " join k.guardian g join k.child c where k.tenant.id = :tenant and k.id > :after order by k.id",
                row -> add(guardianLinks, row, personId(row[1]), personId(row[2])));
    }

    /** The canonical id object of a person, so that a million facts share one per person. */
    private UUID personId(Object id) {
        Person person = personsById.get((UUID) id);
        return person == null ? (UUID) id : person.id();
    }

    private UUID add(List<Fact> facts, Object[] row, UUID first, UUID second) {
        facts.add(new Fact((UUID) row[0], first == null ? (UUID) row[1] : first, second == null ? (UUID) row[2] : second,
                (Enum<?>) row[3], date(row[4]), date(row[5])));
        return (UUID) row[0];
    }

    private List<Object[]> all(EntityManager em, String jpql) {
        return em.createQuery(jpql, Object[].class).setParameter("tenant", tenantId).getResultList();
    }

    /** Reads a query page by page; {@code row} returns the row's id, which the next page starts after. */
    private void paged(EntityManager em, String jpql, Function<Object[], UUID> row) {
        UUID after = BEFORE_ALL;
        while (true) {
            List<Object[]> page = em.createQuery(jpql, Object[].class)
                    .setParameter("tenant", tenantId)
                    .setParameter("after", after)
                    .setMaxResults(PAGE)
                    .getResultList();
            for (Object[] values : page) {
                after = row.apply(values);
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** One LocalDate object per day, shared by every row of that day. */
    private LocalDate date(Object value) {
        LocalDate day;
        if (value == null) {
            return null;
        } else if (value instanceof LocalDate local) {
            day = local;
        } else if (value instanceof java.sql.Date sql) {
            day = sql.toLocalDate();
        } else {
            throw new IllegalStateException("not a date: " + value.getClass().getName());
        }
        return dates.computeIfAbsent(day, same -> same);
    }
}
