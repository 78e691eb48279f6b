package se.klassrum.access.control;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.access.api.DataKind.ASSESSMENT;
import static se.klassrum.access.api.DataKind.ASSIGNMENT;
import static se.klassrum.access.api.DataKind.DEVELOPMENT_TALK;
import static se.klassrum.access.api.DataKind.POST;
import static se.klassrum.access.api.DataKind.STUDENT_PROFILE;
import static se.klassrum.access.api.DataKind.SUBMISSION;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.Messages;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.SchoolRoleKind;

/**
 * Read-only history through archived groups (docs/ACCESS-RULES.md, rule H1): teacher Anna still owns last year's
 * archived group 8A Matematik, of which Elin, still a student at the school, was a member.
 */
class HistoryRulesTest {

    static final LocalDate TODAY = LocalDate.of(2025, 8, 20);
    static final LocalDate YESTERDAY = TODAY.minusDays(1);
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    static final UUID MAT = UUID.randomUUID();
    static final World.Syllabus MATMAT01C = World.Syllabus.of("MATMAT01c", MAT);
    static final List<DataKind> HISTORY_KINDS = List.of(POST, ASSIGNMENT, SUBMISSION);

    World world;
    World.School solbacka;
    World.Person anna;
    World.Person elin;
    World.Person mats;
    World.Group lastYear;

    @BeforeEach
    void lastYearsGroupIsArchived() {
        world = World.on(TODAY);
        solbacka = world.school("Solbackaskolan");
        anna = world.person("Anna").teacherAt(solbacka).subject(solbacka, MAT);
        elin = world.person("Elin").studentAt(solbacka).born(LocalDate.of(2011, 5, 4));
        mats = world.person("Mats").mentorAt(solbacka);
        lastYear = world.teachingGroup("8A Matematik", solbacka).syllabus(MATMAT01C).owner(anna)
                .member(elin, world.until(YESTERDAY)).archived();
    }

    private World.Question annaReads(DataKind kind) {
        return anna.asks().toRead(kind).of(elin).in(lastYear).item(ItemFacts.publication(true));
    }

    @Test
    void ownerReadsPostsAssignmentsAndHandInsOfTheArchivedGroup() {
        for (DataKind kind : HISTORY_KINDS) {
            assertThat(annaReads(kind).decide().allowed()).as("%s", kind).isTrue();
        }
    }

    @Test
    void theHistoryPathAllowsAndExplainsWhyWritingIsRefused() {
        Decision read = annaReads(SUBMISSION).decide();
        Decision write = anna.asks().toWrite(POST).of(elin).in(lastYear).decide();

        assertThat(read.allowingPath()).get().extracting(p -> p.path()).isEqualTo(AccessPath.HISTORY);
        assertThat(Messages.describe(World.check(read, AccessPath.HISTORY, Prerequisite.OWNS_ARCHIVED_GROUP), Locale.ENGLISH))
                .isEqualTo("The user owns the archived teaching group 8A Matematik at Solbackaskolan, of which the student "
                        + "was a member: its history is read only");
        assertThat(World.path(write, AccessPath.HISTORY).failingCodes()).containsExactly(Prerequisite.OPERATION_ALLOWED);
        assertThat(Messages.describe(World.check(write, AccessPath.HISTORY, Prerequisite.OPERATION_ALLOWED)))
                .isEqualTo("En lärare som läser en arkiverad grupps historik får inte skriva inlägg");
    }

    @Test
    void withoutAFormerStudentAtTheSchoolTheGroupLevelExplanationSaysSo() {
        elin.roles.clear();

        Decision decision = anna.asks().toRead(POST).aboutGroup(lastYear).decide();

        assertThat(World.path(decision, AccessPath.HISTORY).failingCodes())
                .containsExactly(Prerequisite.FORMER_STUDENT_ACTIVE);
        assertThat(Messages.describe(World.check(decision, AccessPath.HISTORY, Prerequisite.FORMER_STUDENT_ACTIVE)))
                .isEqualTo("Ingen av de tidigare eleverna i gruppen 8A Matematik har längre rollen Elev på Solbackaskolan");
    }

    @Test
    void ownerReadsTheArchivedGroupAsAWhole() {
        assertThat(anna.asks().toRead(POST).aboutGroup(lastYear).decide().allowed()).isTrue();
        assertThat(anna.asks().toRead(ASSIGNMENT).aboutGroup(lastYear).item(ItemFacts.publication(true)).decide()
                .allowed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = DataKind.class, names = {"POST", "ASSIGNMENT", "SUBMISSION"})
    void nobodyWritesInAnArchivedGroup(DataKind kind) {
        World.Person gustav = world.person("Gustav").guardianLogin();
        world.guardianLink(gustav, elin);
        lastYear.owner(mats).member(elin);

        for (World.Person writer : List.of(anna, mats, elin, gustav)) {
            assertThat(writer.asks().toWrite(kind).of(elin).in(lastYear).decide().allowed()).as("%s", writer.name)
                    .isFalse();
        }
        if (kind.groupContent()) {
            assertThat(anna.asks().toWrite(kind).aboutGroup(lastYear).decide().allowed()).isFalse();
        }
    }

    @Test
    void historyEndsWhenTheStudentNoLongerStudiesAtTheSchool() {
        elin.roles.clear();
        elin.role(solbacka, SchoolRoleKind.STUDENT, world.until(YESTERDAY));

        for (DataKind kind : HISTORY_KINDS) {
            assertThat(annaReads(kind).decide().allowed()).as("%s", kind).isFalse();
        }
        assertThat(anna.asks().toRead(POST).aboutGroup(lastYear).decide().allowed())
                .as("no former student is still a student here").isFalse();
    }

    @Test
    void groupContentStaysReadableWhileAnyFormerStudentStillStudiesThere() {
        elin.roles.clear();
        World.Person olle = world.person("Olle").studentAt(solbacka);
        lastYear.member(olle, world.until(YESTERDAY));

        assertThat(anna.asks().toRead(POST).aboutGroup(lastYear).decide().allowed()).isTrue();
        assertThat(annaReads(POST).decide().allowed()).as("but not what concerns Elin").isFalse();
    }

    @Test
    void aStudentWhoWasNeverAMemberHasNoHistoryThere() {
        World.Person olle = world.person("Olle").studentAt(solbacka);
        World.Person nora = world.person("Nora").studentAt(solbacka);
        lastYear.member(nora, world.from(TOMORROW));

        assertThat(anna.asks().toRead(SUBMISSION).of(olle).in(lastYear).decide().allowed()).isFalse();
        assertThat(anna.asks().toRead(SUBMISSION).of(nora).in(lastYear).decide().allowed()).isFalse();
    }

    @Test
    void onlyAnOwnerWhoStillTeachesAtTheSchoolWithALicence() {
        World.Person bertil = world.person("Bertil").teacherAt(solbacka);
        World.Person cecilia = world.person("Cecilia").licence(se.klassrum.access.api.LicenceKind.TEACHER,
                world.until(YESTERDAY)).role(solbacka, SchoolRoleKind.TEACHER);
        World.Person david = world.person("David").teacherLicence().role(solbacka, SchoolRoleKind.TEACHER,
                world.until(YESTERDAY));
        World.Person erik = world.person("Erik").teacherAt(solbacka);
        lastYear.owner(cecilia).owner(david).owner(erik, world.until(YESTERDAY));

        for (World.Person teacher : List.of(bertil, cecilia, david, erik)) {
            assertThat(teacher.asks().toRead(POST).of(elin).in(lastYear).decide().allowed()).as("%s", teacher.name)
                    .isFalse();
        }
    }

    @Test
    void aDisconnectedArchivedGroupGivesNoHistory() {
        lastYear.disconnected();

        assertThat(annaReads(POST).decide().allowed()).isFalse();
    }

    @Test
    void mentorGroupsGiveNoHistory() {
        World.Group oldMentorGroup = world.mentorGroup("Mentorsgrupp 8A", solbacka).owner(mats).owner(anna)
                .member(elin, world.until(YESTERDAY)).archived();

        for (World.Person owner : List.of(mats, anna)) {
            assertThat(owner.asks().toRead(POST).of(elin).in(oldMentorGroup).decide().allowed()).isFalse();
            assertThat(owner.asks().toRead(DEVELOPMENT_TALK).of(elin).in(oldMentorGroup).decide().allowed()).isFalse();
        }
    }

    @Test
    void noProfileAssessmentOrTalkComesThroughHistory() {
        assertThat(anna.asks().toRead(STUDENT_PROFILE).of(elin).decide().allowed()).isFalse();
        assertThat(anna.asks().toRead(ASSESSMENT).of(elin).assessment(MATMAT01C, true).decide().allowed()).isFalse();
    }

    @Test
    void theStudentDoesNotOpenTheArchivedGroup() {
        assertThat(elin.asks().toRead(POST).of(elin).in(lastYear).decide().allowed()).isFalse();
        assertThat(elin.asks().toRead(POST).aboutGroup(lastYear).decide().allowed()).isFalse();
    }
}
