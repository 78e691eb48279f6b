package se.klassrum.roster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.api.StudentId;

import java.text.Collator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Student profiles (name, contact, groups), only ever behind the access rules. */
@ApplicationScoped
@Transactional
public class StudentProfiles {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @StudentData(kind = DataKind.STUDENT_PROFILE)
    @Transactional(Transactional.TxType.SUPPORTS)
    public StudentProfile profile(@StudentId UUID studentId) {
        // One statement for the person and their current groups (a row per membership, or one row without).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select p.id, p.given_name, p.family_name, p.email, g.name
                        from person p
                        left join membership m on m.person_id = p.id and m.role = 'MEMBER'
                             and m.valid_from <= ?2 and (m.valid_to is null or m.valid_to >= ?2)
                        left join study_group g on g.id = m.group_id and g.connected = true and g.archived = false
                        where p.id = cast(?1 as uuid)
                        order by g.name
                        """)
                .setParameter(1, studentId.toString())
                .setParameter(2, today())
                .getResultList();
        if (rows.isEmpty()) {
            throw new StudentDataNotFoundException();
        }
        Object[] person = rows.get(0);
        List<String> groups = rows.stream().map(row -> (String) row[4]).filter(java.util.Objects::nonNull).toList();
        return new StudentProfile(uuid(person[0]), (String) person[1], (String) person[2], (String) person[3], groups);
    }

    /**
     * The active members of a group, each shown only to a caller who may see that student's profile: a
     * teacher who owns the group sees them all, a student sees themself, and a protected classmate is never
     * listed to anyone without a path to them.
     */
    @StudentData(kind = DataKind.STUDENT_PROFILE)
    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<StudentProfile> membersOf(@GroupId UUID groupId, Page page) {
        List<String> after = page.after(2);
        // Plain SQL: a page of members is read on every request for it, and building entities of them costs more
        // than the statement itself. Sorted by "family given" and id, which is what the cursor carries.
        Query query = em.createNativeQuery("""
                select p.id, p.given_name, p.family_name, p.email
                from membership m join person p on p.id = m.person_id
                where m.group_id = cast(?1 as uuid) and m.role = 'MEMBER'
                  and m.valid_from <= ?2 and (m.valid_to is null or m.valid_to >= ?2)
                """ + (after == null ? "" : """
                  and (p.family_name || ' ' || p.given_name, p.id) > (cast(?4 as varchar), cast(?5 as uuid))
                """) + """
                order by p.family_name || ' ' || p.given_name, p.id
                limit ?3
                """)
                .setParameter(1, groupId.toString())
                .setParameter(2, today())
                .setParameter(3, page.limit() + 1);
        if (after != null) {
            query.setParameter(4, after.get(0)).setParameter(5, UUID.fromString(after.get(1)).toString());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        // Each member's groups are read once the page is decided, for the members the caller receives only, from the
        // facts their decision read.
        return Slice.of(rows, page, row -> new StudentProfile(uuid(row[0]), (String) row[1], (String) row[2],
                        (String) row[3], List.of()),
                row -> new Object[] {row[2] + " " + row[1], uuid(row[0])})
                .withDetails(this::withCurrentGroups);
    }

    /**
     * The members with the groups they are in now: a current MEMBER membership of a connected group that is not archived,
     * by name in Swedish order. From the facts the page's decision read about them, which hold every membership of theirs
     * and its group, as of the same version of the roster; read with one statement for any member without them.
     */
    private List<StudentProfile> withCurrentGroups(List<StudentProfile> members, Slice.Decided decided) {
        LocalDate today = today();
        Comparator<String> order = groupNameOrder();
        Map<UUID, List<String>> groups = new HashMap<>();
        List<UUID> unread = new ArrayList<>();
        for (StudentProfile member : members) {
            Optional<AccessFacts> facts = decided.about(member.studentId());
            if (facts.isPresent()) {
                groups.put(member.studentId(), currentGroupNames(member.studentId(), facts.get(), today, order));
            } else {
                unread.add(member.studentId());
            }
        }
        groups.putAll(currentGroupNames(unread, today, order));
        return members.stream().map(member -> new StudentProfile(member.studentId(), member.givenName(),
                member.familyName(), member.email(), groups.getOrDefault(member.studentId(), List.of()))).toList();
    }

    /** Group names as a member's groups are shown: in Swedish alphabetical order (a collator per page: they lock). */
    private static Comparator<String> groupNameOrder() {
        return Comparator.nullsLast(Collator.getInstance(SWEDISH));
    }

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    static List<String> currentGroupNames(UUID personId, AccessFacts facts, LocalDate today, Comparator<String> order) {
        return facts.memberships().stream()
                .filter(membership -> membership.personId().equals(personId) && membership.role() == MembershipRole.MEMBER
                        && membership.validity().isActiveOn(today))
                .map(membership -> facts.groups().get(membership.groupId()))
                .filter(Objects::nonNull)
                .filter(GroupFact::isUsable)
                .map(GroupFact::name)
                .sorted(order)
                .toList();
    }

    /** One statement for the current groups of all the given people. */
    private Map<UUID, List<String>> currentGroupNames(List<UUID> personIds, LocalDate today, Comparator<String> order) {
        Map<UUID, List<String>> names = new HashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        // An array parameter rather than an IN list: one prepared statement whatever the number of people.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select m.person_id, g.name
                        from membership m join study_group g on g.id = m.group_id
                        where m.person_id = any(cast(?1 as uuid[])) and m.role = 'MEMBER'
                          and g.connected = true and g.archived = false
                          and m.valid_from <= ?2 and (m.valid_to is null or m.valid_to >= ?2)
                        """)
                .setParameter(1, personIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .setParameter(2, today)
                .getResultList();
        for (Object[] row : rows) {
            names.computeIfAbsent(uuid(row[0]), id -> new ArrayList<>()).add((String) row[1]);
        }
        names.values().forEach(list -> list.sort(order));
        return names;
    }

    private static UUID uuid(Object column) {
        return column instanceof UUID id ? id : UUID.fromString(column.toString());
    }

    private static LocalDate today() {
        return LocalDate.now(SCHOOL_ZONE);
    }
}
