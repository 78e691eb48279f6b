package se.klassrum.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.roster.boundary.StudentProfiles;
import se.klassrum.teaching.boundary.Assignments;
import se.klassrum.teaching.boundary.ReadingMarks;
import se.klassrum.teaching.boundary.Views.AssignmentView;
import se.klassrum.teaching.boundary.Views.SubmissionView;
import se.klassrum.teaching.entity.PublicationStatus;
import se.klassrum.teaching.entity.Submission;
import se.klassrum.teaching.entity.TeachingException;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /assignment.xhtml?group=…&id=…}: one assignment of a group. Its teachers see every handed-in submission and
 * answer each: returned with feedback (which locks it) or sent back for completion (komplettering), with the history
 * of earlier hand-ins and answers. A student sees their own work with its status (Ej inlämnad, Utkast, Inlämnad, Sen,
 * Återlämnad, Komplettera), the feedback and the history, saves drafts that only they see, and hands in until the
 * work is returned. {@link Assignments} decides each through the rules: a student never receives a draft assignment,
 * nor another student's submission, and nobody but the student receives the student's draft.
 *
 * <p>View-scoped so that the ids from the address and the feedback typed per submission survive the post.
 */
@Named
@ViewScoped
public class AssignmentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** More than a group has students; the page does not paginate. */
    private static final int SHOWN = Page.MAX_LIMIT;
    /** How far the page looks for the assignment among the group's (five pages of a hundred). */
    private static final int MAX_PAGES = 5;

    @Inject
    ReadingMarks reading;

    @Inject
    RosterDirectory roster;

    @Inject
    Assignments assignments;

    @Inject
    StudentProfiles profiles;

    @Inject
    CallerProvider caller;

    private String group;
    private String id;
    /** The student's work, typed as plain text. */
    private String content;
    /** The teacher's feedback, per student. */
    private final Map<UUID, String> feedback = new HashMap<>();
    /** The teacher's correction of the assignment, while editing; whether its deletion waits for a yes. */
    private boolean editing;
    private String editTitle;
    private String editInstructions;
    private String editDue;
    private boolean confirmingDelete;

    private transient boolean loaded;
    private transient GroupView groupView;
    private transient AssignmentView assignment;
    private transient boolean manage;
    private transient List<SubmissionView> submissions = List.of();
    private transient SubmissionView mine;
    private transient List<StudentProfile> notSubmitted = List.of();
    private transient Denial denial;
    private transient Denial actionDenial;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public Map<UUID, String> getFeedback() {
        return feedback;
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isConfirmingDelete() {
        return confirmingDelete;
    }

    public String getEditTitle() {
        return editTitle;
    }

    public void setEditTitle(String editTitle) {
        this.editTitle = editTitle;
    }

    public String getEditInstructions() {
        return editInstructions;
    }

    public void setEditInstructions(String editInstructions) {
        this.editInstructions = editInstructions;
    }

    public String getEditDue() {
        return editDue;
    }

    public void setEditDue(String editDue) {
        this.editDue = editDue;
    }

    /** The assignment was deleted: the page shows that, and nothing of it. */
    public boolean deleted() {
        return getAssignment() != null && assignment.deleted();
    }

    public GroupView getGroupView() {
        load();
        return groupView;
    }

    public AssignmentView getAssignment() {
        load();
        return assignment;
    }

    /** The caller is one of the group's teachers: the submissions are shown, not a submit form. */
    public boolean isManage() {
        load();
        return manage;
    }

    public List<SubmissionView> getSubmissions() {
        load();
        return submissions;
    }

    /** For the teachers: the group's members (those the caller may see) who have not handed in, by name. */
    public List<StudentProfile> getNotSubmitted() {
        load();
        return notSubmitted;
    }

    public long lateCount() {
        return getSubmissions().stream().filter(SubmissionView::late).count();
    }

    public long returnedCount() {
        return getSubmissions().stream().filter(this::returned).count();
    }

    /** The status a user reads for the caller's own work: NOT_SUBMITTED when there is none, else its status. */
    public String myStatus() {
        SubmissionView own = getMine();
        return own == null ? "NOT_SUBMITTED" : own.status().name();
    }

    /** The teacher has asked for completion of this work, which is back with the student. */
    public boolean completionRequested(SubmissionView submission) {
        return submission.status() == Submission.Status.COMPLETION_REQUESTED;
    }

    /** The work waits for the teacher's answer: feedback or a request for completion. */
    public boolean awaitingAnswer(SubmissionView submission) {
        return submission.status() == Submission.Status.SUBMITTED;
    }

    /** The work has been handed in at least once. */
    public boolean handedIn(SubmissionView submission) {
        return submission.submittedAt() != null;
    }

    public String at(OffsetDateTime time) {
        return SchoolTime.when(time);
    }

    /** The caller's own submission, or null. */
    public SubmissionView getMine() {
        load();
        return mine;
    }

    /** A student may save a draft and hand in (again) until the teacher has returned the work. */
    public boolean isMaySubmit() {
        load();
        return !manage && assignment != null && assignment.status() == PublicationStatus.PUBLISHED
                && (mine == null || !returned(mine));
    }

    public Denial getDenial() {
        load();
        return denial;
    }

    public Denial getActionDenial() {
        return actionDenial;
    }

    public boolean draft() {
        return getAssignment() != null && assignment.status() != PublicationStatus.PUBLISHED;
    }

    public boolean returned(SubmissionView submission) {
        return submission.status() == Submission.Status.RETURNED;
    }

    public String when(SubmissionView submission) {
        return SchoolTime.when(submission.submittedAt());
    }

    public String returnedAt(SubmissionView submission) {
        return SchoolTime.when(submission.returnedAt());
    }

    public String due() {
        return getAssignment() == null ? "" : SchoolTime.due(assignment.dueAt(), Texts.locale());
    }

    /**
     * Hands in the student's own work (the first time, replacing the last hand-in, or completing it), and says whether
     * it came after the due time.
     */
    public String submit() {
        return own(true);
    }

    /** Saves the student's draft, which only they see until they hand it in. */
    public String saveDraft() {
        return own(false);
    }

    private String own(boolean handIn) {
        UUID groupId = Forms.uuid(group);
        UUID assignmentId = Forms.uuid(id);
        UUID me = Forms.me(caller);
        if (groupId == null || assignmentId == null) {
            return null;
        }
        if (EditorText.isBlank(content)) {
            Forms.invalid("submit", "content", "submission.contentRequired");
            return null;
        }
        if (me == null) {
            actionDenial = Denial.simple("auth.notSignedIn");
            return null;
        }
        try {
            if (handIn) {
                SubmissionView submitted = assignments.submit(groupId, assignmentId, me, content);
                Texts.flash(FacesMessage.SEVERITY_INFO, submitted.late() ? "submission.submittedLate" : "submission.submitted");
            } else {
                assignments.saveDraft(groupId, assignmentId, me, content);
                Texts.flash(FacesMessage.SEVERITY_INFO, "submission.draftSaved");
            }
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            actionDenial = Refusals.denial(refused, "assignment.notFound");
            return null;
        }
        return again(groupId, assignmentId);
    }

    /** Returns the student's submission with the feedback typed beside it; the student can then no longer change it. */
    public String returnTo(UUID studentId) {
        return answer(studentId, false);
    }

    /** Sends the student's submission back for completion, with the comment typed beside it. */
    public String requestCompletion(UUID studentId) {
        return answer(studentId, true);
    }

    private String answer(UUID studentId, boolean completion) {
        UUID groupId = Forms.uuid(group);
        UUID assignmentId = Forms.uuid(id);
        if (groupId == null || assignmentId == null || studentId == null) {
            return null;
        }
        String text = feedback.get(studentId);
        if (EditorText.isBlank(text)) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "submission.feedbackRequired");
            return null;
        }
        try {
            SubmissionView answered = completion
                    ? assignments.requestCompletion(groupId, assignmentId, studentId, text)
                    : assignments.returnWithFeedback(groupId, assignmentId, studentId, text);
            feedback.remove(studentId);
            Texts.flash(FacesMessage.SEVERITY_INFO, completion ? "submission.completionRequested" : "submission.returned",
                    answered.studentName());
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            actionDenial = Refusals.denial(refused, "assignment.notFound");
            return null;
        }
        return again(groupId, assignmentId);
    }

    /** Opens the assignment's title, instructions and due time for correction. */
    public String startEdit() {
        if (getAssignment() != null && !assignment.deleted()) {
            editing = true;
            confirmingDelete = false;
            editTitle = assignment.title();
            editInstructions = assignment.instructions().value();
            editDue = SchoolTime.local(assignment.dueAt());
        }
        return null;
    }

    /** Saves the correction; once published, the assignment then shows that it was edited, and when. */
    public String saveEdit() {
        UUID groupId = Forms.uuid(group);
        UUID assignmentId = Forms.uuid(id);
        if (groupId == null || assignmentId == null || !editing) {
            return null;
        }
        OffsetDateTime dueAt = SchoolTime.parseLocal(editDue);
        boolean valid = true;
        if (editTitle == null || editTitle.isBlank()) {
            Forms.invalid("correct", "editTitle", "assignment.titleRequired");
            valid = false;
        }
        if (dueAt == null) {
            Forms.invalid("correct", "editDue", "assignment.dueRequired");
            valid = false;
        }
        if (!valid) {
            return null;
        }
        try {
            assignments.edit(groupId, assignmentId, editTitle.strip(), EditorText.orEmpty(editInstructions), dueAt);
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            actionDenial = Refusals.denial(refused, "assignment.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "assignment.edited");
        return again(groupId, assignmentId);
    }

    /** Asks for a yes before the assignment is deleted. */
    public String askDelete() {
        confirmingDelete = true;
        editing = false;
        return null;
    }

    /** Leaves the assignment as it is. */
    public String cancel() {
        UUID groupId = Forms.uuid(group);
        UUID assignmentId = Forms.uuid(id);
        return groupId == null || assignmentId == null ? null : again(groupId, assignmentId);
    }

    /** Deletes the assignment and goes back to the group, where it shows as deleted. */
    public String confirmDelete() {
        UUID groupId = Forms.uuid(group);
        UUID assignmentId = Forms.uuid(id);
        if (groupId == null || assignmentId == null || !confirmingDelete) {
            return null;
        }
        try {
            assignments.delete(groupId, assignmentId);
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            actionDenial = Refusals.denial(refused, "assignment.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "assignment.deletedNow");
        return "/group.xhtml?faces-redirect=true&id=" + groupId;
    }

    private static String again(UUID groupId, UUID assignmentId) {
        return "/assignment.xhtml?faces-redirect=true&group=" + groupId + "&id=" + assignmentId;
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        groupView = null;
        assignment = null;
        manage = false;
        submissions = List.of();
        mine = null;
        notSubmitted = List.of();
        denial = null;
        UUID groupId = Forms.uuid(group);
        UUID assignmentId = Forms.uuid(id);
        if (groupId == null || assignmentId == null) {
            denial = Denial.simple("assignment.notFound");
            return;
        }
        try {
            groupView = roster.group(groupId);
            assignment = find(groupId, assignmentId);
            if (assignment == null) {
                denial = Denial.simple("assignment.notFound");
                return;
            }
            manage = assignments.mayManage(groupId);
            if (assignment.deleted()) {
                return;
            }
            submissions = assignments.submissions(groupId, assignmentId, Page.first(SHOWN)).items();
            UUID me = Forms.me(caller);
            if (manage) {
                notSubmitted = profiles.membersOf(groupId, Page.first(Page.MAX_LIMIT)).items().stream()
                        .filter(member -> submissions.stream().noneMatch(submission -> submission.studentId().equals(member.studentId())))
                        .toList();
            } else if (me != null) {
                mine = ownWork(groupId, assignmentId, me);
                reading.read(List.of(assignmentId));
                if (content == null && mine != null && mine.draft() != null) {
                    content = mine.draft().value();
                }
            }
        } catch (AccessDeniedException denied) {
            denial = Denial.of(denied, Texts.locale());
        } catch (StudentDataNotFoundException notFound) {
            denial = Denial.simple("assignment.notFound");
        } catch (NotSignedInException notSignedIn) {
            denial = Denial.simple("auth.notSignedIn");
        }
    }

    /** The caller's own work with its draft, or null when they have neither handed in nor saved a draft. */
    private SubmissionView ownWork(UUID groupId, UUID assignmentId, UUID me) {
        try {
            return assignments.submissionOf(groupId, assignmentId, me);
        } catch (StudentDataNotFoundException none) {
            return null;
        }
    }

    /** The assignment among those of the group the caller may see (a student sees no drafts), or null. */
    private AssignmentView find(UUID groupId, UUID assignmentId) {
        Slice<AssignmentView> slice = assignments.inGroup(groupId, null, Page.first(Page.MAX_LIMIT));
        for (int i = 0; ; i++) {
            for (AssignmentView candidate : slice.items()) {
                if (candidate.id().equals(assignmentId)) {
                    return candidate;
                }
            }
            if (slice.nextCursor() == null || i + 1 >= MAX_PAGES) {
                return null;
            }
            slice = assignments.inGroup(groupId, null, new Page(Page.MAX_LIMIT, slice.nextCursor()));
        }
    }
}
