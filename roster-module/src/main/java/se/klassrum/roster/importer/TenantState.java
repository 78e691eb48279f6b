package se.klassrum.roster.importer;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.RoleKind;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant's roster as an import compares it, read with plain SQL on the transaction's own connection: no
 * entities, no persistence context, rows streamed from a server-side cursor ({@link #FETCH} at a time).
 * <p>
 * A full set is compared with the whole roster, so the whole roster is read. A delta (a OneRoster delta manifest)
 * names the people and groups it touches, so only what it can touch is read: every school, subject, syllabus and
 * group (small tables), the people it names, and the facts of those people and of the groups it removes. A delta of a
 * few thousand rows then costs a few thousand rows, not the municipality. Nothing here is changed; the plan says what
 * to write.
 */
final class TenantState {

    /** Rows fetched from the server at a time. */
    static final int FETCH = 10_000;
    /** Ids per {@code = any(?)} query of a delta. */
    static final int IDS_PER_QUERY = 5_000;

    record School(UUID id, String externalId, String name, String schoolUnitCode) {
    }

    record Person(UUID id, String externalId, String givenName, String familyName, String email, LocalDate birthDate) {
    }

    record Syllabus(UUID id, String code, UUID subjectId, String subjectCode) {
    }

    record Group(UUID id, String externalId, UUID schoolId, GroupKind kind, String name, boolean archived,
                 UUID syllabusId) {
    }

    /**
     * A school role, membership or guardian link, with the same meaning of first and second as in RosterSet. Its id is
     * kept as two longs (a UUID object would cost 32 bytes a fact, 50 MB at Stockholm's scale); {@link #claim} is the
     * planner's note on it.
     */
    static final class Fact {
        private final long idHigh;
        private final long idLow;
        private final UUID first;
        private final UUID second;
        private final Enum<?> type;
        private final LocalDate from;
        private final LocalDate to;
        /** What the planner decided for the fact: null (nothing yet), the file's fact it matched, or that it ends. */
        Object claim;

        Fact(UUID id, UUID first, UUID second, Enum<?> type, LocalDate from, LocalDate to) {
            this.idHigh = id.getMostSignificantBits();
            this.idLow = id.getLeastSignificantBits();
            this.first = first;
            this.second = second;
            this.type = type;
            this.from = from;
            this.to = to;
        }

        UUID id() {
            return new UUID(idHigh, idLow);
        }

        UUID first() {
            return first;
        }

        UUID second() {
            return second;
        }

        Enum<?> type() {
            return type;
        }

        LocalDate from() {
            return from;
        }

        LocalDate to() {
            return to;
        }
    }

    final UUID tenantId;
    /**
     * Schools, people and groups with an external id, by that id; only those can be matched by an import. For a delta,
     * only the people it names.
     */
    final Map<String, School> schools = new HashMap<>();
    final Map<UUID, School> schoolsById = new HashMap<>();
    final Map<String, Person> persons = new HashMap<>();
    final Map<UUID, Person> personsById = new HashMap<>();
    final Map<String, UUID> subjects = new HashMap<>();
    final Map<String, Syllabus> syllabi = new HashMap<>();
    final Map<String, Group> groups = new HashMap<>();
    final Map<UUID, Group> groupsById = new HashMap<>();
    /**
     * The facts of each kind. For a delta all that it can touch are read at once; for a full set (the whole roster) a
     * kind is read when the planner asks for it ({@link #facts}) and dropped when it is done ({@link #planned}), so that
     * only one kind is held at a time.
     */
    private final Map<RosterSet.FactKind, List<Fact>> facts = new java.util.EnumMap<>(RosterSet.FactKind.class);
    private final boolean wholeRoster;
    /** "teacher|school|subject" ids of the tenant's teacher-subject links. */
    final Set<String> teacherSubjects = new HashSet<>();

    private final Map<LocalDate, LocalDate> dates = new HashMap<>();
    private final Connection connection;

    /** The set being compared while the people are read, so that an unchanged name is held once, not twice. */
    private RosterSet set;

    private TenantState(Connection connection, UUID tenantId, RosterSet set) {
        this.connection = connection;
        this.tenantId = tenantId;
        this.set = set;
        this.wholeRoster = set.fullSet;
        for (RosterSet.FactKind kind : RosterSet.FactKind.values()) {
            facts.put(kind, new ArrayList<>());
        }
    }

    /** The facts of a kind: read now from the roster for a full set; those a delta can touch were read with the state. */
    List<Fact> facts(RosterSet.FactKind kind) {
        if (wholeRoster && !loaded.contains(kind)) {
            try {
                List<Fact> all = facts.get(kind);
                switch (kind) {
                    case ROLE -> query(ROLES, List.of(), rs -> all.add(fact(rs, RoleKind.valueOf(rs.getString(4)))));
                    case MEMBERSHIP -> query(MEMBERSHIPS, List.of(),
                            rs -> all.add(fact(rs, MembershipRole.valueOf(rs.getString(4)))));
                    case GUARDIAN_LINK -> query(LINKS, List.of(),
                            rs -> all.add(fact(rs, GuardianRelation.valueOf(rs.getString(4)))));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the roster could not be read: " + e.getMessage(), e);
            }
            loaded.add(kind);
        }
        return facts.get(kind);
    }

    /** The planner is done with a kind of a full set: its facts are dropped. */
    void planned(RosterSet.FactKind kind) {
        if (wholeRoster) {
            facts.put(kind, new ArrayList<>());
        }
    }

    private final Set<RosterSet.FactKind> loaded = java.util.EnumSet.noneOf(RosterSet.FactKind.class);

    /** The JDBC connection of the EntityManager's transaction, which must have begun. */
    static Connection connection(EntityManager em) {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("the import writes inside a transaction, and none has begun");
        }
        return connection;
    }

    /** What a set is compared with: everything for a full set, what it names for a delta. */
    static TenantState load(EntityManager em, UUID tenantId, RosterSet set) {
        TenantState state = new TenantState(connection(em), tenantId, set);
        try {
            state.loadSmallTables();
            if (set.fullSet) {
                state.query(PERSONS, List.of(), state::person);
            } else {
                state.loadNamedBy(set);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the roster could not be read: " + e.getMessage(), e);
        } finally {
            state.set = null;
        }
        return state;
    }

    private void loadSmallTables() throws SQLException {
        query("select id, external_id, name, school_unit_code from school where tenant_id = ?", List.of(), rs -> {
            School school = new School(uuid(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4));
            schoolsById.put(school.id(), school);
            if (school.externalId() != null) {
                schools.put(school.externalId(), school);
            }
        });
        query("select id, code from subject where tenant_id = ?", List.of(), rs -> subjects.put(rs.getString(2), uuid(rs, 1)));
        query("select y.id, y.code, s.id, s.code from syllabus y join subject s on s.id = y.subject_id"
                + " where y.tenant_id = ?", List.of(), rs -> syllabi.put(rs.getString(2),
                new Syllabus(uuid(rs, 1), rs.getString(2), uuid(rs, 3), rs.getString(4))));
        query("select teacher_id, school_id, subject_id from teacher_subject where tenant_id = ?", List.of(),
                rs -> teacherSubjects.add(uuid(rs, 1) + "|" + uuid(rs, 2) + "|" + uuid(rs, 3)));
        query("select id, external_id, school_id, kind, name, archived, syllabus_id from study_group"
                + " where tenant_id = ? and external_id is not null", List.of(), rs -> {
            Group group = new Group(uuid(rs, 1), rs.getString(2), uuid(rs, 3), GroupKind.valueOf(rs.getString(4)),
                    rs.getString(5), rs.getBoolean(6), uuid(rs, 7));
            groups.put(group.externalId(), group);
            groupsById.put(group.id(), group);
        });
    }

    private void loadNamedBy(RosterSet set) throws SQLException {
        Set<String> named = new LinkedHashSet<>(set.persons.keySet());
        named.addAll(set.removedPersons.keySet());
        for (List<RosterSet.Fact> facts : List.of(set.facts, set.removedFacts)) {
            for (RosterSet.Fact fact : facts) {
                switch (fact.kind()) {
                    case ROLE -> named.add(fact.first());
                    case MEMBERSHIP -> named.add(fact.second());
                    case GUARDIAN_LINK -> {
                        named.add(fact.first());
                        named.add(fact.second());
                    }
                }
            }
        }
        for (List<String> chunk : chunks(new ArrayList<>(named))) {
            query(PERSONS + " and external_id = any(?)", List.of(array("varchar", chunk)), this::person);
        }
        List<UUID> people = new ArrayList<>(personsById.keySet());
        Set<UUID> seen = new HashSet<>();
        for (List<UUID> chunk : chunks(people)) {
            Array ids = array("uuid", chunk);
            query(ROLES + " and person_id = any(?)", List.of(ids),
                    rs -> facts.get(RosterSet.FactKind.ROLE).add(fact(rs, RoleKind.valueOf(rs.getString(4)))));
            query(MEMBERSHIPS + " and m.person_id = any(?)", List.of(ids), rs -> {
                if (seen.add(uuid(rs, 1))) {
                    facts.get(RosterSet.FactKind.MEMBERSHIP).add(fact(rs, MembershipRole.valueOf(rs.getString(4))));
                }
            });
            query(LINKS + " and (guardian_id = any(?) or child_id = any(?))", List.of(ids, ids),
                    rs -> {
                        // A link between two people of different chunks comes with both.
                        if (seen.add(uuid(rs, 1))) {
                            facts.get(RosterSet.FactKind.GUARDIAN_LINK).add(fact(rs, GuardianRelation.valueOf(rs.getString(4))));
                        }
                    });
        }
        List<UUID> removedGroups = set.removedGroups.keySet().stream().map(groups::get)
                .filter(java.util.Objects::nonNull).map(Group::id).toList();
        for (List<UUID> chunk : chunks(removedGroups)) {
            query(MEMBERSHIPS + " and m.group_id = any(?)", List.of(array("uuid", chunk)), rs -> {
                if (seen.add(uuid(rs, 1))) {
                    facts.get(RosterSet.FactKind.MEMBERSHIP).add(fact(rs, MembershipRole.valueOf(rs.getString(4))));
                }
            });
        }
    }

    private static final String PERSONS = "select id, external_id, given_name, family_name, email, birth_date"
            + " from person where tenant_id = ?";
    private static final String ROLES = "select id, person_id, school_id, role, valid_from, valid_to from school_role"
            + " where tenant_id = ?";
    /** Memberships of groups an import can match: those with an external id. */
    private static final String MEMBERSHIPS = "select m.id, m.group_id, m.person_id, m.role, m.valid_from, m.valid_to"
            + " from membership m join study_group g on g.id = m.group_id"
            + " where m.tenant_id = ? and g.external_id is not null";
    private static final String LINKS = "select id, guardian_id, child_id, relation, valid_from, valid_to"
            + " from guardian_link where tenant_id = ?";

    private void person(ResultSet rs) throws SQLException {
        String externalId = rs.getString(2);
        String givenName = rs.getString(3);
        String familyName = rs.getString(4);
        String email = rs.getString(5);
        RosterSet.Person same = set == null || externalId == null ? null : set.persons.get(externalId);
        if (same != null) {
            // Most people of a nightly set are as the roster has them: hold their values once.
            externalId = same.externalId();
            givenName = same(givenName, same.givenName());
            familyName = same(familyName, same.familyName());
            email = same(email, same.email());
        }
        Person person = new Person(uuid(rs, 1), externalId, givenName, familyName, email, date(rs, 6));
        persons.put(person.externalId(), person);
        personsById.put(person.id(), person);
    }

    /** The set's value when it is equal to the roster's, so that one String serves both. */
    private static String same(String roster, String set) {
        return roster != null && roster.equals(set) ? set : roster;
    }

    /** A fact from columns id, first, second, type, valid_from, valid_to; first and second shared with the parties. */
    private Fact fact(ResultSet rs, Enum<?> type) throws SQLException {
        return new Fact(uuid(rs, 1), party(uuid(rs, 2)), party(uuid(rs, 3)), type, date(rs, 5), date(rs, 6));
    }

    /** The canonical id object of a person, school or group, so that a million facts share one per party. */
    private UUID party(UUID id) {
        Person person = personsById.get(id);
        if (person != null) {
            return person.id();
        }
        Group group = groupsById.get(id);
        if (group != null) {
            return group.id();
        }
        School school = schoolsById.get(id);
        return school != null ? school.id() : id;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a query with the tenant as its first parameter and the given ones after it, streaming the rows. */
    private void query(String sql, List<Object> parameters, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH);
            statement.setObject(1, tenantId);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 2, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private Array array(String type, List<?> values) throws SQLException {
        return connection.createArrayOf(type, values.toArray());
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += IDS_PER_QUERY) {
            chunks.add(all.subList(start, Math.min(all.size(), start + IDS_PER_QUERY)));
        }
        return chunks;
    }

    private static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** One LocalDate object per day, shared by every row of that day. */
    private LocalDate date(ResultSet rs, int column) throws SQLException {
        LocalDate day = rs.getObject(column, LocalDate.class);
        return day == null ? null : dates.computeIfAbsent(day, same -> same);
    }
}
