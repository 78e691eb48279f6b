package se.klassrum.roster.control;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.Validity;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.boundary.RosterAdministration;
import se.klassrum.roster.boundary.RosterAdministrationForTests;
import se.klassrum.roster.demo.DemoIds;
import se.klassrum.roster.demo.DemoRoster;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.Membership;
import se.klassrum.roster.testing.TestDatabase;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;
import static se.klassrum.roster.demo.DemoIds.PERSON_KARIN;
import static se.klassrum.roster.demo.DemoIds.SYLLABUS_MATMAT01C;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * A committed roster change is seen by the very next load (ASVS 8.3.2), even by an adapter whose
 * EntityManager lives on and already holds the changed row in its persistence context, as a long-lived
 * context on a node would. The change is made through RosterAdministration in its own transaction, as an
 * admin on another node would make it.
 */
class RosterFactsFreshnessTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate THIS_YEAR = LocalDate.of(2025, 8, 15);
    private static final AccessRules RULES = new AccessRules();
    private static final AccessQuestion ANNA_WRITES_ELSAS_ASSESSMENT = new AccessQuestion(
            Actor.person(PERSON_ANNA, TENANT_SOLBACKA), PERSON_ELSA, DataKind.ASSESSMENT, Operation.WRITE, null,
            ItemFacts.assessment(SYLLABUS_MATMAT01C, false));
    private static final AccessQuestion KARIN_READS_ELSAS_POST = new AccessQuestion(
            Actor.person(PERSON_KARIN, TENANT_SOLBACKA), PERSON_ELSA, DataKind.POST, Operation.READ, GROUP_MA1C_A, null);
    private static final AccessQuestion ANNA_READS_THE_POSTS_OF_MA1C_A = AccessQuestion.aboutGroup(
            Actor.person(PERSON_ANNA, TENANT_SOLBACKA), DataKind.POST, Operation.READ, GROUP_MA1C_A, null);

    private TestDatabase db;
    private EntityManager adapterEm;
    private RosterFactsAdapter adapter;

    @BeforeEach
    void loadTheDemoRoster() {
        db = TestDatabase.create("roster_facts_freshness");
        db.runInTransaction(em -> DemoRoster.asOf(TODAY).loadIfEmpty(em));
        adapterEm = db.entityManagerFactory().createEntityManager();
        adapter = new RosterFactsAdapter(adapterEm);
    }

    @AfterEach
    void dropDatabase() {
        adapterEm.close();
        db.close();
    }

    @Test
    void an_ended_membership_is_seen_by_the_next_load() {
        UUID elsasMembership = DemoIds.membership("ma1c-a", "elsa");
        Membership cached = adapterEm.find(Membership.class, elsasMembership);
        assertThat(cached.validity().isOpenEnded()).isTrue();
        assertThat(decide(ANNA_WRITES_ELSAS_ASSESSMENT).allowed()).isTrue();

        admin(admin -> admin.endMembership(elsasMembership, TODAY.minusDays(1)));

        AccessFacts after = load(ANNA_WRITES_ELSAS_ASSESSMENT);
        assertThat(after.memberships()).contains(new MembershipFact(GROUP_MA1C_A, PERSON_ELSA, MembershipRole.MEMBER,
                Validity.between(THIS_YEAR, TODAY.minusDays(1))));
        assertThat(RULES.decide(ANNA_WRITES_ELSAS_ASSESSMENT, after, TODAY).failingCodes())
                .containsExactly(Prerequisite.OWNS_TEACHING_GROUP);
        assertThat(cached.validity().isOpenEnded()).as("the adapter's own persistence context is still stale").isTrue();
    }

    @Test
    void a_disabled_login_a_deactivated_link_and_an_archived_group_are_each_seen_by_the_next_load() {
        GuardianLogin cached = adapterEm.find(GuardianLogin.class, DemoIds.GUARDIAN_LOGIN_KARIN);
        assertThat(cached.isActive()).isTrue();
        assertThat(decide(KARIN_READS_ELSAS_POST).allowed()).isTrue();

        admin(admin -> admin.disableGuardianLogin(DemoIds.GUARDIAN_LOGIN_KARIN));
        assertThat(load(KARIN_READS_ELSAS_POST).actor().guardianLoginActive()).isFalse();
        assertThat(decide(KARIN_READS_ELSAS_POST).failingCodes()).containsExactly(Prerequisite.GUARDIAN_LOGIN);

        admin(admin -> {
            admin.enableGuardianLogin(DemoIds.GUARDIAN_LOGIN_KARIN);
            admin.deactivateGuardianLink(DemoIds.GUARDIAN_LINK_KARIN_ELSA);
        });
        assertThat(decide(KARIN_READS_ELSAS_POST).failingCodes()).containsExactly(Prerequisite.GUARDIAN_LINK);

        admin(admin -> {
            admin.reactivateGuardianLink(DemoIds.GUARDIAN_LINK_KARIN_ELSA);
            admin.archiveGroup(GROUP_MA1C_A);
        });
        assertThat(load(KARIN_READS_ELSAS_POST).groups().get(GROUP_MA1C_A).archived()).isTrue();
        assertThat(decide(KARIN_READS_ELSAS_POST).failingCodes()).containsExactly(Prerequisite.CHILD_MEMBER_OF_GROUP);
    }

    @Test
    void a_group_level_question_sees_a_disconnected_group_and_an_ended_ownership_on_the_next_load() {
        UUID annasOwnership = DemoIds.membership("ma1c-a", "anna");
        Membership cached = adapterEm.find(Membership.class, annasOwnership);
        assertThat(decide(ANNA_READS_THE_POSTS_OF_MA1C_A).allowed()).isTrue();

        admin(admin -> admin.disconnectGroup(GROUP_MA1C_A));
        assertThat(load(ANNA_READS_THE_POSTS_OF_MA1C_A).student()).isNull();
        assertThat(decide(ANNA_READS_THE_POSTS_OF_MA1C_A).failingCodes())
                .containsExactly(Prerequisite.OWNS_TEACHING_GROUP);

        admin(admin -> admin.connectGroup(GROUP_MA1C_A));
        assertThat(decide(ANNA_READS_THE_POSTS_OF_MA1C_A).allowed()).isTrue();

        admin(admin -> admin.endMembership(annasOwnership, TODAY.minusDays(1)));
        assertThat(load(ANNA_READS_THE_POSTS_OF_MA1C_A).memberships()).contains(new MembershipFact(GROUP_MA1C_A,
                PERSON_ANNA, MembershipRole.OWNER, Validity.between(THIS_YEAR, TODAY.minusDays(1))));
        assertThat(decide(ANNA_READS_THE_POSTS_OF_MA1C_A).failingCodes())
                .containsExactly(Prerequisite.OWNS_TEACHING_GROUP);
        assertThat(cached.validity().isOpenEnded()).as("the adapter's own persistence context is still stale").isTrue();
    }

    private AccessFacts load(AccessQuestion question) {
        return adapter.load(((Actor.Person) question.actor()).personId(), question.studentId(), question.groupId())
                .orElseThrow();
    }

    private Decision decide(AccessQuestion question) {
        return RULES.decide(question, load(question), TODAY);
    }

    private void admin(Consumer<RosterAdministration> change) {
        db.runInTransaction(em -> change.accept(RosterAdministrationForTests.on(em)));
    }
}
