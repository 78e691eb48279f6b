package se.klassrum.roster.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.klassrum.roster.entity.Fixtures.person;
import static se.klassrum.roster.entity.Fixtures.school;
import static se.klassrum.roster.entity.Fixtures.teachingGroup;
import static se.klassrum.roster.entity.Fixtures.tenant;

class MembershipAndRoleTest {

    private static final LocalDate START = LocalDate.of(2025, 8, 15);
    private static final LocalDate LAST_WEEK = LocalDate.of(2026, 3, 3);

    private final Tenant solbacka = tenant("Solbacka kommun");
    private final School gymnasium = school(solbacka);
    private final StudyGroup group = teachingGroup(gymnasium);
    private final Person julia = person(solbacka, "Julia");

    @Test
    void a_membership_holds_from_its_first_day_until_it_is_ended() {
        Membership membership = new Membership(null, group, julia, MembershipRole.MEMBER, Validity.from(START));
        assertThat(membership.isActiveOn(START.minusDays(1))).isFalse();
        assertThat(membership.isActiveOn(LAST_WEEK.plusDays(7))).isTrue();

        membership.endOn(LAST_WEEK);

        assertThat(membership.isActiveOn(LAST_WEEK)).isTrue();
        assertThat(membership.isActiveOn(LAST_WEEK.plusDays(1))).isFalse();
        assertThat(membership.validity()).isEqualTo(Validity.between(START, LAST_WEEK));
    }

    @Test
    void a_person_of_another_tenant_cannot_join_the_group() {
        Person olle = new Person(null, tenant("Norrå kommun"), "n-1", "Olle", "Utsocknes");

        assertThatThrownBy(() -> new Membership(null, group, olle, MembershipRole.OWNER, Validity.from(START)))
                .isInstanceOfSatisfying(RosterException.class, e -> {
                    assertThat(e.code()).isEqualTo(RosterError.DIFFERENT_TENANT);
                    assertThat(e.messageEn()).isEqualTo(
                            "Olle Utsocknes and Ma1c-A belong to different organisations and cannot be linked.");
                });
    }

    @Test
    void a_role_that_ended_yesterday_is_not_active_today() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        SchoolRole david = new SchoolRole(null, person(solbacka, "David"), gymnasium, RoleKind.TEACHER,
                Validity.between(START, today.minusDays(1)));

        assertThat(david.isActiveOn(today.minusDays(1))).isTrue();
        assertThat(david.isActiveOn(today)).isFalse();
    }

    @Test
    void a_role_at_a_school_of_another_tenant_is_rejected() {
        School norraskolan = school(tenant("Norrå kommun"));

        assertThatThrownBy(() -> new SchoolRole(null, julia, norraskolan, RoleKind.STUDENT, Validity.from(START)))
                .isInstanceOfSatisfying(RosterException.class,
                        e -> assertThat(e.code()).isEqualTo(RosterError.DIFFERENT_TENANT));
    }

    @Test
    void a_licence_ends_like_any_other_fact() {
        Licence licence = new Licence(null, julia, LicenceKind.STUDENT, Validity.from(START));

        licence.endOn(LAST_WEEK);

        assertThat(licence.isActiveOn(LAST_WEEK)).isTrue();
        assertThat(licence.isActiveOn(LAST_WEEK.plusDays(1))).isFalse();
    }

    @Test
    void a_teacher_subject_link_must_stay_within_one_tenant() {
        Subject norrasMath = new Subject(null, tenant("Norrå kommun"), "MAT", "Matematik");

        assertThatThrownBy(() -> new TeacherSubject(null, person(solbacka, "Anna"), gymnasium, norrasMath))
                .isInstanceOfSatisfying(RosterException.class,
                        e -> assertThat(e.code()).isEqualTo(RosterError.DIFFERENT_TENANT));
    }
}
