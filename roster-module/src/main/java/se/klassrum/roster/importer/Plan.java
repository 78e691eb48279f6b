package se.klassrum.roster.importer;

import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.ImportCount;
import se.klassrum.roster.entity.ImportKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an import will write: only the differences between the files and the tenant's roster. Every new row
 * already has its id, so that later steps (a membership of a new person in a new group) can refer to it.
 */
final class Plan {

    record NewSchool(UUID id, String externalId, String name, String schoolUnitCode) {
    }

    /** A school's new skolenhetskod. */
    record Recode(UUID id, String schoolUnitCode) {
    }

    record Rename(UUID id, String name) {
    }

    record NewPerson(UUID id, String externalId, String givenName, String familyName, String email,
                     LocalDate birthDate) {
    }

    /** A changed person; email and birthDate are only written when their flag is set. */
    record PersonChange(UUID id, String givenName, String familyName, boolean setEmail, String email,
                        boolean setBirthDate, LocalDate birthDate) {
    }

    record NewSubject(UUID id, String code) {
    }

    record NewSyllabus(UUID id, UUID subjectId, String code, String name) {
    }

    record NewGroup(UUID id, UUID schoolId, String externalId, String name, String schoolYear, UUID syllabusId,
                    GroupKind kind) {
    }

    /** @param name the new name, or null to keep it; syllabusId is written only if changeSyllabus */
    record GroupChange(UUID id, String name, boolean changeSyllabus, UUID syllabusId) {
    }

    record NewFact(RosterSet.FactKind kind, UUID first, UUID second, Enum<?> type, LocalDate from, LocalDate to) {
    }

    /** A new last day for an existing fact; null reopens it. */
    record NewTeacherSubject(UUID teacherId, UUID schoolId, UUID subjectId) {
    }

    record NewEnd(UUID id, LocalDate to) {
    }

    final List<NewSubject> newSubjects = new ArrayList<>();
    final List<NewSyllabus> newSyllabi = new ArrayList<>();
    final List<NewSchool> newSchools = new ArrayList<>();
    final List<Rename> renamedSchools = new ArrayList<>();
    final List<Recode> recodedSchools = new ArrayList<>();
    final List<NewPerson> newPersons = new ArrayList<>();
    final List<PersonChange> changedPersons = new ArrayList<>();
    final List<NewGroup> newGroups = new ArrayList<>();
    final List<GroupChange> changedGroups = new ArrayList<>();
    final List<NewTeacherSubject> newTeacherSubjects = new ArrayList<>();
    final Map<RosterSet.FactKind, List<NewFact>> newFacts = new EnumMap<>(RosterSet.FactKind.class);
    final Map<RosterSet.FactKind, List<NewEnd>> newEnds = new EnumMap<>(RosterSet.FactKind.class);

    private final Map<ImportKind, int[]> counts = new EnumMap<>(ImportKind.class);

    Plan() {
        for (RosterSet.FactKind kind : RosterSet.FactKind.values()) {
            newFacts.put(kind, new ArrayList<>());
            newEnds.put(kind, new ArrayList<>());
        }
        for (ImportKind kind : ImportKind.values()) {
            if (kind != ImportKind.LICENCE && kind != ImportKind.TEACHER_SUBJECT) { // not from files
                counts.put(kind, new int[3]);
            }
        }
    }

    void created(ImportKind kind) {
        counts.computeIfAbsent(kind, k -> new int[3])[0]++;
    }

    void updated(ImportKind kind) {
        counts.computeIfAbsent(kind, k -> new int[3])[1]++;
    }

    void ended(ImportKind kind) {
        counts.computeIfAbsent(kind, k -> new int[3])[2]++;
    }

    static ImportKind kindOf(RosterSet.FactKind kind) {
        return switch (kind) {
            case ROLE -> ImportKind.SCHOOL_ROLE;
            case MEMBERSHIP -> ImportKind.MEMBERSHIP;
            case GUARDIAN_LINK -> ImportKind.GUARDIAN_LINK;
        };
    }

    List<ImportCount> counts() {
        List<ImportCount> list = new ArrayList<>();
        counts.forEach((kind, count) -> list.add(new ImportCount(kind, count[0], count[1], count[2])));
        return list;
    }

    /** The number of rows to write, for progress. */
    long size() {
        long size = newSubjects.size() + newSyllabi.size() + newSchools.size() + renamedSchools.size()
                + recodedSchools.size()
                + newPersons.size() + changedPersons.size() + newGroups.size() + changedGroups.size()
                + newTeacherSubjects.size();
        for (RosterSet.FactKind kind : RosterSet.FactKind.values()) {
            size += newFacts.get(kind).size() + newEnds.get(kind).size();
        }
        return size;
    }

    boolean isEmpty() {
        return size() == 0;
    }
}
