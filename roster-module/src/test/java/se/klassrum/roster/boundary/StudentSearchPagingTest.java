package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.boundary.GuardOutsideContainer;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.control.RosterFactsForTests;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.SecurityMarking;
import se.klassrum.roster.entity.Validity;
import se.klassrum.roster.testing.TestDatabase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists an administrator works through to ask the register for birth dates and to follow guardian links past
 * majority ({@link StudentSearch#withoutBirthDate}, {@link StudentSearch#adultsWithGuardianLinks}), paged with sealed
 * cursors, on a real PostgreSQL with the real access guard deciding who may see a protected student.
 * <p>
 * Ada administers Alby skola and mentors two of its students who have a protected identity (Mira Falk, Rita Ek); two
 * others with a protected identity (Dan Dahl, Noa Strand, placed where a page would end) she may not see. Bryggans
 * skola's students are not hers, nor is a student whose role at Alby ended yesterday. Whatever the page size, every
 * student she should find comes exactly once, in the lists' order (family name, given name, id), every page but the
 * last is full, and only the last page has no cursor to a next one.
 */
class StudentSearchPagingTest {

    private static final LocalDate TODAY = AccessRules.today(Clock.systemUTC());
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID ALBY = UUID.randomUUID();
    private static final UUID BRYGGAN = UUID.randomUUID();
    private static final UUID ADA = UUID.randomUUID();
    private static final UUID GUARDIAN = UUID.randomUUID();
    private static final UUID MENTOR_GROUP = UUID.randomUUID();
    /** Two students of the same name: the id decides their order. */
    private static final UUID LO_EK_FIRST = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID LO_EK_SECOND = UUID.fromString("00000000-0000-4000-8000-000000000002");

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    /** Every student by id, as "Given Family", for readable failures. */
    private static final Map<UUID, String> NAMES = new LinkedHashMap<>();

    /** Alby's students without a birth date whom Ada may see, in the list's order. */
    private static final List<UUID> WITHOUT_BIRTH_DATE = new ArrayList<>();
    /** Alby's adult students with a guardian link whom Ada may see, in the list's order. */
    private static final List<UUID> ADULTS_WITH_LINKS = new ArrayList<>();
    /** Students who must never be listed to Ada. */
    private static final List<UUID> NEVER = new ArrayList<>();
    private static UUID ciaDahl;

    private static TestDatabase db;

    @BeforeAll
    static void albyAndBryggan() {
        db = TestDatabase.create("student_search_paging");
        LocalDate lastYear = TODAY.minusYears(1);
        db.runInTransaction(em -> {
            RosterAdministration admin = RosterAdministrationForTests.on(em);
            admin.createTenant(TENANT, UUID.randomUUID(), "Alby kommun");
            admin.createSchool(ALBY, TENANT, "Alby skola", "12345678", "sis-alby");
            admin.createSchool(BRYGGAN, TENANT, "Bryggans skola", "87654321", "sis-bryggan");
            admin.createPerson(ADA, TENANT, NewPerson.named("p-ada", "Ada", "Admin").withBirthDate(LocalDate.of(1980, 5, 5)));
            admin.assignRole(null, ADA, ALBY, RoleKind.SCHOOL_ADMIN, Validity.from(lastYear));
            admin.assignRole(null, ADA, ALBY, RoleKind.MENTOR, Validity.from(lastYear));
            admin.grantLicence(null, ADA, LicenceKind.TEACHER, Validity.from(lastYear));
            admin.createPerson(GUARDIAN, TENANT, NewPerson.named("p-gun", "Gun", "Vard").withBirthDate(LocalDate.of(1970, 1, 1)));
            admin.createGroup(MENTOR_GROUP, ALBY, NewGroup.mentor("7A mentorsgrupp", "2025/26"));
            admin.connectGroup(MENTOR_GROUP);
            admin.addMembership(null, MENTOR_GROUP, ADA, MembershipRole.OWNER, Validity.from(lastYear));

            // Without a birth date, in the list's order; Dan Dahl and Sam Nord are protected and not Ada's.
            listed(admin, WITHOUT_BIRTH_DATE, null, "Alva", "Berg", null, SecurityMarking.NONE, ALBY);
            never(admin, null, "Anna", "Berg", null, SecurityMarking.NONE, BRYGGAN);
            listed(admin, WITHOUT_BIRTH_DATE, null, "Bo", "Berg", null, SecurityMarking.NONE, ALBY);
            ciaDahl = listed(admin, WITHOUT_BIRTH_DATE, null, "Cia", "Dahl", null, SecurityMarking.NONE, ALBY, BRYGGAN);
            never(admin, null, "Dan", "Dahl", null, SecurityMarking.SKYDDAD_FOLKBOKFORING, ALBY);
            listed(admin, WITHOUT_BIRTH_DATE, LO_EK_SECOND, "Lo", "Ek", null, SecurityMarking.NONE, ALBY);
            listed(admin, WITHOUT_BIRTH_DATE, LO_EK_FIRST, "Lo", "Ek", null, SecurityMarking.NONE, ALBY);
            UUID mira = listed(admin, WITHOUT_BIRTH_DATE, null, "Mira", "Falk", null, SecurityMarking.SEKRETESSMARKERING, ALBY);
            admin.addMembership(null, MENTOR_GROUP, mira, MembershipRole.MEMBER, Validity.from(lastYear));
            listed(admin, WITHOUT_BIRTH_DATE, null, "Nils", "Gran", null, SecurityMarking.NONE, ALBY);
            listed(admin, WITHOUT_BIRTH_DATE, null, "Ola", "Holm", null, SecurityMarking.NONE, ALBY);
            listed(admin, WITHOUT_BIRTH_DATE, null, "Pia", "Lind", null, SecurityMarking.NONE, ALBY);
            listed(admin, WITHOUT_BIRTH_DATE, null, "Rut", "Nord", null, SecurityMarking.NONE, ALBY);
            never(admin, null, "Sam", "Nord", null, SecurityMarking.SKYDDAD_FOLKBOKFORING, ALBY);
            // Not in the list: a known birth date, a role at Alby that ended yesterday.
            never(admin, null, "Ulla", "Cedergren", TODAY.minusYears(12), SecurityMarking.NONE, ALBY);
            UUID vera = never(admin, null, "Vera", "Ahl", null, SecurityMarking.NONE);
            admin.assignRole(null, vera, ALBY, RoleKind.STUDENT, Validity.between(lastYear, TODAY.minusDays(1)));

            // Adults with a guardian link; Noa Strand is protected and not Ada's.
            never(admin, null, "Ida", "Alm", TODAY.minusYears(19), SecurityMarking.NONE, ALBY);
            linked(admin, never(admin, null, "Tor", "Alm", TODAY.minusYears(18).plusDays(1), SecurityMarking.NONE, ALBY));
            linked(admin, never(admin, null, "Adam", "Berg", TODAY.minusYears(20), SecurityMarking.NONE, BRYGGAN));
            linked(admin, listed(admin, ADULTS_WITH_LINKS, null, "Eva", "Ask", TODAY.minusYears(19), SecurityMarking.NONE, ALBY));
            linked(admin, listed(admin, ADULTS_WITH_LINKS, null, "Jon", "Ask", TODAY.minusYears(20), SecurityMarking.NONE, ALBY));
            linked(admin, listed(admin, ADULTS_WITH_LINKS, null, "Kim", "Bodin", TODAY.minusYears(18), SecurityMarking.NONE, ALBY));
            linked(admin, listed(admin, ADULTS_WITH_LINKS, null, "Liv", "Ceder", TODAY.minusYears(25), SecurityMarking.NONE, ALBY));
            linked(admin, never(admin, null, "Lars", "Ceder", TODAY.minusYears(19), SecurityMarking.SKYDDAD_FOLKBOKFORING, ALBY));
            linked(admin, listed(admin, ADULTS_WITH_LINKS, null, "Max", "Ceder", TODAY.minusYears(19), SecurityMarking.NONE, ALBY));
            UUID rita = listed(admin, ADULTS_WITH_LINKS, null, "Rita", "Ek", TODAY.minusYears(19),
                    SecurityMarking.SKYDDAD_FOLKBOKFORING, ALBY);
            linked(admin, rita);
            admin.addMembership(null, MENTOR_GROUP, rita, MembershipRole.MEMBER, Validity.from(lastYear));
            linked(admin, never(admin, null, "Noa", "Strand", TODAY.minusYears(30), SecurityMarking.SEKRETESSMARKERING, ALBY));
        });
        // Created out of order, listed by id.
        WITHOUT_BIRTH_DATE.remove(LO_EK_FIRST);
        WITHOUT_BIRTH_DATE.add(WITHOUT_BIRTH_DATE.indexOf(LO_EK_SECOND), LO_EK_FIRST);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @ParameterizedTest(name = "{0} a page")
    @ValueSource(ints = {1, 2, 3, 4, 5, 9, 10, 11, 100})
    void everyStudentWithoutABirthDateComesOnceInOrderAFullPageAtATime(int limit) {
        List<AuditRecord> audited = new ArrayList<>();
        List<Slice<StudentSearch.Match>> pages = allPages(limit, StudentSearch::withoutBirthDate, audited);

        assertListedOncePerPage(pages, limit, WITHOUT_BIRTH_DATE);
        StudentSearch.Match cia = pages.stream().flatMap(page -> page.items().stream())
                .filter(match -> match.id().equals(ciaDahl)).findFirst().orElseThrow();
        assertThat(cia.schools()).as("only the administrator's own schools").containsExactly("Alby skola");
        assertThat(audited).as("a protected student is decided as an audited profile read").isNotEmpty();
    }

    @ParameterizedTest(name = "{0} a page")
    @ValueSource(ints = {1, 2, 3, 5, 6, 7, 100})
    void everyAdultWithAGuardianLinkComesOnceInOrderAFullPageAtATime(int limit) {
        List<Slice<StudentSearch.Match>> pages = allPages(limit, StudentSearch::adultsWithGuardianLinks, new ArrayList<>());

        assertListedOncePerPage(pages, limit, ADULTS_WITH_LINKS);
    }

    private static void assertListedOncePerPage(List<Slice<StudentSearch.Match>> pages, int limit, List<UUID> expected) {
        List<String> listed = pages.stream().flatMap(page -> page.items().stream())
                .map(match -> NAMES.getOrDefault(match.id(), match.id().toString())).toList();
        assertThat(listed).as("every student once, in order")
                .containsExactlyElementsOf(expected.stream().map(NAMES::get).toList());
        assertThat(pages.stream().flatMap(page -> page.items().stream()).map(StudentSearch.Match::id))
                .containsExactlyElementsOf(expected)
                .doesNotContainAnyElementsOf(NEVER);
        for (int i = 0; i < pages.size() - 1; i++) {
            assertThat(pages.get(i).items()).as("page %d of %d is full", i + 1, pages.size()).hasSize(limit);
            assertThat(pages.get(i).nextCursor()).as("page %d continues", i + 1).isNotNull();
        }
        Slice<StudentSearch.Match> last = pages.getLast();
        assertThat(last.nextCursor()).as("the last page").isNull();
        assertThat(last.items()).hasSizeBetween(1, limit);
        assertThat(pages).hasSize((expected.size() + limit - 1) / limit);
    }

    /** The list's pages, each read as one request would read it, following the cursors to the end. */
    private static List<Slice<StudentSearch.Match>> allPages(int limit,
            BiFunction<StudentSearch, Page, Slice<StudentSearch.Match>> list, List<AuditRecord> audited) {
        List<Slice<StudentSearch.Match>> pages = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            Slice<StudentSearch.Match> page = db.read(em -> {
                StudentSearch search = new StudentSearch();
                search.em = em;
                search.guard = GuardOutsideContainer.of(RosterFactsForTests.on(em), Actor.person(ADA, TENANT), audited);
                return list.apply(search, new Page(limit, after));
            });
            pages.add(page);
            cursor = page.nextCursor();
            assertThat(pages).as("the pages end").hasSizeLessThanOrEqualTo(NAMES.size() + 1);
        } while (cursor != null);
        return pages;
    }

    /** A student whom Ada should find, added to the list's expected students. */
    private static UUID listed(RosterAdministration admin, List<UUID> list, UUID id, String given, String family,
                               LocalDate birthDate, SecurityMarking marking, UUID... schools) {
        UUID student = student(admin, id, given, family, birthDate, marking, schools);
        list.add(student);
        return student;
    }

    /** A student whom Ada must never find in these lists. */
    private static UUID never(RosterAdministration admin, UUID id, String given, String family, LocalDate birthDate,
                              SecurityMarking marking, UUID... schools) {
        UUID student = student(admin, id, given, family, birthDate, marking, schools);
        NEVER.add(student);
        return student;
    }

    private static UUID student(RosterAdministration admin, UUID id, String given, String family, LocalDate birthDate,
                                SecurityMarking marking, UUID... schools) {
        UUID student = admin.createPerson(id != null ? id : UUID.randomUUID(), TENANT,
                NewPerson.named("p-" + PEOPLE.incrementAndGet(), given, family).withBirthDate(birthDate)
                        .withSecurityMarking(marking));
        for (UUID school : schools) {
            admin.assignRole(null, student, school, RoleKind.STUDENT, Validity.from(TODAY.minusYears(1)));
        }
        NAMES.put(student, given + " " + family);
        return student;
    }

    private static void linked(RosterAdministration admin, UUID child) {
        admin.linkGuardian(null, GUARDIAN, child, GuardianRelation.VARDNADSHAVARE, Validity.from(TODAY.minusYears(30)));
    }
}
