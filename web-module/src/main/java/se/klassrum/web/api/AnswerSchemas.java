package se.klassrum.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.roster.boundary.RosterDirectory.SchoolView;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.teaching.boundary.Views.AssessmentView;
import se.klassrum.teaching.boundary.Views.AssignmentView;
import se.klassrum.teaching.boundary.Views.DevelopmentTalkView;
import se.klassrum.teaching.boundary.Views.PostView;
import se.klassrum.teaching.boundary.Views.SubmissionView;
import se.klassrum.teaching.boundary.WorkOverviews.HandInToReview;
import se.klassrum.teaching.boundary.WorkOverviews.WorkItem;

import java.util.List;

/**
 * The shapes of the answers that the OpenAPI document cannot read from a method's return type, for the
 * document only (nothing is ever built from them): the answers the resources write as JSON themselves, and
 * one page ({@code Slice}) per item type, as a generic page has no single schema. Each has exactly the
 * properties that are sent; {@code ServerChecks} compares the document with them and with {@code Slice}.
 */
final class AnswerSchemas {

    private static final String NEXT_CURSOR = "pass it as cursor to get the next page; absent on the last page";

    private AnswerSchemas() {
    }

    @Schema(name = "PageOfSchoolView", description = "A page of schools")
    record PageOfSchoolView(List<SchoolView> items, @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "PageOfGroupView", description = "A page of groups")
    record PageOfGroupView(List<GroupView> items, @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "PageOfStudentProfile", description = "A page of students' profiles")
    record PageOfStudentProfile(List<StudentProfile> items, @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "PageOfPostView", description = "A page of posts")
    record PageOfPostView(List<PostView> items, @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "PageOfAssignmentView", description = "A page of assignments")
    record PageOfAssignmentView(List<AssignmentView> items, @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "PageOfSubmissionView", description = "A page of submissions")
    record PageOfSubmissionView(List<SubmissionView> items, @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "PageOfAssessmentView", description = "A page of assessments (omdömen)")
    record PageOfAssessmentView(List<AssessmentView> items, @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "PageOfDevelopmentTalkView", description = "A page of development talks (utvecklingssamtal)")
    record PageOfDevelopmentTalkView(List<DevelopmentTalkView> items,
                                     @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "AuditExtract", description = "Who asked about a student's data, newest first; never the data itself")
    record AuditExtract(@Schema(description = "the student's id") String student,
                        @Schema(description = "the student's name; absent for a protected identity") String studentName,
                        List<AuditExtractEntry> entries,
                        @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "AuditExtractEntry", description = "One access decision about the student's data")
    record AuditExtractEntry(@Schema(description = "the entry's place in the audit chain") long seq,
                             @Schema(description = "when it was decided (ISO 8601)") String occurredAt,
                             @Schema(description = "why the data was asked for") String purpose,
                             @Schema(description = "PERSON, APPLICATION or ANONYMOUS") String actorKind,
                             @Schema(description = "who asked: a person's id or an application's client id; masked"
                                     + " for a protected person; empty when unknown") String actor,
                             @Schema(description = "the kind of data, e.g. ASSESSMENT") String kind,
                             @Schema(description = "the operation asked for, e.g. READ") String operation,
                             @Schema(description = "ALLOW or DENY") String decision,
                             @Schema(description = "the prerequisites that failed, comma-separated; empty when allowed") String failingCodes,
                             @Schema(description = "the request the decision was made in") String requestId,
                             @Schema(description = "who asked, by name (Accept-Language): a protected person as such, "
                                     + "an application by its client id") String actorName,
                             @Schema(description = "the entry as a sentence (Accept-Language), e.g. \"Anna Andersson "
                                     + "läste Elsas omdömen\"") String sentence,
                             @Schema(description = "the outcome (Accept-Language): tillåtet / allowed, nekat / denied") String outcome,
                             @Schema(description = "a refusal's reasons, as the explanations word them (Accept-Language); "
                                     + "empty when allowed") List<String> reasons) {
    }

    @Schema(name = "OrganisationAuditLog", description = "Who asked about the students of the caller's schools, newest "
            + "first; never the data itself")
    record OrganisationAuditLog(List<OrganisationAuditEntry> entries, @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "OrganisationAuditEntry", description = "One access decision, with the students of the caller's schools "
            + "it concerns; the other fields as in AuditExtractEntry")
    record OrganisationAuditEntry(long seq, String occurredAt, String purpose, String actorKind, String actor, String kind,
                                  String operation, String decision, String failingCodes, String requestId,
                                  String actorName, String sentence, String outcome, List<String> reasons,
                                  List<AuditStudent> students) {
    }

    @Schema(name = "AuditStudent", description = "A student an audit entry concerns whom the caller administers: id, and "
            + "name unless the identity is protected")
    record AuditStudent(String id, @Schema(description = "absent for a protected identity") String name) {
    }

    @Schema(name = "StudentGuardians", description = "A student's guardians, by family and given name")
    record StudentGuardians(List<StudentGuardian> items) {
    }

    @Schema(name = "StudentGuardian", description = "A guardian of the student with the link to the student and the "
            + "guardian's logins; linkEnds is absent for a link without an end")
    record StudentGuardian(@Schema(description = "the guardian's person id") String id,
                           @Schema(description = "given and family name") String name,
                           @Schema(description = "the guardian link's id") String link,
                           @Schema(description = "VARDNADSHAVARE, ANNAN_ANSVARIG, GOD_MAN or UTSEDD_BEHORIG") String relation,
                           @Schema(description = "whether the link gives access to the student today") boolean linkGivesAccess,
                           @Schema(description = "the link's last day (ISO 8601)") String linkEnds,
                           List<GuardianLoginEntry> logins) {
    }

    @Schema(name = "GuardianLoginEntry", description = "One login of a guardian: EMAIL with the address, or IDP with the "
            + "identity provider's subject")
    record GuardianLoginEntry(String id, String method, String subject, boolean enabled) {
    }

    @Schema(name = "StudentMatches", description = "Students found by name, by family and given name")
    record StudentMatches(List<StudentMatch> items) {
    }

    @Schema(name = "PageOfStudentMatch", description = "A page of students, by family and given name")
    record PageOfStudentMatch(List<StudentMatch> items, @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "PageOfGuardianLinkConsent", description = "A page of adult students' guardian links: the links of a "
            + "page of students, by student and guardian")
    record PageOfGuardianLinkConsent(List<se.klassrum.guardian.boundary.GuardianLinkConsent> items,
                                     @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "StudentMatch", description = "A student found by name at a school the administrator administers")
    record StudentMatch(@Schema(description = "the student's id") String id,
                        @Schema(description = "given and family name") String name,
                        @Schema(description = "the administrator's schools where the student studies") List<String> schools) {
    }

    @Schema(name = "AccessExplanation", description = "An access decision with every path tried and each prerequisite")
    record AccessExplanation(boolean allowed,
                             @Schema(description = "the student's id") String student,
                             @Schema(description = "the kind of data asked about, e.g. ASSESSMENT") String kind,
                             @Schema(description = "the operation asked about, e.g. READ") String operation,
                             @Schema(description = "the prerequisites that failed") List<String> failingCodes,
                             List<AccessExplanationPath> paths) {
    }

    @Schema(name = "AccessExplanationPath", description = "One way to the data (e.g. as a teacher of the student's group)")
    record AccessExplanationPath(@Schema(description = "the path's name") String path,
                                 boolean allowed,
                                 List<AccessExplanationPrerequisite> prerequisites) {
    }

    @Schema(name = "AccessExplanationPrerequisite", description = "One prerequisite of a path, whether it holds and why")
    record AccessExplanationPrerequisite(@Schema(description = "the prerequisite, e.g. SAME_TENANT") String code,
                                         boolean passed,
                                         @Schema(description = "in the caller's language (Accept-Language)") String message,
                                         @Schema(description = "the part of the prerequisite that decided, when there is one, "
                                                 + "e.g. adult or consentWithdrawn for GUARDIAN_LINK; absent otherwise")
                                         String detail) {
    }

    @Schema(name = "AuditChainVerification", description = "The check of the organisation's audit chain")
    record AuditChainVerification(@Schema(description = "the organisation's id") String tenant,
                                  @Schema(description = "whether every link holds") boolean intact,
                                  @Schema(description = "the entries found intact, of every chain") long entriesChecked,
                                  @Schema(description = "the chain the first broken link is in ('' for the organisation's "
                                          + "first); only when not intact, and not when the list of chains is what is "
                                          + "broken") String chain,
                                  @Schema(description = "the first broken link's number in its chain (0 when the list of "
                                          + "chains is what is broken); only when not intact") Long firstBrokenSeq,
                                  @Schema(description = "why it is broken; only when not intact") String reason) {
    }

    @Schema(name = "ImportRun", description = "An import run (files, a folder, a register sync or a Microsoft Graph sync);"
            + " fullSet: a full set, in which what is missing ends, rather than a delta")
    record ImportRun(@Schema(description = "the run's id") String id,
                           @Schema(description = "who started it, e.g. person:<id> or application:<client id>") String actor,
                           @Schema(description = "the files' format, or the sync's source") String format,
                           // No @Schema here: Payara 6 takes an annotated accessor whose name contains "set" for a
                           // setter and fails to create the whole document. true: a full set (what is missing ends).
                           boolean fullSet,
                           List<String> files,
                           @Schema(description = "the school-local day the run judges validity on (ISO 8601)") String importDate,
                           @Schema(description = "ISO 8601") String startedAt,
                           @Schema(description = "RUNNING, SUCCEEDED, REJECTED or FAILED") String status,
                           long progressDone,
                           long progressTotal,
                           List<ImportRunCount> counts,
                           @Schema(description = "each problem as file:line: message") List<String> problems,
                           List<String> notes,
                           @Schema(description = "what a running import is doing; absent once finished") String phase,
                           @Schema(description = "ISO 8601; absent while running") String finishedAt,
                           @Schema(description = "absent while running") Long durationMillis,
                           @Schema(description = "a preview, which wrote nothing (PREVIEWED, or REJECTED or FAILED)") boolean preview,
                           List<ImportImpactCount> impact,
                           List<ImportImpactWarning> impactWarnings) {
    }

    @Schema(name = "ImportImpactCount", description = "A previewed run's impact on one kind of access at one school: how"
            + " many people would gain it, to how many students, and how many would lose it; no person is named")
    record ImportImpactCount(String schoolId,
                             @Schema(description = "as it was, or as the preview would have created it") String schoolName,
                             @Schema(description = "STUDENT_PROFILE, HAND_INS, ASSESSMENTS, DEVELOPMENT_TALKS or GROUP_POSTS") String kind,
                             int peopleGaining, int studentsGained, int peopleLosing, int studentsLost) {
    }

    @Schema(name = "ImportImpactWarning", description = "A previewed run's warning about one group: a mentor group"
            + " without a mentor, students without a teacher who may assess them, or a protected student becoming visible")
    record ImportImpactWarning(@Schema(description = "STUDENT_WITHOUT_ASSESSOR, MENTOR_GROUP_WITHOUT_MENTOR or"
                                       + " PROTECTED_STUDENT_VISIBLE") String kind,
                               String schoolId, String schoolName, String groupId, String groupName,
                               @Schema(description = "how many of the group's students it concerns") int students) {
    }

    @Schema(name = "ImportPreviewPerson", description = "A person a preview names: id and name, or protectedIdentity: true for"
            + " a student with a protected identity, who is never named or identified in a preview")
    record ImportPreviewPerson(String id, String name, Boolean protectedIdentity) {
    }

    @Schema(name = "ImportPreviewChange", description = "What one person at the school asked about would gain and lose"
            + " of one kind of access (through one group; in one syllabus for assessments)")
    record ImportPreviewChange(String schoolId, ImportPreviewPerson person,
                               @Schema(description = "STUDENT_PROFILE, HAND_INS, ASSESSMENTS, DEVELOPMENT_TALKS or GROUP_POSTS") String kind,
                               String groupId, String groupName,
                               List<ImportPreviewPerson> gained, List<ImportPreviewPerson> lost,
                               @Schema(description = "for GROUP_POSTS: whether the group's posts are gained") Boolean groupGained,
                               String syllabusId, String syllabusCode) {
    }

    @Schema(name = "ImportPreviewWarning", description = "A warning of the preview, with its text in Swedish and English;"
            + " the student is named only at the caller's own schools")
    record ImportPreviewWarning(String kind, String schoolId, String groupId, String textSv, String textEn,
                                ImportPreviewPerson student) {
    }

    @Schema(name = "ImportPreview", description = "An import's preview: the run, recorded PREVIEWED with what it would"
            + " change and its impact per school; who would gain and lose what at the school asked about. Nothing changed")
    record ImportPreview(ImportRun run,
                         @Schema(description = "how many people the rules were asked about") int peopleDecided,
                         @Schema(description = "how many questions they answered, before and after") int questions,
                         @Schema(description = "how long deciding took, writing and reading back included") long millis,
                         List<ImportPreviewWarning> warnings,
                         List<ImportPreviewChange> details) {
    }

    @Schema(name = "ImportRunCount", description = "How many rows of one kind a run created, updated and ended")
    record ImportRunCount(@Schema(description = "what was counted, e.g. PERSON, GROUP or MEMBERSHIP") String kind,
                          int created, int updated, int ended) {
    }

    @Schema(name = "ImportRuns", description = "The organisation's import runs, newest first")
    record ImportRuns(List<ImportRun> items) {
    }

    @Schema(name = "ConnectedGroup", description = "A Microsoft group connected to a school")
    record ConnectedGroup(@Schema(description = "the Klassrum group's id") String groupId,
                          @Schema(description = "whether the group is new to Klassrum") boolean created,
                          @Schema(description = "the run that read its owners and members") ImportRun run) {
    }

    @Schema(name = "CodeRequested", description = "The same answer whether or not the address is a guardian's")
    record CodeRequested(@Schema(description = "in the caller's language (Accept-Language)") String message,
                         @Schema(description = "how long a sent code is valid") long validForMinutes) {
    }

    @Schema(name = "CreatedId", description = "The id of what was created")
    record CreatedId(String id) {
    }

    @Schema(name = "PageOfHandInToReview", description = "A page of hand-ins waiting for feedback")
    record PageOfHandInToReview(List<HandInToReview> items, @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "PageOfWorkItem", description = "A page of a student's assignments with where the work stands")
    record PageOfWorkItem(List<WorkItem> items, @Schema(description = NEXT_CURSOR) String nextCursor) {
    }

    @Schema(name = "DataSubjectExtract", description = "Everything Klassrum holds about a student and who asked about it: "
            + "the school's answer to the student's request under GDPR article 15. Times are ISO 8601; texts are the "
            + "stored sanitised HTML")
    record DataSubjectExtract(ExtractStudent student, List<ExtractPeriod> schoolRoles, List<ExtractGroup> groups,
                              List<ExtractGuardian> guardians, List<ExtractSubmission> submissions,
                              List<ExtractAssessment> assessments, List<ExtractTalk> developmentTalks,
                              @Schema(description = "when the extract was made") String extractedAt,
                              List<ExtractLogEntry> accessLog) {
    }

    @Schema(name = "ExtractStudent", description = "The student's particulars from the register")
    record ExtractStudent(String id, String givenName, String familyName, String externalId, boolean protectedIdentity,
                          @Schema(description = "absent when not known") String email,
                          @Schema(description = "absent when not known") String birthDate) {
    }

    @Schema(name = "ExtractPeriod", description = "A role at a school and when it held")
    record ExtractPeriod(String school, String role, String from, @Schema(description = "empty: still holds") String to) {
    }

    @Schema(name = "ExtractGroup", description = "A group the student is or was in, and when")
    record ExtractGroup(String group, String school, String kind, String role, String from,
                        @Schema(description = "empty: still holds") String to) {
    }

    @Schema(name = "ExtractGuardian", description = "A guardian link of the student")
    record ExtractGuardian(String guardian, String relation, boolean active, String from,
                           @Schema(description = "empty: still holds") String to) {
    }

    @Schema(name = "ExtractSubmission", description = "The student's work on an assignment, with its draft and history")
    record ExtractSubmission(String assignment, String group, String status, String content, String submittedAt,
                             boolean late, String feedback, String returnedAt, String draft,
                             List<ExtractHistoryEntry> history) {
    }

    @Schema(name = "ExtractHistoryEntry", description = "An earlier hand-in or a teacher's answer to one")
    record ExtractHistoryEntry(String kind, String text, String by, String at) {
    }

    @Schema(name = "ExtractAssessment", description = "An assessment (omdöme) of the student")
    record ExtractAssessment(String syllabus, String course, String group, String grade, String comment, String status,
                             String assessedBy, String updatedAt) {
    }

    @Schema(name = "ExtractTalk", description = "A development talk (utvecklingssamtal) of the student")
    record ExtractTalk(String heldOn, String mentor, String notes, String agreedGoals, String updatedAt) {
    }

    @Schema(name = "ExtractLogEntry", description = "Who asked about the student, as the audit log tells it")
    record ExtractLogEntry(String at, String who, String what, String outcome, List<String> reasons) {
    }
}
