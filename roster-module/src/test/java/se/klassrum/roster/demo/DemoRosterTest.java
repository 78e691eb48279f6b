package se.klassrum.roster.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.Licence;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.Membership;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.SchoolRole;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.TeacherSubject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.GROUP_EN5_B;
import static se.klassrum.roster.demo.DemoIds.GROUP_FY1A_C;
import static se.klassrum.roster.demo.DemoIds.GROUP_FY1A_F;
import static se.klassrum.roster.demo.DemoIds.GROUP_KE1_D;
import static se.klassrum.roster.demo.DemoIds.GROUP_KE1_E;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A_PREVIOUS;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA8_A;
import static se.klassrum.roster.demo.DemoIds.GROUP_NA24A_MENTOR;
import static se.klassrum.roster.demo.DemoIds.GROUP_NORRA_MA1C;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_BERTIL;
import static se.klassrum.roster.demo.DemoIds.PERSON_CECILIA;
import static se.klassrum.roster.demo.DemoIds.PERSON_DAVID;
import static se.klassrum.roster.demo.DemoIds.PERSON_EBBA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_FILIP;
import static se.klassrum.roster.demo.DemoIds.PERSON_GRETA;
import static se.klassrum.roster.demo.DemoIds.PERSON_HUGO;
import static se.klassrum.roster.demo.DemoIds.PERSON_IVAR;
import static se.klassrum.roster.demo.DemoIds.PERSON_JULIA;
import static se.klassrum.roster.demo.DemoIds.PERSON_KARIN;
import static se.klassrum.roster.demo.DemoIds.PERSON_KLARA;
import static se.klassrum.roster.demo.DemoIds.PERSON_LARS;
import static se.klassrum.roster.demo.DemoIds.PERSON_MARIA;
import static se.klassrum.roster.demo.DemoIds.PERSON_NILS;
import static se.klassrum.roster.demo.DemoIds.PERSON_OLLE;
import static se.klassrum.roster.demo.DemoIds.PERSON_OLOF;
import static se.klassrum.roster.demo.DemoIds.PERSON_PETRA;
import static se.klassrum.roster.demo.DemoIds.PERSON_RUT;
import static se.klassrum.roster.demo.DemoIds.PERSON_SARA;
import static se.klassrum.roster.demo.DemoIds.PERSON_TOVE;
import static se.klassrum.roster.demo.DemoIds.PERSON_ULLA;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_NORRASKOLAN;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKASKOLAN;
import static se.klassrum.roster.demo.DemoIds.SCHOOL_SOLBACKA_GYMNASIUM;

/**
 * The demo roster says what DEMO-DATA.md says, on any day: every persona is checked on days around the
 * school-year boundaries (15 August, 30 June), on a leap day, and today.
 */
class DemoRosterTest {

    static Stream<LocalDate> days() {
        return Stream.of(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 8, 14), LocalDate.of(2026, 8, 15), LocalDate.of(2026, 8, 20),
                LocalDate.of(2026, 12, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2030, 1, 1),
                LocalDate.now(DemoRoster.SCHOOL_TIME_ZONE));
    }

    @ParameterizedTest
    @MethodSource("days")
    void the_school_year_starts_on_15_august_and_the_previous_one_ended_on_30_june(LocalDate today) {
        DemoRoster demo = DemoRoster.asOf(today);

        assertThat(demo.currentSchoolYearStart()).isBeforeOrEqualTo(today)
                .isAfter(today.minusYears(1)).hasMonthValue(8).hasDayOfMonth(15);
        assertThat(demo.previousSchoolYearEnd()).isBefore(today).hasMonthValue(6).hasDayOfMonth(30)
                .hasYear(demo.currentSchoolYearStart().getYear());
        assertThat(demo.currentSchoolYear().startYear()).isEqualTo(demo.currentSchoolYearStart().getYear());
    }

    @ParameterizedTest
    @MethodSource("days")
    void annas_groups_meet_or_miss_exactly_the_prerequisite_they_are_for(LocalDate today) {
        DemoRoster demo = DemoRoster.asOf(today);

        assertThat(licenceOf(demo, PERSON_ANNA, today)).contains(LicenceKind.TEACHER);
        assertThat(activeRoles(demo, PERSON_ANNA, SCHOOL_SOLBACKA_GYMNASIUM, today)).containsExactly(RoleKind.TEACHER);
        assertThat(subjectCodesOf(demo, PERSON_ANNA)).containsExactly("MAT");

        StudyGroup ma1c = demo.get(StudyGroup.class, GROUP_MA1C_A);
        assertThat(ma1c.isOpenForAccess()).isTrue();
        assertThat(ma1c.kind()).isEqualTo(GroupKind.TEACHING);
        assertThat(ma1c.syllabus().orElseThrow().subject().code()).isEqualTo("MAT");
        assertThat(ma1c.schoolYear()).isEqualTo(demo.currentSchoolYear().label());
        assertThat(activeOwners(demo, GROUP_MA1C_A, today)).containsExactly("Anna");

        StudyGroup en5 = demo.get(StudyGroup.class, GROUP_EN5_B);
        assertThat(en5.isOpenForAccess()).isTrue();
        assertThat(en5.syllabus().orElseThrow().subject().code()).as("a subject Anna is not linked to").isEqualTo("ENG");

        assertThat(demo.get(StudyGroup.class, GROUP_FY1A_C).isOpenForAccess()).isTrue();
        assertThat(demo.get(StudyGroup.class, GROUP_FY1A_C).syllabus()).isEmpty();

        assertThat(demo.get(StudyGroup.class, GROUP_KE1_D).isConnected()).isFalse();
        assertThat(activeMembers(demo, GROUP_KE1_D, today)).containsExactly("Elsa");

        StudyGroup previous = demo.get(StudyGroup.class, GROUP_MA1C_A_PREVIOUS);
        assertThat(previous.isArchived()).isTrue();
        assertThat(previous.isOpenForAccess()).isFalse();
        assertThat(previous.schoolYear()).isEqualTo(demo.currentSchoolYear().previous().label());
        assertThat(activeMembers(demo, GROUP_MA1C_A_PREVIOUS, today)).isEmpty();
        assertThat(activeMembers(demo, GROUP_MA1C_A_PREVIOUS, demo.previousSchoolYearEnd())).containsExactly("Hugo");
    }

    @ParameterizedTest
    @MethodSource("days")
    void ma1c_a_has_its_students_but_not_julia_whose_membership_ended_last_week(LocalDate today) {
        DemoRoster demo = DemoRoster.asOf(today);

        assertThat(activeMembers(demo, GROUP_MA1C_A, today))
                .containsExactlyInAnyOrder("Elsa", "Filip", "Greta", "Hugo", "Ivar", "Klara");
        assertThat(activeMembers(demo, GROUP_MA1C_A, today.minusWeeks(1))).contains("Julia");
        assertThat(activeRoles(demo, PERSON_JULIA, SCHOOL_SOLBACKA_GYMNASIUM, today)).containsExactly(RoleKind.STUDENT);
    }

    @ParameterizedTest
    @MethodSource("days")
    void the_other_teachers_each_miss_one_prerequisite(LocalDate today) {
        DemoRoster demo = DemoRoster.asOf(today);

        assertThat(activeRoles(demo, PERSON_BERTIL, SCHOOL_SOLBACKA_GYMNASIUM, today))
                .containsExactlyInAnyOrder(RoleKind.TEACHER, RoleKind.MENTOR);
        StudyGroup mentors = demo.get(StudyGroup.class, GROUP_NA24A_MENTOR);
        assertThat(mentors.kind()).isEqualTo(GroupKind.MENTOR);
        assertThat(mentors.isOpenForAccess()).isTrue();
        assertThat(activeOwners(demo, GROUP_NA24A_MENTOR, today)).containsExactly("Bertil");
        assertThat(activeMembers(demo, GROUP_NA24A_MENTOR, today)).containsExactlyInAnyOrder("Elsa", "Filip", "Greta");

        assertThat(licenceOf(demo, PERSON_CECILIA, today)).isEmpty();
        assertThat(activeRoles(demo, PERSON_CECILIA, SCHOOL_SOLBACKA_GYMNASIUM, today)).containsExactly(RoleKind.TEACHER);
        assertThat(activeOwners(demo, GROUP_KE1_E, today)).containsExactly("Cecilia");
        assertThat(activeMembers(demo, GROUP_KE1_E, today)).containsExactly("Elsa");
        assertThat(demo.get(StudyGroup.class, GROUP_KE1_E).isOpenForAccess()).isTrue();

        assertThat(licenceOf(demo, PERSON_DAVID, today)).contains(LicenceKind.TEACHER);
        assertThat(activeRoles(demo, PERSON_DAVID, SCHOOL_SOLBACKA_GYMNASIUM, today)).isEmpty();
        assertThat(activeRoles(demo, PERSON_DAVID, SCHOOL_SOLBACKA_GYMNASIUM, today.minusDays(1)))
                .containsExactly(RoleKind.TEACHER);
        assertThat(activeOwners(demo, GROUP_FY1A_F, today)).containsExactly("David");
        assertThat(activeMembers(demo, GROUP_FY1A_F, today)).containsExactly("Elsa");
        assertThat(demo.get(StudyGroup.class, GROUP_FY1A_F).isOpenForAccess()).isTrue();

        assertThat(activeRoles(demo, PERSON_SARA, SCHOOL_SOLBACKA_GYMNASIUM, today)).containsExactly(RoleKind.SCHOOL_ADMIN);
        assertThat(licenceOf(demo, PERSON_SARA, today)).contains(LicenceKind.TEACHER);

        assertThat(activeRoles(demo, PERSON_PETRA, SCHOOL_SOLBACKASKOLAN, today)).containsExactly(RoleKind.TEACHER);
        assertThat(activeOwners(demo, GROUP_MA8_A, today)).containsExactly("Petra");
        assertThat(activeMembers(demo, GROUP_MA8_A, today)).containsExactly("Rut");
    }

    @ParameterizedTest
    @MethodSource("days")
    void the_students_are_where_the_personas_say(LocalDate today) {
        DemoRoster demo = DemoRoster.asOf(today);

        assertThat(groupsOf(demo, PERSON_ELSA, today)).containsExactlyInAnyOrder(
                "Ma1c-A", "En5-B", "Fy1a-C", "Ke1-D (ej ansluten)", "Ke1-E", "Fy1a-F", "NA24a mentorsgrupp");
        assertThat(demo.get(Person.class, PERSON_GRETA).isProtectedIdentity()).isTrue();
        assertThat(demo.get(Person.class, PERSON_ELSA).isProtectedIdentity()).isFalse();

        assertThat(activeRoles(demo, PERSON_HUGO, SCHOOL_SOLBACKASKOLAN, today)).isEmpty();
        assertThat(activeRoles(demo, PERSON_HUGO, SCHOOL_SOLBACKASKOLAN, demo.previousSchoolYearEnd()))
                .containsExactly(RoleKind.STUDENT);
        assertThat(activeRoles(demo, PERSON_HUGO, SCHOOL_SOLBACKA_GYMNASIUM, today)).containsExactly(RoleKind.STUDENT);

        assertThat(licenceOf(demo, PERSON_KLARA, today)).isEmpty();
        assertThat(activeRoles(demo, PERSON_KLARA, SCHOOL_SOLBACKA_GYMNASIUM, today)).containsExactly(RoleKind.STUDENT);

        Person ivar = demo.get(Person.class, PERSON_IVAR);
        assertThat(ivar.isMinorOn(today)).isFalse();
        assertThat(ivar.isMinorOn(today.minusMonths(2))).as("turned 18 about a month ago").isTrue();

        for (UUID minor : List.of(PERSON_ELSA, PERSON_FILIP, PERSON_GRETA, PERSON_HUGO, PERSON_JULIA, PERSON_KLARA, PERSON_TOVE)) {
            int age = Period.between(demo.get(Person.class, minor).birthDate().orElseThrow(), today).getYears();
            assertThat(age).as("age of " + demo.get(Person.class, minor).displayName()).isBetween(16, 17);
        }
        assertThat(demo.get(Person.class, PERSON_RUT).isMinorOn(today)).isTrue();
        assertThat(activeRoles(demo, PERSON_RUT, SCHOOL_SOLBACKASKOLAN, today)).containsExactly(RoleKind.STUDENT);
    }

    @ParameterizedTest
    @MethodSource("days")
    void guardian_links_give_access_only_where_the_personas_say(LocalDate today) {
        DemoRoster demo = DemoRoster.asOf(today);

        assertThat(link(demo, PERSON_KARIN, PERSON_ELSA).isActiveOn(today)).isTrue();
        assertThat(link(demo, PERSON_NILS, PERSON_GRETA).isActiveOn(today)).isTrue();
        assertThat(link(demo, PERSON_OLOF, PERSON_HUGO).isActiveOn(today)).isTrue();
        assertThat(link(demo, PERSON_ULLA, PERSON_RUT).isActiveOn(today)).isTrue();

        GuardianLink lars = link(demo, PERSON_LARS, PERSON_IVAR);
        assertThat(lars.isActive()).as("switched on").isTrue();
        assertThat(lars.isActiveOn(today)).as("but Ivar is 18").isFalse();

        GuardianLink maria = link(demo, PERSON_MARIA, PERSON_FILIP);
        assertThat(maria.isActive()).isFalse();
        assertThat(maria.isActiveOn(today)).isFalse();

        GuardianLink ebba = link(demo, PERSON_EBBA, PERSON_ELSA);
        assertThat(ebba.relation()).isEqualTo(GuardianRelation.VARDNADSHAVARE);
        assertThat(ebba.isActiveOn(today)).isTrue();

        for (UUID guardian : List.of(PERSON_KARIN, PERSON_LARS, PERSON_MARIA, PERSON_NILS, PERSON_OLOF, PERSON_ULLA,
                PERSON_EBBA)) {
            assertThat(licenceOf(demo, guardian, today)).isEmpty();
            assertThat(demo.entities()).filteredOn(e -> e instanceof SchoolRole role && role.person().id().equals(guardian))
                    .isEmpty();
            assertThat(demo.get(Person.class, guardian).entraObjectId()).isEmpty();
        }
    }

    @Test
    void every_guardian_but_maria_and_ebba_has_an_active_login_to_the_guardian_portal() {
        DemoRoster demo = DemoRoster.asOf(LocalDate.of(2026, 3, 10));

        assertThat(logins(demo, PERSON_KARIN)).containsExactly("EMAIL karin.ek@example.com active");
        assertThat(logins(demo, PERSON_NILS)).containsExactly("IDP " + DemoIds.idpSubject("nils") + " active");
        assertThat(logins(demo, PERSON_OLOF)).containsExactly("EMAIL olof.holm@example.com active");
        assertThat(logins(demo, PERSON_LARS)).containsExactly("IDP " + DemoIds.idpSubject("lars") + " active");
        assertThat(logins(demo, PERSON_ULLA)).containsExactly("EMAIL ulla.rask@example.com active");
        assertThat(logins(demo, PERSON_MARIA)).as("Maria has no login at all").isEmpty();
        assertThat(logins(demo, PERSON_EBBA)).as("Ebba's only login is switched off")
                .containsExactly("EMAIL ebba.ek@example.com disabled");
        assertThat(demo.get(GuardianLogin.class, DemoIds.GUARDIAN_LOGIN_EBBA).guardian().id()).isEqualTo(PERSON_EBBA);
        for (UUID staffOrStudent : List.of(PERSON_ANNA, PERSON_ELSA, PERSON_OLLE, PERSON_TOVE)) {
            assertThat(logins(demo, staffOrStudent)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("days")
    void norra_is_complete_but_another_organisation(LocalDate today) {
        DemoRoster demo = DemoRoster.asOf(today);
        Person olle = demo.get(Person.class, PERSON_OLLE);

        assertThat(olle.tenant().id()).isEqualTo(DemoIds.TENANT_NORRA).isNotEqualTo(demo.get(Person.class, PERSON_ELSA).tenant().id());
        assertThat(licenceOf(demo, PERSON_OLLE, today)).contains(LicenceKind.TEACHER);
        assertThat(activeRoles(demo, PERSON_OLLE, SCHOOL_NORRASKOLAN, today)).containsExactly(RoleKind.TEACHER);
        StudyGroup norra = demo.get(StudyGroup.class, GROUP_NORRA_MA1C);
        assertThat(norra.isOpenForAccess()).isTrue();
        assertThat(norra.syllabus().orElseThrow().tenant().id()).isEqualTo(DemoIds.TENANT_NORRA);
        assertThat(activeMembers(demo, GROUP_NORRA_MA1C, today)).containsExactly("Tove");
        assertThat(activeRoles(demo, PERSON_TOVE, SCHOOL_NORRASKOLAN, today)).containsExactly(RoleKind.STUDENT);
    }

    @Test
    void ids_are_the_same_on_every_build_and_every_day() {
        List<UUID> today = ids(DemoRoster.asOf(LocalDate.of(2026, 3, 10)));
        List<UUID> later = ids(DemoRoster.asOf(LocalDate.of(2031, 9, 1)));

        assertThat(today).doesNotHaveDuplicates().isEqualTo(later);
        assertThat(DemoIds.PERSON_ANNA).isEqualTo(UUID.nameUUIDFromBytes("klassrum-demo:person:anna".getBytes()));
        assertThat(DemoIds.OID_ANNA).isEqualTo(UUID.nameUUIDFromBytes("klassrum-demo:oid:anna".getBytes()));
        assertThat(DemoRoster.asOf(LocalDate.of(2026, 3, 10)).get(Person.class, PERSON_ANNA).entraObjectId())
                .contains(DemoIds.OID_ANNA);
    }

    @Test
    void the_day_changes_at_midnight_in_sweden_not_on_the_servers_clock() {
        Clock justAfterMidnightInStockholm = Clock.fixed(Instant.parse("2026-08-14T22:30:00Z"), ZoneOffset.UTC);

        assertThat(DemoRoster.todayInSweden(justAfterMidnightInStockholm)).isEqualTo(LocalDate.of(2026, 8, 15));
        assertThat(DemoRoster.asOf(DemoRoster.todayInSweden(justAfterMidnightInStockholm)).currentSchoolYear().label())
                .isEqualTo("2026/27");
    }

    private static List<UUID> ids(DemoRoster demo) {
        return demo.entities().stream().map(RosterEntity::id).toList();
    }

    private static List<LicenceKind> licenceOf(DemoRoster demo, UUID person, LocalDate day) {
        return demo.entities().stream()
                .filter(e -> e instanceof Licence licence && licence.person().id().equals(person) && licence.isActiveOn(day))
                .map(e -> ((Licence) e).kind()).toList();
    }

    private static List<RoleKind> activeRoles(DemoRoster demo, UUID person, UUID school, LocalDate day) {
        return demo.entities().stream()
                .filter(e -> e instanceof SchoolRole role && role.person().id().equals(person)
                        && role.school().id().equals(school) && role.isActiveOn(day))
                .map(e -> ((SchoolRole) e).role()).toList();
    }

    private static List<String> subjectCodesOf(DemoRoster demo, UUID teacher) {
        return demo.entities().stream()
                .filter(e -> e instanceof TeacherSubject link && link.teacher().id().equals(teacher))
                .map(e -> ((TeacherSubject) e).subject().code()).toList();
    }

    private static List<String> activeMembers(DemoRoster demo, UUID group, LocalDate day) {
        return memberships(demo, group, MembershipRole.MEMBER, day);
    }

    private static List<String> activeOwners(DemoRoster demo, UUID group, LocalDate day) {
        return memberships(demo, group, MembershipRole.OWNER, day);
    }

    private static List<String> memberships(DemoRoster demo, UUID group, MembershipRole role, LocalDate day) {
        return demo.entities().stream()
                .filter(e -> e instanceof Membership m && m.group().id().equals(group) && m.role() == role && m.isActiveOn(day))
                .map(e -> ((Membership) e).person().givenName()).toList();
    }

    private static List<String> groupsOf(DemoRoster demo, UUID person, LocalDate day) {
        return demo.entities().stream()
                .filter(e -> e instanceof Membership m && m.person().id().equals(person) && m.isActiveOn(day))
                .map(e -> ((Membership) e).group().name()).toList();
    }

    private static List<String> logins(DemoRoster demo, UUID person) {
        return demo.entities().stream()
                .filter(e -> e instanceof GuardianLogin login && login.guardian().id().equals(person))
                .map(e -> (GuardianLogin) e)
                .map(login -> login.method() + " " + login.subject() + (login.isActive() ? " active" : " disabled"))
                .toList();
    }

    private static GuardianLink link(DemoRoster demo, UUID guardian, UUID child) {
        return demo.entities().stream()
                .filter(e -> e instanceof GuardianLink link && link.guardian().id().equals(guardian) && link.child().id().equals(child))
                .map(GuardianLink.class::cast).findFirst().orElseThrow();
    }
}
