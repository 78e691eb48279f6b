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

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 15);
    private static final java.time.OffsetDateTime AT = java.time.OffsetDateTime.parse("2027-01-15T09:30:00+01:00");
    private static final GuardianConsent.Recorder SARA = GuardianConsent.Recorder.person(java.util.UUID.randomUUID());

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
    void the_students_recorded_consent_continues_the_link_after_18() {
        GuardianLink link = new GuardianLink(null, lars, ivar, GuardianRelation.VARDNADSHAVARE, Validity.from(BIRTH));

        GuardianConsent consent = link.recordConsent(EIGHTEENTH_BIRTHDAY.plusDays(3), EIGHTEENTH_BIRTHDAY.plusDays(5),
                AT, SARA);

        assertThat(link.hasConsent()).isTrue();
        assertThat(consent.consentDate()).contains(EIGHTEENTH_BIRTHDAY.plusDays(3));
        assertThat(consent.recordedById()).contains(SARA.personId());
        assertThat(consent.recordedAt()).isEqualTo(AT);
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY.plusYears(1))).isTrue();
    }

    @Test
    void a_withdrawn_consent_ends_the_link_at_once_and_for_good() {
        GuardianLink link = new GuardianLink(null, lars, ivar, GuardianRelation.VARDNADSHAVARE, Validity.from(BIRTH));
        link.recordConsent(EIGHTEENTH_BIRTHDAY, EIGHTEENTH_BIRTHDAY, AT, SARA);

        GuardianConsent withdrawn = link.withdrawConsent(AT.plusDays(30), GuardianConsent.Recorder.application("sis"));

        assertThat(withdrawn.withdrawnAt()).contains(AT.plusDays(30));
        assertThat(withdrawn.withdrawnByApplication()).contains("sis");
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY.plusYears(1))).isFalse();
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY.minusDays(1))).as("for good, whatever day is asked").isFalse();
        assertRefused(() -> link.recordConsent(EIGHTEENTH_BIRTHDAY, EIGHTEENTH_BIRTHDAY.plusYears(1), AT, SARA),
                RosterError.CONSENT_WITHDRAWN, "Ivar Testsson har återkallat sitt samtycke för Lars Testsson; kopplingen har "
                        + "upphört för gott och kan inte få ett nytt samtycke.");
        assertRefused(() -> link.withdrawConsent(AT, SARA), RosterError.CONSENT_WITHDRAWN, null);
    }

    @Test
    void a_consent_is_refused_before_the_18th_birthday_and_counts_from_that_day() {
        GuardianLink link = new GuardianLink(null, lars, ivar, GuardianRelation.VARDNADSHAVARE, Validity.from(BIRTH));

        assertRefused(() -> link.recordConsent(EIGHTEENTH_BIRTHDAY.minusDays(1), EIGHTEENTH_BIRTHDAY.minusDays(1), AT, SARA),
                RosterError.CONSENT_BEFORE_MAJORITY, "Ivar Testsson fyller 18 år den 2026-03-10; ett samtycke kan registreras "
                        + "först från den dagen.");
        assertThat(link.consent()).isEmpty();

        link.recordConsent(EIGHTEENTH_BIRTHDAY, EIGHTEENTH_BIRTHDAY, AT, SARA);
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY)).isTrue();
    }

    @Test
    void a_consent_is_refused_without_a_known_birth_date_an_active_link_or_a_fitting_date() {
        Person unknown = person(solbacka, "Okänd");
        GuardianLink noBirthDate = new GuardianLink(null, lars, unknown, GuardianRelation.VARDNADSHAVARE, Validity.from(BIRTH));
        assertRefused(() -> noBirthDate.recordConsent(TODAY, TODAY, AT, SARA), RosterError.CONSENT_BIRTH_DATE_UNKNOWN, null);
        assertThat(noBirthDate.isActiveOn(TODAY.plusYears(60))).as("nothing happens by itself (A3)").isTrue();

        GuardianLink deactivated = new GuardianLink(null, lars, ivar, GuardianRelation.VARDNADSHAVARE, Validity.from(BIRTH));
        deactivated.deactivate();
        assertRefused(() -> deactivated.recordConsent(TODAY, TODAY, AT, SARA), RosterError.CONSENT_LINK_NOT_ACTIVE, null);
        GuardianLink ended = new GuardianLink(null, lars, ivar, GuardianRelation.GOD_MAN, Validity.from(BIRTH));
        ended.endOn(TODAY.minusDays(1));
        assertRefused(() -> ended.recordConsent(TODAY, TODAY, AT, SARA), RosterError.CONSENT_LINK_NOT_ACTIVE, null);

        GuardianLink link = new GuardianLink(null, lars, ivar, GuardianRelation.VARDNADSHAVARE, Validity.from(BIRTH));
        assertRefused(() -> link.recordConsent(EIGHTEENTH_BIRTHDAY.minusDays(1), TODAY, AT, SARA),
                RosterError.CONSENT_DATE_INVALID, null);
        assertRefused(() -> link.recordConsent(TODAY.plusDays(1), TODAY, AT, SARA), RosterError.CONSENT_DATE_INVALID, null);
        assertRefused(() -> link.withdrawConsent(AT, SARA), RosterError.NO_CONSENT, null);
        link.recordConsent(TODAY, TODAY, AT, SARA);
        assertRefused(() -> link.recordConsent(TODAY, TODAY, AT, SARA), RosterError.CONSENT_ALREADY_RECORDED, null);
    }

    @Test
    void a_deactivated_link_gives_no_access_and_its_consent_counts_again_once_switched_on() {
        GuardianLink link = new GuardianLink(null, lars, ivar, GuardianRelation.VARDNADSHAVARE, Validity.from(BIRTH));
        link.recordConsent(EIGHTEENTH_BIRTHDAY, EIGHTEENTH_BIRTHDAY, AT, SARA);

        link.deactivate();
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY.minusYears(1))).isFalse();
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY)).isFalse();

        link.reactivate();
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY.minusYears(1))).isTrue();
        assertThat(link.isActiveOn(EIGHTEENTH_BIRTHDAY)).isTrue();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, RosterError code,
                                      String swedish) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RosterException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            if (swedish != null) {
                assertThat(e.messageSv()).isEqualTo(swedish);
            }
        });
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
