package se.klassrum.roster.entity;

import java.time.LocalDate;
import java.util.UUID;

/** Small, valid roster objects for the domain tests; nothing is saved. */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private Fixtures() {
    }

    static Tenant tenant(String name) {
        return new Tenant(null, UUID.randomUUID(), name);
    }

    static School school(Tenant tenant) {
        return new School(null, tenant, "Skola i " + tenant.name(), null, null);
    }

    static Person person(Tenant tenant, String givenName) {
        return new Person(null, tenant, "ext-" + UUID.randomUUID(), givenName, "Testsson");
    }

    static Person bornOn(Tenant tenant, String givenName, LocalDate birthDate) {
        Person person = person(tenant, givenName);
        person.recordBirthDate(birthDate);
        return person;
    }

    static StudyGroup teachingGroup(School school) {
        return new StudyGroup(null, school, GroupKind.TEACHING, "Ma1c-A", "2025/26");
    }

    static StudyGroup mentorGroup(School school) {
        return new StudyGroup(null, school, GroupKind.MENTOR, "NA24a", "2025/26");
    }

    static Syllabus syllabus(Tenant tenant, String code) {
        return new Syllabus(null, new Subject(null, tenant, code.substring(0, 3), "Ämne"), code, "Kurs " + code);
    }
}
