package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.Cursors;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.SchoolRole;
import se.klassrum.roster.entity.SecurityMarking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds a student by name for a school administrator who must name one (the audit log, the explain page), among
 * the students with an active student role today at the schools the administrator administers. A student with a
 * protected identity is found only by an administrator who also has a path to the student's profile under the
 * access rules (their mentor, say): that check is an audited profile read, one list entry per search. The
 * administrator's role alone opens no path, so anyone else never learns from a search that such a student exists.
 */
@ApplicationScoped
public class StudentSearch {

    /** The fewest characters a search needs. */
    public static final int MIN_QUERY = 2;
    /** The most students one search names. */
    public static final int MAX_RESULTS = 20;
    /** The keys of a list's cursor: the last student's family name, given name and id. */
    private static final int CURSOR_KEYS = 3;

    /** Read at most this many rows per search: the candidates beyond the limit a protected student may leave. */
    private static final int CANDIDATES = 200;

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    AccessGuard guard;

    /** A student found: id, name and the administrator's schools where they study. */
    public record Match(UUID id, String name, List<String> schools) {

        /** The schools, comma-separated. */
        public String schoolNames() {
            return String.join(", ", schools);
        }
    }

    /**
     * The students whose names contain every word of the query, by family name and given name.
     *
     * @throws NotPermittedException unless the caller is a person with an active SCHOOL_ADMIN role today
     * @throws IllegalArgumentException when the query is shorter than {@link #MIN_QUERY} or the limit is out of range
     */
    @NoStudentData("a school administrator's own schools' students by name, to name one for the audit log or an explanation; "
            + "a protected student only behind an audited profile decision")
    public List<Match> find(String query, int limit) {
        String text = query == null ? "" : query.strip();
        if (text.length() < MIN_QUERY) {
            throw new IllegalArgumentException("a search needs at least " + MIN_QUERY + " characters");
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_RESULTS);
        }
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(word -> !word.isEmpty()).toList();
        StringBuilder condition = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            condition.append(" and lower(concat(r.person.givenName, ' ', r.person.familyName)) like :word").append(i)
                    .append(" escape '\\'");
            parameters.put("word" + i, "%" + likeEscaped(words.get(i)) + "%");
        }
        return studentsOfMySchools(condition.toString(), parameters, CANDIDATES, limit);
    }

    /**
     * The students of the caller's schools whose birth date Klassrum does not know (TRANSITIONS.md, A3): their guardian
     * links do not end by themselves at 18, so the school finds them here and asks the register for the date. By family
     * name and given name, a page at a time; a protected student only as {@link #find} names one.
     *
     * @throws NotPermittedException unless the caller is a person with an active SCHOOL_ADMIN role today
     * @throws Page.InvalidCursorException when the page's cursor is not one this list handed out
     */
    @NoStudentData("a school administrator's own schools' students without a birth date, names only; a protected student "
            + "only behind an audited profile decision")
    public Slice<Match> withoutBirthDate(Page page) {
        return studentsOfMySchools(" and r.person.birthDate is null", Map.of(), page);
    }

    /**
     * The students of the caller's schools who are 18 or older today and have a guardian link (TRANSITIONS.md, A1):
     * those whose links ended at majority or continue by their consent. A page at a time, as {@link #withoutBirthDate}.
     *
     * @throws NotPermittedException unless the caller is a person with an active SCHOOL_ADMIN role today
     * @throws Page.InvalidCursorException when the page's cursor is not one this list handed out
     */
    @NoStudentData("a school administrator's own schools' adult students with guardian links, names only; a protected "
            + "student only behind an audited profile decision")
    public Slice<Match> adultsWithGuardianLinks(Page page) {
        LocalDate today = guard.today();
        return studentsOfMySchools(" and r.person.birthDate <= :eighteenYearsAgo"
                        + " and exists (select l.id from GuardianLink l where l.child = r.person)",
                Map.of("eighteenYearsAgo", today.minusYears(Person.AGE_OF_MAJORITY)), page);
    }

    /**
     * One page of the students with an active STUDENT role today at a school where the caller is a school administrator
     * and who meet the extra JPQL condition (on {@code r.person}), by family name, given name and id; a protected
     * student only where the caller has a path to their profile. Rows are read a page and one at a time until the page
     * is full or the rows run out, so that students left out make no page short; the cursor holds the last student's
     * sort keys.
     */
    private Slice<Match> studentsOfMySchools(String condition, Map<String, Object> parameters, Page page) {
        LocalDate today = guard.today();
        List<UUID> schools = administeredSchools(today);
        List<String> after = page.after(CURSOR_KEYS);
        int batch = page.limit() + 1;
        List<Person> visible = new ArrayList<>();
        while (true) {
            TypedQuery<Person> query = em.createQuery("select p from Person p where exists (select r.id from SchoolRole r "
                            + "where r.person = p and r.school.id in :schools and r.role = :student "
                            + "and r.validity.validFrom <= :today and (r.validity.validTo is null or r.validity.validTo >= :today)"
                            + condition + ")"
                            + (after == null ? "" : " and (p.familyName > :family or (p.familyName = :family"
                            + " and (p.givenName > :given or (p.givenName = :given and p.id > :id))))")
                            + " order by p.familyName, p.givenName, p.id", Person.class)
                    .setParameter("schools", schools)
                    .setParameter("student", RoleKind.STUDENT)
                    .setParameter("today", today)
                    .setMaxResults(batch);
            parameters.forEach(query::setParameter);
            if (after != null) {
                query.setParameter("family", after.get(0)).setParameter("given", after.get(1))
                        .setParameter("id", UUID.fromString(after.get(2)));
            }
            List<Person> rows = query.getResultList();
            Set<UUID> allowed = guard.visibleProfiles(rows.stream().filter(Person::isProtectedIdentity).map(Person::id)
                    .toList());
            rows.stream().filter(person -> !person.isProtectedIdentity() || allowed.contains(person.id())).forEach(visible::add);
            if (rows.size() < batch || visible.size() > page.limit()) {
                break;
            }
            Person last = rows.get(rows.size() - 1);
            after = List.of(last.familyName(), last.givenName(), last.id().toString());
        }
        boolean more = visible.size() > page.limit();
        List<Person> shown = more ? visible.subList(0, page.limit()) : visible;
        Map<UUID, List<String>> schoolsOf = new LinkedHashMap<>();
        if (!shown.isEmpty()) {
            em.createQuery("select r.person.id, r.school.name from SchoolRole r where r.person.id in :students "
                            + "and r.school.id in :schools and r.role = :student and r.validity.validFrom <= :today "
                            + "and (r.validity.validTo is null or r.validity.validTo >= :today) order by r.school.name",
                            Object[].class)
                    .setParameter("students", shown.stream().map(Person::id).toList())
                    .setParameter("schools", schools)
                    .setParameter("student", RoleKind.STUDENT)
                    .setParameter("today", today)
                    .getResultList()
                    .forEach(row -> schoolsOf.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((String) row[1]));
        }
        List<Match> matches = shown.stream().map(person -> new Match(person.id(), person.displayName(),
                schoolsOf.getOrDefault(person.id(), List.of()).stream().distinct().toList())).toList();
        Person last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return new Slice<>(matches, more ? Cursors.seal(List.of(last.familyName(), last.givenName(), last.id().toString()))
                : null);
    }

    /**
     * The students with an active STUDENT role today at a school where the caller is a school administrator and who
     * meet the extra JPQL condition (on {@code r.person}), by name; a protected student only where the caller has a
     * path to their profile.
     */
    private List<Match> studentsOfMySchools(String condition, Map<String, Object> parameters, int candidateRows, int limit) {
        LocalDate today = guard.today();
        List<UUID> schools = administeredSchools(today);
        String jpql = "select r from SchoolRole r join fetch r.person join fetch r.school "
                + "where r.school.id in :schools and r.role = :student "
                + "and r.validity.validFrom <= :today and (r.validity.validTo is null or r.validity.validTo >= :today)"
                + condition
                + " order by r.person.familyName, r.person.givenName, r.person.id, r.school.name";
        TypedQuery<SchoolRole> roles = em.createQuery(jpql, SchoolRole.class)
                .setParameter("schools", schools)
                .setParameter("student", RoleKind.STUDENT)
                .setParameter("today", today)
                .setMaxResults(candidateRows);
        parameters.forEach(roles::setParameter);
        Map<UUID, Candidate> candidates = new LinkedHashMap<>();
        for (SchoolRole role : roles.getResultList()) {
            candidates.computeIfAbsent(role.person().id(), id -> new Candidate(id, role.person().displayName(),
                    role.person().isProtectedIdentity(), new ArrayList<>())).schools().add(role.school().name());
        }
        List<UUID> shielded = candidates.values().stream().filter(Candidate::protectedIdentity).map(Candidate::id).toList();
        Set<UUID> allowed = guard.visibleProfiles(shielded);
        return candidates.values().stream()
                .filter(candidate -> !candidate.protectedIdentity() || allowed.contains(candidate.id()))
                .limit(limit)
                .map(candidate -> new Match(candidate.id(), candidate.name(),
                        candidate.schools().stream().distinct().toList()))
                .toList();
    }

    /**
     * Those of the students whom the caller administers and may name in an audit log: each has an active role of any
     * kind today at a school the caller administers (as a student's own log is decided), and one with a protected
     * identity only where the caller also has a path to the student's profile (decided and audited as one list, as
     * a search is). Anyone else, and a student of another organisation, is left out without a trace.
     *
     * @throws NotPermittedException unless the caller is a person with an active SCHOOL_ADMIN role today
     */
    @NoStudentData("which of the given students a school administrator administers; a protected student only behind an "
            + "audited profile decision")
    public Set<UUID> administeredAmong(Collection<UUID> studentIds) {
        LocalDate today = guard.today();
        List<UUID> schools = administeredSchools(today);
        if (studentIds.isEmpty()) {
            return Set.of();
        }
        Map<UUID, Boolean> found = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("select distinct r.person.id, r.person.securityMarking from SchoolRole r "
                        + "where r.school.id in :schools and r.person.id in :students "
                        + "and r.validity.validFrom <= :today and (r.validity.validTo is null or r.validity.validTo >= :today)",
                        Object[].class)
                .setParameter("schools", schools)
                .setParameter("students", List.copyOf(new java.util.HashSet<>(studentIds)))
                .setParameter("today", today)
                .getResultList()) {
            found.put((UUID) row[0], ((SecurityMarking) row[1]).isProtected());
        }
        Set<UUID> administered = new HashSet<>();
        List<UUID> shielded = new ArrayList<>();
        found.forEach((id, protectedIdentity) -> (protectedIdentity ? shielded : administered).add(id));
        administered.addAll(guard.visibleProfiles(shielded));
        return Set.copyOf(administered);
    }

    /**
     * The schools the caller administers today.
     *
     * @throws NotPermittedException unless the caller is a person (not a guardian login) administering at least one
     */
    private List<UUID> administeredSchools(LocalDate today) {
        Actor caller = guard.currentActor();
        if (!(caller instanceof Actor.Person person) || person.guardianLogin()) {
            throw new NotPermittedException();
        }
        List<UUID> schools = em.createQuery("select r.school.id from SchoolRole r where r.person.id = :person and r.role = :admin "
                        + "and r.validity.validFrom <= :today and (r.validity.validTo is null or r.validity.validTo >= :today)",
                        UUID.class)
                .setParameter("person", person.personId())
                .setParameter("admin", RoleKind.SCHOOL_ADMIN)
                .setParameter("today", today)
                .getResultList();
        if (schools.isEmpty()) {
            throw new NotPermittedException();
        }
        return schools;
    }

    /** The text as a LIKE pattern matches it literally. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Candidate(UUID id, String name, boolean protectedIdentity, List<String> schools) {
    }
}
