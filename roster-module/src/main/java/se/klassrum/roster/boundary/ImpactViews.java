package se.klassrum.roster.boundary;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakKindCount;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakPerson;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakPersonChange;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakSchoolImpact;
import se.klassrum.roster.boundary.SchoolYearBreaks.BreakWarning;
import se.klassrum.roster.control.BreakImpacts;
import se.klassrum.roster.control.BreakImpacts.Difference;
import se.klassrum.roster.control.BreakImpacts.WarningKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An access impact as an administrator reads it, for the school-year break's preview and an import's: counts per school
 * and kind of access for every school; warnings, naming people only at the caller's own schools; and for the one school
 * asked about (one the caller administers), who gains and loses what. Names are read in the caller's transaction, so
 * that an import's preview names the people and groups it would create before it is rolled back.
 */
final class ImpactViews {

    /** The impact as shown; {@code details} is empty unless a school was asked about. */
    record Shown(List<BreakSchoolImpact> schools, List<BreakWarning> warnings, List<BreakPersonChange> details) {
    }

    private final EntityManager em;

    ImpactViews(EntityManager em) {
        this.em = em;
    }

    /**
     * @param groups       the groups the change touches, to name them
     * @param administered the schools the caller administers
     * @param detailSchool one of them, to name who gains and loses what there; or null
     * @param names        the names of people by id; a person it leaves out or names with nulls is shown without a name
     * @param integration  the caller is an integration, shown every warning (no person is named to it)
     */
    Shown show(UUID tenant, BreakImpacts.Impact impact, Collection<UUID> groups, Set<UUID> administered, UUID detailSchool,
               Function<Set<UUID>, Map<UUID, BreakPerson>> names, boolean integration) {
        Map<UUID, String> schoolNames = names("select id, name from school where tenant_id = cast(?1 as uuid)", tenant);
        List<BreakSchoolImpact> schools = new ArrayList<>();
        BreakImpacts.counts(impact.differences()).forEach((school, kinds) -> schools.add(new BreakSchoolImpact(school,
                schoolNames.get(school), administered.contains(school), kinds.entrySet().stream()
                .map(e -> new BreakKindCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList())));
        schools.sort(Comparator.comparing(BreakSchoolImpact::schoolName, Comparator.nullsLast(Comparator.naturalOrder())));

        Set<UUID> named = new HashSet<>();
        List<Difference> detailed = impact.differences().stream()
                .filter(d -> detailSchool != null && detailSchool.equals(d.schoolId())).toList();
        detailed.forEach(d -> {
            named.add(d.personId());
            if (d.studentId() != null) {
                named.add(d.studentId());
            }
        });
        impact.warnings().stream().filter(w -> administered.contains(w.schoolId())).forEach(w -> {
            if (w.studentId() != null) {
                named.add(w.studentId());
            }
            if (w.personId() != null) {
                named.add(w.personId());
            }
        });
        Map<UUID, BreakPerson> people = named.isEmpty() ? Map.of() : names.apply(named);
        Map<UUID, String> groupNames = names("select id, name from study_group where id in (select unnest(cast(?1 as uuid[])))",
                uuidArray(groups));
        Map<UUID, String> syllabusCodes = names("select id, code from syllabus where id in (select unnest(cast(?1 as uuid[])))",
                uuidArray(detailed.stream().map(Difference::syllabusId).filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet())));
        Map<List<Object>, BreakPersonChange> changes = new LinkedHashMap<>();
        for (Difference d : detailed) {
            BreakPersonChange change = changes.computeIfAbsent(java.util.Arrays.asList(d.personId(), d.kind(), d.groupId(),
                            d.syllabusId()),
                    key -> new BreakPersonChange(d.schoolId(), person(people, d.personId()), d.kind(), d.groupId(),
                            d.groupId() == null ? null : groupNames.get(d.groupId()), new ArrayList<>(), new ArrayList<>(),
                            d.studentId() == null ? d.gained() : null, d.syllabusId(),
                            d.syllabusId() == null ? null : syllabusCodes.get(d.syllabusId())));
            if (d.studentId() != null) {
                (d.gained() ? change.gained() : change.lost()).add(person(people, d.studentId()));
            }
        }
        // Which group at another school holds a protected student is not the caller's to know: such a warning is left out.
        List<BreakWarning> warnings = impact.warnings().stream()
                .filter(w -> visibleTo(w.kind().name(), w.schoolId(), integration ? null : administered))
                .map(w -> {
                    boolean own = administered.contains(w.schoolId());
                    BreakPerson student = own && w.studentId() != null ? person(people, w.studentId()) : null;
                    BreakPerson person = own && w.personId() != null ? person(people, w.personId()) : null;
                    String group = groupNames.get(w.groupId());
                    return new BreakWarning(w.kind(), w.schoolId(), schoolNames.get(w.schoolId()), w.groupId(), group,
                            student, person, warningSv(w.kind(), group), warningEn(w.kind(), group));
                }).toList();
        return new Shown(schools, warnings, List.copyOf(changes.values()));
    }

    /**
     * Whether a warning of the kind (by name, as a run stores it) is shown to a reader who administers the given schools
     * (null: an integration, which reads everything): a protected student's becoming visible only at the reader's own schools, every other warning anywhere.
     */
    static boolean visibleTo(String kind, UUID schoolId, Set<UUID> administered) {
        return !WarningKind.PROTECTED_STUDENT_VISIBLE.name().equals(kind) || administered == null
                || administered.contains(schoolId);
    }

    /** A person not named (unknown, or protected from the caller) is shown as neither name nor id. */
    private static BreakPerson person(Map<UUID, BreakPerson> people, UUID id) {
        return people.getOrDefault(id, new BreakPerson(null, null));
    }

    /**
     * Names of people without asking the guard: a student with a protected identity is never named (neither name nor
     * id), whoever asks. For previews that cannot ask the guard about facts that exist only in their own transaction.
     */
    Map<UUID, BreakPerson> namesShieldingEveryProtected(Set<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, given_name || ' ' || family_name, security_marking"
                + " from person where id in (select unnest(cast(?1 as uuid[])))").setParameter(1, uuidArray(ids)).getResultList();
        Map<UUID, BreakPerson> named = new HashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            named.put(id, "NONE".equals(row[2]) ? new BreakPerson(id, (String) row[1]) : new BreakPerson(null, null));
        }
        return named;
    }

    /** Ids and names (or codes) read by a query of one parameter, e.g. an array of ids as text. */
    Map<UUID, String> names(String sql, Object parameter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, parameter.toString()).getResultList();
        Map<UUID, String> names = new HashMap<>();
        rows.forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }

    static String warningSv(WarningKind kind, String group) {
        return switch (kind) {
            case STUDENT_WITHOUT_ASSESSOR -> "En elev i " + group + " har ingen lärare som får bedöma kursen.";
            case MENTOR_GROUP_WITHOUT_MENTOR -> "Mentorsgruppen " + group + " saknar mentor.";
            case PROTECTED_STUDENT_VISIBLE -> "En elev med skyddad identitet i " + group + " blir synlig för någon ny.";
        };
    }

    static String warningEn(WarningKind kind, String group) {
        return switch (kind) {
            case STUDENT_WITHOUT_ASSESSOR -> "A student in " + group + " has no teacher who may assess the course.";
            case MENTOR_GROUP_WITHOUT_MENTOR -> "The mentor group " + group + " has no mentor.";
            case PROTECTED_STUDENT_VISIBLE -> "A student with a protected identity in " + group + " becomes visible to someone new.";
        };
    }

    static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
