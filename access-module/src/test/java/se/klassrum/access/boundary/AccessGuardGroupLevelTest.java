package se.klassrum.access.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GroupKind;
import se.klassrum.access.api.LicenceFact;
import se.klassrum.access.api.LicenceKind;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.api.Validity;
import se.klassrum.access.audit.AuditRecord;

/**
 * The guard with a group-level question (no student): the group's tenant takes the student's place for the
 * audit chain and for answering like an unknown id; everything else is as for a student-level question.
 */
class AccessGuardGroupLevelTest {

    static final UUID TENANT = UUID.randomUUID();
    static final UUID OTHER_TENANT = UUID.randomUUID();
    static final UUID SCHOOL = UUID.randomUUID();
    static final UUID TEACHER = UUID.randomUUID();
    static final UUID GUARDIAN = UUID.randomUUID();
    static final UUID GROUP = UUID.randomUUID();
    static final UUID FOREIGN_GROUP = UUID.randomUUID();

    final Map<UUID, PersonFacts> people = new LinkedHashMap<>();
    final Map<UUID, GroupFact> groups = new LinkedHashMap<>();
    final List<AuditRecord> audited = new ArrayList<>();
    Actor caller;
    AccessGuard guard;

    @BeforeEach
    void guard() {
        people.put(TEACHER, new PersonFacts(TEACHER, TENANT, List.of(new LicenceFact(LicenceKind.TEACHER, Validity.ALWAYS)),
                List.of(new RoleFact(SCHOOL, SchoolRoleKind.TEACHER, Validity.ALWAYS)), false, false, null));
        people.put(GUARDIAN, new PersonFacts(GUARDIAN, TENANT, List.of(), List.of(), false, true, null));
        groups.put(GROUP, new GroupFact(GROUP, TENANT, SCHOOL, "9A Matematik", GroupKind.TEACHING, true, false,
                null, null, null));
        groups.put(FOREIGN_GROUP, new GroupFact(FOREIGN_GROUP, OTHER_TENANT, UUID.randomUUID(), "Ma1c-N",
                GroupKind.TEACHING, true, false, null, null, null));
        guard = PlainGuard.of(new Roster(), () -> caller, audited);
    }

    /** Group-level facts as an adapter reads them: the actor, the actor's memberships, the named group, no student. */
    final class Roster implements RosterFactsPort {
        @Override
        public Optional<AccessFacts> load(UUID actorPersonId, UUID studentId, UUID groupId) {
            assertThat(studentId).as("only group-level questions here").isNull();
            PersonFacts actor = actorPersonId == null ? null : people.get(actorPersonId);
            GroupFact group = groups.get(groupId);
            if (group == null || actorPersonId != null && actor == null) {
                return Optional.empty();
            }
            List<MembershipFact> memberships = TEACHER.equals(actorPersonId)
                    ? List.of(new MembershipFact(GROUP, TEACHER, MembershipRole.OWNER, Validity.ALWAYS))
                    : List.of();
            return Optional.of(new AccessFacts(actor, null, Map.of(groupId, group), memberships, List.of(), List.of()));
        }
    }

    @Test
    void ownerPassesAndTheDecisionIsAuditedWithoutAStudentInTheGroupsChain() {
        caller = Actor.person(TEACHER, TENANT);

        guard.require(DataKind.POST, Operation.WRITE, null, GROUP, null);

        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.tenantId()).isEqualTo(TENANT.toString());
            assertThat(record.studentId()).isNull();
            assertThat(record.groupId()).isEqualTo(GROUP.toString());
            assertThat(record.dataKind()).isEqualTo("POST");
            assertThat(record.allowed()).isTrue();
        });
    }

    @Test
    void guardianIsDeniedWithTheExplanationToChooseAChild() {
        caller = Actor.person(GUARDIAN, TENANT);

        assertThatThrownBy(() -> guard.require(DataKind.ASSIGNMENT, Operation.READ, null, GROUP, null))
                .isInstanceOfSatisfying(AccessDeniedException.class, denied -> assertThat(
                        denied.decision().failingCodes()).containsExactly(Prerequisite.GUARDIAN_LINK));
        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.allowed()).isFalse();
            assertThat(record.failingCodes()).containsExactly("GUARDIAN_LINK");
            assertThat(record.studentId()).isNull();
        });
        assertThat(guard.permits(DataKind.POST, Operation.READ, null, GROUP, null)).isFalse();
    }

    @Test
    void groupOfAnotherTenantIsAnsweredLikeAnUnknownOneAndAuditedOnlyInTheCallersOwnChain() {
        caller = Actor.person(TEACHER, TENANT);

        assertThatThrownBy(() -> guard.require(DataKind.POST, Operation.READ, null, FOREIGN_GROUP, null))
                .isInstanceOf(StudentDataNotFoundException.class);
        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.tenantId()).as("never a row in the other organisation's chain").isEqualTo(TENANT.toString());
            assertThat(record.failingCodes()).contains("SAME_TENANT");
        });
    }

    @Test
    void unknownGroupIsNotFoundAndAuditedInTheCallersChain() {
        caller = Actor.application("sis-sync", TENANT, java.util.Set.of("Posts.Read.All"));

        assertThatThrownBy(() -> guard.require(DataKind.POST, Operation.READ, null, UUID.randomUUID(), null))
                .isInstanceOf(StudentDataNotFoundException.class);
        assertThat(audited).singleElement().satisfies(record -> {
            assertThat(record.tenantId()).isEqualTo(TENANT.toString());
            assertThat(record.studentId()).isNull();
            assertThat(record.failingCodes()).containsExactly(AccessGuard.UNKNOWN_STUDENT_OR_GROUP);
        });
    }

    @Test
    void applicationWithThePermissionReadsTheGroupsPosts() {
        caller = Actor.application("sis-sync", TENANT, java.util.Set.of("Posts.Read.All"));

        guard.require(DataKind.POST, Operation.READ, null, GROUP, null);
        assertThat(audited).singleElement().satisfies(record -> assertThat(record.actorKind())
                .isEqualTo(AuditRecord.ActorKind.APPLICATION));
    }
}
