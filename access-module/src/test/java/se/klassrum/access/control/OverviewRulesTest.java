package se.klassrum.access.control;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.access.api.DataKind.ASSIGNMENT;
import static se.klassrum.access.api.DataKind.DEVELOPMENT_TALK;
import static se.klassrum.access.api.DataKind.POST;
import static se.klassrum.access.api.DataKind.SUBMISSION;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.Messages;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.Verdict;

/**
 * The development overview (utvecklingsöversikt, docs/ACCESS-RULES.md rules H2, H3 and S4): Elin moved from
 * Solbackaskolan to Norrskolan this term. Her old maths group is archived and she left last year's English group
 * before it ended; her guardian Gustav signs in through the guardian portal.
 */
class OverviewRulesTest {

    static final LocalDate TODAY = LocalDate.of(2025, 8, 20);
    static final LocalDate YESTERDAY = TODAY.minusDays(1);
    static final LocalDate TOMORROW = TODAY.plusDays(1);

    World world;
    World.School solbacka;
    World.School norr;
    World.Person elin;
    World.Person gustav;
    World.Group oldMaths;
    World.Group leftEnglish;
    World.Group mentorGroup;

    @BeforeEach
    void elinMovedSchool() {
        world = World.on(TODAY);
        solbacka = world.school("Solbackaskolan");
        norr = world.school("Norrskolan");
        elin = world.person("Elin").studentLicence().role(solbacka, SchoolRoleKind.STUDENT, world.until(YESTERDAY))
                .role(norr, SchoolRoleKind.STUDENT, world.from(TODAY)).born(LocalDate.of(2011, 5, 4));
        gustav = world.person("Gustav").guardianLogin();
        world.guardianLink(gustav, elin);
        World.Person anna = world.person("Anna").teacherAt(solbacka);
        oldMaths = world.teachingGroup("8A Matematik", solbacka).owner(anna).member(elin, world.until(YESTERDAY))
                .archived();
        leftEnglish = world.teachingGroup("8A Engelska", solbacka).owner(anna).member(elin, world.until(YESTERDAY));
        mentorGroup = world.mentorGroup("Mentorsgrupp 8A", solbacka).owner(anna).member(elin, world.until(YESTERDAY))
                .archived();
    }

    private World.Question assessedWork(World.Question question, DataKind kind, World.Group group) {
        return question.toRead(kind).of(elin).in(group).item(ItemFacts.assessedWork(elin.id));
    }

    @Test
    void theStudentReachesHerAssessedWorkFromArchivedGroupsAndGroupsSheLeft() {
        for (World.Group group : List.of(oldMaths, leftEnglish)) {
            for (DataKind kind : List.of(ASSIGNMENT, SUBMISSION)) {
                assertThat(assessedWork(elin.asks(), kind, group).decide().allowed()).as("%s in %s", kind, group.name)
                        .isTrue();
            }
        }
    }

    @Test
    void aGuardianReachesTheSameUnderTheGuardianRules() {
        for (World.Group group : List.of(oldMaths, leftEnglish)) {
            for (DataKind kind : List.of(ASSIGNMENT, SUBMISSION)) {
                assertThat(assessedWork(gustav.asksThroughGuardianLogin(), kind, group).decide().allowed())
                        .as("%s in %s", kind, group.name).isTrue();
                assertThat(assessedWork(gustav.asks(), kind, group).decide().allowed()).isTrue();
            }
        }
    }

    @Test
    void theOverviewExplainsItselfAndIsReadOnly() {
        Decision read = assessedWork(elin.asks(), SUBMISSION, oldMaths).decide();
        Decision write = elin.asks().toWrite(SUBMISSION).of(elin).in(oldMaths).item(ItemFacts.assessedWork(elin.id))
                .decide();

        assertThat(read.allowingPath()).get().extracting(p -> p.path()).isEqualTo(AccessPath.OVERVIEW);
        assertThat(Messages.describe(World.check(read, AccessPath.OVERVIEW, Prerequisite.WAS_MEMBER_OF_GROUP)))
                .isEqualTo("Eleven var medlem i gruppen 8A Matematik");
        assertThat(write.allowed()).isFalse();
        assertThat(World.path(write, AccessPath.OVERVIEW).failingCodes()).containsExactly(Prerequisite.OPERATION_ALLOWED);
    }

    @Test
    void onlyAssessedWorkNotPostsTalksOrOtherAssignments() {
        ItemFacts ungraded = new ItemFacts(null, true, elin.id);

        assertThat(elin.asks().toRead(SUBMISSION).of(elin).in(oldMaths).item(ungraded).decide().allowed()).isFalse();
        assertThat(elin.asks().toRead(ASSIGNMENT).of(elin).in(oldMaths).item(ItemFacts.publication(true)).decide()
                .allowed()).isFalse();
        assertThat(elin.asks().toRead(POST).of(elin).in(oldMaths).decide().allowed()).as("old posts").isFalse();
        assertThat(elin.asks().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup).decide().allowed()).as("old talks")
                .isFalse();
        assertThat(gustav.asksThroughGuardianLogin().toRead(DEVELOPMENT_TALK).of(elin).in(mentorGroup)
                .talk(world.talkInviting(gustav)).decide().allowed()).as("old talks, even one he was invited to").isFalse();
        Decision ungradedDecision = elin.asks().toRead(SUBMISSION).of(elin).in(oldMaths).item(ungraded).decide();
        assertThat(World.path(ungradedDecision, AccessPath.OVERVIEW).failingCodes())
                .containsExactly(Prerequisite.ASSESSED_WORK);
    }

    @Test
    void onlyTheStudentsOwnWorkAndOnlyFromGroupsSheWasIn() {
        World.Person olle = world.person("Olle").studentAt(norr);
        oldMaths.member(olle, world.until(YESTERDAY));
        World.Group neverIn = world.teachingGroup("9B Matematik", solbacka).archived();
        World.Group startsTomorrow = world.teachingGroup("1A Matematik", norr).member(elin, world.from(TOMORROW));

        assertThat(olle.asks().toRead(SUBMISSION).of(elin).in(oldMaths).item(ItemFacts.assessedWork(elin.id)).decide()
                .allowed()).as("a classmate").isFalse();
        assertThat(assessedWork(elin.asks(), SUBMISSION, neverIn).decide().allowed()).isFalse();
        assertThat(assessedWork(elin.asks(), SUBMISSION, startsTomorrow).decide().allowed()).isFalse();
    }

    @Test
    void theOverviewEndsWhenTheStudentStudiesNowhereInTheOrganisation() {
        elin.roles.clear();
        elin.role(solbacka, SchoolRoleKind.STUDENT, world.until(YESTERDAY));

        assertThat(assessedWork(elin.asks(), SUBMISSION, oldMaths).decide().allowed()).isFalse();
        assertThat(assessedWork(gustav.asksThroughGuardianLogin(), SUBMISSION, oldMaths).decide().allowed()).isFalse();
    }

    @Test
    void theStudentNeedsHerLicenceAndTheGuardianAnActiveLinkAndLogin() {
        World.Person ebba = world.person("Ebba");
        world.guardianLink(ebba, elin);
        World.Person otto = world.person("Otto").guardianLogin();
        world.guardianLink(otto, elin).inactive();
        elin.licences.clear();

        assertThat(assessedWork(elin.asks(), SUBMISSION, oldMaths).decide().allowed()).as("no licence").isFalse();
        assertThat(assessedWork(ebba.asks(), SUBMISSION, oldMaths).decide().allowed()).as("no login").isFalse();
        assertThat(assessedWork(otto.asks(), SUBMISSION, oldMaths).decide().allowed()).as("link deactivated").isFalse();
    }

    @Test
    void theActiveMentorAtTheSchoolReadsEarlierAssessedWorkFromTeachingGroupsThere() {
        // Back at Solbackaskolan: Elin returns this term, and Mats is her mentor now.
        elin.role(solbacka, SchoolRoleKind.STUDENT, world.from(TODAY));
        World.Person mats = world.person("Mats").mentorAt(solbacka);
        world.mentorGroup("Mentorsgrupp 9A", solbacka).owner(mats).member(elin, world.from(TODAY));
        World.Group current = world.teachingGroup("9A Matematik", solbacka).member(elin);

        for (World.Group earlier : List.of(oldMaths, leftEnglish)) {
            Decision decision = assessedWork(mats.asks(), SUBMISSION, earlier).decide();
            assertThat(decision.allowingPath()).as(earlier.name).get().extracting(p -> p.path())
                    .isEqualTo(AccessPath.MENTOR_HISTORY);
        }
        assertThat(assessedWork(mats.asks(), SUBMISSION, current).decide().allowed()).as("current work").isFalse();
        assertThat(World.check(assessedWork(mats.asks(), SUBMISSION, current).decide(), AccessPath.MENTOR_HISTORY,
                Prerequisite.EARLIER_TEACHING_GROUP).detail()).isEqualTo("current");
        assertThat(mats.asks().toRead(POST).of(elin).in(oldMaths).decide().allowed()).as("old posts").isFalse();
        assertThat(mats.asks().toRead(SUBMISSION).of(elin).in(oldMaths).item(new ItemFacts(null, true, elin.id))
                .decide().allowed()).as("work that is not assessed").isFalse();
        assertThat(mats.asks().toWrite(SUBMISSION).of(elin).in(oldMaths).item(ItemFacts.assessedWork(elin.id))
                .decide().allowed()).as("read only").isFalse();
        assertThat(assessedWork(mats.asks(), SUBMISSION, mentorGroup).decide().allowed()).as("a mentor group")
                .isFalse();
    }

    @Test
    void aMentorAtAnotherSchoolOrAnEarlierMentorDoesNotReadIt() {
        World.Person nils = world.person("Nils").mentorAt(norr);
        world.mentorGroup("Mentorsgrupp 1A", norr).owner(nils).member(elin, world.from(TODAY));
        World.Person mats = world.person("Mats").mentorAt(solbacka);
        world.mentorGroup("Mentorsgrupp 8B", solbacka).owner(mats).member(elin, world.until(YESTERDAY));

        assertThat(assessedWork(nils.asks(), SUBMISSION, oldMaths).decide().allowed()).as("new school").isFalse();
        assertThat(assessedWork(mats.asks(), SUBMISSION, oldMaths).decide().allowed()).as("earlier mentor").isFalse();
    }

    @Test
    void teachersDoNotOpenTheOverview() {
        World.Person nils = world.person("Nils").teacherAt(norr);
        world.mentorGroup("Mentorsgrupp 1A", norr).owner(nils).member(elin, world.from(TODAY));

        assertThat(assessedWork(nils.asks(), SUBMISSION, leftEnglish).decide().allowed()).isFalse();
    }

    @Test
    void assessedWorkOfAnotherTenantsGroupIsNotReached() {
        World.Group foreign = world.teachingGroup("Främmande", solbacka).inTenant(World.OTHER_TENANT)
                .member(elin, world.until(YESTERDAY)).archived();

        assertThat(assessedWork(elin.asks(), SUBMISSION, foreign).decide().allowed()).isFalse();
    }

    /**
     * The overview as a list of its own (Verdict.through its three paths): the teacher who owns Elin's current group
     * reads her returned work there through the teacher's path, but not in her overview; Elin and Gustav do.
     */
    @Test
    void throughTheOverviewsPathsOnlyTheStudentHerGuardianAndHerMentorSeeTheWork() {
        elin.role(solbacka, SchoolRoleKind.STUDENT, world.from(TODAY));
        World.Person maja = world.person("Maja").teacherAt(solbacka);
        World.Group current = world.teachingGroup("9A Matematik", solbacka).owner(maja).member(elin);
        Set<AccessPath> overview = EnumSet.of(AccessPath.OVERVIEW, AccessPath.GUARDIAN_OVERVIEW, AccessPath.MENTOR_HISTORY);

        Decision teacher = assessedWork(maja.asks(), SUBMISSION, current).decide();
        assertThat(teacher.allowed()).as("the teacher's own group").isTrue();
        Verdict inOverview = Verdict.through(teacher, overview);
        assertThat(inOverview.allowed()).as("not in the overview").isFalse();
        assertThat(inOverview.failingCodes()).isNotEmpty();

        for (World.Group group : List.of(current, oldMaths, leftEnglish)) {
            assertThat(Verdict.through(assessedWork(elin.asks(), SUBMISSION, group).decide(), overview).allowed())
                    .as("Elin, %s", group.name).isTrue();
            assertThat(Verdict.through(assessedWork(gustav.asksThroughGuardianLogin(), SUBMISSION, group).decide(),
                    overview).allowed()).as("Gustav, %s", group.name).isTrue();
        }
        Decision classmate = assessedWork(world.person("Olle").studentAt(solbacka).asks(), SUBMISSION, oldMaths).decide();
        assertThat(Verdict.through(classmate, overview).failingCodes()).isEqualTo(
                classmate.paths().stream().filter(p -> overview.contains(p.path()))
                        .min(java.util.Comparator.comparingInt(p -> p.failedCount())).orElseThrow().failingCodes());
    }
}
