package se.klassrum.access.control;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.access.api.DataKind.ASSESSMENT;
import static se.klassrum.access.api.DataKind.DEVELOPMENT_TALK;
import static se.klassrum.access.api.DataKind.POST;
import static se.klassrum.access.api.DataKind.SUBMISSION;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.Messages;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.SchoolRoleKind;

/**
 * Earlier assessments follow the subject (docs/ACCESS-RULES.md section 6, rules S1 to S3): Elin studied Ma1 and
 * Sv1 at Solbackaskolan last year in groups that are now archived; this year she reads Ma2.
 */
class SubjectRulesTest {

    static final LocalDate TODAY = LocalDate.of(2025, 8, 20);
    static final LocalDate YESTERDAY = TODAY.minusDays(1);
    static final UUID MAT = AccessRulesTest.MAT;
    static final UUID SVE = AccessRulesTest.SVE;
    static final World.Syllabus MA1 = AccessRulesTest.MATMAT01C;
    static final World.Syllabus MA2 = AccessRulesTest.MATMAT02C;
    static final World.Syllabus SV1 = AccessRulesTest.SVESVE01;

    World world;
    World.School solbacka;
    World.School norr;
    World.Person elin;
    World.Person anna;
    World.Group oldMa1;
    World.Group oldSv1;

    @BeforeEach
    void lastYearAtSolbacka() {
        world = World.on(TODAY);
        solbacka = world.school("Solbackaskolan");
        norr = world.school("Norrskolan");
        elin = world.person("Elin").studentLicence();
        anna = world.person("Anna").teacherAt(solbacka).subject(solbacka, MAT).subject(solbacka, SVE);
        oldMa1 = world.teachingGroup("8A Ma1", solbacka).syllabus(MA1).owner(anna).member(elin).archived();
        oldSv1 = world.teachingGroup("8A Sv1", solbacka).syllabus(SV1).owner(anna).member(elin).archived();
    }

    /** S1: Elin still studies at Solbackaskolan, where Bo teaches her Ma2 this year. */
    @Nested
    class SameSchool {

        World.Person bo;
        World.Group ma2;

        @BeforeEach
        void elinReadsMa2WithBo() {
            elin.role(solbacka, SchoolRoleKind.STUDENT);
            bo = world.person("Bo").teacherAt(solbacka).subject(solbacka, MAT);
            ma2 = world.teachingGroup("9A Ma2", solbacka).syllabus(MA2).owner(bo).member(elin);
        }

        @Test
        void theMa2TeacherReadsHerEarlierPublishedMa1Assessment() {
            Decision decision = bo.asks().toRead(ASSESSMENT).of(elin).assessment(MA1, oldMa1, true).decide();

            assertThat(decision.allowed()).isTrue();
            assertThat(decision.allowingPath()).get().extracting(p -> p.path()).isEqualTo(AccessPath.SUBJECT_HISTORY);
            assertThat(Messages.describe(World.check(decision, AccessPath.SUBJECT_HISTORY, Prerequisite.EARLIER_ASSESSMENT)))
                    .isEqualTo("Omdömet gavs i en tidigare grupp för eleven på Solbackaskolan");
            assertThat(Messages.describe(World.check(decision, AccessPath.SUBJECT_HISTORY, Prerequisite.SAME_SUBJECT)))
                    .isEqualTo("Omdömets kursplan hör till ämnet för kursplanen MATMAT02c i gruppen 9A Ma2");
        }

        @Test
        void butNotADraftOfIt() {
            Decision decision = bo.asks().toRead(ASSESSMENT).of(elin).assessment(MA1, oldMa1, false).decide();

            assertThat(decision.allowed()).isFalse();
            assertThat(World.path(decision, AccessPath.SUBJECT_HISTORY).failingCodes())
                    .containsExactly(Prerequisite.EARLIER_PUBLISHED);
        }

        @Test
        void norAnEarlierAssessmentInAnotherSubject() {
            Decision decision = bo.asks().toRead(ASSESSMENT).of(elin).assessment(SV1, oldSv1, true).decide();

            assertThat(decision.allowed()).isFalse();
            assertThat(World.path(decision, AccessPath.SUBJECT_HISTORY).failingCodes())
                    .containsExactly(Prerequisite.SAME_SUBJECT);
        }

        @Test
        void aGroupSheLeftIsEarlierToo() {
            World.Group leftMa1 = world.teachingGroup("8B Ma1", solbacka).syllabus(MA1).owner(anna)
                    .member(elin, world.until(YESTERDAY));

            assertThat(bo.asks().toRead(ASSESSMENT).of(elin).assessment(MA1, leftMa1, true).decide().allowed()).isTrue();
        }

        @Test
        void aCurrentAssessmentInAnotherSyllabusIsItsTeachersNotHis() {
            World.Group currentMa1 = world.teachingGroup("9A Ma1", solbacka).syllabus(MA1).owner(anna).member(elin);

            assertThat(bo.asks().toRead(ASSESSMENT).of(elin).assessment(MA1, currentMa1, true).decide().allowed())
                    .isFalse();
        }

        @Test
        void onlyWhileHeIsLinkedToTheSubjectAndHisGroupIsCurrent() {
            World.Person cecilia = world.person("Cecilia").teacherAt(solbacka);
            world.teachingGroup("9B Ma2", solbacka).syllabus(MA2).owner(cecilia).member(elin);
            World.Person david = world.person("David").teacherAt(solbacka).subject(solbacka, MAT);
            world.teachingGroup("9C Ma2", solbacka).syllabus(MA2).owner(david).member(elin).archived();

            assertThat(cecilia.asks().toRead(ASSESSMENT).of(elin).assessment(MA1, oldMa1, true).decide().allowed())
                    .as("not linked to maths").isFalse();
            assertThat(david.asks().toRead(ASSESSMENT).of(elin).assessment(MA1, oldMa1, true).decide().allowed())
                    .as("his own group is archived").isFalse();
        }

        @Test
        void onlyAssessmentsFromThisSchoolAndOnlyReadingThem() {
            World.Group norrMa1 = world.teachingGroup("7A Ma1", norr).syllabus(MA1).member(elin).archived();

            assertThat(bo.asks().toRead(ASSESSMENT).of(elin).assessment(MA1, norrMa1, true).decide().allowed())
                    .as("an earlier Ma1 assessment from another school needs the same syllabus (S2)").isFalse();
            assertThat(bo.asks().toWrite(ASSESSMENT).of(elin).assessment(MA1, oldMa1, true).decide().allowed()).isFalse();
        }

        @Test
        void notOtherTeachersEarlierAssessedWorkNorEarlierPosts() {
            assertThat(bo.asks().toRead(SUBMISSION).of(elin).in(oldMa1).item(ItemFacts.assessedWork(elin.id)).decide()
                    .allowed()).isFalse();
            assertThat(bo.asks().toRead(POST).of(elin).in(oldMa1).decide().allowed()).isFalse();
        }

        @Test
        void theTeacherStillReadsDraftsSetThroughHisCurrentGroup() {
            assertThat(bo.asks().toRead(ASSESSMENT).of(elin).assessment(MA2, ma2, false).decide().allowed()).isTrue();
        }
    }

    /** S2 and S3: Elin has moved to Norrskolan; her STUDENT role at Solbackaskolan has ended. */
    @Nested
    class NewSchool {

        World.Person cecilia;
        World.Person mats;
        World.Group norrMa1;

        @BeforeEach
        void elinMovedToNorr() {
            elin.role(solbacka, SchoolRoleKind.STUDENT, world.until(YESTERDAY)).role(norr, SchoolRoleKind.STUDENT);
            cecilia = world.person("Cecilia").teacherAt(norr).subject(norr, MAT);
            norrMa1 = world.teachingGroup("9N Ma1", norr).syllabus(MA1).owner(cecilia).member(elin);
            mats = world.person("Mats").mentorAt(norr);
            world.mentorGroup("Mentorsgrupp 9N", norr).owner(mats).member(elin);
        }

        @Test
        void theNewTeacherReadsOnlyThePublishedAssessmentsOfHerOwnSyllabus() {
            World.Group oldMa2 = world.teachingGroup("8A Ma2", solbacka).syllabus(MA2).owner(anna).member(elin).archived();

            assertThat(cecilia.asks().toRead(ASSESSMENT).of(elin).assessment(MA1, oldMa1, true).decide().allowed())
                    .isTrue();
            Decision draft = cecilia.asks().toRead(ASSESSMENT).of(elin).assessment(MA1, oldMa1, false).decide();
            assertThat(draft.allowed()).as("an earlier draft").isFalse();
            assertThat(World.path(draft, AccessPath.TEACHER).failingCodes()).containsExactly(Prerequisite.EARLIER_PUBLISHED);
            assertThat(cecilia.asks().toRead(ASSESSMENT).of(elin).assessment(MA2, oldMa2, true).decide().allowed())
                    .as("same subject, another syllabus").isFalse();
        }

        @Test
        void theNewMentorReadsEarlierPublishedAssessmentsFromAnySchool() {
            assertThat(mats.asks().toRead(ASSESSMENT).of(elin).assessment(MA1, oldMa1, true).decide().allowed()).isTrue();
            assertThat(mats.asks().toRead(ASSESSMENT).of(elin).assessment(SV1, oldSv1, true).decide().allowed()).isTrue();
            Decision draft = mats.asks().toRead(ASSESSMENT).of(elin).assessment(SV1, oldSv1, false).decide();
            assertThat(draft.allowed()).as("an earlier draft").isFalse();
            assertThat(World.path(draft, AccessPath.MENTOR).failingCodes()).containsExactly(Prerequisite.EARLIER_PUBLISHED);
            assertThat(Messages.describe(World.check(draft, AccessPath.MENTOR, Prerequisite.EARLIER_PUBLISHED),
                    java.util.Locale.ENGLISH)).startsWith("Teachers and mentors see an earlier assessment");
            assertThat(mats.asks().toRead(ASSESSMENT).of(elin).assessment(MA1, norrMa1, false).decide().allowed())
                    .as("a current draft, as before").isTrue();
        }

        @Test
        void butNotOldHandInsPostsOrTalks() {
            World.Group oldMentorGroup = world.mentorGroup("Mentorsgrupp 8A", solbacka).owner(anna).member(elin).archived();

            assertThat(mats.asks().toRead(SUBMISSION).of(elin).in(oldMa1).item(ItemFacts.assessedWork(elin.id)).decide()
                    .allowed()).isFalse();
            assertThat(mats.asks().toRead(POST).of(elin).in(oldMa1).decide().allowed()).isFalse();
            assertThat(mats.asks().toRead(DEVELOPMENT_TALK).of(elin).in(oldMentorGroup).decide().allowed()).isFalse();
        }
    }
}
