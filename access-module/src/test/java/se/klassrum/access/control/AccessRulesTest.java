package se.klassrum.access.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.klassrum.access.api.AccessPath.APPLICATION;
import static se.klassrum.access.api.AccessPath.GUARDIAN;
import static se.klassrum.access.api.AccessPath.MENTOR;
import static se.klassrum.access.api.AccessPath.STUDENT;
import static se.klassrum.access.api.AccessPath.TEACHER;
import static se.klassrum.access.api.DataKind.ASSESSMENT;
import static se.klassrum.access.api.DataKind.ASSIGNMENT;
import static se.klassrum.access.api.DataKind.DEVELOPMENT_TALK;
import static se.klassrum.access.api.DataKind.POST;
import static se.klassrum.access.api.DataKind.STUDENT_PROFILE;
import static se.klassrum.access.api.DataKind.SUBMISSION;
import static se.klassrum.access.api.DataKind.TALK_BOOKING;
import static se.klassrum.access.api.DataKind.TALK_OFFER;
import static se.klassrum.access.api.Prerequisite.*;
import static se.klassrum.access.control.World.check;
import static se.klassrum.access.control.World.path;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.LicenceKind;
import se.klassrum.access.api.Messages;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.PrerequisiteCheck;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.Validity;

/**
 * Each prerequisite met and missing, in a small school: teacher Anna owns the maths group 9A Matematik
 * with student Elin in it, mentor Mats owns Elin's mentor group, and Gustav is Elin's guardian.
 */
class AccessRulesTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 12);
    static final LocalDate YESTERDAY = TODAY.minusDays(1);
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    static final UUID MAT = UUID.randomUUID();
    static final UUID SVE = UUID.randomUUID();
    static final World.Syllabus MATMAT01C = World.Syllabus.of("MATMAT01c", MAT);
    static final World.Syllabus MATMAT02C = World.Syllabus.of("MATMAT02c", MAT);
    static final World.Syllabus SVESVE01 = World.Syllabus.of("SVESVE01", SVE);

    World world;
    World.School solbacka;
    World.Person anna;
    World.Person elin;
    World.Person mats;
    World.Person gustav;
    World.Group maths;
    World.Group mentorGroup;

    @BeforeEach
    void school() {
        world = World.on(TODAY);
        solbacka = world.school("Solbackaskolan");
        anna = world.person("Anna").teacherAt(solbacka).subject(solbacka, MAT);
        elin = world.person("Elin").studentAt(solbacka).born(LocalDate.of(2011, 5, 4));
        mats = world.person("Mats").mentorAt(solbacka);
        gustav = world.person("Gustav").guardianLogin();
        world.guardianLink(gustav, elin);
        maths = world.teachingGroup("9A Matematik", solbacka).syllabus(MATMAT01C).owner(anna).member(elin);
        mentorGroup = world.mentorGroup("Mentorsgrupp 9A", solbacka).owner(mats).member(elin);
    }

    Decision annaReadsPost() {
        return anna.asks().toRead(POST).of(elin).in(maths).decide();
    }

    Decision annaReadsAssessment() {
        return anna.asks().toRead(ASSESSMENT).of(elin).assessment(MATMAT01C, false).decide();
    }

    static void assertOnlyFailure(Decision decision, AccessPath path, Prerequisite code) {
        assertThat(decision.allowed()).isFalse();
        assertThat(path(decision, path).failingCodes()).containsExactly(code);
    }

    @Nested
    class Teacher {

        @Test
        void ownerOfTheConnectedGroupReadsAndWritesItsPosts() {
            Decision read = annaReadsPost();
            Decision write = anna.asks().toWrite(POST).of(elin).in(maths).decide();

            assertThat(read.allowed()).isTrue();
            assertThat(read.allowingPath()).get().extracting(p -> p.path()).isEqualTo(TEACHER);
            assertThat(read.failingCodes()).isEmpty();
            assertThat(path(read, TEACHER).checks()).extracting(PrerequisiteCheck::code)
                    .containsExactly(OPERATION_ALLOWED, SAME_TENANT, LICENCE, ROLE_TEACHER, STUDENT_AT_SCHOOL,
                            OWNS_TEACHING_GROUP);
            assertThat(check(read, TEACHER, OWNS_TEACHING_GROUP).args())
                    .containsEntry("group", "9A Matematik").containsEntry("school", "Solbackaskolan");
            assertThat(write.allowed()).isTrue();
        }

        @Test
        void readsAssessmentsThroughGroupWithTheSyllabusAndSubject() {
            Decision decision = annaReadsAssessment();

            assertThat(decision.allowed()).isTrue();
            assertThat(path(decision, TEACHER).checks()).extracting(PrerequisiteCheck::code)
                    .endsWith(OWNS_TEACHING_GROUP, SYLLABUS_LINKED, TEACHER_SUBJECT, EARLIER_PUBLISHED);
        }

        @Test
        void seesDraftAssessmentsAndWritesThem() {
            assertThat(annaReadsAssessment().allowed()).isTrue();
            assertThat(anna.asks().toWrite(ASSESSMENT).of(elin).assessment(MATMAT01C, false).decide().allowed())
                    .isTrue();
        }

        @Test
        void withoutTeacherLicenceIsDenied() {
            anna.licences.clear();
            anna.licence(LicenceKind.STUDENT, Validity.ALWAYS);

            Decision decision = annaReadsPost();

            assertOnlyFailure(decision, TEACHER, LICENCE);
            assertThat(decision.failingCodes()).containsExactly(LICENCE);
            assertThat(Messages.describe(check(decision, TEACHER, LICENCE)))
                    .isEqualTo("Användaren saknar aktiv lärarlicens");
        }

        @Test
        void licenceThatEndedYesterdayNoLongerCounts() {
            anna.licences.clear();
            anna.licence(LicenceKind.TEACHER, world.until(YESTERDAY));

            assertOnlyFailure(annaReadsPost(), TEACHER, LICENCE);
        }

        @Test
        void roleThatStartsTomorrowDoesNotCountYet() {
            anna.roles.clear();
            anna.role(solbacka, SchoolRoleKind.TEACHER, world.from(TOMORROW));

            Decision decision = annaReadsPost();

            assertOnlyFailure(decision, TEACHER, ROLE_TEACHER);
            assertThat(Messages.describe(check(decision, TEACHER, ROLE_TEACHER), Locale.ENGLISH))
                    .isEqualTo("The user has no active role Teacher at Solbackaskolan");
        }

        @Test
        void roleThatStartsTodayCounts() {
            anna.roles.clear();
            anna.role(solbacka, SchoolRoleKind.TEACHER, world.from(TODAY));

            assertThat(annaReadsPost().allowed()).isTrue();
        }

        @Test
        void teacherRoleAtAnotherSchoolDoesNotCount() {
            World.School other = world.school("Norrskolan");
            anna.roles.clear();
            anna.role(other, SchoolRoleKind.TEACHER);

            assertOnlyFailure(annaReadsPost(), TEACHER, ROLE_TEACHER);
        }

        @Test
        void studentWhoseStudentRoleEndedIsOutOfReach() {
            elin.roles.clear();
            elin.role(solbacka, SchoolRoleKind.STUDENT, world.until(YESTERDAY));

            Decision decision = annaReadsPost();

            assertOnlyFailure(decision, TEACHER, STUDENT_AT_SCHOOL);
            assertThat(Messages.describe(check(decision, TEACHER, STUDENT_AT_SCHOOL)))
                    .isEqualTo("Eleven har ingen aktiv elevroll på Solbackaskolan");
        }

        @Test
        void disconnectedGroupGivesNoAccess() {
            maths.disconnected();

            Decision decision = annaReadsPost();

            assertOnlyFailure(decision, TEACHER, OWNS_TEACHING_GROUP);
            assertThat(check(decision, TEACHER, OWNS_TEACHING_GROUP).detail()).isEqualTo("notConnected");
            assertThat(Messages.describe(check(decision, TEACHER, OWNS_TEACHING_GROUP)))
                    .isEqualTo("Gruppen 9A Matematik är inte ansluten");
        }

        @Test
        void archivedGroupIsNoLongerWorkedInButItsOwnerReadsItsHistory() {
            maths.archived();

            Decision read = annaReadsPost();
            Decision write = anna.asks().toWrite(POST).of(elin).in(maths).decide();

            assertThat(path(read, TEACHER).failingCodes()).containsExactly(OWNS_TEACHING_GROUP);
            assertThat(check(read, TEACHER, OWNS_TEACHING_GROUP).detail()).isEqualTo("archived");
            assertThat(read.allowingPath()).get().extracting(p -> p.path()).isEqualTo(AccessPath.HISTORY);
            assertThat(write.allowed()).isFalse();
            assertThat(path(write, AccessPath.HISTORY).failingCodes()).containsExactly(OPERATION_ALLOWED);
        }

        @Test
        void ownershipEndedYesterdayGivesNoAccessButOneEndingTodayStillDoes() {
            World.Group ended = world.teachingGroup("9B Matematik", solbacka).owner(anna, world.until(YESTERDAY))
                    .member(elin);
            World.Group endingToday = world.teachingGroup("9C Matematik", solbacka)
                    .owner(anna, world.until(TODAY)).member(elin);

            Decision viaEnded = anna.asks().toRead(POST).of(elin).in(ended).decide();
            Decision viaEndingToday = anna.asks().toRead(POST).of(elin).in(endingToday).decide();

            assertOnlyFailure(viaEnded, TEACHER, OWNS_TEACHING_GROUP);
            assertThat(check(viaEnded, TEACHER, OWNS_TEACHING_GROUP).detail()).isEqualTo("notOwner");
            assertThat(viaEndingToday.allowed()).isTrue();
        }

        @Test
        void studentWhoseMembershipEndedYesterdayIsOutOfReach() {
            World.Group group = world.teachingGroup("9B Matematik", solbacka).owner(anna)
                    .member(elin, world.until(YESTERDAY));

            Decision decision = anna.asks().toRead(POST).of(elin).in(group).decide();

            assertOnlyFailure(decision, TEACHER, OWNS_TEACHING_GROUP);
            assertThat(check(decision, TEACHER, OWNS_TEACHING_GROUP).detail()).isEqualTo("studentNotMember");
        }

        @Test
        void plainMemberOfTheGroupIsNoOwner() {
            World.Person bo = world.person("Bo").teacherAt(solbacka);
            maths.member(bo);

            Decision decision = bo.asks().toRead(POST).of(elin).in(maths).decide();

            assertOnlyFailure(decision, TEACHER, OWNS_TEACHING_GROUP);
            assertThat(check(decision, TEACHER, OWNS_TEACHING_GROUP).detail()).isEqualTo("notOwner");
        }

        @Test
        void mentorGroupIsNoTeachingGroup() {
            mentorGroup.owner(anna);

            Decision decision = anna.asks().toRead(POST).of(elin).in(mentorGroup).decide();

            assertThat(check(decision, TEACHER, OWNS_TEACHING_GROUP).detail()).isEqualTo("wrongKind");
            assertThat(path(decision, TEACHER).allowed()).isFalse();
        }

        @Test
        void assessmentNeedsASyllabusOnTheGroup() {
            maths.syllabus(null);

            Decision decision = annaReadsAssessment();

            assertThat(decision.allowed()).isFalse();
            assertThat(path(decision, TEACHER).failingCodes()).containsExactly(SYLLABUS_LINKED, TEACHER_SUBJECT);
            PrerequisiteCheck syllabus = check(decision, TEACHER, SYLLABUS_LINKED);
            assertThat(Messages.describe(syllabus)).isEqualTo("Gruppen 9A Matematik har ingen kursplan kopplad");
            assertThat(Messages.describe(syllabus, Locale.ENGLISH)).isEqualTo("The group 9A Matematik has no syllabus linked");
        }

        @Test
        void assessmentNeedsTheTeacherLinkedToTheSubjectAtThatSchool() {
            World.School norr = world.school("Norrskolan");
            World.Person bo = world.person("Bo").teacherAt(solbacka).subject(norr, MAT).subject(solbacka, SVE);
            maths.owner(bo);

            Decision decision = bo.asks().toRead(ASSESSMENT).of(elin).assessment(MATMAT01C, true).decide();

            assertOnlyFailure(decision, TEACHER, TEACHER_SUBJECT);
            assertThat(check(decision, TEACHER, TEACHER_SUBJECT).detail()).isEqualTo("notLinked");
            assertThat(Messages.describe(check(decision, TEACHER, TEACHER_SUBJECT), Locale.ENGLISH))
                    .isEqualTo("The user is not linked to the subject of the syllabus MATMAT01c at Solbackaskolan");
        }

        @Test
        void assessmentOfAnotherSyllabusIsNotSeenThroughThisGroup() {
            Decision decision = anna.asks().toRead(ASSESSMENT).of(elin).assessment(SVESVE01, true).decide();

            assertOnlyFailure(decision, TEACHER, SYLLABUS_LINKED);
            assertThat(check(decision, TEACHER, SYLLABUS_LINKED).detail()).isEqualTo("otherSyllabus");
        }

        @Test
        void neverDevelopmentTalks() {
            mentorGroup.owner(anna);

            Decision decision = anna.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).decide();

            assertThat(decision.allowed()).isFalse();
            assertThat(check(decision, TEACHER, OPERATION_ALLOWED).passed()).isFalse();
            assertThat(Messages.describe(check(decision, TEACHER, OPERATION_ALLOWED)))
                    .isEqualTo("En lärare får inte läsa utvecklingssamtal");
        }

        @Test
        void readsButNeverWritesTheProfile() {
            assertThat(anna.asks().toRead(STUDENT_PROFILE).of(elin).decide().allowed()).isTrue();
            assertOnlyFailure(anna.asks().toWrite(STUDENT_PROFILE).of(elin).decide(), TEACHER, OPERATION_ALLOWED);
        }

        @Test
        void actorFromAnotherTenantIsDenied() {
            anna.inTenant(World.OTHER_TENANT);

            Decision decision = annaReadsPost();

            assertOnlyFailure(decision, TEACHER, SAME_TENANT);
            assertThat(decision.failingCodes()).containsExactly(SAME_TENANT);
        }

        @Test
        void tokenOfAnotherTenantIsDenied() {
            AccessQuestion question = new AccessQuestion(Actor.person(anna.id, World.OTHER_TENANT), elin.id, POST,
                    Operation.READ, maths.id, null);

            Decision decision = new AccessRules().decide(question, world.snapshot(anna, elin, maths.id), TODAY);

            assertOnlyFailure(decision, TEACHER, SAME_TENANT);
        }

        @Test
        void groupOfAnotherTenantIsDenied() {
            maths.inTenant(World.OTHER_TENANT);

            assertOnlyFailure(annaReadsPost(), TEACHER, SAME_TENANT);
        }

        @Test
        void groupTheSnapshotDoesNotKnowIsDenied() {
            UUID unknown = UUID.randomUUID();

            Decision decision = anna.asks().toRead(POST).of(elin).inGroupId(unknown).decide();

            assertThat(decision.allowed()).isFalse();
            assertThat(check(decision, TEACHER, SAME_TENANT).passed()).isFalse();
            assertThat(check(decision, TEACHER, OWNS_TEACHING_GROUP).detail()).isEqualTo("unknownGroup");
            assertThat(Messages.describe(check(decision, TEACHER, OWNS_TEACHING_GROUP), Locale.ENGLISH))
                    .isEqualTo("The group " + unknown + " is not known");
        }

        @Test
        void anyQualifyingGroupWillDoAndTheExplanationNamesIt() {
            world.teachingGroup("8A Matematik", solbacka).owner(anna).member(elin).archived();
            World.Group svenska = world.teachingGroup("9A Svenska", solbacka).syllabus(SVESVE01).owner(anna).member(elin);
            anna.subject(solbacka, SVE);

            Decision decision = anna.asks().toRead(ASSESSMENT).of(elin).assessment(SVESVE01, true).decide();

            assertThat(decision.allowed()).isTrue();
            assertThat(check(decision, TEACHER, OWNS_TEACHING_GROUP).args()).containsEntry("group", svenska.name);
        }

        @Test
        void explanationNamesTheClosestCandidateGroup() {
            World.Group svenska = world.teachingGroup("9A Svenska", solbacka).syllabus(SVESVE01).owner(anna).member(elin);

            Decision decision = anna.asks().toRead(ASSESSMENT).of(elin).assessment(SVESVE01, true).decide();

            assertOnlyFailure(decision, TEACHER, TEACHER_SUBJECT);
            assertThat(check(decision, TEACHER, TEACHER_SUBJECT).args()).containsEntry("group", svenska.name)
                    .containsEntry("syllabus", "SVESVE01");
        }

        @Test
        void teacherWithNoGroupsIsExplainedAtTheirSchool() {
            World.Person bo = world.person("Bo").teacherAt(solbacka);

            Decision decision = bo.asks().toRead(STUDENT_PROFILE).of(elin).decide();

            assertThat(path(decision, TEACHER).failingCodes()).containsExactly(OWNS_TEACHING_GROUP);
            assertThat(check(decision, TEACHER, ROLE_TEACHER).args()).containsEntry("school", "Solbackaskolan");
        }
    }

    @Nested
    class Mentor {

        @Test
        void readsAndWritesDevelopmentTalksOfTheMentorGroup() {
            assertThat(mats.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).decide().allowed()).isTrue();
            assertThat(mats.asks().toWrite(DEVELOPMENT_TALK).of(elin).in(mentorGroup).decide().allowed()).isTrue();
        }

        @Test
        void readsProfileAndAssessmentsWithoutSubjectButNeverWritesAssessments() {
            assertThat(mats.asks().toRead(STUDENT_PROFILE).of(elin).decide().allowed()).isTrue();
            Decision read = mats.asks().toRead(ASSESSMENT).of(elin).assessment(MATMAT01C, false).decide();
            Decision write = mats.asks().toWrite(ASSESSMENT).of(elin).assessment(MATMAT01C, false).decide();

            assertThat(read.allowed()).isTrue();
            assertThat(read.allowingPath()).get().extracting(p -> p.path()).isEqualTo(MENTOR);
            assertOnlyFailure(write, MENTOR, OPERATION_ALLOWED);
        }

        @Test
        void postsOfTheMentorGroupButNotOfATeachingGroup() {
            maths.owner(mats);

            assertThat(mats.asks().toWrite(POST).of(elin).in(mentorGroup).decide().allowed()).isTrue();
            Decision teaching = mats.asks().toRead(POST).of(elin).in(maths).decide();
            assertThat(check(teaching, MENTOR, OWNS_MENTOR_GROUP).detail()).isEqualTo("wrongKind");
            assertThat(teaching.allowed()).isFalse();
        }

        @Test
        void needsTheMentorRole() {
            mats.roles.clear();
            mats.role(solbacka, SchoolRoleKind.TEACHER);

            assertOnlyFailure(mats.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).decide(), MENTOR, ROLE_MENTOR);
        }

        @Test
        void needsToOwnTheMentorGroup() {
            World.Person other = world.person("Maja").mentorAt(solbacka);

            Decision decision = other.asks().toRead(STUDENT_PROFILE).of(elin).decide();

            assertOnlyFailure(decision, MENTOR, OWNS_MENTOR_GROUP);
            assertThat(Messages.describe(check(decision, MENTOR, OWNS_MENTOR_GROUP), Locale.ENGLISH))
                    .isEqualTo("The user is not an active owner of the group Mentorsgrupp 9A");
        }

        @Test
        void mentorWithNoGroupAtAllIsToldSo() {
            World fresh = World.on(TODAY);
            World.School school = fresh.school("Solbackaskolan");
            World.Person maja = fresh.person("Maja").mentorAt(school);
            World.Person olle = fresh.person("Olle").studentAt(school);

            Decision decision = maja.asks().toRead(STUDENT_PROFILE).of(olle).decide();

            assertOnlyFailure(decision, MENTOR, OWNS_MENTOR_GROUP);
            assertThat(Messages.describe(check(decision, MENTOR, OWNS_MENTOR_GROUP), Locale.ENGLISH)).isEqualTo(
                    "The user owns no connected, non-archived mentor group in which the student is an active member");
        }

        @Test
        void archivedMentorGroupEndsAccess() {
            mentorGroup.archived();

            assertOnlyFailure(mats.asks().toRead(STUDENT_PROFILE).of(elin).decide(), MENTOR, OWNS_MENTOR_GROUP);
        }
    }

    @Nested
    class Student {

        @Test
        void readsOwnProfileButNotAClassmates() {
            World.Person olle = world.person("Olle").studentAt(solbacka);
            maths.member(olle);

            assertThat(elin.asks().toRead(STUDENT_PROFILE).of(elin).decide().allowed()).isTrue();
            Decision classmate = elin.asks().toRead(STUDENT_PROFILE).of(olle).decide();
            assertOnlyFailure(classmate, STUDENT, MEMBER_OF_LINKED_GROUP);
            assertThat(check(classmate, STUDENT, MEMBER_OF_LINKED_GROUP).detail()).isEqualTo("own");
            assertThat(Messages.describe(check(classmate, STUDENT, MEMBER_OF_LINKED_GROUP)))
                    .isEqualTo("Informationen gäller en annan elev; en elev ser bara sin egen");
        }

        @Test
        void readsPostsOfGroupsSheIsAMemberOf() {
            World.Group other = world.teachingGroup("9B Engelska", solbacka);

            assertThat(elin.asks().toRead(POST).of(elin).in(maths).decide().allowed()).isTrue();
            Decision notMember = elin.asks().toRead(POST).of(elin).in(other).decide();
            assertOnlyFailure(notMember, STUDENT, MEMBER_OF_LINKED_GROUP);
            assertThat(Messages.describe(check(notMember, STUDENT, MEMBER_OF_LINKED_GROUP), Locale.ENGLISH))
                    .isEqualTo("The user is not an active member of the group 9B Engelska");
        }

        @Test
        void archivedOrDisconnectedGroupHidesItsPosts() {
            maths.archived();
            assertThat(check(elin.asks().toRead(POST).of(elin).in(maths).decide(), STUDENT, MEMBER_OF_LINKED_GROUP)
                    .detail()).isEqualTo("archived");
            mentorGroup.disconnected();
            assertThat(check(elin.asks().toRead(POST).of(elin).in(mentorGroup).decide(), STUDENT,
                    MEMBER_OF_LINKED_GROUP).detail()).isEqualTo("notConnected");
        }

        @Test
        void readsAClassmatesPostsInASharedGroupUnlessTheClassmateIsProtected() {
            World.Person olle = world.person("Olle").studentAt(solbacka);
            World.Person sara = world.person("Sara").studentAt(solbacka).protectedIdentity();
            maths.member(olle).member(sara);

            assertThat(elin.asks().toRead(POST).of(olle).in(maths).decide().allowed()).isTrue();
            Decision protectedClassmate = elin.asks().toRead(POST).of(sara).in(maths).decide();
            assertOnlyFailure(protectedClassmate, STUDENT, MEMBER_OF_LINKED_GROUP);
            assertThat(check(protectedClassmate, STUDENT, MEMBER_OF_LINKED_GROUP).passed()).isTrue();
            assertThat(path(protectedClassmate, STUDENT).checks()).filteredOn(c -> !c.passed())
                    .extracting(PrerequisiteCheck::detail).containsExactly("own");
            assertThat(sara.asks().toRead(POST).of(sara).in(maths).decide().allowed()).isTrue();
        }

        @Test
        void writesOnlyHerOwnSubmission() {
            World.Person olle = world.person("Olle").studentAt(solbacka);
            maths.member(olle);

            assertThat(elin.asks().toWrite(SUBMISSION).of(elin).in(maths).decide().allowed()).isTrue();
            assertOnlyFailure(elin.asks().toWrite(SUBMISSION).of(olle).in(maths).decide(), STUDENT,
                    MEMBER_OF_LINKED_GROUP);
            assertOnlyFailure(elin.asks().toWrite(POST).of(elin).in(maths).decide(), STUDENT, OPERATION_ALLOWED);
        }

        @Test
        void seesOwnAssessmentOnlyWhenPublished() {
            Decision draft = elin.asks().toRead(ASSESSMENT).of(elin).assessment(MATMAT01C, false).decide();
            Decision published = elin.asks().toRead(ASSESSMENT).of(elin).assessment(MATMAT01C, true).decide();

            assertOnlyFailure(draft, STUDENT, PUBLISHED);
            assertThat(Messages.describe(check(draft, STUDENT, PUBLISHED)))
                    .isEqualTo("Elever och vårdnadshavare ser bara publicerade omdömen; detta är ett utkast");
            assertThat(published.allowed()).isTrue();
        }

        @Test
        void assignmentWithoutKnownPublicationCountsAsDraft() {
            Decision unknown = elin.asks().toRead(ASSIGNMENT).of(elin).in(maths).decide();
            Decision published = elin.asks().toRead(ASSIGNMENT).of(elin).in(maths).item(ItemFacts.publication(true)).decide();

            assertOnlyFailure(unknown, STUDENT, PUBLISHED);
            assertThat(check(unknown, STUDENT, PUBLISHED).detail()).isEqualTo("unknown");
            assertThat(published.allowed()).isTrue();
        }

        @Test
        void needsAStudentLicence() {
            elin.licences.clear();

            assertOnlyFailure(elin.asks().toRead(STUDENT_PROFILE).of(elin).decide(), STUDENT, LICENCE);
        }

        @Test
        void needsAnActiveStudentRole() {
            elin.roles.clear();
            elin.role(solbacka, SchoolRoleKind.STUDENT, world.until(YESTERDAY));

            Decision decision = elin.asks().toRead(POST).of(elin).in(maths).decide();

            assertThat(decision.allowed()).isFalse();
            assertThat(path(decision, STUDENT).failingCodes()).containsExactly(ROLE_STUDENT, STUDENT_AT_SCHOOL);
        }

        @Test
        void readsOwnDevelopmentTalksOfHerMentorGroup() {
            assertThat(elin.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).decide().allowed()).isTrue();
        }
    }

    @Nested
    class Guardian {

        Decision gustavReads(DataKind kind) {
            return gustav.asks().toRead(kind).of(elin).decide();
        }

        @Test
        void readsTheChildsProfileWithoutAnyLicence() {
            Decision decision = gustavReads(STUDENT_PROFILE);

            assertThat(decision.allowed()).isTrue();
            assertThat(path(decision, GUARDIAN).checks()).extracting(PrerequisiteCheck::code)
                    .containsExactly(OPERATION_ALLOWED, SAME_TENANT, GUARDIAN_LINK, GUARDIAN_LOGIN,
                            CHILD_HAS_ROLE_AT_SCHOOL);
        }

        @Test
        void neverWrites() {
            Decision decision = gustav.asks().toWrite(SUBMISSION).of(elin).in(maths).decide();

            assertOnlyFailure(decision, GUARDIAN, OPERATION_ALLOWED);
            assertThat(Messages.describe(check(decision, GUARDIAN, OPERATION_ALLOWED), Locale.ENGLISH))
                    .isEqualTo("A guardian may not write submissions");
        }

        @Test
        void needsALogin() {
            gustav.guardianLogin = false;

            assertOnlyFailure(gustavReads(STUDENT_PROFILE), GUARDIAN, GUARDIAN_LOGIN);
        }

        @Test
        void deactivatedLinkGivesNoAccess() {
            World.Person karin = world.person("Karin").guardianLogin();
            world.guardianLink(karin, elin).inactive();

            Decision decision = karin.asks().toRead(STUDENT_PROFILE).of(elin).decide();

            assertOnlyFailure(decision, GUARDIAN, GUARDIAN_LINK);
            assertThat(check(decision, GUARDIAN, GUARDIAN_LINK).detail()).isEqualTo("inactive");
        }

        @Test
        void linkThatEndedYesterdayGivesNoAccess() {
            World.Person karin = world.person("Karin").guardianLogin();
            world.guardianLink(karin, elin).valid(world.until(YESTERDAY));

            Decision decision = karin.asks().toRead(STUDENT_PROFILE).of(elin).decide();

            assertThat(check(decision, GUARDIAN, GUARDIAN_LINK).detail()).isEqualTo("notValid");
            assertThat(decision.allowed()).isFalse();
        }

        @Test
        void noLinkToAnotherChild() {
            World.Person olle = world.person("Olle").studentAt(solbacka);

            Decision decision = gustav.asks().toRead(STUDENT_PROFILE).of(olle).decide();

            assertOnlyFailure(decision, GUARDIAN, GUARDIAN_LINK);
            assertThat(check(decision, GUARDIAN, GUARDIAN_LINK).detail()).isEqualTo("none");
        }

        @Test
        void linkEndsOnTheEighteenthBirthday() {
            elin.born(TODAY.minusYears(18));

            Decision decision = gustavReads(STUDENT_PROFILE);

            assertOnlyFailure(decision, GUARDIAN, GUARDIAN_LINK);
            assertThat(check(decision, GUARDIAN, GUARDIAN_LINK).detail()).isEqualTo("adult");
            assertThat(Messages.describe(check(decision, GUARDIAN, GUARDIAN_LINK), Locale.ENGLISH)).isEqualTo(
                    "The student has turned 18, so the guardian link ended at majority; it continues only if the student "
                            + "consents and the school records the consent");
            assertThat(Messages.toCaller(check(decision, GUARDIAN, GUARDIAN_LINK), Locale.forLanguageTag("sv"))).isEqualTo(
                    "Eleven har fyllt 18 år, så din vårdnadshavarkoppling upphörde vid myndighetsdagen; den fortsätter bara "
                            + "om eleven samtycker och skolan registrerar samtycket");
        }

        @Test
        void linkHoldsTheDayBeforeTheEighteenthBirthday() {
            elin.born(TOMORROW.minusYears(18));

            assertThat(gustavReads(STUDENT_PROFILE).allowed()).isTrue();
        }

        @Test
        void aRecordedConsentContinuesTheLinkAfterMajorityAndSaysSo() {
            World.Person karin = world.person("Karin").guardianLogin();
            world.guardianLink(karin, elin).consentRecorded();
            elin.born(TODAY.minusYears(18));

            Decision decision = karin.asks().toRead(STUDENT_PROFILE).of(elin).decide();

            assertThat(decision.allowed()).isTrue();
            assertThat(check(decision, GUARDIAN, GUARDIAN_LINK).detail()).isEqualTo("consent");
            assertThat(Messages.describe(check(decision, GUARDIAN, GUARDIAN_LINK), Locale.ENGLISH)).isEqualTo(
                    "The student has turned 18 and has consented to the guardian keeping access; the school recorded the consent");
            assertThat(gustavReads(STUDENT_PROFILE).allowed()).as("a link without consent still ends").isFalse();
        }

        @Test
        void aConsentCountsOnlyAfterMajority() {
            World.Person karin = world.person("Karin").guardianLogin();
            world.guardianLink(karin, elin).consentRecorded().inactive();
            elin.born(TODAY.minusYears(18));

            Decision deactivated = karin.asks().toRead(STUDENT_PROFILE).of(elin).decide();

            assertThat(deactivated.allowed()).as("a consent does not switch a deactivated link on").isFalse();
            assertThat(check(deactivated, GUARDIAN, GUARDIAN_LINK).detail()).isEqualTo("inactive");
            elin.born(TOMORROW.minusYears(18));
            Decision minor = gustavReads(STUDENT_PROFILE);
            assertThat(minor.allowed()).isTrue();
            assertThat(check(minor, GUARDIAN, GUARDIAN_LINK).detail()).as("an ordinary link of a minor").isNull();
        }

        @Test
        void aWithdrawnConsentEndsTheLinkForGood() {
            World.Person karin = world.person("Karin").guardianLogin();
            world.guardianLink(karin, elin).consentWithdrawn();
            elin.born(TODAY.minusYears(19));

            Decision decision = karin.asks().toRead(STUDENT_PROFILE).of(elin).decide();

            assertOnlyFailure(decision, GUARDIAN, GUARDIAN_LINK);
            assertThat(check(decision, GUARDIAN, GUARDIAN_LINK).detail()).isEqualTo("consentWithdrawn");
            assertThat(Messages.describe(check(decision, GUARDIAN, GUARDIAN_LINK), Locale.forLanguageTag("sv"))).isEqualTo(
                    "Eleven har återkallat sitt samtycke, så vårdnadshavarkopplingen har upphört för gott");
            assertThat(Messages.toCaller(check(decision, GUARDIAN, GUARDIAN_LINK), Locale.ENGLISH)).isEqualTo(
                    "The student has withdrawn their consent, so your guardian link has ended for good");
        }

        @Test
        void unknownBirthDateCountsAsUnderEighteen() {
            elin.born(null);

            assertThat(gustavReads(STUDENT_PROFILE).allowed()).isTrue();
        }

        @Test
        void childBornOnLeapDayComesOfAgeOnTheLastDayOfFebruary() {
            World leap = World.on(LocalDate.of(2026, 2, 28));
            World.School school = leap.school("Solbackaskolan");
            World.Person child = leap.person("Child").studentAt(school).born(LocalDate.of(2008, 2, 29));
            World.Person guardian = leap.person("Guardian").guardianLogin();
            leap.guardianLink(guardian, child);

            assertThat(guardian.asks().toRead(STUDENT_PROFILE).of(child).decide().allowed()).isFalse();
            World dayBefore = World.on(LocalDate.of(2026, 2, 27));
            World.School school2 = dayBefore.school("Solbackaskolan");
            World.Person child2 = dayBefore.person("Child").studentAt(school2).born(LocalDate.of(2008, 2, 29));
            World.Person guardian2 = dayBefore.person("Guardian").guardianLogin();
            dayBefore.guardianLink(guardian2, child2);
            assertThat(guardian2.asks().toRead(STUDENT_PROFILE).of(child2).decide().allowed()).isTrue();
        }

        @Test
        void childWithoutAnyActiveRoleIsOutOfReach() {
            elin.roles.clear();
            elin.role(solbacka, SchoolRoleKind.STUDENT, world.until(YESTERDAY));

            Decision decision = gustavReads(STUDENT_PROFILE);

            assertOnlyFailure(decision, GUARDIAN, CHILD_HAS_ROLE_AT_SCHOOL);
            assertThat(Messages.describe(check(decision, GUARDIAN, CHILD_HAS_ROLE_AT_SCHOOL)))
                    .isEqualTo("Eleven har ingen aktiv roll på Solbackaskolan");
        }

        @Test
        void anyRoleOfTheChildAtTheSchoolWillDo() {
            elin.roles.clear();
            elin.role(solbacka, SchoolRoleKind.SCHOOL_ADMIN);

            assertThat(gustavReads(STUDENT_PROFILE).allowed()).isTrue();
        }

        @Test
        void seesPostsOnlyOfGroupsTheChildIsAMemberOf() {
            World.Group other = world.teachingGroup("9B Engelska", solbacka);

            assertThat(gustav.asks().toRead(POST).of(elin).in(maths).decide().allowed()).isTrue();
            Decision notMember = gustav.asks().toRead(POST).of(elin).in(other).decide();
            assertOnlyFailure(notMember, GUARDIAN, CHILD_MEMBER_OF_GROUP);
            assertThat(Messages.describe(check(notMember, GUARDIAN, CHILD_MEMBER_OF_GROUP)))
                    .isEqualTo("Eleven är inte aktiv medlem i gruppen 9B Engelska");
        }

        @Test
        void readsADevelopmentTalkOnlyWhenTheTalkInvitesThem() {
            World.Person karin = world.person("Karin").guardianLogin();
            world.guardianLink(karin, elin);
            UUID talk = world.talkInviting(gustav);

            Decision invited = gustav.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).talk(talk).decide();
            Decision notInvited = karin.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).talk(talk).decide();

            assertThat(invited.allowed()).isTrue();
            assertThat(path(invited, GUARDIAN).checks()).extracting(PrerequisiteCheck::code)
                    .containsExactly(OPERATION_ALLOWED, SAME_TENANT, GUARDIAN_LINK, GUARDIAN_LOGIN,
                            CHILD_HAS_ROLE_AT_SCHOOL, CHILD_MEMBER_OF_GROUP, GUARDIAN_INVITED);
            assertOnlyFailure(notInvited, GUARDIAN, GUARDIAN_INVITED);
            assertThat(notInvited.failingCodes()).containsExactly(GUARDIAN_INVITED);
            assertThat(Messages.describe(check(notInvited, GUARDIAN, GUARDIAN_INVITED)))
                    .isEqualTo("Vårdnadshavaren är inte inbjuden till samtalet");
            assertThat(Messages.describe(check(notInvited, GUARDIAN, GUARDIAN_INVITED), Locale.ENGLISH))
                    .isEqualTo("The guardian is not invited to the talk");
        }

        @Test
        void aTalkThatInvitesNoGuardianIsSeenByNoGuardianButStillByTheMentorAndTheStudent() {
            UUID talk = world.talkInviting();

            assertOnlyFailure(gustav.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).talk(talk).decide(),
                    GUARDIAN, GUARDIAN_INVITED);
            assertThat(mats.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).talk(talk).decide().allowed()).isTrue();
            assertThat(elin.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).talk(talk).decide().allowed()).isTrue();
        }

        @Test
        void aTalkThatDoesNotExistIsExplainedExactlyLikeOneTheGuardianIsNotInvitedTo() {
            World.Person karin = world.person("Karin").guardianLogin();
            world.guardianLink(karin, elin);
            UUID talk = world.talkInviting(karin);

            Decision notInvited = gustav.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).talk(talk).decide();
            Decision unknown = gustav.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).talk(UUID.randomUUID())
                    .decide();

            assertOnlyFailure(unknown, GUARDIAN, GUARDIAN_INVITED);
            assertThat(path(unknown, GUARDIAN).checks()).isEqualTo(path(notInvited, GUARDIAN).checks());
        }

        @Test
        void aQuestionAboutTalksThatNamesNoTalkIsDeniedToGuardiansWithTheReason() {
            world.talkInviting(gustav);

            Decision decision = gustav.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).decide();

            assertOnlyFailure(decision, GUARDIAN, GUARDIAN_INVITED);
            assertThat(check(decision, GUARDIAN, GUARDIAN_INVITED).detail()).isEqualTo("noTalk");
            assertThat(Messages.describe(check(decision, GUARDIAN, GUARDIAN_INVITED), Locale.ENGLISH))
                    .isEqualTo("Name the talk: a guardian sees only the talks they are invited to");
        }

        @Test
        void anInvitationDoesNotReplaceTheLinkOrTheChildsMembership() {
            World.Person karin = world.person("Karin").guardianLogin();
            world.guardianLink(karin, elin).inactive();
            UUID talk = world.talkInviting(gustav, karin);
            World.Group otherMentorGroup = world.mentorGroup("Mentorsgrupp 9B", solbacka).owner(mats);

            assertOnlyFailure(karin.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).talk(talk).decide(),
                    GUARDIAN, GUARDIAN_LINK);
            assertOnlyFailure(gustav.asks().toRead(DEVELOPMENT_TALK).of(elin).in(otherMentorGroup).talk(talk).decide(),
                    GUARDIAN, CHILD_MEMBER_OF_GROUP);
        }

        @Test
        void otherKindsAskNoInvitation() {
            assertThat(path(gustav.asks().toRead(POST).of(elin).in(maths).decide(), GUARDIAN).checks())
                    .extracting(PrerequisiteCheck::code).doesNotContain(GUARDIAN_INVITED);
        }

        @Test
        void seesTheChildsAssessmentsOnlyWhenPublished() {
            Decision draft = gustav.asks().toRead(ASSESSMENT).of(elin).assessment(MATMAT01C, false).decide();
            Decision published = gustav.asks().toRead(ASSESSMENT).of(elin).assessment(MATMAT01C, true).decide();

            assertOnlyFailure(draft, GUARDIAN, PUBLISHED);
            assertThat(published.allowed()).isTrue();
        }
    }

    @Nested
    class Application {

        @Test
        void readsWithTheReadPermissionOfThatKindOnly() {
            Decision read = world.application(World.TENANT, "Assessments.Read.All").toRead(ASSESSMENT).of(elin)
                    .assessment(MATMAT01C, false).decide();
            Decision write = world.application(World.TENANT, "Assessments.Read.All").toWrite(ASSESSMENT).of(elin)
                    .assessment(MATMAT01C, false).decide();
            Decision otherKind = world.application(World.TENANT, "Assessments.Read.All").toRead(STUDENT_PROFILE)
                    .of(elin).decide();

            assertThat(read.allowed()).isTrue();
            assertThat(read.paths()).extracting(p -> p.path()).containsExactly(APPLICATION);
            assertOnlyFailure(write, APPLICATION, APPLICATION_PERMISSION);
            assertThat(Messages.describe(check(write, APPLICATION, APPLICATION_PERMISSION), Locale.ENGLISH))
                    .isEqualTo("The application lacks the permission Assessments.ReadWrite.All");
            assertOnlyFailure(otherKind, APPLICATION, APPLICATION_PERMISSION);
        }

        @Test
        void readWritePermissionAlsoReads() {
            assertThat(world.application(World.TENANT, "Posts.ReadWrite.All").toRead(POST).of(elin).in(maths)
                    .decide().allowed()).isTrue();
        }

        @Test
        void neverCrossesTenants() {
            Decision decision = world.application(World.OTHER_TENANT, "Students.ReadWrite.All")
                    .toRead(STUDENT_PROFILE).of(elin).decide();

            assertOnlyFailure(decision, APPLICATION, SAME_TENANT);
        }

        @Test
        void groupOfAnotherTenantIsDenied() {
            maths.inTenant(World.OTHER_TENANT);

            assertOnlyFailure(world.application(World.TENANT, "Posts.Read.All").toRead(POST).of(elin).in(maths)
                    .decide(), APPLICATION, SAME_TENANT);
        }
    }

    @Nested
    class Transitions {

        World.School norr;
        World.Person nils;

        /** Elin moved from Solbacka to Norrskolan today; her old group there is archived. */
        @BeforeEach
        void elinChangesSchool() {
            norr = world.school("Norrskolan");
            elin.roles.clear();
            elin.role(solbacka, SchoolRoleKind.STUDENT, world.until(YESTERDAY))
                    .role(norr, SchoolRoleKind.STUDENT, world.from(TODAY));
            maths.leave(elin, YESTERDAY).archived();
            nils = world.person("Nils").teacherAt(norr).subject(norr, MAT);
            world.teachingGroup("1A Matematik", norr).syllabus(MATMAT01C).owner(nils).member(elin, world.from(TODAY));
        }

        @Test
        void teacherAtTheNewSchoolSeesEarlierAssessmentsOfTheSameSyllabusOnly() {
            Decision sameSyllabus = nils.asks().toRead(ASSESSMENT).of(elin).assessment(MATMAT01C, true).decide();
            Decision sameSubjectOtherSyllabus = nils.asks().toRead(ASSESSMENT).of(elin)
                    .assessment(MATMAT02C, true).decide();

            assertThat(sameSyllabus.allowed()).isTrue();
            assertOnlyFailure(sameSubjectOtherSyllabus, TEACHER, SYLLABUS_LINKED);
        }

        @Test
        void teacherAtTheOldSchoolLosesAccess() {
            Decision decision = annaReadsAssessment();

            assertThat(decision.allowed()).isFalse();
            assertThat(path(decision, TEACHER).failingCodes()).contains(STUDENT_AT_SCHOOL);
        }

        @Test
        void studentKeepsHerEarlierPublishedAssessmentsButNotDrafts() {
            assertThat(elin.asks().toRead(ASSESSMENT).of(elin).assessment(SVESVE01, true).decide().allowed()).isTrue();
            assertOnlyFailure(elin.asks().toRead(ASSESSMENT).of(elin).assessment(SVESVE01, false).decide(), STUDENT,
                    PUBLISHED);
        }

        @Test
        void studentWithNoActiveStudentRoleAnywhereLosesThemToo() {
            elin.roles.clear();
            elin.role(solbacka, SchoolRoleKind.STUDENT, world.until(YESTERDAY));

            Decision decision = elin.asks().toRead(ASSESSMENT).of(elin).assessment(MATMAT01C, true).decide();

            assertThat(path(decision, STUDENT).failingCodes()).containsExactly(ROLE_STUDENT, STUDENT_AT_SCHOOL);
        }

        @Test
        void oldPostsAreNotCarriedOver() {
            Decision decision = elin.asks().toRead(POST).of(elin).in(maths).decide();

            assertThat(decision.allowed()).isFalse();
            assertThat(path(decision, STUDENT).failingCodes())
                    .containsExactly(ROLE_STUDENT, STUDENT_AT_SCHOOL, MEMBER_OF_LINKED_GROUP);
        }
    }

    @Nested
    class DenyByDefault {

        @ParameterizedTest
        @EnumSource(DataKind.class)
        void schoolAdminRoleGivesNoContentAccess(DataKind kind) {
            World.Person admin = world.person("Admin").teacherLicence().role(solbacka, SchoolRoleKind.SCHOOL_ADMIN)
                    .role(solbacka, SchoolRoleKind.PRINCIPAL);
            World.Question question = admin.asks().toRead(kind).of(elin);
            if (kind.groupLinked()) {
                question.in(kind == DEVELOPMENT_TALK ? mentorGroup : maths);
            }
            if (kind == ASSESSMENT) {
                question.assessment(MATMAT01C, true);
            }

            Decision decision = question.decide();

            assertThat(decision.allowed()).isFalse();
            // An archived group's history (posts, assignments, submissions) has a path of its own (H1), and a
            // student's assessed work the development overview, the student's and the guardian's (H2, H3).
            if (kind == ASSIGNMENT || kind == SUBMISSION) {
                assertThat(decision.paths()).extracting(p -> p.path()).containsExactly(TEACHER, MENTOR, STUDENT, GUARDIAN,
                        AccessPath.HISTORY, AccessPath.OVERVIEW, AccessPath.GUARDIAN_OVERVIEW, AccessPath.MENTOR_HISTORY);
            } else if (kind == POST) {
                assertThat(decision.paths()).extracting(p -> p.path())
                        .containsExactly(TEACHER, MENTOR, STUDENT, GUARDIAN, AccessPath.HISTORY);
            } else if (kind == ASSESSMENT) {
                // Earlier assessments follow the subject (S1).
                assertThat(decision.paths()).extracting(p -> p.path())
                        .containsExactly(TEACHER, MENTOR, STUDENT, GUARDIAN, AccessPath.SUBJECT_HISTORY);
            } else {
                assertThat(decision.paths()).extracting(p -> p.path()).containsExactly(TEACHER, MENTOR, STUDENT, GUARDIAN);
            }
            assertThat(decision.failingCodes()).isNotEmpty();
        }

        @Test
        void failingCodesComeFromTheClosestPath() {
            Decision decision = gustav.asks().toRead(STUDENT_PROFILE).of(world.person("Olle").studentAt(solbacka))
                    .decide();

            assertThat(decision.closestPath().path()).isEqualTo(GUARDIAN);
            assertThat(decision.failingCodes()).containsExactly(GUARDIAN_LINK);
        }

        @Test
        void everyPathReportsEveryCheck() {
            Decision decision = gustav.asks().toRead(POST).of(elin).in(maths).decide();

            assertThat(path(decision, TEACHER).checks()).hasSize(6);
            assertThat(path(decision, TEACHER).failingCodes()).containsExactly(LICENCE, ROLE_TEACHER, OWNS_TEACHING_GROUP);
            assertThat(path(decision, GUARDIAN).allowed()).isTrue();
        }

        @Test
        void factsAboutOtherPeopleThanTheQuestionAreRejected() {
            AccessQuestion question = anna.asks().toRead(POST).of(elin).in(maths).question();
            AccessFacts aboutOlle = world.snapshot(anna, world.person("Olle"), maths.id);
            AccessFacts byMats = world.snapshot(mats, elin, maths.id);
            AccessRules rules = new AccessRules();

            assertThatThrownBy(() -> rules.decide(question, aboutOlle, TODAY)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> rules.decide(question, byMats, TODAY)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void todayIsTheDateInStockholm() {
            java.time.Clock lateEveningUtc = java.time.Clock.fixed(java.time.Instant.parse("2025-03-12T23:30:00Z"),
                    java.time.ZoneOffset.UTC);

            assertThat(AccessRules.today(lateEveningUtc)).isEqualTo(LocalDate.of(2025, 3, 13));
        }
    }

    /**
     * Group-level questions: the posts and assignments of a group as a whole, naming no student. Owners of
     * the group (teacher or mentor) and its student members are judged without any student condition;
     * a guardian is told to choose a child.
     */
    @Nested
    class GroupLevel {

        World.Question annaAboutMaths(DataKind kind) {
            return anna.asks().toRead(kind).aboutGroup(maths);
        }

        @Test
        void ownerReadsAndWritesPostsAndAssignmentsOfHerGroupWithoutNamingAStudent() {
            Decision read = annaAboutMaths(POST).decide();
            Decision writePost = anna.asks().toWrite(POST).aboutGroup(maths).decide();
            Decision writeAssignment = anna.asks().toWrite(ASSIGNMENT).aboutGroup(maths).decide();
            Decision readDraft = annaAboutMaths(ASSIGNMENT).item(ItemFacts.publication(false)).decide();

            assertThat(read.question().studentId()).isNull();
            assertThat(read.allowed()).isTrue();
            assertThat(read.allowingPath()).get().extracting(p -> p.path()).isEqualTo(TEACHER);
            assertThat(read.failingCodes()).isEmpty();
            assertThat(path(read, TEACHER).checks()).extracting(PrerequisiteCheck::code)
                    .containsExactly(OPERATION_ALLOWED, SAME_TENANT, LICENCE, ROLE_TEACHER, OWNS_TEACHING_GROUP);
            assertThat(check(read, TEACHER, OWNS_TEACHING_GROUP).args())
                    .containsEntry("group", "9A Matematik").containsEntry("school", "Solbackaskolan");
            assertThat(Messages.describe(check(read, TEACHER, OWNS_TEACHING_GROUP)))
                    .isEqualTo("Användaren är ägare till den anslutna undervisningsgruppen 9A Matematik på Solbackaskolan");
            assertThat(Messages.describe(check(read, TEACHER, OWNS_TEACHING_GROUP), Locale.ENGLISH))
                    .isEqualTo("The user owns the connected teaching group 9A Matematik at Solbackaskolan");
            assertThat(Messages.describe(check(read, TEACHER, SAME_TENANT), Locale.ENGLISH))
                    .isEqualTo("The user and the group belong to the same organisation (Microsoft tenant)");
            assertThat(writePost.allowed()).isTrue();
            assertThat(writeAssignment.allowed()).isTrue();
            assertThat(readDraft.allowed()).as("teachers see drafts").isTrue();
        }

        @Test
        void noStudentIsNeededInTheGroupNorAtTheSchool() {
            World.Group empty = world.teachingGroup("9B Matematik", solbacka).owner(anna);
            elin.roles.clear();

            assertThat(annaAboutMaths(POST).decide().allowed()).isTrue();
            assertThat(anna.asks().toRead(POST).aboutGroup(empty).decide().allowed()).isTrue();
            assertOnlyFailure(annaReadsPost(), TEACHER, STUDENT_AT_SCHOOL);
        }

        @ParameterizedTest
        @EnumSource(value = DataKind.class, names = {"POST", "ASSIGNMENT"})
        void noPathChecksAStudent(DataKind kind) {
            Decision decision = gustav.asks().toRead(kind).aboutGroup(maths).decide();

            assertThat(decision.paths()).extracting(p -> p.path())
                    .containsExactly(TEACHER, MENTOR, STUDENT, GUARDIAN, AccessPath.HISTORY);
            for (var evaluation : decision.paths()) {
                assertThat(evaluation.checks()).extracting(PrerequisiteCheck::code)
                        .doesNotContain(STUDENT_AT_SCHOOL, CHILD_HAS_ROLE_AT_SCHOOL, CHILD_MEMBER_OF_GROUP);
            }
        }

        @Test
        void teacherWithoutLicenceIsDenied() {
            anna.licences.clear();

            assertOnlyFailure(annaAboutMaths(POST).decide(), TEACHER, LICENCE);
        }

        @Test
        void teacherRoleMustBeAtTheGroupsSchool() {
            World.School norr = world.school("Norrskolan");
            anna.roles.clear();
            anna.role(norr, SchoolRoleKind.TEACHER);

            Decision decision = annaAboutMaths(POST).decide();

            assertOnlyFailure(decision, TEACHER, ROLE_TEACHER);
            assertThat(Messages.describe(check(decision, TEACHER, ROLE_TEACHER)))
                    .isEqualTo("Användaren har inte rollen Lärare på Solbackaskolan");
        }

        @Test
        void plainMemberOrFormerOwnerIsNoOwner() {
            World.Person bo = world.person("Bo").teacherAt(solbacka);
            maths.member(bo);
            World.Group ended = world.teachingGroup("9B Matematik", solbacka).owner(anna, world.until(YESTERDAY));

            Decision member = bo.asks().toRead(POST).aboutGroup(maths).decide();
            Decision formerOwner = anna.asks().toRead(POST).aboutGroup(ended).decide();

            assertOnlyFailure(member, TEACHER, OWNS_TEACHING_GROUP);
            assertThat(check(member, TEACHER, OWNS_TEACHING_GROUP).detail()).isEqualTo("notOwner");
            assertThat(Messages.describe(check(member, TEACHER, OWNS_TEACHING_GROUP), Locale.ENGLISH))
                    .isEqualTo("The user is not an active owner of the group 9A Matematik");
            assertOnlyFailure(formerOwner, TEACHER, OWNS_TEACHING_GROUP);
            assertThat(check(formerOwner, TEACHER, OWNS_TEACHING_GROUP).detail()).isEqualTo("notOwner");
        }

        @Test
        void ownershipEndingTodayStillCounts() {
            World.Group endingToday = world.teachingGroup("9C Matematik", solbacka).owner(anna, world.until(TODAY));

            assertThat(anna.asks().toRead(POST).aboutGroup(endingToday).decide().allowed()).isTrue();
        }

        @Test
        void mentorGroupIsNoTeachingGroup() {
            mentorGroup.owner(anna);

            Decision decision = anna.asks().toRead(POST).aboutGroup(mentorGroup).decide();

            assertOnlyFailure(decision, TEACHER, OWNS_TEACHING_GROUP);
            assertThat(check(decision, TEACHER, OWNS_TEACHING_GROUP).detail()).isEqualTo("wrongKind");
        }

        @Test
        void archivedGroupIsNotWorkedInAndDisconnectedGivesNoAccess() {
            World.Group disconnected = world.teachingGroup("9B Matematik", solbacka).owner(anna).disconnected();
            maths.archived();

            Decision archived = anna.asks().toWrite(POST).aboutGroup(maths).decide();
            Decision notConnected = anna.asks().toRead(POST).aboutGroup(disconnected).decide();

            // Reading an archived group is its history (H1, HistoryRulesTest); nobody works in it any longer.
            assertOnlyFailure(archived, TEACHER, OWNS_TEACHING_GROUP);
            assertThat(check(archived, TEACHER, OWNS_TEACHING_GROUP).detail()).isEqualTo("archived");
            assertOnlyFailure(notConnected, TEACHER, OWNS_TEACHING_GROUP);
            assertThat(Messages.describe(check(notConnected, TEACHER, OWNS_TEACHING_GROUP)))
                    .isEqualTo("Gruppen 9B Matematik är inte ansluten");
        }

        @Test
        void groupOfAnotherTenantIsDenied() {
            maths.inTenant(World.OTHER_TENANT);

            Decision decision = annaAboutMaths(POST).decide();

            assertOnlyFailure(decision, TEACHER, SAME_TENANT);
            assertThat(Messages.describe(check(decision, TEACHER, SAME_TENANT)))
                    .isEqualTo("Användaren och gruppen tillhör inte samma organisation (Microsoft-miljö)");
        }

        @Test
        void actorOrTokenOfAnotherTenantIsDenied() {
            AccessQuestion otherToken = AccessQuestion.aboutGroup(Actor.person(anna.id, World.OTHER_TENANT), POST,
                    Operation.READ, maths.id, null);

            assertOnlyFailure(new AccessRules().decide(otherToken, world.snapshot(anna, null, maths.id), TODAY),
                    TEACHER, SAME_TENANT);
            anna.inTenant(World.OTHER_TENANT);
            assertOnlyFailure(annaAboutMaths(POST).decide(), TEACHER, SAME_TENANT);
        }

        @Test
        void groupTheSnapshotDoesNotKnowIsDenied() {
            UUID unknown = UUID.randomUUID();

            Decision decision = anna.asks().toRead(POST).aboutGroupId(unknown).decide();

            assertThat(decision.allowed()).isFalse();
            assertThat(path(decision, TEACHER).failingCodes()).containsExactly(SAME_TENANT, ROLE_TEACHER,
                    OWNS_TEACHING_GROUP);
            assertThat(check(decision, TEACHER, ROLE_TEACHER).detail()).isEqualTo("unknownGroup");
            assertThat(Messages.describe(check(decision, TEACHER, OWNS_TEACHING_GROUP), Locale.ENGLISH))
                    .isEqualTo("The group " + unknown + " is not known");
        }

        @Test
        void mentorReadsAndWritesPostsAndAssignmentsOfHisMentorGroup() {
            Decision read = mats.asks().toRead(ASSIGNMENT).aboutGroup(mentorGroup).decide();
            Decision write = mats.asks().toWrite(POST).aboutGroup(mentorGroup).decide();

            assertThat(read.allowed()).isTrue();
            assertThat(read.allowingPath()).get().extracting(p -> p.path()).isEqualTo(MENTOR);
            assertThat(path(read, MENTOR).checks()).extracting(PrerequisiteCheck::code)
                    .containsExactly(OPERATION_ALLOWED, SAME_TENANT, LICENCE, ROLE_MENTOR, OWNS_MENTOR_GROUP);
            assertThat(Messages.describe(check(read, MENTOR, OWNS_MENTOR_GROUP)))
                    .isEqualTo("Användaren är ägare till den anslutna mentorsgruppen Mentorsgrupp 9A på Solbackaskolan");
            assertThat(write.allowed()).isTrue();
        }

        @Test
        void mentorNeedsTheMentorRoleAndAMentorGroupHeOwns() {
            World.Person maja = world.person("Maja").mentorAt(solbacka);
            maths.owner(mats);
            Decision notOwner = maja.asks().toRead(POST).aboutGroup(mentorGroup).decide();
            Decision teachingGroup = mats.asks().toRead(POST).aboutGroup(maths).decide();
            mats.roles.clear();
            mats.role(solbacka, SchoolRoleKind.TEACHER);
            Decision noMentorRole = mats.asks().toRead(POST).aboutGroup(mentorGroup).decide();

            assertOnlyFailure(notOwner, MENTOR, OWNS_MENTOR_GROUP);
            assertThat(check(notOwner, MENTOR, OWNS_MENTOR_GROUP).detail()).isEqualTo("notOwner");
            assertOnlyFailure(teachingGroup, MENTOR, OWNS_MENTOR_GROUP);
            assertThat(check(teachingGroup, MENTOR, OWNS_MENTOR_GROUP).detail()).isEqualTo("wrongKind");
            assertOnlyFailure(noMentorRole, MENTOR, ROLE_MENTOR);
        }

        @Test
        void archivedMentorGroupEndsAccess() {
            mentorGroup.archived();

            Decision decision = mats.asks().toRead(POST).aboutGroup(mentorGroup).decide();

            assertOnlyFailure(decision, MENTOR, OWNS_MENTOR_GROUP);
            assertThat(check(decision, MENTOR, OWNS_MENTOR_GROUP).detail()).isEqualTo("archived");
        }

        @Test
        void studentMemberReadsPostsAndPublishedAssignments() {
            Decision posts = elin.asks().toRead(POST).aboutGroup(maths).decide();
            Decision published = elin.asks().toRead(ASSIGNMENT).aboutGroup(maths).item(ItemFacts.publication(true))
                    .decide();

            assertThat(posts.allowed()).isTrue();
            assertThat(posts.allowingPath()).get().extracting(p -> p.path()).isEqualTo(STUDENT);
            assertThat(path(posts, STUDENT).checks()).extracting(PrerequisiteCheck::code)
                    .containsExactly(OPERATION_ALLOWED, SAME_TENANT, LICENCE, ROLE_STUDENT, MEMBER_OF_LINKED_GROUP);
            assertThat(Messages.describe(check(posts, STUDENT, MEMBER_OF_LINKED_GROUP)))
                    .isEqualTo("Användaren är aktiv medlem i den anslutna gruppen 9A Matematik");
            assertThat(published.allowed()).isTrue();
            assertThat(path(published, STUDENT).checks()).extracting(PrerequisiteCheck::code)
                    .containsExactly(OPERATION_ALLOWED, SAME_TENANT, LICENCE, ROLE_STUDENT, MEMBER_OF_LINKED_GROUP,
                            PUBLISHED);
        }

        @Test
        void studentSeesNoDraftOrUnknownAssignment() {
            Decision draft = elin.asks().toRead(ASSIGNMENT).aboutGroup(maths).item(ItemFacts.publication(false)).decide();
            Decision unknown = elin.asks().toRead(ASSIGNMENT).aboutGroup(maths).decide();

            assertOnlyFailure(draft, STUDENT, PUBLISHED);
            assertThat(check(draft, STUDENT, PUBLISHED).detail()).isEqualTo("draft");
            assertOnlyFailure(unknown, STUDENT, PUBLISHED);
            assertThat(check(unknown, STUDENT, PUBLISHED).detail()).isEqualTo("unknown");
        }

        @Test
        void studentNeverWrites() {
            Decision decision = elin.asks().toWrite(POST).aboutGroup(maths).decide();

            assertOnlyFailure(decision, STUDENT, OPERATION_ALLOWED);
            assertThat(Messages.describe(check(decision, STUDENT, OPERATION_ALLOWED)))
                    .isEqualTo("En elev får inte skriva inlägg");
        }

        @Test
        void studentMustBeAnActiveMemberOfTheConnectedGroup() {
            World.Group other = world.teachingGroup("9B Engelska", solbacka);
            World.Group left = world.teachingGroup("9C Svenska", solbacka).member(elin, world.until(YESTERDAY));
            World.Group owned = world.teachingGroup("9D Bild", solbacka).owner(elin);

            Decision notMember = elin.asks().toRead(POST).aboutGroup(other).decide();

            assertOnlyFailure(notMember, STUDENT, MEMBER_OF_LINKED_GROUP);
            assertThat(check(notMember, STUDENT, MEMBER_OF_LINKED_GROUP).detail()).isEqualTo("notMember");
            assertThat(Messages.describe(check(notMember, STUDENT, MEMBER_OF_LINKED_GROUP), Locale.ENGLISH))
                    .isEqualTo("The user is not an active member of the group 9B Engelska");
            assertOnlyFailure(elin.asks().toRead(POST).aboutGroup(left).decide(), STUDENT, MEMBER_OF_LINKED_GROUP);
            assertOnlyFailure(elin.asks().toRead(POST).aboutGroup(owned).decide(), STUDENT, MEMBER_OF_LINKED_GROUP);
            maths.archived();
            assertThat(check(elin.asks().toRead(POST).aboutGroup(maths).decide(), STUDENT, MEMBER_OF_LINKED_GROUP)
                    .detail()).isEqualTo("archived");
        }

        @Test
        void studentNeedsLicenceAndStudentRoleAtTheGroupsSchool() {
            World.Person olle = world.person("Olle").studentLicence().role(world.school("Norrskolan"),
                    SchoolRoleKind.STUDENT);
            World.Person klara = world.person("Klara").role(solbacka, SchoolRoleKind.STUDENT);
            maths.member(olle).member(klara);

            assertOnlyFailure(olle.asks().toRead(POST).aboutGroup(maths).decide(), STUDENT, ROLE_STUDENT);
            assertOnlyFailure(klara.asks().toRead(POST).aboutGroup(maths).decide(), STUDENT, LICENCE);
        }

        @Test
        void protectedStudentSeesHerGroupsPostsLikeAnyMember() {
            World.Person sara = world.person("Sara").studentAt(solbacka).protectedIdentity();
            maths.member(sara);

            assertThat(sara.asks().toRead(POST).aboutGroup(maths).decide().allowed()).isTrue();
        }

        @Test
        void guardianIsAskedToChooseAChild() {
            Decision decision = gustav.asks().toRead(POST).aboutGroup(maths).decide();

            assertThat(decision.allowed()).isFalse();
            assertThat(path(decision, GUARDIAN).checks()).extracting(PrerequisiteCheck::code)
                    .containsExactly(OPERATION_ALLOWED, SAME_TENANT, GUARDIAN_LINK, GUARDIAN_LOGIN);
            assertThat(path(decision, GUARDIAN).failingCodes()).containsExactly(GUARDIAN_LINK);
            assertThat(decision.failingCodes()).containsExactly(GUARDIAN_LINK);
            PrerequisiteCheck link = check(decision, GUARDIAN, GUARDIAN_LINK);
            assertThat(link.detail()).isEqualTo("noChild");
            assertThat(Messages.describe(link)).startsWith("Välj vilket barn det gäller");
            assertThat(Messages.describe(link, Locale.ENGLISH)).startsWith("Choose which child this is about");
            assertThat(gustav.asks().toRead(POST).of(elin).in(maths).decide().allowed())
                    .as("the same question about his child").isTrue();
        }

        @Test
        void guardianNeverWrites() {
            Decision decision = gustav.asks().toWrite(ASSIGNMENT).aboutGroup(maths).decide();

            assertThat(path(decision, GUARDIAN).failingCodes()).containsExactly(OPERATION_ALLOWED, GUARDIAN_LINK);
        }

        @Test
        void applicationReadsWithThePermissionOfThatKindInItsOwnTenantOnly() {
            Decision posts = world.application(World.TENANT, "Posts.Read.All").toRead(POST).aboutGroup(maths).decide();
            Decision write = world.application(World.TENANT, "Posts.Read.All").toWrite(POST).aboutGroup(maths).decide();
            Decision assignments = world.application(World.TENANT, "Posts.ReadWrite.All").toRead(ASSIGNMENT)
                    .aboutGroup(maths).decide();
            Decision otherTenant = world.application(World.OTHER_TENANT, "Posts.Read.All").toRead(POST)
                    .aboutGroup(maths).decide();

            assertThat(posts.allowed()).isTrue();
            assertThat(posts.paths()).extracting(p -> p.path()).containsExactly(APPLICATION);
            assertOnlyFailure(write, APPLICATION, APPLICATION_PERMISSION);
            assertOnlyFailure(assignments, APPLICATION, APPLICATION_PERMISSION);
            assertOnlyFailure(otherTenant, APPLICATION, SAME_TENANT);
            maths.inTenant(World.OTHER_TENANT);
            assertOnlyFailure(world.application(World.TENANT, "Posts.Read.All").toRead(POST).aboutGroup(maths).decide(),
                    APPLICATION, SAME_TENANT);
        }

        @Test
        void factsMustMatchTheLevelOfTheQuestion() {
            AccessQuestion groupLevel = annaAboutMaths(POST).question();
            AccessQuestion studentLevel = anna.asks().toRead(POST).of(elin).in(maths).question();
            AccessFacts withStudent = world.snapshot(anna, elin, maths.id);
            AccessFacts withoutStudent = world.snapshot(anna, null, maths.id);
            AccessRules rules = new AccessRules();

            assertThatThrownBy(() -> rules.decide(groupLevel, withStudent, TODAY))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> rules.decide(studentLevel, withoutStudent, TODAY))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void argumentsNameNoPersonalData() {
            Decision decision = gustav.asks().toRead(ASSIGNMENT).aboutGroup(maths).decide();

            for (var evaluation : decision.paths()) {
                for (PrerequisiteCheck check : evaluation.checks()) {
                    assertThat(check.args().keySet()).isSubsetOf(List.of("group", "school", "syllabus", "licence",
                            "permission", "path", "kind", "operation", "detail"));
                    assertThat(check.args().values()).doesNotContain(elin.name, elin.id.toString(), gustav.id.toString());
                }
            }
        }
    }

    @Test
    void argumentsNameNoPersonalData() {
        Decision decision = gustav.asks().toRead(ASSESSMENT).of(elin).assessment(MATMAT01C, false).decide();

        for (var evaluation : decision.paths()) {
            for (PrerequisiteCheck check : evaluation.checks()) {
                assertThat(check.args().keySet()).isSubsetOf(List.of("group", "school", "syllabus", "licence",
                        "permission", "path", "kind", "operation", "detail"));
                assertThat(check.args().values()).doesNotContain(elin.name, elin.id.toString());
            }
        }
    }

    /** Choice 17: the mentor offers talk times in the mentor group, guardians (or the student) book one. */
    @Nested
    class TalkBookings {

        @Test
        void theMentorOffersTimesInTheMentorGroupAndNoTeacherDoes() {
            World.Group annasMentorGroup = world.mentorGroup("Mentorsgrupp 9B", solbacka).owner(anna);
            anna.mentorAt(solbacka);

            assertThat(mats.asks().toWrite(TALK_OFFER).aboutGroup(mentorGroup).decide().allowed()).isTrue();
            assertThat(anna.asks().toWrite(TALK_OFFER).aboutGroup(annasMentorGroup).decide().allowed())
                    .as("as the mentor of her own mentor group").isTrue();
            Decision teacher = anna.asks().toWrite(TALK_OFFER).aboutGroup(maths).decide();
            assertThat(teacher.allowed()).as("a teaching group has no talk times").isFalse();
            assertThat(path(teacher, TEACHER).failingCodes()).contains(OPERATION_ALLOWED);
            assertOnlyFailure(mats.asks().toWrite(TALK_OFFER).aboutGroup(annasMentorGroup).decide(), MENTOR,
                    OWNS_MENTOR_GROUP);
        }

        @Test
        void membersReadTheTimesOfferedButOnlyTheMentorWritesThem() {
            assertThat(elin.asks().toRead(TALK_OFFER).aboutGroup(mentorGroup).decide().allowed()).isTrue();
            assertOnlyFailure(elin.asks().toWrite(TALK_OFFER).aboutGroup(mentorGroup).decide(), STUDENT,
                    OPERATION_ALLOWED);
            assertThat(gustav.asks().toRead(TALK_OFFER).of(elin).in(mentorGroup).decide().allowed()).isTrue();
            assertOnlyFailure(gustav.asks().toWrite(TALK_OFFER).of(elin).in(mentorGroup).decide(), GUARDIAN,
                    OPERATION_ALLOWED);
        }

        @Test
        void aLinkedGuardianWithALoginBooksForTheirChildInTheMentorGroup() {
            Decision booking = gustav.asks().toWrite(TALK_BOOKING).of(elin).in(mentorGroup).decide();

            assertThat(booking.allowed()).isTrue();
            assertThat(path(booking, GUARDIAN).checks()).extracting(PrerequisiteCheck::code)
                    .containsExactly(OPERATION_ALLOWED, SAME_TENANT, GUARDIAN_LINK, GUARDIAN_LOGIN,
                            CHILD_HAS_ROLE_AT_SCHOOL, CHILD_MEMBER_OF_GROUP);
            assertThat(mats.asks().toWrite(TALK_BOOKING).of(elin).in(mentorGroup).decide().allowed()).isTrue();
            assertOnlyFailure(anna.asks().toRead(TALK_BOOKING).of(elin).in(maths).decide(), TEACHER, OPERATION_ALLOWED);
        }

        @Test
        void aGuardianWhoseLinkEndedOrWithoutALoginBooksNothing() {
            World.Person karin = world.person("Karin").guardianLogin();
            world.guardianLink(karin, elin).valid(world.until(YESTERDAY));
            World.Person nils = world.person("Nils");
            world.guardianLink(nils, elin);

            assertOnlyFailure(karin.asks().toWrite(TALK_BOOKING).of(elin).in(mentorGroup).decide(), GUARDIAN,
                    GUARDIAN_LINK);
            assertOnlyFailure(nils.asks().toWrite(TALK_BOOKING).of(elin).in(mentorGroup).decide(), GUARDIAN,
                    GUARDIAN_LOGIN);
        }

        @Test
        void theStudentBooksOnlyTheirOwnTalkAndOnlyInTheirGroup() {
            World.Person ali = world.person("Ali").studentAt(solbacka);
            mentorGroup.member(ali);
            World.Group otherMentorGroup = world.mentorGroup("Mentorsgrupp 9C", solbacka).owner(mats);

            assertThat(elin.asks().toWrite(TALK_BOOKING).of(elin).in(mentorGroup).decide().allowed()).isTrue();
            assertOnlyFailure(ali.asks().toRead(TALK_BOOKING).of(elin).in(mentorGroup).decide(), STUDENT,
                    MEMBER_OF_LINKED_GROUP);
            assertOnlyFailure(elin.asks().toWrite(TALK_BOOKING).of(elin).in(otherMentorGroup).decide(), STUDENT,
                    MEMBER_OF_LINKED_GROUP);
        }

        @Test
        void aBookingIsNeverAskedAboutAtGroupLevel() {
            assertThatThrownBy(() -> AccessQuestion.aboutGroup(Actor.person(mats.id, World.TENANT), TALK_BOOKING,
                    Operation.READ, mentorGroup.id, null)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
