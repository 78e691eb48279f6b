package se.klassrum.roster.schema;

import jakarta.persistence.Entity;
import org.eclipse.persistence.annotations.Customizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.Licence;
import se.klassrum.roster.entity.Membership;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.School;
import se.klassrum.roster.entity.SchoolRole;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Subject;
import se.klassrum.roster.entity.Syllabus;
import se.klassrum.roster.entity.TeacherSubject;
import se.klassrum.roster.entity.Tenant;
import se.klassrum.roster.entity.UuidColumns;
import se.klassrum.roster.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EclipseLink 5.0 (5.0.1 in Payara Micro 7.2026.11) with PostgreSQL's native uuid type. Non-null UUIDs work
 * out of the box, and so does reading a null one; writing a null one does not (see UuidColumns).
 * These tests write and read ids, foreign keys and plain uuid attributes, null ones included, check the
 * stored values with plain SQL, and check that every entity carries the workaround.
 * <p>
 * Each test gets a new database and persistence unit: once EclipseLink has handled a non-null uuid in a
 * column, a later null in that column may slip through even without the workaround, so a shared unit
 * would let these tests pass or fail depending on their order.
 */
class UuidMappingTest {

    private static final List<Class<?>> ENTITIES = List.of(Tenant.class, School.class, Person.class, Licence.class,
            SchoolRole.class, Subject.class, Syllabus.class, StudyGroup.class, Membership.class,
            TeacherSubject.class, GuardianLink.class, GuardianLogin.class);

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("uuid_mapping");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void every_id_column_is_of_the_postgresql_uuid_type() throws SQLException {
        Map<String, String> types = new HashMap<>();
        // Only the roster's tables: other modules' migrations run on the same schema, and the access module's
        // audit log keeps ids as text on purpose (it outlives the rows it names). So does an import preview's recorded
        // impact: the schools and groups a preview would have created were rolled back and never exist.
        String rosterTables = TestDatabase.ROSTER_TABLES.stream()
                .filter(table -> !table.equals("import_run_impact") && !table.equals("import_run_warning"))
                .map(table -> "'" + table + "'").collect(Collectors.joining(", "));
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select table_name || '.' || column_name, data_type from information_schema.columns
                     where table_schema = 'public' and table_name in (%s)
                       and (column_name = 'id' or column_name like '%%\\_id')
                       and column_name not in ('external_id', 'microsoft_group_id')""".formatted(rosterTables))) {
            while (rows.next()) {
                types.put(rows.getString(1), rows.getString(2));
            }
        }
        assertThat(types).containsKeys("tenant.id", "tenant.entra_tenant_id", "person.entra_object_id",
                "study_group.syllabus_id", "membership.group_id", "guardian_link.child_id",
                "guardian_login.guardian_id");
        assertThat(types.values()).containsOnly("uuid");
    }

    @Test
    void uuids_including_absent_ones_are_written_as_uuid_and_read_back_unchanged() throws SQLException {
        UUID entraTenantId = UUID.randomUUID();
        UUID entraObjectId = UUID.randomUUID();
        Tenant tenant = new Tenant(null, entraTenantId, "Uuidkommun");
        School school = new School(null, tenant, "Uuidskolan", null, null);
        Person withAccount = new Person(null, tenant, "uuid-1", "Ada", "Konto");
        withAccount.linkEntraAccount(entraObjectId);
        Person withoutAccount = new Person(null, tenant, "uuid-2", "Bo", "Utankonto");
        StudyGroup withoutSyllabus = new StudyGroup(null, school, GroupKind.MENTOR, "Mentorer", "2026/27");

        db.runInTransaction(em -> List.of(tenant, school, withAccount, withoutAccount, withoutSyllabus)
                .forEach(em::persist));

        assertThat(sqlText("select id::text, entra_object_id::text, tenant_id::text from person where external_id = 'uuid-1'"))
                .containsExactly(withAccount.id().toString(), entraObjectId.toString(), tenant.id().toString());
        assertThat(sqlText("select entra_object_id::text from person where external_id = 'uuid-2'"))
                .containsExactly((String) null);
        db.read(em -> {
            assertThat(em.find(Person.class, withoutAccount.id()).entraObjectId()).isEmpty();
            assertThat(em.find(StudyGroup.class, withoutSyllabus.id()).syllabus()).isEmpty();
            assertThat(em.find(Tenant.class, tenant.id()).entraTenantId()).isEqualTo(entraTenantId);
            Person found = em.createQuery(
                            "select p from Person p where p.entraObjectId = :oid and p.tenant.id = :tenant", Person.class)
                    .setParameter("oid", entraObjectId)
                    .setParameter("tenant", tenant.id())
                    .getSingleResult();
            assertThat(found.displayName()).isEqualTo("Ada Konto");
            return null;
        });
    }

    @Test
    void a_uuid_or_a_foreign_key_can_be_changed_to_null_and_back() throws SQLException {
        Tenant tenant = new Tenant(null, UUID.randomUUID(), "Nollkommun");
        School school = new School(null, tenant, "Nollskolan", null, null);
        Subject subject = new Subject(null, tenant, "MAT", "Matematik");
        Syllabus syllabus = new Syllabus(null, subject, "MATMAT01c", "Matematik 1c");
        StudyGroup group = new StudyGroup(null, school, GroupKind.TEACHING, "Ma1c", "2026/27");
        group.linkSyllabus(syllabus);
        Person person = new Person(null, tenant, "noll-1", "Cia", "Byter");
        person.linkEntraAccount(UUID.randomUUID());
        db.runInTransaction(em -> List.of(tenant, school, subject, syllabus, group, person).forEach(em::persist));

        db.runInTransaction(em -> {
            em.find(StudyGroup.class, group.id()).unlinkSyllabus();
            em.find(Person.class, person.id()).linkEntraAccount(null);
        });
        assertThat(sqlText("select syllabus_id::text from study_group where id = '" + group.id() + "'"))
                .containsExactly((String) null);
        assertThat(sqlText("select entra_object_id::text from person where id = '" + person.id() + "'"))
                .containsExactly((String) null);

        UUID newObjectId = UUID.randomUUID();
        db.runInTransaction(em -> {
            em.find(StudyGroup.class, group.id()).linkSyllabus(em.find(Syllabus.class, syllabus.id()));
            em.find(Person.class, person.id()).linkEntraAccount(newObjectId);
        });
        String syllabusCode = db.read(em -> em.find(StudyGroup.class, group.id()).syllabus().orElseThrow().code());
        Optional<UUID> objectId = db.read(em -> em.find(Person.class, person.id()).entraObjectId());
        assertThat(syllabusCode).isEqualTo("MATMAT01c");
        assertThat(objectId).contains(newObjectId);
    }

    @Test
    void every_entity_carries_the_workaround_for_null_uuids() {
        List<String> missing = new ArrayList<>();
        for (Class<?> entity : ENTITIES) {
            assertThat(entity).hasAnnotation(Entity.class);
            Customizer customizer = entity.getAnnotation(Customizer.class);
            if (customizer == null || customizer.value() != UuidColumns.class) {
                missing.add(entity.getSimpleName() + ": @Customizer(UuidColumns.class)");
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The columns of the single row the query returns, as text. */
    private List<String> sqlText(String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            assertThat(row.next()).as("a row for: " + sql).isTrue();
            List<String> values = new ArrayList<>();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                values.add(row.getString(column));
            }
            assertThat(row.next()).as("only one row for: " + sql).isFalse();
            return values;
        }
    }
}
