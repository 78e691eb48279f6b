package se.klassrum.roster.importer;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.Membership;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.School;
import se.klassrum.roster.entity.SchoolRole;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Subject;
import se.klassrum.roster.entity.Syllabus;
import se.klassrum.roster.entity.Tenant;
import se.klassrum.roster.entity.Validity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes a plan with the caller's EntityManager, inside the caller's transaction.
 * <p>
 * New rows are made through the entities' constructors, so that the domain's own rules hold for imported
 * rows too, and written a chunk at a time: persist, flush (one JDBC batch per statement kind when the unit
 * has {@code eclipselink.jdbc.batch-writing}), then clear, so that the persistence context never holds more
 * than a chunk. The rows a chunk refers to are read with one query per kind ({@code where id in ...}), never
 * one by one. New last days and withdrawals are bulk JPQL updates and deletes over chunks of ids: an ending
 * touches one column, and reading a hundred thousand memberships as entities to change it would cost more than
 * the change.
 */
final class PlanWriter {

    static final int CHUNK = 1_000;
    /** New schools, people and groups from which the tables are analysed before the facts are written. */
    static final int ANALYZE_AFTER = 10_000;

    /** Told after each chunk: the phase, rows written so far, rows in the plan. */
    interface Progress {
        void written(String phase, long done, long total);
    }

    private final EntityManager em;
    private final UUID tenantId;
    private final Progress progress;
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
        chunked("WRITING_SUBJECTS", plan.newSubjects, chunk -> {
            Tenant tenant = tenant();
            chunk.forEach(s -> em.persist(new Subject(s.id(), tenant, s.code(), s.code())));
        });
        chunked("WRITING_SYLLABI", plan.newSyllabi, chunk -> {
            Map<UUID, Subject> subjects = load(Subject.class, ids(chunk, Plan.NewSyllabus::subjectId));
            chunk.forEach(s -> em.persist(new Syllabus(s.id(), subjects.get(s.subjectId()), s.code(), s.name())));
        });
        chunked("WRITING_SCHOOLS", plan.newSchools, chunk -> {
            Tenant tenant = tenant();
            chunk.forEach(s -> em.persist(new School(s.id(), tenant, s.name(), null, s.externalId())));
        });
        chunked("WRITING_SCHOOLS", plan.renamedSchools, chunk -> {
            Map<UUID, School> schools = load(School.class, ids(chunk, Plan.Rename::id));
            chunk.forEach(s -> schools.get(s.id()).rename(s.name()));
        });
        chunked("WRITING_PEOPLE", plan.newPersons, chunk -> {
            Tenant tenant = tenant();
            for (Plan.NewPerson p : chunk) {
                Person person = new Person(p.id(), tenant, p.externalId(), p.givenName(), p.familyName());
                person.changeEmail(p.email());
                person.recordBirthDate(p.birthDate());
                em.persist(person);
            }
        });
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
        chunked("WRITING_GROUPS", plan.newGroups, chunk -> {
            Map<UUID, School> schools = load(School.class, ids(chunk, Plan.NewGroup::schoolId));
            Map<UUID, Syllabus> syllabi = load(Syllabus.class, ids(chunk, Plan.NewGroup::syllabusId));
            for (Plan.NewGroup g : chunk) {
                StudyGroup group = new StudyGroup(g.id(), schools.get(g.schoolId()), GroupKind.TEACHING, g.name(),
                        g.schoolYear());
                group.recordExternalId(g.externalId());
                if (g.syllabusId() != null) {
                    group.linkSyllabus(syllabi.get(g.syllabusId()));
                }
                em.persist(group);
            }
        });
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
        if (plan.newSchools.size() + plan.newPersons.size() + plan.newGroups.size() >= ANALYZE_AFTER) {
            analyzeParties();
        }
        for (RosterSet.FactKind kind : RosterSet.FactKind.values()) {
            String phase = "WRITING_" + Plan.kindOf(kind).name() + "S";
            String entity = entityName(kind);
            chunked(phase, plan.withdrawn.get(kind), chunk -> em.createQuery("delete from " + entity + " f where f.id in :ids")
                    .setParameter("ids", chunk).executeUpdate());
            writeEnds(phase, entity, plan.newEnds.get(kind));
            chunked(phase, plan.newFacts.get(kind), chunk -> createFacts(kind, chunk));
        }
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
    private void writeEnds(String phase, String entity, List<Plan.NewEnd> ends) {
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
        chunked(phase, reopened, chunk -> em.createQuery("update " + entity
                        + " f set f.validity.validTo = null, f.version = f.version + 1 where f.id in :ids")
                .setParameter("ids", chunk).executeUpdate());
    }

    private void createFacts(RosterSet.FactKind kind, List<Plan.NewFact> chunk) {
        switch (kind) {
            case ROLE -> {
                Map<UUID, Person> persons = load(Person.class, ids(chunk, Plan.NewFact::first));
                Map<UUID, School> schools = load(School.class, ids(chunk, Plan.NewFact::second));
                for (Plan.NewFact f : chunk) {
                    em.persist(new SchoolRole(null, persons.get(f.first()), schools.get(f.second()), (RoleKind) f.type(),
                            validity(f)));
                }
            }
            case MEMBERSHIP -> {
                Map<UUID, StudyGroup> groups = load(StudyGroup.class, ids(chunk, Plan.NewFact::first));
                Map<UUID, Person> persons = load(Person.class, ids(chunk, Plan.NewFact::second));
                for (Plan.NewFact f : chunk) {
                    em.persist(new Membership(null, groups.get(f.first()), persons.get(f.second()),
                            (MembershipRole) f.type(), validity(f)));
                }
            }
            case GUARDIAN_LINK -> {
                Set<UUID> both = new HashSet<>(ids(chunk, Plan.NewFact::first));
                both.addAll(ids(chunk, Plan.NewFact::second));
                Map<UUID, Person> persons = load(Person.class, both);
                for (Plan.NewFact f : chunk) {
                    em.persist(new GuardianLink(null, persons.get(f.first()), persons.get(f.second()),
                            (GuardianRelation) f.type(), validity(f)));
                }
            }
        }
    }

    private static Validity validity(Plan.NewFact fact) {
        return Validity.between(fact.from(), fact.to());
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

    private Tenant tenant() {
        return Objects.requireNonNull(em.find(Tenant.class, tenantId), "tenant");
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
