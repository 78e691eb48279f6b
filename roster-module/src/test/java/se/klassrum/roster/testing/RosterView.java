package se.klassrum.roster.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A tenant's roster as plain text rows named by external ids, read with SQL, so that a test can compare two
 * rosters, or a roster with the lines of a file, whatever the row ids. Facts end with "|from|to" (an absent
 * day is written "-").
 *
 * @param schools       "externalId|name"
 * @param persons       "externalId|given|family|email|birthDate"
 * @param roles         "person|school|ROLE|from|to"
 * @param subjects      "code|name"
 * @param syllabi       "code|subject|name"
 * @param groups        "externalId|school|KIND|name|schoolYear|connected|archived|syllabus"
 * @param memberships   "group|person|ROLE|from|to"
 * @param guardianLinks "guardian|child|RELATION|active|from|to"
 */
public record RosterView(Set<String> schools, Set<String> persons, Set<String> roles, Set<String> subjects,
                         Set<String> syllabi, Set<String> groups, Set<String> memberships, Set<String> guardianLinks) {

    public static RosterView of(TestDatabase db, UUID tenantId) {
        try (Connection connection = db.dataSource().getConnection()) {
            return new RosterView(
                    rows(connection, tenantId, "select external_id, name from school where tenant_id = ?"),
                    rows(connection, tenantId, "select external_id, given_name, family_name, email, birth_date from person"
                            + " where tenant_id = ?"),
                    rows(connection, tenantId, "select p.external_id, s.external_id, r.role, r.valid_from, r.valid_to"
                            + " from school_role r join person p on p.id = r.person_id join school s on s.id = r.school_id"
                            + " where r.tenant_id = ?"),
                    rows(connection, tenantId, "select code, name from subject where tenant_id = ?"),
                    rows(connection, tenantId, "select y.code, s.code, y.name from syllabus y join subject s"
                            + " on s.id = y.subject_id where y.tenant_id = ?"),
                    rows(connection, tenantId, "select g.external_id, s.external_id, g.kind, g.name, g.school_year,"
                            + " g.connected, g.archived, y.code from study_group g join school s on s.id = g.school_id"
                            + " left join syllabus y on y.id = g.syllabus_id where g.tenant_id = ?"),
                    rows(connection, tenantId, "select g.external_id, p.external_id, m.role, m.valid_from, m.valid_to"
                            + " from membership m join study_group g on g.id = m.group_id join person p on p.id = m.person_id"
                            + " where m.tenant_id = ?"),
                    rows(connection, tenantId, "select g.external_id, c.external_id, k.relation, k.active, k.valid_from,"
                            + " k.valid_to from guardian_link k join person g on g.id = k.guardian_id"
                            + " join person c on c.id = k.child_id where k.tenant_id = ?"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only the facts that hold on or after the day (their last day is absent or not before it). */
    public RosterView currentOn(LocalDate day) {
        return new RosterView(schools, persons, current(roles, day), subjects, syllabi, groups, current(memberships, day),
                current(guardianLinks, day));
    }

    /** The sum of the version column of the tenant's roster rows: it moves with every entity update. */
    public static long versions(TestDatabase db, UUID tenantId) {
        long sum = 0;
        try (Connection connection = db.dataSource().getConnection()) {
            for (String table : new String[]{"school", "person", "school_role", "subject", "syllabus", "study_group",
                    "membership", "guardian_link"}) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "select coalesce(sum(version), 0) from " + table + " where tenant_id = ?")) {
                    statement.setObject(1, tenantId);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        sum += row.getLong(1);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sum;
    }

    private static Set<String> current(Set<String> facts, LocalDate day) {
        return facts.stream().filter(fact -> {
            String to = fact.substring(fact.lastIndexOf('|') + 1);
            return to.equals("-") || !LocalDate.parse(to).isBefore(day);
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> rows(Connection connection, UUID tenantId, String sql) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, tenantId);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        Object value = result.getObject(i);
                        row.append(i > 1 ? "|" : "").append(value == null ? "-" : value.toString());
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }
}
