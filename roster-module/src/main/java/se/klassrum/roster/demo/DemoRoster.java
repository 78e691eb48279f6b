package se.klassrum.roster.demo;

import jakarta.persistence.EntityManager;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.Licence;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.Membership;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.School;
import se.klassrum.roster.entity.SchoolRole;
import se.klassrum.roster.entity.SchoolYear;
import se.klassrum.roster.entity.SecurityMarking;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Subject;
import se.klassrum.roster.entity.Syllabus;
import se.klassrum.roster.entity.TeacherSubject;
import se.klassrum.roster.entity.Tenant;
import se.klassrum.roster.entity.Validity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fictional municipality, Solbacka kommun, and a neighbour, Norrå kommun, in which every prerequisite of
 * the access rules is both met and missing for someone. The personas are described in DEMO-DATA.md.
 * <p>
 * All dates are relative to the day given, so the data is as true next year as today: the current school
 * year starts on 15 August and the previous one ended on 30 June. Facts of the current year are open-ended,
 * so they still hold in the summer weeks between 30 June and 15 August. Every id comes from {@link DemoIds}.
 * <p>
 * A {@code DemoRoster} holds new, unsaved entities; load it at most once.
 */
public final class DemoRoster {

    /** The day changes at midnight Swedish time, wherever the server runs. */
    public static final ZoneId SCHOOL_TIME_ZONE = ZoneId.of("Europe/Stockholm");

    private static final MonthDay SCHOOL_YEAR_STARTS = MonthDay.of(Month.AUGUST, 15);
    private static final MonthDay SCHOOL_YEAR_ENDS = MonthDay.of(Month.JUNE, 30);

    private final LocalDate today;
    private final LocalDate currentStart;
    private final LocalDate previousStart;
    private final LocalDate previousEnd;
    private final SchoolYear currentYear;

    private final List<RosterEntity> entities = new ArrayList<>();
    private final Map<UUID, RosterEntity> byId = new HashMap<>();
    private final Map<String, Tenant> tenants = new HashMap<>();
    private final Map<String, School> schools = new HashMap<>();
    private final Map<String, Subject> subjects = new HashMap<>();
    private final Map<String, Syllabus> syllabi = new HashMap<>();
    private final Map<String, Person> persons = new HashMap<>();
    private final Map<String, StudyGroup> groups = new HashMap<>();

    private DemoRoster(LocalDate today) {
        this.today = today;
        this.currentStart = schoolYearStart(today);
        this.previousStart = currentStart.minusYears(1);
        this.previousEnd = SCHOOL_YEAR_ENDS.atYear(currentStart.getYear());
        this.currentYear = SchoolYear.startingIn(currentStart.getYear());
        build();
    }

    /** The demo roster as it stands on the given day. */
    public static DemoRoster asOf(LocalDate today) {
        return new DemoRoster(today);
    }

    public static LocalDate todayInSweden(Clock clock) {
        return LocalDate.now(clock.withZone(SCHOOL_TIME_ZONE));
    }

    /** 15 August of the school year that the day belongs to (the summer holiday counts to the year before). */
    public static LocalDate schoolYearStart(LocalDate day) {
        LocalDate thisYear = SCHOOL_YEAR_STARTS.atYear(day.getYear());
        return day.isBefore(thisYear) ? thisYear.minusYears(1) : thisYear;
    }

    /**
     * Saves the demo roster if the database has no tenant yet. The caller owns the transaction.
     *
     * @return whether it saved anything; {@code false} if any tenant, demo or real, already exists
     */
    public boolean loadIfEmpty(EntityManager em) {
        long tenantCount = em.createQuery("select count(t) from Tenant t", Long.class).getSingleResult();
        if (tenantCount > 0) {
            return false;
        }
        entities.forEach(em::persist);
        em.flush();
        return true;
    }

    public LocalDate today() {
        return today;
    }

    public SchoolYear currentSchoolYear() {
        return currentYear;
    }

    public LocalDate currentSchoolYearStart() {
        return currentStart;
    }

    public LocalDate previousSchoolYearStart() {
        return previousStart;
    }

    public LocalDate previousSchoolYearEnd() {
        return previousEnd;
    }

    /** Every entity, each after those it refers to. */
    public List<RosterEntity> entities() {
        return Collections.unmodifiableList(entities);
    }

    /** @throws IllegalArgumentException if the demo has no such entity */
    public <T extends RosterEntity> T get(Class<T> type, UUID id) {
        RosterEntity entity = byId.get(id);
        if (!type.isInstance(entity)) {
            throw new IllegalArgumentException("The demo roster has no " + type.getSimpleName() + " " + id);
        }
        return type.cast(entity);
    }

    private void build() {
        Validity thisYear = Validity.from(currentStart);
        Validity sinceLastYear = Validity.from(previousStart);
        Validity lastYearOnly = Validity.between(previousStart, previousEnd);
        String current = currentYear.label();
        String previous = currentYear.previous().label();

        // Organisations, schools, subjects and syllabi
        tenant("solbacka", DemoIds.TENANT_SOLBACKA, DemoIds.ENTRA_TENANT_SOLBACKA, "Solbacka kommun");
        tenant("norra", DemoIds.TENANT_NORRA, DemoIds.ENTRA_TENANT_NORRA, "Norrå kommun");
        school("solbackaskolan", "solbacka", "Solbackaskolan", "12345678");
        school("solbacka-gymnasium", "solbacka", "Solbacka gymnasium", "87654321");
        school("norraskolan", "norra", "Norråskolan", "11223344");
        subject("mat", "solbacka", "MAT", "Matematik");
        subject("eng", "solbacka", "ENG", "Engelska");
        subject("fys", "solbacka", "FYS", "Fysik");
        subject("kem", "solbacka", "KEM", "Kemi");
        subject("norra-mat", "norra", "MAT", "Matematik");
        syllabus("matmat01c", "mat", "MATMAT01c", "Matematik 1c");
        syllabus("engeng05", "eng", "ENGENG05", "Engelska 5");
        syllabus("fysfys01a", "fys", "FYSFYS01a", "Fysik 1a");
        syllabus("kemkem01", "kem", "KEMKEM01", "Kemi 1");
        syllabus("norra-matmat01c", "norra-mat", "MATMAT01c", "Matematik 1c");

        // Staff (adults; fixed birth dates)
        staff("anna", "solbacka", "Anna", "Andersson", LocalDate.of(1982, 4, 11));
        staff("bertil", "solbacka", "Bertil", "Berg", LocalDate.of(1975, 9, 2));
        staff("cecilia", "solbacka", "Cecilia", "Carlsson", LocalDate.of(1990, 1, 23));
        staff("david", "solbacka", "David", "Dahl", LocalDate.of(1968, 12, 5));
        staff("sara", "solbacka", "Sara", "Svensson", LocalDate.of(1985, 6, 17));
        staff("petra", "solbacka", "Petra", "Pettersson", LocalDate.of(1979, 3, 30));
        staff("olle", "norra", "Olle", "Utsocknes", LocalDate.of(1971, 10, 8));

        // Students: minors are 14-17 on every day; Ivar turned 18 a month ago
        student("elsa", "solbacka", "Elsa", "Ek", today.minusYears(17).minusDays(40));
        student("filip", "solbacka", "Filip", "Falk", today.minusYears(16).minusDays(200));
        student("greta", "solbacka", "Greta", "Gran", today.minusYears(16).minusDays(90))
                .changeSecurityMarking(SecurityMarking.SKYDDAD_FOLKBOKFORING);
        student("hugo", "solbacka", "Hugo", "Holm", today.minusYears(16).minusDays(30));
        student("ivar", "solbacka", "Ivar", "Isaksson", today.minusYears(18).minusMonths(1));
        student("julia", "solbacka", "Julia", "Jansson", today.minusYears(17).minusDays(120));
        student("klara", "solbacka", "Klara", "Kvist", today.minusYears(16).minusDays(150));
        student("rut", "solbacka", "Rut", "Rask", today.minusYears(14).minusDays(60));
        student("tove", "norra", "Tove", "Tallberg", today.minusYears(16).minusDays(10));

        // Guardians: no licence, no school role, no Entra account (they log in to the guardian portal)
        guardian("karin", "Karin", "Ek", LocalDate.of(1979, 2, 14));
        guardian("lars", "Lars", "Isaksson", LocalDate.of(1972, 7, 1));
        guardian("maria", "Maria", "Falk", LocalDate.of(1980, 11, 20));
        guardian("nils", "Nils", "Gran", LocalDate.of(1977, 5, 9));
        guardian("olof", "Olof", "Holm", LocalDate.of(1960, 8, 28));
        guardian("ulla", "Ulla", "Rask", LocalDate.of(1983, 12, 3));
        guardian("ebba", "Ebba", "Ek", LocalDate.of(1981, 9, 27));

        // Licences: Cecilia (staff) and Klara (student) have none
        for (String teacher : List.of("anna", "bertil", "david", "sara", "petra", "olle")) {
            licence(teacher, LicenceKind.TEACHER, sinceLastYear);
        }
        for (String student : List.of("elsa", "filip", "greta", "hugo", "ivar", "julia", "rut", "tove")) {
            licence(student, LicenceKind.STUDENT, sinceLastYear);
        }

        // School roles
        role("anna", "solbacka-gymnasium", RoleKind.TEACHER, sinceLastYear);
        role("bertil", "solbacka-gymnasium", RoleKind.TEACHER, sinceLastYear);
        role("bertil", "solbacka-gymnasium", RoleKind.MENTOR, sinceLastYear);
        role("cecilia", "solbacka-gymnasium", RoleKind.TEACHER, sinceLastYear);
        role("david", "solbacka-gymnasium", RoleKind.TEACHER, Validity.between(previousStart, today.minusDays(1)));
        role("sara", "solbacka-gymnasium", RoleKind.SCHOOL_ADMIN, sinceLastYear);
        role("petra", "solbackaskolan", RoleKind.TEACHER, sinceLastYear);
        role("olle", "norraskolan", RoleKind.TEACHER, sinceLastYear);
        for (String student : List.of("elsa", "filip", "greta", "ivar", "julia", "klara")) {
            role(student, "solbacka-gymnasium", RoleKind.STUDENT, thisYear);
        }
        role("hugo", "solbackaskolan", RoleKind.STUDENT, lastYearOnly);
        role("hugo", "solbacka-gymnasium", RoleKind.STUDENT, thisYear);
        role("rut", "solbackaskolan", RoleKind.STUDENT, thisYear);
        role("tove", "norraskolan", RoleKind.STUDENT, thisYear);

        // Subject links: Anna teaches MAT but not ENG
        teacherSubject("anna", "solbacka-gymnasium", "mat");
        teacherSubject("cecilia", "solbacka-gymnasium", "kem");
        teacherSubject("david", "solbacka-gymnasium", "fys");
        teacherSubject("petra", "solbackaskolan", "mat");
        teacherSubject("olle", "norraskolan", "norra-mat");

        // Anna's groups
        group("ma1c-a", "solbacka-gymnasium", GroupKind.TEACHING, "Ma1c-A", current, "matmat01c", true);
        owner("ma1c-a", "anna", thisYear);
        for (String student : List.of("elsa", "filip", "greta", "hugo", "ivar", "klara")) {
            member("ma1c-a", student, thisYear);
        }
        LocalDate juliaLastDay = today.minusWeeks(1);
        member("ma1c-a", "julia", Validity.between(earliest(currentStart, juliaLastDay), juliaLastDay));

        group("en5-b", "solbacka-gymnasium", GroupKind.TEACHING, "En5-B", current, "engeng05", true);
        owner("en5-b", "anna", thisYear);
        member("en5-b", "elsa", thisYear);

        group("fy1a-c", "solbacka-gymnasium", GroupKind.TEACHING, "Fy1a-C", current, null, true);
        owner("fy1a-c", "anna", thisYear);
        member("fy1a-c", "elsa", thisYear);

        group("ke1-d", "solbacka-gymnasium", GroupKind.TEACHING, "Ke1-D (ej ansluten)", current, null, false);
        owner("ke1-d", "anna", thisYear);
        member("ke1-d", "elsa", thisYear);

        // Still connected: archiving alone must be enough to close it for work. Anna still owns it (groups are
        // archived, not deleted), so she reads its history read only while Hugo studies at the school (rule H1).
        group("ma1c-a-previous", "solbacka-gymnasium", GroupKind.TEACHING, "Ma1c-A " + previous, previous,
                "matmat01c", true).archive();
        owner("ma1c-a-previous", "anna", sinceLastYear);
        member("ma1c-a-previous", "hugo", lastYearOnly);

        // Bertil's mentor group
        group("na24a-mentor", "solbacka-gymnasium", GroupKind.MENTOR, "NA24a mentorsgrupp", current, null, true);
        owner("na24a-mentor", "bertil", thisYear);
        for (String student : List.of("elsa", "filip", "greta")) {
            member("na24a-mentor", student, thisYear);
        }

        // Cecilia (no licence) and David (teacher role ended) still own groups with students
        group("ke1-e", "solbacka-gymnasium", GroupKind.TEACHING, "Ke1-E", current, "kemkem01", true);
        owner("ke1-e", "cecilia", thisYear);
        member("ke1-e", "elsa", thisYear);
        group("fy1a-f", "solbacka-gymnasium", GroupKind.TEACHING, "Fy1a-F", current, "fysfys01a", true);
        owner("fy1a-f", "david", thisYear);
        member("fy1a-f", "elsa", thisYear);

        // Solbackaskolan (grundskola)
        group("ma8-a", "solbackaskolan", GroupKind.TEACHING, "Ma8-A", current, null, true);
        owner("ma8-a", "petra", thisYear);
        member("ma8-a", "rut", thisYear);

        // Norrå kommun: everything in place, but another organisation
        group("norra-ma1c", "norraskolan", GroupKind.TEACHING, "Ma1c-N", current, "norra-matmat01c", true);
        owner("norra-ma1c", "olle", thisYear);
        member("norra-ma1c", "tove", thisYear);

        // Guardian links
        guardianLink("karin", "elsa", GuardianRelation.VARDNADSHAVARE, sinceBirthOf("elsa"));
        guardianLink("lars", "ivar", GuardianRelation.VARDNADSHAVARE, sinceBirthOf("ivar"));
        guardianLink("maria", "filip", GuardianRelation.VARDNADSHAVARE, sinceBirthOf("filip")).deactivate();
        guardianLink("nils", "greta", GuardianRelation.VARDNADSHAVARE, sinceBirthOf("greta"));
        guardianLink("olof", "hugo", GuardianRelation.GOD_MAN, sinceLastYear);
        guardianLink("ulla", "rut", GuardianRelation.VARDNADSHAVARE, sinceBirthOf("rut"));
        guardianLink("ebba", "elsa", GuardianRelation.VARDNADSHAVARE, sinceBirthOf("elsa"));

        // Logins to the guardian portal: Maria has none, and Ebba's only one is switched off, so each misses
        // GUARDIAN_LOGIN while the others meet it.
        guardianLogin("karin", GuardianLoginMethod.EMAIL);
        guardianLogin("lars", GuardianLoginMethod.IDP);
        guardianLogin("nils", GuardianLoginMethod.IDP);
        guardianLogin("olof", GuardianLoginMethod.EMAIL);
        guardianLogin("ulla", GuardianLoginMethod.EMAIL);
        guardianLogin("ebba", GuardianLoginMethod.EMAIL).disable();
    }

    private void tenant(String key, UUID id, UUID entraTenantId, String name) {
        tenants.put(key, add(new Tenant(id, entraTenantId, name)));
    }

    private void school(String key, String tenantKey, String name, String schoolUnitCode) {
        schools.put(key, add(new School(DemoIds.school(key), tenants.get(tenantKey), name, schoolUnitCode,
                "demo-school-" + key)));
    }

    private void subject(String key, String tenantKey, String code, String name) {
        subjects.put(key, add(new Subject(DemoIds.subject(key), tenants.get(tenantKey), code, name)));
    }

    private void syllabus(String key, String subjectKey, String code, String name) {
        syllabi.put(key, add(new Syllabus(DemoIds.syllabus(key), subjects.get(subjectKey), code, name)));
    }

    private Person staff(String key, String tenantKey, String givenName, String familyName, LocalDate birthDate) {
        Person person = person(key, tenantKey, givenName, familyName, birthDate);
        person.linkEntraAccount(DemoIds.entraObjectId(key));
        person.changeEmail(emailName(key, familyName) + "@" + tenantKey + ".example");
        return person;
    }

    private Person student(String key, String tenantKey, String givenName, String familyName, LocalDate birthDate) {
        Person person = person(key, tenantKey, givenName, familyName, birthDate);
        person.linkEntraAccount(DemoIds.entraObjectId(key));
        person.changeEmail(emailName(key, familyName) + "@elev." + tenantKey + ".example");
        return person;
    }

    private Person guardian(String key, String givenName, String familyName, LocalDate birthDate) {
        Person person = person(key, "solbacka", givenName, familyName, birthDate);
        person.changeEmail(emailName(key, familyName) + "@example.com");
        return person;
    }

    private Person person(String key, String tenantKey, String givenName, String familyName, LocalDate birthDate) {
        Person person = add(new Person(DemoIds.person(key), tenants.get(tenantKey), "demo-" + key, givenName, familyName));
        person.recordBirthDate(birthDate);
        persons.put(key, person);
        return person;
    }

    private void licence(String personKey, LicenceKind kind, Validity validity) {
        add(new Licence(DemoIds.licence(personKey), persons.get(personKey), kind, validity));
    }

    private void role(String personKey, String schoolKey, RoleKind role, Validity validity) {
        add(new SchoolRole(DemoIds.schoolRole(personKey, schoolKey, role), persons.get(personKey),
                schools.get(schoolKey), role, validity));
    }

    private void teacherSubject(String personKey, String schoolKey, String subjectKey) {
        add(new TeacherSubject(DemoIds.teacherSubject(personKey, subjectKey), persons.get(personKey),
                schools.get(schoolKey), subjects.get(subjectKey)));
    }

    private StudyGroup group(String key, String schoolKey, GroupKind kind, String name, String schoolYear,
                             String syllabusKey, boolean connected) {
        StudyGroup group = add(new StudyGroup(DemoIds.group(key), schools.get(schoolKey), kind, name, schoolYear));
        group.recordExternalId("demo-group-" + key);
        group.linkMicrosoftGroup(DemoIds.id("microsoft-group:" + key).toString());
        if (syllabusKey != null) {
            group.linkSyllabus(syllabi.get(syllabusKey));
        }
        if (connected) {
            group.connect();
        }
        groups.put(key, group);
        return group;
    }

    private void owner(String groupKey, String personKey, Validity validity) {
        membership(groupKey, personKey, MembershipRole.OWNER, validity);
    }

    private void member(String groupKey, String personKey, Validity validity) {
        membership(groupKey, personKey, MembershipRole.MEMBER, validity);
    }

    private void membership(String groupKey, String personKey, MembershipRole role, Validity validity) {
        add(new Membership(DemoIds.membership(groupKey, personKey), groups.get(groupKey), persons.get(personKey),
                role, validity));
    }

    private GuardianLink guardianLink(String guardianKey, String childKey, GuardianRelation relation,
                                      Validity validity) {
        return add(new GuardianLink(DemoIds.guardianLink(guardianKey, childKey), persons.get(guardianKey),
                persons.get(childKey), relation, validity));
    }

    private GuardianLogin guardianLogin(String guardianKey, GuardianLoginMethod method) {
        Person guardian = persons.get(guardianKey);
        String subject = method == GuardianLoginMethod.EMAIL
                ? guardian.email().orElseThrow()
                : DemoIds.idpSubject(guardianKey);
        return add(new GuardianLogin(DemoIds.guardianLogin(guardianKey), guardian, method, subject));
    }

    private Validity sinceBirthOf(String personKey) {
        return Validity.from(persons.get(personKey).birthDate().orElseThrow());
    }

    private <T extends RosterEntity> T add(T entity) {
        entities.add(entity);
        byId.put(entity.id(), entity);
        return entity;
    }

    private static String emailName(String key, String familyName) {
        return key + "." + familyName.toLowerCase(Locale.ROOT);
    }

    private static LocalDate earliest(LocalDate first, LocalDate second) {
        return first.isBefore(second) ? first : second;
    }
}
