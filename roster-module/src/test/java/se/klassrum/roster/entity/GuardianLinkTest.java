package se.klassrum.roster.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.klassrum.roster.entity.Fixtures.bornOn;
import static se.klassrum.roster.entity.Fixtures.person;
import static se.klassrum.roster.entity.Fixtures.tenant;

class GuardianLinkTest {

    private static final LocalDate BIRTH = LocalDate.of(2008, 3, 10);
    private static final LocalDate EIGHTEENTH_BIRTHDAY = LocalDate.of(2026, 3, 10);

    private final Tenant solbacka = tenant("Solbacka kommun");
    private final Person lars = person(solbacka, "Lars");
    private final Person ivar = bornOn(solbacka, "Ivar", BIRTH);

    @Test
    void a_link_ends_on_the_childs_18th_birthday() {
        GuardianLink link = new GuardianLink(null, lars, ivar, GuardianRelation.VARDNADSHAVARE, Validity.from(BIRTH));

        assertThat(link.isActive()).isTrue();
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY.minusDays(1))).isTrue();
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY)).isFalse();
        assertThat(link.isActive()).as("still switched on; only the majority rule stops it").isTrue();
    }

    @Test
    void an_admin_can_let_the_link_continue_after_18() {
        GuardianLink link = new GuardianLink(null, lars, ivar, GuardianRelation.VARDNADSHAVARE, Validity.from(BIRTH));

        link.reactivateAfterMajority();

        assertThat(link.continuesAfterMajority()).isTrue();
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY.plusYears(1))).isTrue();
    }

    @Test
    void a_deactivated_link_gives_no_access_and_forgets_the_decision_to_continue_after_18() {
        GuardianLink link = new GuardianLink(null, lars, ivar, GuardianRelation.VARDNADSHAVARE, Validity.from(BIRTH));
        link.reactivateAfterMajority();

        link.deactivate();
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY.minusYears(1))).isFalse();

        link.reactivate();
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY.minusYears(1))).isTrue();
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY)).isFalse();
    }

    @Test
    void an_ended_link_gives_no_access_even_to_a_minor() {
        GuardianLink link = new GuardianLink(null, lars, ivar, GuardianRelation.GOD_MAN, Validity.from(BIRTH));

        link.endOn(LocalDate.of(2020, 1, 31));

        assertThat(link.isActiveOn(LocalDate.of(2020, 2, 1))).isFalse();
    }

    @Test
    void a_person_cannot_be_their_own_guardian() {
        assertThatThrownBy(() -> new GuardianLink(null, ivar, ivar, GuardianRelation.VARDNADSHAVARE, Validity.from(BIRTH)))
                .isInstanceOfSatisfying(RosterException.class, e -> {
                    assertThat(e.code()).isEqualTo(RosterError.GUARDIAN_IS_CHILD);
                    assertThat(e.messageSv()).isEqualTo("Ivar Testsson kan inte vara vårdnadshavare för sig själv.");
                });
    }

    @Test
    void a_guardian_of_another_tenant_is_rejected() {
        Person stranger = person(tenant("Norrå kommun"), "Främling");

        assertThatThrownBy(() -> new GuardianLink(null, stranger, ivar, GuardianRelation.ANNAN_ANSVARIG, Validity.from(BIRTH)))
                .isInstanceOfSatisfying(RosterException.class,
                        e -> assertThat(e.code()).isEqualTo(RosterError.DIFFERENT_TENANT));
    }

    @Test
    void the_relations_keep_their_ss_12000_labels() {
        assertThat(GuardianRelation.values()).extracting(GuardianRelation::labelSv)
                .containsExactly("Vårdnadshavare", "Annan ansvarig", "God man", "Utsedd behörig");
    }
}
