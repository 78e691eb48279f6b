package se.klassrum.roster.importer;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.Require;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.School;
import se.klassrum.roster.entity.SchoolYear;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Syllabus;
import se.klassrum.roster.entity.Validity;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes a plan with the caller's EntityManager and its JDBC connection, inside the caller's transaction.
 * <p>
 * New rows, the bulk of an initial import, are sent with PostgreSQL's COPY ({@link CopyRows}) on the transaction's
 * connection: one statement per table instead of one INSERT per row, with the entities' own checks
 * ({@link Require}, {@link SchoolYear}, {@link Validity}) applied to each row first. The database's constraints and
 * foreign keys check copied rows as they check inserted ones.
 * <p>
 * Changes to rows that exist go through the entities, a chunk at a time: load the chunk with one query per kind
 * ({@code where id in ...}), change, flush (one JDBC batch per statement kind when the unit has
 * {@code eclipselink.jdbc.batch-writing}), clear, so that the persistence context never holds more than a chunk.
 * New last days are bulk JPQL updates over chunks of ids (nothing is deleted): an ending touches one column,
 * and reading a hundred thousand memberships as entities to change it would cost more than the change.
 */
final class PlanWriter {

    static final int CHUNK = 1_000;
    /** Copied rows between two words to the progress. */
    static final int COPY_PROGRESS = 20_000;
    /** New schools, people and groups from which the tables are analysed before the facts are written. */
    static final int ANALYZE_AFTER = 10_000;

    /** Told after each chunk: the phase, rows written so far, rows in the plan. */
    interface Progress {
        void written(String phase, long done, long total);
    }

    private final EntityManager em;
    private final UUID tenantId;
    private final Progress progress;
    private Connection connection;
    private long done;
    private long total;

    PlanWriter(EntityManager em, UUID tenantId, Progress progress) {
        this.em = em;
        this.tenantId = tenantId;
        this.progress = progress;
    }

    void write(Plan plan) {
        total = plan.size();
        em.flush();
        em.clear();
        connection = TenantState.connection(em);
        copied("WRITING_SUBJECTS", "subject", List.of("id", "tenant_id", "code", "name"), plan.newSubjects,
                s -> new Object[]{s.id(), tenantId, code(s.code()), Require.text(s.code(), "name", 200)});
        copied("WRITING_SYLLABI", "syllabus", List.of("id", "tenant_id", "subject_id", "code", "name"), plan.newSyllabi,
                s -> new Object[]{s.id(), tenantId, s.subjectId(), code(s.code()), Require.text(s.name(), "name", 200)});
        copied("WRITING_SCHOOLS", "school", List.of("id", "tenant_id", "name", "external_id", "school_unit_code"),
                plan.newSchools, s -> new Object[]{s.id(), tenantId, Require.text(s.name(), "name", 200),
                        Require.optionalText(s.externalId(), "externalId", 100), s.schoolUnitCode()});
        chunked("WRITING_SCHOOLS", plan.renamedSchools, chunk -> {
            Map<UUID, School> schools = load(School.class, ids(chunk, Plan.Rename::id));
            chunk.forEach(s -> schools.get(s.id()).rename(s.name()));
        });
        // A code another school holds is never planned (the planner notes it), so no two schools ever share one.
        chunked("WRITING_SCHOOLS", plan.recodedSchools, chunk -> {
            Map<UUID, School> schools = load(School.class, ids(chunk, Plan.Recode::id));
            chunk.forEach(s -> schools.get(s.id()).recode(s.schoolUnitCode()));
        });
        copied("WRITING_PEOPLE", "person", List.of("id", "tenant_id", "external_id", "given_name", "family_name", "email",
                "birth_date"), plan.newPersons, p -> new Object[]{p.id(), tenantId,
                Require.text(p.externalId(), "externalId", 100), Require.text(p.givenName(), "givenName", 100),
                Require.text(p.familyName(), "familyName", 100), Require.optionalText(p.email(), "email", 320),
                p.birthDate()});
        chunked("WRITING_PEOPLE", plan.changedPersons, chunk -> {
            Map<UUID, Person> persons = load(Person.class, ids(chunk, Plan.PersonChange::id));
            for (Plan.PersonChange change : chunk) {
                Person person = persons.get(change.id());
                person.rename(change.givenName(), change.familyName());
                if (change.setEmail()) {
                    person.changeEmail(change.email());
                }
                if (change.setBirthDate()) {
                    person.recordBirthDate(change.birthDate());
                }
            }
        });
        copied("WRITING_GROUPS", "study_group", List.of("id", "tenant_id", "school_id", "kind", "name", "syllabus_id",
                "school_year", "external_id"), plan.newGroups, g -> new Object[]{g.id(), tenantId,
                Require.present(g.schoolId(), "school"), Require.present(g.kind(), "kind"), Require.text(g.name(), "name", 200),
                g.syllabusId(), SchoolYear.parse(g.schoolYear()).label(),
                Require.optionalText(g.externalId(), "externalId", 100)});
        chunked("WRITING_GROUPS", plan.changedGroups, chunk -> {
            Map<UUID, StudyGroup> groups = load(StudyGroup.class, ids(chunk, Plan.GroupChange::id));
            Map<UUID, Syllabus> syllabi = load(Syllabus.class, ids(chunk, Plan.GroupChange::syllabusId));
            for (Plan.GroupChange change : chunk) {
                StudyGroup group = groups.get(change.id());
                if (change.name() != null) {
                    group.rename(change.name());
                }
                if (change.changeSyllabus() && change.syllabusId() == null) {
                    group.unlinkSyllabus();
                } else if (change.changeSyllabus()) {
                    group.linkSyllabus(syllabi.get(change.syllabusId()));
                }
            }
        });
        copied("WRITING_TEACHER_SUBJECTS", "teacher_subject", List.of("id", "tenant_id", "teacher_id", "school_id",
                "subject_id"), plan.newTeacherSubjects, t -> new Object[]{UUID.randomUUID(), tenantId, t.teacherId(),
                t.schoolId(), t.subjectId()});
        if (plan.newSchools.size() + plan.newPersons.size() + plan.newGroups.size() >= ANALYZE_AFTER) {
            analyzeParties();
        }
        for (RosterSet.FactKind kind : RosterSet.FactKind.values()) {
            String phase = "WRITING_" + Plan.kindOf(kind).name() + "S";
            String entity = entityName(kind);
            writeEnds(phase, entity, table(kind), plan.newEnds.get(kind));
            copied(phase, table(kind), List.of("id", "tenant_id", firstColumn(kind), secondColumn(kind), typeColumn(kind),
                    "valid_from", "valid_to"), plan.newFacts.get(kind), f -> {
                Validity validity = Validity.between(f.from(), f.to());
                return new Object[]{UUID.randomUUID(), tenantId, Require.present(f.first(), firstColumn(kind)),
                        Require.present(f.second(), secondColumn(kind)), Require.present(f.type(), typeColumn(kind)),
                        validity.validFrom(), validity.validTo()};
            });
        }
    }

    private static String code(String code) {
        return Require.text(code, "code", 30);
    }

    /**
     * Copies new rows into a table, telling the progress every {@link #COPY_PROGRESS} rows. Anything pending in the
     * persistence context is flushed first, so that the copied rows find the rows they refer to.
     */
    private <T> void copied(String phase, String table, List<String> columns, List<T> items, Function<T, Object[]> row) {
        if (items.isEmpty()) {
            return;
        }
        em.flush();
        em.clear();
        try (CopyRows copy = CopyRows.into(connection, table, columns)) {
            for (T item : items) {
                copy.row(row.apply(item));
                if (++done % COPY_PROGRESS == 0) {
                    progress.written(phase, done, total);
                }
            }
        }
        progress.written(phase, done, total);
    }

    /**
     * Gives PostgreSQL statistics on the tables the new facts refer to, inside this transaction (ANALYZE counts the
     * rows the transaction inserted), before the facts are written. PostgreSQL checks each new fact's foreign keys
     * with a query it plans once per connection. On tables that were never analysed (a new database) it may plan
     * {@code fk_membership_group}'s check of {@code study_group (id, tenant_id)} on the index
     * {@code uq_study_group_external_id (tenant_id, external_id)}, and then every new membership scans all of the
     * tenant's groups: measured, 150 µs a membership with 2 100 groups; for Stockholm's 1.2 million memberships in
     * 41 000 groups that extrapolates to about an hour, against 46 s with statistics (README.md, "Benchmarks").
     * Only for a large plan (an initial import), because ANALYZE holds a SHARE UPDATE EXCLUSIVE lock on the three
     * tables until the commit. PostgreSQL skips a table the user may not analyse, with a warning.
     */
    private void analyzeParties() {
        em.createNativeQuery("analyze school, person, study_group").executeUpdate();
    }

    /** New last days, one bulk update per chunk and day; the version moves on as an entity update would. */
    private void writeEnds(String phase, String entity, String table, List<Plan.NewEnd> ends) {
        Map<LocalDate, List<UUID>> byDay = new LinkedHashMap<>();
        List<UUID> reopened = new ArrayList<>();
        for (Plan.NewEnd end : ends) {
            if (end.to() == null) {
                reopened.add(end.id());
            } else {
                byDay.computeIfAbsent(end.to(), day -> new ArrayList<>()).add(end.id());
            }
        }
        byDay.forEach((day, ids) -> chunked(phase, ids, chunk -> em.createQuery("update " + entity
                        + " f set f.validity.validTo = :day, f.version = f.version + 1 where f.id in :ids")
                .setParameter("day", day).setParameter("ids", chunk).executeUpdate()));
        // On the connection: a JPQL "= null" is bound as text, which PostgreSQL refuses for a date column.
        chunked(phase, reopened, chunk -> {
            try (var update = connection.prepareStatement("update " + table
                    + " set valid_to = null, version = version + 1 where id = any(?)")) {
                update.setArray(1, connection.createArrayOf("uuid", chunk.toArray()));
                update.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("the facts to open again could not be written: " + e.getMessage(), e);
            }
        });
    }

    private static String table(RosterSet.FactKind kind) {
        return switch (kind) {
            case ROLE -> "school_role";
            case MEMBERSHIP -> "membership";
            case GUARDIAN_LINK -> "guardian_link";
        };
    }

    private static String firstColumn(RosterSet.FactKind kind) {
        return switch (kind) {
            case ROLE -> "person_id";
            case MEMBERSHIP -> "group_id";
            case GUARDIAN_LINK -> "guardian_id";
        };
    }

    private static String secondColumn(RosterSet.FactKind kind) {
        return switch (kind) {
            case ROLE -> "school_id";
            case MEMBERSHIP -> "person_id";
            case GUARDIAN_LINK -> "child_id";
        };
    }

    private static String typeColumn(RosterSet.FactKind kind) {
        return kind == RosterSet.FactKind.GUARDIAN_LINK ? "relation" : "role";
    }

    private static String entityName(RosterSet.FactKind kind) {
        return switch (kind) {
            case ROLE -> "SchoolRole";
            case MEMBERSHIP -> "Membership";
            case GUARDIAN_LINK -> "GuardianLink";
        };
    }

    /** Writes a list a chunk at a time: the work, a flush, a clear, and a word to the progress. */
    private <T> void chunked(String phase, List<T> items, Consumer<List<T>> work) {
        for (int start = 0; start < items.size(); start += CHUNK) {
            List<T> chunk = items.subList(start, Math.min(items.size(), start + CHUNK));
            work.accept(chunk);
            em.flush();
            em.clear();
            done += chunk.size();
            progress.written(phase, done, total);
        }
    }

    private <T extends RosterEntity> Map<UUID, T> load(Class<T> type, Set<UUID> ids) {
        Map<UUID, T> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<T> rows = em.createQuery("select e from " + type.getSimpleName() + " e where e.id in :ids", type)
                .setParameter("ids", new ArrayList<>(ids))
                .getResultList();
        rows.forEach(row -> found.put(row.id(), row));
        if (found.size() != ids.size()) {
            throw new IllegalStateException(type.getSimpleName() + " rows missing while writing the import");
        }
        return found;
    }

    private static <T> Set<UUID> ids(List<T> chunk, Function<T, UUID> id) {
        Set<UUID> ids = new HashSet<>();
        for (T item : chunk) {
            UUID value = id.apply(item);
            if (value != null) {
                ids.add(value);
            }
        }
        return ids;
    }
}
