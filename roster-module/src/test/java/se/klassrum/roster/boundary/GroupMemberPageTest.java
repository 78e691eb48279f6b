package se.klassrum.roster.boundary;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.api.Slice;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.control.RosterFactsForTests;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.Validity;
import se.klassrum.roster.testing.TestDatabase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's member page on a real PostgreSQL ({@link StudentProfiles#membersOf}, behind the guard in the product):
 * its current members in order of family and given name, a page at a time, each with the names of the groups they are
 * in now, in name order. A group that is not connected or is archived, a membership that ended or has not begun and
 * ownership of a group are not among a member's groups; a member whose membership of the page's group ended is not
 * listed. Behind the guard, the groups come from the facts the page's decision read, and are the same.
 */
class GroupMemberPageTest {

    private static final LocalDate TODAY = AccessRules.today(Clock.systemUTC());
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID SCHOOL = UUID.randomUUID();
    private static final UUID CLASS = UUID.randomUUID();

    /** The class's members in the page's order, each with the groups the page must show. */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    private static TestDatabase db;
    private static UUID teacher;

    @BeforeAll
    static void aClassAndItsMembersGroups() {
        db = TestDatabase.create("group_member_page");
        LocalDate lastYear = TODAY.minusYears(1);
        db.runInTransaction(em -> {
            RosterAdministration admin = RosterAdministrationForTests.on(em);
            admin.createTenant(TENANT, UUID.randomUUID(), "Alby kommun");
            admin.createSchool(SCHOOL, TENANT, "Alby skola", "12345678", "sis-alby");
            admin.createGroup(CLASS, SCHOOL, NewGroup.mentor("7A", "2025/26"));
            admin.connectGroup(CLASS);
            UUID music = group(admin, "Musik 7", true, false);
            UUID english = group(admin, "Engelska 7", true, false);
            UUID art = group(admin, "Bild 7", true, false);
            UUID unconnected = group(admin, "Slöjd 7", false, false);
            UUID archived = group(admin, "Teknik 6", true, true);

            teacher = person(admin, "Tea", "Lärare");
            admin.addMembership(null, CLASS, teacher, MembershipRole.OWNER, Validity.from(lastYear));
            admin.addMembership(null, music, teacher, MembershipRole.OWNER, Validity.from(lastYear));

            UUID alva = member(admin, "Alva", "Berg", "7A", "Bild 7", "Engelska 7", "Musik 7");
            admin.addMembership(null, music, alva, MembershipRole.MEMBER, Validity.from(lastYear));
            admin.addMembership(null, art, alva, MembershipRole.MEMBER, Validity.from(lastYear));
            admin.addMembership(null, english, alva, MembershipRole.MEMBER, Validity.from(TODAY));
            admin.addMembership(null, unconnected, alva, MembershipRole.MEMBER, Validity.from(lastYear));
            admin.addMembership(null, archived, alva, MembershipRole.MEMBER, Validity.from(lastYear));

            UUID bo = member(admin, "Bo", "Berg", "7A");
            admin.addMembership(null, english, bo, MembershipRole.MEMBER, Validity.between(lastYear, TODAY.minusDays(1)));
            admin.addMembership(null, music, bo, MembershipRole.MEMBER, Validity.from(TODAY.plusDays(1)));
            admin.addMembership(null, art, bo, MembershipRole.OWNER, Validity.from(lastYear));

            UUID cia = member(admin, "Cia", "Dahl", "7A", "Engelska 7");
            admin.addMembership(null, english, cia, MembershipRole.MEMBER, Validity.between(lastYear, TODAY));

            member(admin, "Ebba", "Falk", "7A");
            UUID gone = person(admin, "Dan", "Ek");
            admin.addMembership(null, CLASS, gone, MembershipRole.MEMBER, Validity.between(lastYear, TODAY.minusDays(1)));
            admin.addMembership(null, music, gone, MembershipRole.MEMBER, Validity.from(lastYear));
        });
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @ParameterizedTest(name = "{0} a page")
    @ValueSource(ints = {1, 2, 3, 4, 30})
    void everyCurrentMemberComesOnceInOrderWithTheGroupsTheyAreInNow(int limit) {
        List<Integer> sizes = new ArrayList<>();
        Map<String, List<String>> listed = everyPage(limit, sizes, (profiles, after) ->
                profiles.membersOf(CLASS, new Page(limit, after)).detailed());

        assertThat(listed).containsExactlyEntriesOf(EXPECTED);
        assertThat(sizes.subList(0, sizes.size() - 1)).as("every page but the last is full").allMatch(size -> size == limit);
        assertThat(sizes).hasSize((EXPECTED.size() + limit - 1) / limit);
    }

    @ParameterizedTest(name = "{0} a page")
    @ValueSource(ints = {1, 3, 30})
    void theGroupsFromTheFactsThePagesDecisionReadAreTheGroupsReadAnew(int limit) {
        Map<String, List<String>> listed = everyPage(limit, new ArrayList<>(), (profiles, after) -> {
            Slice<StudentProfile> rows = profiles.membersOf(CLASS, new Page(limit, after));
            // What the guard's decision of the page reads: the facts of each member asked about in the group.
            Map<RosterFactsPort.Subject, AccessFacts> read = RosterFactsForTests.on(profiles.em).loadAll(teacher,
                    rows.items().stream().map(member -> new RosterFactsPort.Subject(member.studentId(), CLASS, null))
                            .toList());
            Map<UUID, AccessFacts> byStudent = new HashMap<>();
            read.forEach((subject, facts) -> byStudent.put(subject.studentId(), facts));
            assertThat(byStudent).as("the decision read every member's facts").hasSize(rows.items().size());
            profiles.em = null; // no statement of its own: from the facts alone
            return new Slice<>(rows.details().of(rows.items(), student -> Optional.ofNullable(byStudent.get(student))),
                    rows.nextCursor());
        });

        assertThat(listed).containsExactlyEntriesOf(EXPECTED);
    }

    /** Every page, one after the other from the first, each read in a transaction of its own: member by name, groups. */
    private static Map<String, List<String>> everyPage(int limit, List<Integer> sizes,
                                                       BiFunction<StudentProfiles, String, Slice<StudentProfile>> page) {
        Map<String, List<String>> listed = new LinkedHashMap<>();
        String cursor = null;
        do {
            String after = cursor;
            Slice<StudentProfile> read = db.read(em -> {
                StudentProfiles profiles = new StudentProfiles();
                profiles.em = em;
                return page.apply(profiles, after);
            });
            sizes.add(read.items().size());
            read.items().forEach(member -> listed.put(member.givenName() + " " + member.familyName(), member.groups()));
            cursor = read.nextCursor();
            assertThat(sizes).as("the pages end").hasSizeLessThanOrEqualTo(EXPECTED.size() + 1);
        } while (cursor != null);
        return listed;
    }

    private static UUID group(RosterAdministration admin, String name, boolean connected, boolean archived) {
        UUID group = admin.createGroup(UUID.randomUUID(), SCHOOL, NewGroup.teaching(name, "2025/26"));
        if (connected) {
            admin.connectGroup(group);
        }
        if (archived) {
            admin.archiveGroup(group);
        }
        return group;
    }

    private static UUID person(RosterAdministration admin, String given, String family) {
        return admin.createPerson(UUID.randomUUID(), TENANT, NewPerson.named("p-" + given, given, family));
    }

    /** A current member of the class, expected with the given groups (the class among them). */
    private static UUID member(RosterAdministration admin, String given, String family, String... groups) {
        UUID student = person(admin, given, family);
        admin.addMembership(null, CLASS, student, MembershipRole.MEMBER, Validity.from(TODAY.minusYears(1)));
        EXPECTED.put(given + " " + family, List.of(groups));
        return student;
    }
}
