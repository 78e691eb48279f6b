package se.klassrum.roster.importer;

import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.ImportKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Compares the roster the files describe with the tenant's roster and plans the differences.
 * <p>
 * Schools, people and groups are matched by external id, syllabi by course code, and facts (school roles,
 * memberships, guardian links) by what they link, their type and their first day. A fact whose first day
 * the files leave open takes the first day of the fact the roster already has, or else the import date, so
 * that a re-run on a later day matches instead of starting the fact again.
 * <p>
 * Only facts the set manages are compared (see {@link RosterSet}): a full set ends the current ones it leaves
 * out, on the day before the import date, so that access ends at once. A fact that began on the import date (as
 * an undated fact does, from an earlier run the same day), or begins later, ends the day before its first day: an
 * empty period that holds on no day, kept as the record that it was there. A delta ends only what it removes.
 * Nothing is ever deleted.
 */
final class Planner {

    private record FactKey(UUID first, UUID second, Enum<?> type) {
    }

    private final RosterSet set;
    private final TenantState state;
    private final LocalDate importDate;
    private final Problems problems;
    private final Plan plan = new Plan();

    private final Map<String, UUID> schoolIds = new HashMap<>();
    private final Map<String, UUID> personIds = new HashMap<>();
    private final Map<String, UUID> groupIds = new HashMap<>();
    private final Map<String, UUID> syllabusIds = new HashMap<>();
    /** Subjects this plan creates, by code. */
    private final Map<String, UUID> newSubjects = new HashMap<>();
    /** The claim of an existing fact that this plan ends (see {@link TenantState.Fact#claim}). */
    private static final Object ENDED = new Object();
    /** People, schools and groups that had a fact ended by this plan. */
    private final Set<UUID> endedParties = new HashSet<>();

    Planner(RosterSet set, TenantState state, LocalDate importDate, Problems problems) {
        this.set = set;
        this.state = state;
        this.importDate = importDate;
        this.problems = problems;
    }

    Plan plan() {
        planSyllabi();
        planSchools();
        planPersons();
        planGroups();
        planTeacherSubjects();
        // A full set needs each kind's facts only while that kind is planned; a delta needs them all for its removals.
        Map<RosterSet.FactKind, Map<FactKey, Object>> existing = new HashMap<>();
        for (RosterSet.FactKind kind : RosterSet.FactKind.values()) {
            Map<FactKey, Object> facts = existingFacts(kind);
            planFacts(kind, facts);
            if (set.fullSet) {
                state.planned(kind);
                set.facts.removeIf(fact -> fact.kind() == kind);
            } else {
                existing.put(kind, facts);
            }
        }
        if (!set.fullSet) {
            planRemovals(existing);
        }
        countEndedPartiesThatLeft();
        return plan;
    }

    private void planSyllabi() {
        Map<String, UUID> newSubjects = this.newSubjects;
        for (RosterSet.Syllabus syllabus : set.syllabi.values()) {
            TenantState.Syllabus known = state.syllabi.get(syllabus.code());
            if (known != null) {
                if (!known.subjectCode().equals(syllabus.subjectCode())) {
                    problems.add(syllabus.where(), "the syllabus '" + syllabus.code() + "' has the subject '"
                            + known.subjectCode() + "' in Klassrum, not '" + syllabus.subjectCode() + "'");
                }
                syllabusIds.put(syllabus.code(), known.id());
                continue;
            }
            UUID subjectId = state.subjects.get(syllabus.subjectCode());
            if (subjectId == null) {
                subjectId = newSubjects.computeIfAbsent(syllabus.subjectCode(), code -> {
                    UUID id = UUID.randomUUID();
                    plan.newSubjects.add(new Plan.NewSubject(id, code));
                    plan.created(ImportKind.SUBJECT);
                    return id;
                });
            }
            UUID id = UUID.randomUUID();
            plan.newSyllabi.add(new Plan.NewSyllabus(id, subjectId, syllabus.code(), syllabus.name()));
            plan.created(ImportKind.SYLLABUS);
            syllabusIds.put(syllabus.code(), id);
        }
    }

    private void planSchools() {
        // Which school holds each skolenhetskod, as the plan leaves them: a code is unique within the organisation.
        Map<String, String> codeHolders = new HashMap<>();
        state.schoolsById.values().forEach(known -> {
            if (known.schoolUnitCode() != null) {
                codeHolders.put(known.schoolUnitCode(), known.externalId() == null ? "id:" + known.id() : known.externalId());
            }
        });
        for (RosterSet.School school : set.schools.values()) {
            TenantState.School known = state.schools.get(school.externalId());
            String code = school.schoolUnitCode();
            if (code != null && !(known != null && code.equals(known.schoolUnitCode()))) {
                String holder = codeHolders.get(code);
                if (holder != null && !holder.equals(school.externalId())) {
                    set.note(school.where() + ": the school unit code " + code + " belongs to another school in"
                            + " Klassrum; this school keeps " + (known == null || known.schoolUnitCode() == null
                            ? "none" : "its code " + known.schoolUnitCode()));
                    code = null;
                } else {
                    codeHolders.put(code, school.externalId());
                }
            }
            if (known == null) {
                UUID id = UUID.randomUUID();
                plan.newSchools.add(new Plan.NewSchool(id, school.externalId(), school.name(), code));
                plan.created(ImportKind.SCHOOL);
                schoolIds.put(school.externalId(), id);
            } else {
                schoolIds.put(school.externalId(), known.id());
                boolean renamed = !known.name().equals(school.name());
                boolean recoded = code != null && !code.equals(known.schoolUnitCode());
                if (renamed) {
                    plan.renamedSchools.add(new Plan.Rename(known.id(), school.name()));
                }
                if (recoded) {
                    plan.recodedSchools.add(new Plan.Recode(known.id(), code));
                }
                if (renamed || recoded) {
                    plan.updated(ImportKind.SCHOOL);
                }
            }
        }
    }

    private void planPersons() {
        for (RosterSet.Person person : set.persons.values()) {
            TenantState.Person known = state.persons.get(person.externalId());
            boolean hasBirthDate = set.birthDates.containsKey(person.externalId());
            LocalDate birthDate = set.birthDates.get(person.externalId());
            if (known == null) {
                UUID id = UUID.randomUUID();
                plan.newPersons.add(new Plan.NewPerson(id, person.externalId(), person.givenName(), person.familyName(),
                        set.managesEmail ? person.email() : null, birthDate));
                plan.created(ImportKind.PERSON);
                personIds.put(person.externalId(), id);
                continue;
            }
            personIds.put(person.externalId(), known.id());
            boolean renamed = !known.givenName().equals(person.givenName())
                    || !known.familyName().equals(person.familyName());
            boolean newEmail = set.managesEmail && !Objects.equals(known.email(), person.email());
            boolean newBirthDate = hasBirthDate && !Objects.equals(known.birthDate(), birthDate);
            if (renamed || newEmail || newBirthDate) {
                plan.changedPersons.add(new Plan.PersonChange(known.id(), person.givenName(), person.familyName(),
                        newEmail, person.email(), newBirthDate, birthDate));
                plan.updated(ImportKind.PERSON);
            }
        }
    }

    private void planGroups() {
        for (RosterSet.Group group : set.groups.values()) {
            UUID schoolId = schoolId(group.schoolExternalId(), group.where());
            UUID syllabusId = group.syllabusCode() == null ? null : syllabusId(group.syllabusCode(), group.where());
            TenantState.Group known = state.groups.get(group.externalId());
            if (known == null) {
                if (schoolId == null) {
                    continue;
                }
                UUID id = UUID.randomUUID();
                plan.newGroups.add(new Plan.NewGroup(id, schoolId, group.externalId(), group.name(), group.schoolYear(),
                        group.kind() == GroupKind.TEACHING ? syllabusId : null, group.kind()));
                plan.created(ImportKind.GROUP);
                groupIds.put(group.externalId(), id);
                continue;
            }
            groupIds.put(group.externalId(), known.id());
            if (known.kind() != group.kind()) {
                problems.add(group.where(), "the group '" + group.externalId() + "' is a " + describe(known.kind())
                        + " in Klassrum, not a " + describe(group.kind()) + "; a group cannot change its kind");
            } else if (schoolId != null && !known.schoolId().equals(schoolId)) {
                problems.add(group.where(), "the group '" + group.externalId() + "' belongs to the school '"
                        + state.schoolsById.get(known.schoolId()).externalId() + "' in Klassrum; a group cannot move"
                        + " to another school");
            } else if (!known.archived()) {
                // An archived group is final: it is never renamed or relinked again.
                boolean renamed = !known.name().equals(group.name());
                boolean relinked = group.kind() == GroupKind.TEACHING && group.syllabusKnown()
                        && !Objects.equals(known.syllabusId(), syllabusId)
                        && (group.syllabusCode() == null || syllabusId != null);
                if (renamed || relinked) {
                    plan.changedGroups.add(new Plan.GroupChange(known.id(), renamed ? group.name() : null, relinked,
                            syllabusId));
                    plan.updated(ImportKind.GROUP);
                }
            }
        }
    }

    /** The register's teacher-subject links that the roster lacks; none is ever removed by an import. */
    private void planTeacherSubjects() {
        Set<String> planned = new HashSet<>();
        for (RosterSet.TeacherSubject link : set.teacherSubjects.values()) {
            UUID teacher = personId(link.teacherExternalId(), link.where());
            UUID school = schoolId(link.schoolExternalId(), link.where());
            UUID subject = state.subjects.containsKey(link.subjectCode()) ? state.subjects.get(link.subjectCode())
                    : newSubjects.get(link.subjectCode());
            if (teacher == null || school == null || subject == null) {
                continue;
            }
            String key = teacher + "|" + school + "|" + subject;
            if (!state.teacherSubjects.contains(key) && planned.add(key)) {
                plan.newTeacherSubjects.add(new Plan.NewTeacherSubject(teacher, school, subject));
                plan.created(ImportKind.TEACHER_SUBJECT);
            }
        }
    }

    /**
     * The managed facts of the roster, by what they link. Nearly every key has one fact, so a value is that fact, or a
     * list only where there are several (see {@link #all}): at Stockholm's scale a list per key would cost a hundred
     * megabytes of heap for nothing. While a kind is planned, the files' facts that the roster lacks join them (see
     * {@link #planFacts}).
     */
    private Map<FactKey, Object> existingFacts(RosterSet.FactKind kind) {
        Map<FactKey, Object> byKey = new HashMap<>();
        for (TenantState.Fact fact : state.facts(kind)) {
            if (managed(kind, fact)) {
                byKey.merge(new FactKey(fact.first(), fact.second(), fact.type()), fact, Planner::both);
            }
        }
        return byKey;
    }

    /** Merges a value of a one-or-many map with another fact. */
    @SuppressWarnings("unchecked")
    private static Object both(Object earlier, Object added) {
        List<Object> list;
        if (earlier instanceof List<?> several) {
            list = (List<Object>) several;
        } else {
            list = new ArrayList<>(2);
            list.add(earlier);
        }
        list.add(added);
        return list;
    }

    /** The facts of a one-or-many value: none for null. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> all(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> several ? (List<T>) several : List.of((T) value);
    }

    private boolean managed(RosterSet.FactKind kind, TenantState.Fact fact) {
        return switch (kind) {
            case ROLE -> set.managedRoles.contains(fact.type())
                    && state.schoolsById.get(fact.second()) != null
                    && state.schoolsById.get(fact.second()).externalId() != null;
            case MEMBERSHIP -> set.managesGroups && state.groupsById.get(fact.first()) != null
                    && managedKind(state.groupsById.get(fact.first()).kind());
            case GUARDIAN_LINK -> set.managedRelations.contains(fact.type());
        };
    }

    /**
     * Plans the files' facts of a kind, one by one in the order of the files, against the roster's facts of the same key
     * (what they link and their type): one with the same first day is matched (claimed), and gets the files' last day;
     * else the fact is new, and joins the key's value, so that a later fact of the files with the same key and first
     * day is found as a repetition (a contradiction if its last day differs). For a full set, the roster's current
     * facts that no fact of the files claimed end.
     */
    private void planFacts(RosterSet.FactKind kind, Map<FactKey, Object> existing) {
        for (RosterSet.Fact fact : set.facts) {
            if (fact.kind() != kind) {
                continue;
            }
            FactKey key = key(fact);
            if (key == null) {
                continue;
            }
            Object value = existing.get(key);
            List<TenantState.Fact> rows = rows(value);
            LocalDate from = firstDay(fact, rows);
            TenantState.Fact row = null;
            RosterSet.Fact same = null;
            for (TenantState.Fact candidate : rows) {
                if (candidate.from().equals(from)) {
                    row = candidate;
                    same = candidate.claim instanceof RosterSet.Fact claimant ? claimant : null;
                }
            }
            if (row == null) {
                for (Object each : Planner.<Object>all(value)) {
                    if (each instanceof RosterSet.Fact planned && firstDay(planned, rows).equals(from)) {
                        same = planned;
                    }
                }
            }
            if (same != null) {
                if (!Objects.equals(same.to(), fact.to())) {
                    problems.add(fact.where(), "this contradicts " + same.where() + ": the same "
                            + describe(kind) + " from " + from + " ends on " + (fact.to() == null ? "no day" : fact.to())
                            + " here and on " + (same.to() == null ? "no day" : same.to()) + " there");
                }
                continue;
            }
            if (row == null) {
                plan.newFacts.get(kind).add(new Plan.NewFact(kind, key.first(), key.second(), key.type(), from,
                        fact.to()));
                plan.created(Plan.kindOf(kind));
                existing.merge(key, fact, Planner::both);
            } else {
                row.claim = fact;
                if (!Objects.equals(row.to(), fact.to())) {
                    plan.newEnds.get(kind).add(new Plan.NewEnd(row.id(), fact.to()));
                    plan.updated(Plan.kindOf(kind));
                }
            }
        }
        if (set.fullSet) {
            for (Object value : existing.values()) {
                for (TenantState.Fact row : rows(value)) {
                    if (row.claim == null && isCurrent(row)) {
                        end(kind, row);
                    }
                }
            }
        }
    }

    /** The roster's facts of a key's value (leaving out the files' facts planned as new). */
    private static List<TenantState.Fact> rows(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof TenantState.Fact row) {
            return List.of(row);
        }
        if (value instanceof RosterSet.Fact) {
            return List.of();
        }
        List<TenantState.Fact> rows = new ArrayList<>(2);
        for (Object each : Planner.<Object>all(value)) {
            if (each instanceof TenantState.Fact row) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The first day of a fact: as the files say; if they do not, that of the current fact of the roster (the
     * latest, if several), else the import date, or the last day if that is earlier.
     */
    private LocalDate firstDay(RosterSet.Fact fact, List<TenantState.Fact> rows) {
        if (fact.from() != null) {
            return fact.from();
        }
        LocalDate from = rows.stream().filter(this::isCurrent).map(TenantState.Fact::from)
                .max(LocalDate::compareTo).orElse(importDate);
        return fact.to() != null && fact.to().isBefore(from) ? fact.to() : from;
    }

    private void planRemovals(Map<RosterSet.FactKind, Map<FactKey, Object>> existing) {
        for (RosterSet.Fact removed : set.removedFacts) {
            FactKey key = key(removed);
            if (key == null) {
                continue;
            }
            for (TenantState.Fact row : rows(existing.get(removed.kind()).get(key))) {
                if (row.claim == null && isCurrent(row)) {
                    end(removed.kind(), row);
                }
            }
        }
        Set<UUID> removedParties = new HashSet<>();
        set.removedPersons.forEach((externalId, where) -> {
            TenantState.Person person = state.persons.get(externalId);
            if (person != null) {
                removedParties.add(person.id());
            }
        });
        set.removedGroups.forEach((externalId, where) -> {
            TenantState.Group group = state.groups.get(externalId);
            if (group != null) {
                removedParties.add(group.id());
            }
        });
        if (removedParties.isEmpty()) {
            return;
        }
        for (RosterSet.FactKind kind : RosterSet.FactKind.values()) {
            for (Object value : existing.get(kind).values()) {
                for (TenantState.Fact row : rows(value)) {
                    boolean touches = removedParties.contains(row.first()) || removedParties.contains(row.second());
                    if (touches && row.claim == null && isCurrent(row)) {
                        end(kind, row);
                    }
                }
            }
        }
    }

    /**
     * Ends a current fact the day before the import date. One that began on the import date (an undated fact of an
     * earlier run the same day), or begins later, cannot hold a day before it begins: it ends the day before its first
     * day, an empty period that holds on no day, and is kept rather than deleted.
     */
    private void end(RosterSet.FactKind kind, TenantState.Fact row) {
        row.claim = ENDED;
        LocalDate lastDay = row.from().isBefore(importDate) ? importDate.minusDays(1) : row.from().minusDays(1);
        plan.newEnds.get(kind).add(new Plan.NewEnd(row.id(), lastDay));
        plan.ended(Plan.kindOf(kind));
        endedParties.add(row.first());
        endedParties.add(row.second());
    }

    /** People and groups that left (a full set without them, or a delta removing them) and lost facts with it. */
    private void countEndedPartiesThatLeft() {
        for (TenantState.Person person : state.personsById.values()) {
            boolean left = set.fullSet ? !set.persons.containsKey(person.externalId())
                    : set.removedPersons.containsKey(person.externalId());
            if (left && endedParties.contains(person.id())) {
                plan.ended(ImportKind.PERSON);
            }
        }
        for (TenantState.Group group : state.groupsById.values()) {
            boolean left = set.fullSet ? set.managesGroups && !set.groups.containsKey(group.externalId())
                    : set.removedGroups.containsKey(group.externalId());
            if (left && endedParties.contains(group.id())) {
                plan.ended(ImportKind.GROUP);
            }
        }
    }

    /** Whether a fact holds on the import date or later; one with an empty period (ended before it began) never does. */
    private boolean isCurrent(TenantState.Fact fact) {
        return fact.to() == null || (!fact.to().isBefore(importDate) && !fact.to().isBefore(fact.from()));
    }

    private FactKey key(RosterSet.Fact fact) {
        UUID first;
        UUID second;
        switch (fact.kind()) {
            case ROLE -> {
                first = personId(fact.first(), fact.where());
                second = schoolId(fact.second(), fact.where());
            }
            case MEMBERSHIP -> {
                first = groupId(fact.first(), fact.where());
                second = personId(fact.second(), fact.where());
            }
            default -> {
                first = personId(fact.first(), fact.where());
                second = personId(fact.second(), fact.where());
            }
        }
        return first == null || second == null ? null : new FactKey(first, second, fact.type());
    }

    // In a full set every reference is to something in the set (the readers check that); a delta may refer to
    // what the roster already has.

    private UUID schoolId(String externalId, Where where) {
        UUID id = schoolIds.get(externalId);
        if (id == null && !set.fullSet && state.schools.containsKey(externalId)) {
            id = state.schools.get(externalId).id();
        }
        if (id == null) {
            problems.add(where, "the school '" + externalId + "' is neither in the files nor in Klassrum");
        }
        return id;
    }

    private UUID personId(String externalId, Where where) {
        UUID id = personIds.get(externalId);
        if (id == null && !set.fullSet && state.persons.containsKey(externalId)) {
            id = state.persons.get(externalId).id();
        }
        if (id == null) {
            problems.add(where, "the person '" + externalId + "' is neither in the files nor in Klassrum");
        }
        return id;
    }

    private UUID groupId(String externalId, Where where) {
        UUID id = groupIds.get(externalId);
        if (id == null && !set.fullSet && state.groups.containsKey(externalId)) {
            TenantState.Group group = state.groups.get(externalId);
            if (!managedKind(group.kind())) {
                problems.add(where, "the group '" + externalId + "' is a mentor group in Klassrum");
                return null;
            }
            id = group.id();
        }
        if (id == null) {
            problems.add(where, "the class '" + externalId + "' is neither in the files nor in Klassrum");
        }
        return id;
    }

    private UUID syllabusId(String code, Where where) {
        UUID id = syllabusIds.get(code);
        if (id == null && state.syllabi.containsKey(code)) {
            id = state.syllabi.get(code).id();
        }
        if (id == null) {
            problems.add(where, "the course code '" + code + "' is neither in the files nor in Klassrum");
        }
        return id;
    }

    /** Teaching groups always; mentor groups only for a source that names them. */
    private boolean managedKind(GroupKind kind) {
        return kind == GroupKind.TEACHING || kind == GroupKind.MENTOR && set.managesMentorGroups;
    }

    private static String describe(GroupKind kind) {
        return kind == GroupKind.MENTOR ? "mentor group" : "teaching group";
    }

    private static String describe(RosterSet.FactKind kind) {
        return switch (kind) {
            case ROLE -> "school role";
            case MEMBERSHIP -> "membership";
            case GUARDIAN_LINK -> "guardian link";
        };
    }
}
