package se.klassrum.roster.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.klassrum.roster.entity.Fixtures.bornOn;
import static se.klassrum.roster.entity.Fixtures.person;
import static se.klassrum.roster.entity.Fixtures.tenant;

class PersonTest {

    private final Tenant tenant = tenant("Solbacka kommun");

    @Test
    void is_a_minor_until_the_day_before_the_18th_birthday() {
        Person ivar = bornOn(tenant, "Ivar", LocalDate.of(2008, 3, 10));

        assertThat(ivar.isMinorOn(LocalDate.of(2026, 3, 9))).isTrue();
        assertThat(ivar.isMinorOn(LocalDate.of(2026, 3, 10))).isFalse();
    }

    @Test
    void an_unknown_birth_date_counts_as_minor_so_that_guardian_links_stay_as_registered() {
        Person unknown = person(tenant, "Okänd");

        assertThat(unknown.birthDate()).isEmpty();
        assertThat(unknown.isMinorOn(LocalDate.of(2090, 1, 1))).isTrue();
    }

    @Test
    void either_security_marking_means_protected_identity() {
        Person greta = person(tenant, "Greta");
        assertThat(greta.isProtectedIdentity()).isFalse();

        greta.changeSecurityMarking(SecurityMarking.SKYDDAD_FOLKBOKFORING);
        assertThat(greta.isProtectedIdentity()).isTrue();

        greta.changeSecurityMarking(SecurityMarking.SEKRETESSMARKERING);
        assertThat(greta.isProtectedIdentity()).isTrue();
    }

    @Test
    void names_are_trimmed_and_shown_given_name_first() {
        Person anna = new Person(null, tenant, "  p-1 ", " Anna ", "Andersson ");

        assertThat(anna.displayName()).isEqualTo("Anna Andersson");
        assertThat(anna.externalId()).isEqualTo("p-1");
    }

    @Test
    void a_blank_external_id_is_rejected_naming_the_field() {
        assertThatThrownBy(() -> new Person(null, tenant, " ", "Anna", "Andersson"))
                .isInstanceOfSatisfying(RosterException.class, e -> {
                    assertThat(e.code()).isEqualTo(RosterError.VALUE_REQUIRED);
                    assertThat(e.messageEn()).isEqualTo("The field externalId is required.");
                });
    }

    @Test
    void a_new_id_is_assigned_unless_one_is_given() {
        Person random = person(tenant, "Slump");
        Person given = new Person(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"), tenant,
                "p-2", "Given", "Id");

        assertThat(random.id()).isNotNull();
        assertThat(given.id()).hasToString("00000000-0000-0000-0000-000000000001");
    }
}
