package se.klassrum.access.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GroupKind;
import se.klassrum.access.api.GuardianLinkFact;
import se.klassrum.access.api.LicenceFact;
import se.klassrum.access.api.LicenceKind;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.Validity;
import se.klassrum.access.audit.AuditRecord;

/**
 * A list whose items are of different kinds (a reader's notifications): each item is decided as its own kind, the
 * facts are read once per batch, and the whole list is audited once, under the list's name.
 */
class AccessGuardMixedListTest {

    static final UUID TENANT = UUID.randomUUID();
    static final UUID SCHOOL = UUID.randomUUID();
    static final UUID GUARDIAN = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final UUID CLASSMATE = UUID.randomUUID();
    static final UUID GROUP = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    final List<AuditRecord> audited = new ArrayList<>();
    final List<Integer> batches = new ArrayList<>();
    Validity link = Validity.from(TODAY.minusYears(15));
    AccessGuard guard;

    @BeforeEach
    void guard() {
        guard = PlainGuard.of(new Roster(), () -> Actor.guardian(GUARDIAN, TENANT), audited);
    }

    /** A guardian of CHILD (the link as the test sets it); CHILD and CLASSMATE are members of GROUP. */
    final class Roster implements RosterFactsPort {
        @Override
        public Optional<AccessFacts> load(UUID actorPersonId, UUID studentId, UUID groupId) {
            PersonFacts guardian = new PersonFacts(GUARDIAN, TENANT, List.of(), List.of(), false, true, null);
            PersonFacts student = new PersonFacts(studentId, TENANT, List.of(new LicenceFact(LicenceKind.STUDENT,
                    Validity.ALWAYS)), List.of(new RoleFact(SCHOOL, SchoolRoleKind.STUDENT, Validity.ALWAYS)),
                    studentId.equals(CLASSMATE), false, TODAY.minusYears(15));
            Map<UUID, GroupFact> groups = groupId == null ? Map.of() : Map.of(GROUP, new GroupFact(GROUP, TENANT, SCHOOL,
                    "Ma1c-A", GroupKind.TEACHING, true, false, null, null, null));
            List<GuardianLinkFact> links = studentId.equals(CHILD)
                    ? List.of(new GuardianLinkFact(GUARDIAN, CHILD, true, GuardianLinkFact.Consent.NONE, link)) : List.of();
            return Optional.of(new AccessFacts(guardian, student, groups,
                    List.of(new MembershipFact(GROUP, studentId, MembershipRole.MEMBER, Validity.ALWAYS)), List.of(), links));
        }

        @Override
        public Map<Subject, AccessFacts> loadAll(UUID actorPersonId, java.util.Collection<Subject> subjects) {
            batches.add(subjects.size());
            return RosterFactsPort.super.loadAll(actorPersonId, subjects);
        }
    }

    private List<AccessGuard.Item> notifications() {
        return List.of(new AccessGuard.Item(CHILD, GROUP, null, DataKind.POST),
                new AccessGuard.Item(CHILD, GROUP, null, DataKind.SUBMISSION),
                new AccessGuard.Item(CLASSMATE, GROUP, null, DataKind.SUBMISSION));
    }

    @Test
    void eachItemIsDecidedAsItsOwnKindInOneBatchAndTheListIsAuditedOnce() {
        AccessGuard.ListDecision list = guard.mixedList("NOTIFICATION", Operation.READ);

        boolean[] visible = list.visible(notifications());
        list.audit();

        assertThat(visible).as("the child's post and returned work; never the protected classmate's work")
                .containsExactly(true, true, false);
        assertThat(batches).as("one read of the facts for the batch, the child in the group asked once").containsExactly(2);
        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.dataKind()).isEqualTo("NOTIFICATION");
            assertThat(record.operation()).isEqualTo("READ");
            assertThat(record.outcomes()).extracting(AuditRecord.Outcome::allowed).containsExactly(true, true, false);
            assertThat(record.outcomes().get(2).failingCodes()).contains("GUARDIAN_LINK");
        });
    }

    @Test
    void aKindSeenOnlyThroughSomePathsIsRefusedWhereOnlyAnotherPathAllowsItAndTheOtherKindsAreNotHeldBack() {
        AccessGuard.ListDecision list = guard.mixedList("DEVELOPMENT_OVERVIEW", Operation.READ,
                Map.of(DataKind.SUBMISSION, java.util.Set.of(se.klassrum.access.api.AccessPath.GUARDIAN_OVERVIEW)));

        boolean[] visible = list.visible(notifications());
        list.audit();

        assertThat(visible).as("the post through any path; the child's work only as assessed work of the overview")
                .containsExactly(true, false, false);
        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.dataKind()).isEqualTo("DEVELOPMENT_OVERVIEW");
            assertThat(record.outcomes().get(1).failingCodes()).containsExactly("ASSESSED_WORK");
        });
    }

    @Test
    void aGuardianWhoseLinkEndedYesterdaySeesNothingOfTheChild() {
        link = Validity.between(TODAY.minusYears(15), TODAY.minusDays(1));
        AccessGuard.ListDecision list = guard.mixedList("NOTIFICATION", Operation.READ);

        boolean[] visible = list.visible(notifications());
        list.audit();

        assertThat(visible).containsExactly(false, false, false);
        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.allowed()).isFalse();
            assertThat(record.failingCodes()).contains("GUARDIAN_LINK");
        });
    }
}
