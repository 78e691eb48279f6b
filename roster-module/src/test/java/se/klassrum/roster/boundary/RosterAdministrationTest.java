package se.klassrum.roster.boundary;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.Membership;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.SchoolRole;
import se.klassrum.roster.entity.SecurityMarking;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Validity;
import se.klassrum.roster.testing.TestDatabase;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RosterAdministration against a real, migrated PostgreSQL.
 * <p>
 * Outside a container {@code @Transactional} is not active, so each call here runs inside a transaction
 * that the test begins and commits, or rolls back when the call throws, which is what the container's
 * transaction interceptor does with a runtime exception. "Nothing was written" is checked by counting the
 * rows of every roster table before and after.
 */
class RosterAdministrationTest {

    private static final LocalDate AUG_15 = LocalDate.of(2025, 8, 15);
    private static final UUID UNKNOWN = UUID.fromString("99999999-9999-9999-9999-999999999999");

    private static final UUID SOLBACKA = UUID.randomUUID();
    private static final UUID NORRA = UUID.randomUUID();
    private static final UUID GYMNASIUM = UUID.randomUUID();
    private static final UUID ANNA = UUID.randomUUID();
    private static final UUID ELSA = UUID.randomUUID();
    private static final UUID OLLE = UUID.randomUUID();
    private static final UUID MAT = UUID.randomUUID();
    private static final UUID MATMAT01C = UUID.randomUUID();
    private static final UUID MA1C = UUID.randomUUID();
    private static final UUID MENTORS = UUID.randomUUID();
    private static final UUID ELSA_IN_MA1C = UUID.randomUUID();

    private static TestDatabase db;

    @BeforeAll
    static void createRoster() {
        db = TestDatabase.create("roster_administration");
        run(admin -> {
            admin.createTenant(SOLBACKA, UUID.randomUUID(), "Solbacka kommun");
            admin.createTenant(NORRA, UUID.randomUUID(), "Norrå kommun");
            admin.createSchool(GYMNASIUM, SOLBACKA, "Solbacka gymnasium", "87654321", "sis-gy");
            admin.createPerson(ANNA, SOLBACKA, NewPerson.named("p-anna", "Anna", "Andersson")
                    .withEntraObjectId(UUID.randomUUID()));
            admin.createPerson(ELSA, SOLBACKA, NewPerson.named("p-elsa", "Elsa", "Ek")
                    .withBirthDate(LocalDate.of(2009, 1, 20)));
            admin.createPerson(OLLE, NORRA, NewPerson.named("p-olle", "Olle", "Utsocknes"));
            admin.createSubject(MAT, SOLBACKA, "MAT", "Matematik");
            admin.createSyllabus(MATMAT01C, MAT, "MATMAT01c", "Matematik 1c");
            admin.createGroup(MA1C, GYMNASIUM, NewGroup.teaching("Ma1c-A", "2025/26"));
            admin.createGroup(MENTORS, GYMNASIUM, NewGroup.mentor("NA24a mentorsgrupp", "2025/26"));
            admin.addMembership(ELSA_IN_MA1C, MA1C, ELSA, MembershipRole.MEMBER, Validity.from(AUG_15));
        });
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void an_admin_connects_a_group_links_its_syllabus_and_ends_a_membership() {
        UUID group = call(admin -> admin.createGroup(null, GYMNASIUM,
                NewGroup.teaching("Ma1c-B", "2025/26").withExternalId("sis-ma1c-b")));
        UUID membership = call(admin -> admin.addMembership(null, group, ELSA, MembershipRole.MEMBER, Validity.from(AUG_15)));

        run(admin -> {
            admin.connectGroup(group);
            admin.linkSyllabus(group, MATMAT01C);
            admin.endMembership(membership, LocalDate.of(2026, 3, 3));
        });

        StudyGroup saved = read(em -> em.find(StudyGroup.class, group));
        assertThat(saved.isOpenForAccess()).isTrue();
        assertThat(saved.syllabus().orElseThrow().code()).isEqualTo("MATMAT01c");
        assertThat(saved.externalId()).contains("sis-ma1c-b");
        Membership ended = read(em -> em.find(Membership.class, membership));
        assertThat(ended.isActiveOn(LocalDate.of(2026, 3, 3))).isTrue();
        assertThat(ended.isActiveOn(LocalDate.of(2026, 3, 4))).isFalse();
    }

    @Test
    void an_archived_group_cannot_be_connected_again() {
        UUID group = call(admin -> admin.createGroup(null, GYMNASIUM, NewGroup.teaching("Ke1-Z", "2024/25")));
        run(admin -> admin.archiveGroup(group));

        assertRefused(admin -> admin.connectGroup(group), RosterError.GROUP_ARCHIVED);

        StudyGroup saved = read(em -> em.find(StudyGroup.class, group));
        assertThat(saved.isArchived()).isTrue();
        assertThat(saved.isConnected()).isFalse();
    }

    static Stream<Arguments> callsWithAnUnknownId() {
        return Stream.of(
                refusal("createSchool in an unknown tenant", RosterError.UNKNOWN_TENANT,
                        admin -> admin.createSchool(null, UNKNOWN, "Spökskolan", null, null)),
                refusal("createPerson in an unknown tenant", RosterError.UNKNOWN_TENANT,
                        admin -> admin.createPerson(null, UNKNOWN, NewPerson.named("p-x", "X", "Y"))),
                refusal("grantLicence to an unknown person", RosterError.UNKNOWN_PERSON,
                        admin -> admin.grantLicence(null, UNKNOWN, LicenceKind.STUDENT, Validity.from(AUG_15))),
                refusal("assignRole at an unknown school", RosterError.UNKNOWN_SCHOOL,
                        admin -> admin.assignRole(null, ELSA, UNKNOWN, RoleKind.STUDENT, Validity.from(AUG_15))),
                refusal("createGroup at an unknown school", RosterError.UNKNOWN_SCHOOL,
                        admin -> admin.createGroup(null, UNKNOWN, NewGroup.teaching("X", "2025/26"))),
                refusal("addMembership to an unknown group", RosterError.UNKNOWN_GROUP,
                        admin -> admin.addMembership(null, UNKNOWN, ELSA, MembershipRole.MEMBER, Validity.from(AUG_15))),
                refusal("addMembership of an unknown person", RosterError.UNKNOWN_PERSON,
                        admin -> admin.addMembership(null, MA1C, UNKNOWN, MembershipRole.MEMBER, Validity.from(AUG_15))),
                refusal("endMembership of an unknown membership", RosterError.UNKNOWN_MEMBERSHIP,
                        admin -> admin.endMembership(UNKNOWN, AUG_15)),
                refusal("endRole of an unknown role", RosterError.UNKNOWN_SCHOOL_ROLE,
                        admin -> admin.endRole(UNKNOWN, AUG_15)),
                refusal("linkTeacherSubject with an unknown subject", RosterError.UNKNOWN_SUBJECT,
                        admin -> admin.linkTeacherSubject(null, ANNA, GYMNASIUM, UNKNOWN)),
                refusal("createSyllabus of an unknown subject", RosterError.UNKNOWN_SUBJECT,
                        admin -> admin.createSyllabus(null, UNKNOWN, "X01", "X")),
                refusal("linkSyllabus of an unknown syllabus", RosterError.UNKNOWN_SYLLABUS,
                        admin -> admin.linkSyllabus(MA1C, UNKNOWN)),
                refusal("connectGroup of an unknown group", RosterError.UNKNOWN_GROUP,
                        admin -> admin.connectGroup(UNKNOWN)),
                refusal("linkGuardian to an unknown child", RosterError.UNKNOWN_PERSON,
                        admin -> admin.linkGuardian(null, ANNA, UNKNOWN, GuardianRelation.VARDNADSHAVARE, Validity.from(AUG_15))),
                refusal("deactivateGuardianLink of an unknown link", RosterError.UNKNOWN_GUARDIAN_LINK,
                        admin -> admin.deactivateGuardianLink(UNKNOWN)),
                refusal("addGuardianLogin for an unknown person", RosterError.UNKNOWN_PERSON,
                        admin -> admin.addGuardianLogin(null, UNKNOWN, GuardianLoginMethod.IDP, "subject")),
                refusal("enableGuardianLogin of an unknown login", RosterError.UNKNOWN_GUARDIAN_LOGIN,
                        admin -> admin.enableGuardianLogin(UNKNOWN)),
                refusal("disableGuardianLogin of an unknown login", RosterError.UNKNOWN_GUARDIAN_LOGIN,
                        admin -> admin.disableGuardianLogin(UNKNOWN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callsWithAnUnknownId")
    void an_unknown_id_is_refused_with_its_code_and_nothing_is_written(
            String call, RosterError expected, Consumer<RosterAdministration> work) {
        RosterException refused = assertRefused(work, expected);

        assertThat(refused.messageEn()).contains(UNKNOWN.toString());
        assertThat(refused.messageSv()).startsWith("Det finns ing").contains(UNKNOWN.toString());
    }

    @Test
    void a_duplicate_external_id_is_refused_with_a_clear_message() {
        RosterException refused = assertRefused(
                admin -> admin.createPerson(null, SOLBACKA, NewPerson.named(" p-elsa ", "Elsa", "Dubblett")),
                RosterError.DUPLICATE_EXTERNAL_ID);

        assertThat(refused.messageEn()).isEqualTo("A person with external id p-elsa already exists in this organisation.");
        assertThat(refused.messageSv()).isEqualTo("Det finns redan en person med externt id p-elsa i organisationen.");
    }

    @Test
    void the_same_external_id_is_allowed_in_another_organisation() {
        UUID norrasElsa = call(admin -> admin.createPerson(null, NORRA, NewPerson.named("p-elsa", "Elsa", "Norrby")));

        UUID tenant = read(em -> em.find(Person.class, norrasElsa).tenant().id());
        assertThat(tenant).isEqualTo(NORRA);
    }

    @Test
    void when_the_second_of_two_changes_is_refused_the_first_is_not_written_either() {
        UUID newcomer = UUID.randomUUID();
        Map<String, Long> before = db.rowCounts();

        assertThatThrownBy(() -> run(admin -> {
            admin.createPerson(newcomer, SOLBACKA, NewPerson.named("p-new", "Ny", "Elev"));
            admin.grantLicence(null, newcomer, LicenceKind.STUDENT, Validity.from(AUG_15));
            admin.createPerson(null, SOLBACKA, NewPerson.named("p-elsa", "Elsa", "Dubblett"));
        })).isInstanceOfSatisfying(RosterException.class,
                e -> assertThat(e.code()).isEqualTo(RosterError.DUPLICATE_EXTERNAL_ID));

        assertThat(db.rowCounts()).isEqualTo(before);
        Person notSaved = read(em -> em.find(Person.class, newcomer));
        assertThat(notSaved).isNull();
    }

    @Test
    void a_duplicate_found_only_by_the_database_is_explained_and_rolled_back() {
        RosterException refused = assertRefused(
                admin -> admin.addMembership(null, MA1C, ELSA, MembershipRole.MEMBER, Validity.from(AUG_15)),
                RosterError.DUPLICATE_MEMBERSHIP);

        assertThat(refused.messageEn()).isEqualTo("Elsa Ek is already member of Ma1c-A from 2025-08-15.");
        assertThat(refused.messageSv()).isEqualTo("Elsa Ek är redan medlem i Ma1c-A från 2025-08-15.");
        assertThat(refused.getCause()).as("the database's own error is kept for the log").isNotNull();
    }

    @Test
    void an_entra_account_already_linked_to_someone_else_is_refused() {
        UUID objectId = read(em -> em.find(Person.class, ANNA).entraObjectId().orElseThrow());

        RosterException refused = assertRefused(
                admin -> admin.createPerson(null, SOLBACKA, NewPerson.named("p-copy", "Kopia", "Anna")
                        .withEntraObjectId(objectId)),
                RosterError.DUPLICATE_ENTRA_OBJECT_ID);

        assertThat(refused.messageEn()).contains(objectId.toString());
    }

    @Test
    void another_organisations_syllabus_is_refused_as_one_that_does_not_exist() {
        UUID norrasSubject = UUID.randomUUID();
        UUID norrasSyllabus = UUID.randomUUID();
        run(admin -> {
            admin.createSubject(norrasSubject, NORRA, "MAT", "Matematik");
            admin.createSyllabus(norrasSyllabus, norrasSubject, "MATMAT01c-N", "Matematik 1c");
        });

        RosterException foreign = assertRefused(admin -> admin.linkSyllabus(MA1C, norrasSyllabus), RosterError.UNKNOWN_SYLLABUS);
        RosterException unknown = assertRefused(admin -> admin.linkSyllabus(MA1C, UNKNOWN), RosterError.UNKNOWN_SYLLABUS);

        assertThat(foreign.messageEn().replace(norrasSyllabus.toString(), UNKNOWN.toString())).isEqualTo(unknown.messageEn())
                .doesNotContain("MATMAT01c-N");
        assertThat(foreign.messageSv().replace(norrasSyllabus.toString(), UNKNOWN.toString())).isEqualTo(unknown.messageSv());
    }

    @Test
    void an_id_already_in_use_is_refused() {
        assertRefused(admin -> admin.createTenant(SOLBACKA, UUID.randomUUID(), "Kopia"), RosterError.DUPLICATE_ID);
    }

    @Test
    void the_rules_of_the_domain_hold_through_the_boundary() {
        assertRefused(admin -> admin.linkSyllabus(MENTORS, MATMAT01C), RosterError.SYLLABUS_ONLY_FOR_TEACHING_GROUP);
        assertRefused(admin -> admin.addMembership(null, MA1C, OLLE, MembershipRole.OWNER, Validity.from(AUG_15)),
                RosterError.DIFFERENT_TENANT);
        assertRefused(admin -> admin.linkGuardian(null, ELSA, ELSA, GuardianRelation.VARDNADSHAVARE, Validity.from(AUG_15)),
                RosterError.GUARDIAN_IS_CHILD);
        assertRefused(admin -> admin.assignRole(null, ELSA, GYMNASIUM, RoleKind.STUDENT,
                Validity.between(AUG_15, AUG_15.minusDays(1))), RosterError.INVALID_PERIOD);
        assertRefused(admin -> admin.createGroup(null, GYMNASIUM, NewGroup.teaching("X", "2025/27")),
                RosterError.INVALID_SCHOOL_YEAR);

        StudyGroup mentors = read(em -> em.find(StudyGroup.class, MENTORS));
        assertThat(mentors.syllabus()).isEmpty();
    }

    @Test
    void a_guardian_link_is_deactivated_and_continued_after_18_by_the_students_consent() {
        UUID karin = call(admin -> admin.createPerson(null, SOLBACKA, NewPerson.named("p-karin", "Karin", "Ek")));
        UUID link = call(admin -> admin.linkGuardian(null, karin, ELSA, GuardianRelation.VARDNADSHAVARE,
                Validity.from(LocalDate.of(2009, 1, 20))));
        LocalDate elsasEighteenthBirthday = LocalDate.of(2027, 1, 20);

        run(admin -> admin.deactivateGuardianLink(link));
        GuardianLink deactivated = read(em -> em.find(GuardianLink.class, link));
        assertThat(deactivated.isActiveOn(AUG_15)).isFalse();

        run(admin -> admin.reactivateGuardianLink(link));
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2027-01-21T10:00:00+01:00");
        assertThatThrownBy(() -> run(admin -> admin.recordGuardianConsent(link, elsasEighteenthBirthday,
                elsasEighteenthBirthday.minusDays(1), at, se.klassrum.roster.entity.GuardianConsent.Recorder.application("sis"))))
                .isInstanceOfSatisfying(RosterException.class,
                        e -> assertThat(e.code()).isEqualTo(RosterError.CONSENT_BEFORE_MAJORITY));
        run(admin -> admin.recordGuardianConsent(link, elsasEighteenthBirthday, elsasEighteenthBirthday.plusDays(1), at,
                se.klassrum.roster.entity.GuardianConsent.Recorder.application("sis")));
        GuardianLink continued = read(em -> em.find(GuardianLink.class, link));
        assertThat(continued.isActiveOn(elsasEighteenthBirthday)).isTrue();
        assertThat(continued.consent().orElseThrow().recordedByApplication()).contains("sis");
        assertThat(continued.consent().orElseThrow().recordedAt().toInstant()).isEqualTo(at.toInstant());
        assertThat(continued.version()).as("two committed changes of the link").isEqualTo(3);

        run(admin -> admin.withdrawGuardianConsent(link, at.plusDays(2),
                se.klassrum.roster.entity.GuardianConsent.Recorder.application("sis")));
        GuardianLink withdrawn = read(em -> em.find(GuardianLink.class, link));
        assertThat(withdrawn.isActiveOn(elsasEighteenthBirthday.plusDays(3))).isFalse();
        assertThat(withdrawn.consent().orElseThrow().isWithdrawn()).isTrue();
    }

    @Test
    void a_person_keeps_what_the_register_says_and_a_role_can_be_ended() {
        UUID greta = call(admin -> admin.createPerson(null, SOLBACKA, NewPerson.named("p-greta", "Greta", "Gran")
                .withEmail("greta@elev.solbacka.example")
                .withSecurityMarking(SecurityMarking.SKYDDAD_FOLKBOKFORING)));
        UUID role = call(admin -> admin.assignRole(null, greta, GYMNASIUM, RoleKind.STUDENT, Validity.from(AUG_15)));

        run(admin -> admin.endRole(role, LocalDate.of(2026, 6, 30)));

        Person saved = read(em -> em.find(Person.class, greta));
        assertThat(saved.isProtectedIdentity()).isTrue();
        assertThat(saved.email()).contains("greta@elev.solbacka.example");
        assertThat(saved.entraObjectId()).isEmpty();
        SchoolRole ended = read(em -> em.find(SchoolRole.class, role));
        assertThat(ended.validity()).isEqualTo(Validity.between(AUG_15, LocalDate.of(2026, 6, 30)));
    }

    @Test
    void a_teacher_is_linked_to_a_subject_once() {
        call(admin -> admin.linkTeacherSubject(null, ANNA, GYMNASIUM, MAT));

        RosterException refused = assertRefused(admin -> admin.linkTeacherSubject(null, ANNA, GYMNASIUM, MAT),
                RosterError.DUPLICATE_TEACHER_SUBJECT);
        assertThat(refused.messageEn()).isEqualTo("Anna Andersson is already linked to the subject MAT at Solbacka gymnasium.");
    }

    @Test
    void a_guardian_gets_a_login_which_an_admin_disables_and_enables_again() {
        UUID nils = call(admin -> admin.createPerson(null, SOLBACKA, NewPerson.named("p-nils", "Nils", "Gran")));
        UUID login = call(admin -> admin.addGuardianLogin(null, nils, GuardianLoginMethod.IDP, "idp|nils-1"));

        GuardianLogin created = read(em -> em.find(GuardianLogin.class, login));
        assertThat(created.isActive()).isTrue();
        assertThat(created.subject()).isEqualTo("idp|nils-1");
        assertThat(created.tenant().id()).isEqualTo(SOLBACKA);

        run(admin -> admin.disableGuardianLogin(login));
        boolean activeAfterDisable = read(em -> em.find(GuardianLogin.class, login).isActive());
        assertThat(activeAfterDisable).isFalse();
        run(admin -> admin.enableGuardianLogin(login));
        GuardianLogin enabled = read(em -> em.find(GuardianLogin.class, login));
        assertThat(enabled.isActive()).isTrue();
        assertThat(enabled.version()).as("two committed changes").isEqualTo(3);
    }

    @Test
    void an_e_mail_login_in_use_is_refused_whatever_its_case_but_may_repeat_in_another_organisation() {
        UUID olof = call(admin -> admin.createPerson(null, SOLBACKA, NewPerson.named("p-olof", "Olof", "Holm")));
        UUID ulla = call(admin -> admin.createPerson(null, SOLBACKA, NewPerson.named("p-ulla", "Ulla", "Rask")));
        call(admin -> admin.addGuardianLogin(null, olof, GuardianLoginMethod.EMAIL, "olof.holm@example.com"));

        RosterException refused = assertRefused(
                admin -> admin.addGuardianLogin(null, ulla, GuardianLoginMethod.EMAIL, "Olof.Holm@Example.com"),
                RosterError.DUPLICATE_GUARDIAN_LOGIN);
        assertThat(refused.messageEn())
                .isEqualTo("The login olof.holm@example.com (E-mail) is already in use in this organisation.");
        assertThat(refused.messageSv())
                .isEqualTo("Inloggningen olof.holm@example.com (E-post) används redan i organisationen.");

        UUID norrby = call(admin -> admin.createPerson(null, NORRA, NewPerson.named("p-olof", "Olof", "Norrby")));
        UUID elsewhere = call(admin -> admin.addGuardianLogin(null, norrby, GuardianLoginMethod.EMAIL, "olof.holm@example.com"));
        UUID tenant = read(em -> em.find(GuardianLogin.class, elsewhere).tenant().id());
        assertThat(tenant).isEqualTo(NORRA);
    }

    @Test
    void an_e_mail_login_that_is_no_address_is_refused() {
        assertRefused(admin -> admin.addGuardianLogin(null, ANNA, GuardianLoginMethod.EMAIL, "Anna Andersson"),
                RosterError.INVALID_EMAIL);
    }

    /** Runs the call in its own transaction, expects the refusal, and checks that no table changed. */
    private static RosterException assertRefused(Consumer<RosterAdministration> work, RosterError expected) {
        Map<String, Long> before = db.rowCounts();
        RosterException[] refused = new RosterException[1];
        assertThatThrownBy(() -> run(work)).isInstanceOfSatisfying(RosterException.class, e -> {
            assertThat(e.code()).isEqualTo(expected);
            refused[0] = e;
        });
        assertThat(db.rowCounts()).as("rows per table after the refused call").isEqualTo(before);
        return refused[0];
    }

    private static Arguments refusal(String call, RosterError expected, Consumer<RosterAdministration> work) {
        return Arguments.of(call, expected, work);
    }

    private static void run(Consumer<RosterAdministration> work) {
        db.runInTransaction(em -> work.accept(new RosterAdministration(em)));
    }

    private static <T> T call(Function<RosterAdministration, T> work) {
        return db.inTransaction(em -> work.apply(new RosterAdministration(em)));
    }

    private static <T> T read(Function<EntityManager, T> query) {
        return db.read(query);
    }
}
