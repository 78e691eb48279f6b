package se.klassrum.access.boundary;

import jakarta.interceptor.InvocationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.GroupKind;
import se.klassrum.access.api.GuardianLinkFact;
import se.klassrum.access.api.LicenceFact;
import se.klassrum.access.api.LicenceKind;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.RosterFactsPort;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentOwned;
import se.klassrum.access.api.Validity;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.audit.AuditUnavailableException;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
// The family of the mixed-list test: a guardian of CHILD, and CHILD and the protected CLASSMATE in GROUP.
import static se.klassrum.access.boundary.AccessGuardMixedListTest.CHILD;
import static se.klassrum.access.boundary.AccessGuardMixedListTest.CLASSMATE;
import static se.klassrum.access.boundary.AccessGuardMixedListTest.GROUP;
import static se.klassrum.access.boundary.AccessGuardMixedListTest.GUARDIAN;
import static se.klassrum.access.boundary.AccessGuardMixedListTest.SCHOOL;
import static se.klassrum.access.boundary.AccessGuardMixedListTest.TENANT;
import static se.klassrum.access.boundary.AccessGuardMixedListTest.TODAY;

/**
 * A page whose items leave their details (a member's other groups) to be read once the page is decided: the details are
 * read for the items the caller receives only, while the page's one audit record is appended, and the page leaves once
 * that record is committed, or not at all.
 */
class PageDetailsTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<AuditRecord> audited = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> committed = new CompletableFuture<>();
    /** The items whose details were read, and whether the record was committed then. */
    private final List<String> detailed = new CopyOnWriteArrayList<>();
    private final CountDownLatch detailsRead = new CountDownLatch(1);
    private StudentDataInterceptor interceptor;

    /** A member as a page's rows give them, and with the groups its details add. */
    record Member(UUID studentId, String name, List<String> groups) implements StudentOwned {
    }

    /** The bean method the interceptor guards: a page of a group's members, the classmate listed first. */
    static final class Members {
        final List<String> detailed;
        final CountDownLatch detailsRead;
        final CompletableFuture<Void> committed;

        Members(List<String> detailed, CountDownLatch detailsRead, CompletableFuture<Void> committed) {
            this.detailed = detailed;
            this.detailsRead = detailsRead;
            this.committed = committed;
        }

        @StudentData(kind = DataKind.STUDENT_PROFILE)
        Slice<Member> membersOf(@GroupId UUID group, Page page) {
            List<Member> rows = List.of(new Member(CLASSMATE, "Alva", List.of()), new Member(CHILD, "Bo", List.of()));
            return Slice.of(rows, page, row -> row, row -> new Object[] {row.name(), row.studentId()})
                    .withDetails((members, decided) -> {
                        members.forEach(member -> detailed.add(member.name() + (committed.isDone() ? " after" : " before")
                                + " the commit"));
                        for (UUID student : List.of(CHILD, CLASSMATE)) {
                            decided.about(student).ifPresent(facts -> detailed.add("facts of " + student + " about "
                                    + facts.student().personId()));
                        }
                        detailsRead.countDown();
                        return members.stream().map(member -> new Member(member.studentId(), member.name(),
                                List.of("Ma1c-A", "Mentorsgrupp 7B"))).toList();
                    });
        }
    }

    @BeforeEach
    void guard() {
        AccessGuard guard = PlainGuard.of(new Roster(), () -> Actor.guardian(GUARDIAN, TENANT), audited,
                record -> PlainGuard.heldUntil(committed));
        interceptor = new StudentDataInterceptor();
        interceptor.guard = guard;
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void theDetailsAreReadForTheReceivedItemsOnlyWhileThePageIsRecordedAndThePageLeavesOnceItIsCommitted()
            throws Exception {
        Future<Object> call = callers.submit(() -> interceptor.enforce(membersOfTheGroup()));

        assertThat(detailsRead.await(30, TimeUnit.SECONDS)).as("the details were read before the commit").isTrue();
        assertThat(detailed).as("the child's details only, and only the child's facts from the decision, never the "
                + "protected classmate's").containsExactly("Bo before the commit", "facts of " + CHILD + " about " + CHILD);
        assertThatThrownBy(() -> call.get(300, TimeUnit.MILLISECONDS)).as("the page waits for its record's commit")
                .isInstanceOf(TimeoutException.class);
        committed.complete(null);

        @SuppressWarnings("unchecked")
        Slice<Member> page = (Slice<Member>) call.get(30, TimeUnit.SECONDS);
        assertThat(page.items()).containsExactly(new Member(CHILD, "Bo", List.of("Ma1c-A", "Mentorsgrupp 7B")));
        assertThat(page.details()).as("nothing is left to complete").isNull();
        assertThat(audited).as("one record for the page, naming both members asked about").singleElement()
                .satisfies(record -> assertThat(record.outcomes()).extracting(AuditRecord.Outcome::studentId,
                        AuditRecord.Outcome::allowed).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CLASSMATE.toString(), false),
                        org.assertj.core.groups.Tuple.tuple(CHILD.toString(), true)));
    }

    @Test
    void aPageWhoseRecordCannotBeCommittedDoesNotLeave() {
        committed.completeExceptionally(new IllegalStateException("the database went away"));

        assertThatThrownBy(() -> interceptor.enforce(membersOfTheGroup())).isInstanceOf(AuditUnavailableException.class)
                .hasRootCauseMessage("the database went away");
    }

    @Test
    void outsideTheGuardACallerWhoDecidesNothingCompletesEveryItem() throws Exception {
        Slice<Member> page = new Members(detailed, detailsRead, committed).membersOf(GROUP, Page.first(10)).detailed();

        assertThat(page.items()).extracting(Member::groups).containsOnly(List.of("Ma1c-A", "Mentorsgrupp 7B"));
        assertThat(detailed).containsExactly("Alva before the commit", "Bo before the commit");
    }

    private InvocationContext membersOfTheGroup() throws NoSuchMethodException {
        Members bean = new Members(detailed, detailsRead, committed);
        Method method = Members.class.getDeclaredMethod("membersOf", UUID.class, Page.class);
        Object[][] parameters = {{GROUP, Page.first(10)}};
        return (InvocationContext) Proxy.newProxyInstance(InvocationContext.class.getClassLoader(),
                new Class<?>[] {InvocationContext.class}, (proxy, invoked, args) -> switch (invoked.getName()) {
                    case "getMethod" -> method;
                    case "getParameters" -> parameters[0];
                    case "setParameters" -> {
                        parameters[0] = (Object[]) args[0];
                        yield null;
                    }
                    case "proceed" -> bean.membersOf((UUID) parameters[0][0], (Page) parameters[0][1]);
                    default -> throw new AssertionError("not expected: " + invoked.getName());
                });
    }

    /** A guardian of CHILD; CHILD and the protected CLASSMATE are members of GROUP. */
    static final class Roster implements RosterFactsPort {
        @Override
        public Optional<AccessFacts> load(UUID actorPersonId, UUID studentId, UUID groupId) {
            PersonFacts guardian = new PersonFacts(GUARDIAN, TENANT, List.of(), List.of(), false, true, null);
            PersonFacts student = studentId == null ? null : new PersonFacts(studentId, TENANT,
                    List.of(new LicenceFact(LicenceKind.STUDENT, Validity.ALWAYS)),
                    List.of(new RoleFact(SCHOOL, SchoolRoleKind.STUDENT, Validity.ALWAYS)), studentId.equals(CLASSMATE),
                    false, TODAY.minusYears(15));
            Map<UUID, GroupFact> groups = Map.of(GROUP, new GroupFact(GROUP, TENANT, SCHOOL, "Ma1c-A", GroupKind.TEACHING,
                    true, false, null, null, null));
            List<MembershipFact> memberships = new ArrayList<>();
            List<GuardianLinkFact> links = new ArrayList<>();
            if (studentId != null) {
                memberships.add(new MembershipFact(GROUP, studentId, MembershipRole.MEMBER, Validity.ALWAYS));
                if (studentId.equals(CHILD)) {
                    links.add(new GuardianLinkFact(GUARDIAN, CHILD, true, GuardianLinkFact.Consent.NONE,
                            Validity.from(TODAY.minusYears(15))));
                }
            }
            return Optional.of(new AccessFacts(guardian, student, groups, memberships, List.of(), links));
        }
    }
}
