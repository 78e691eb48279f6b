package se.klassrum.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.roster.boundary.StudentProfiles;
import se.klassrum.teaching.boundary.Assignments;
import se.klassrum.teaching.boundary.Posts;
import se.klassrum.teaching.boundary.Views.AssignmentView;
import se.klassrum.teaching.boundary.ReadingMarks;
import se.klassrum.teaching.boundary.WorkOverviews;
import se.klassrum.teaching.boundary.WorkOverviews.AssignmentProgress;
import se.klassrum.teaching.boundary.Views.PostView;
import se.klassrum.teaching.entity.PublicationStatus;
import se.klassrum.teaching.entity.TeachingException;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /group.xhtml?id=…}: a group's posts, newest first, and a form to write one; its assignments by due time;
 * and, for its teachers, a form for a new assignment and the members, each linked to the student's page. Reading
 * and writing go through {@link Posts}, {@link Assignments} and {@link StudentProfiles}, so the access rules decide
 * each; a denial shows its missing prerequisites. The teacher's forms are offered only to whom
 * {@link Assignments#mayManage} allows, so that a student is not shown forms that would be refused.
 *
 * <p>View-scoped so that the group's id from the address is known while a posted form is decoded. What it
 * loaded is not kept beyond the view (transient) and is loaded again when missing.
 */
@Named
@ViewScoped
public class GroupPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final int SHOWN_POSTS = 50;
    private static final int SHOWN_ASSIGNMENTS = 50;

    @Inject
    RosterDirectory roster;

    @Inject
    Posts posts;

    @Inject
    Assignments assignments;

    @Inject
    WorkOverviews work;

    @Inject
    ReadingMarks reading;

    @Inject
    CallerProvider caller;

    @Inject
    StudentProfiles profiles;

    /** The view parameter {@code id}. */
    private String id;
    /** The text of the post form. */
    private String body;
    /** The new assignment form. */
    private String title;
    private String instructions;
    private String due;
    /** The post being corrected, and its new text; the post whose deletion waits for a yes. */
    private UUID editingPost;
    private String editBody;
    private UUID deletingPost;

    private transient boolean loaded;
    private transient GroupView group;
    private transient List<PostView> shownPosts = List.of();
    private transient List<AssignmentView> shownAssignments = List.of();
    private transient List<StudentProfile> members = List.of();
    private transient Map<UUID, AssignmentProgress> progress = Map.of();
    private transient Set<UUID> newPosts = Set.of();
    private transient boolean manage;
    private transient boolean mayPost;
    private transient Denial denial;
    private transient Denial writeDenial;
    private transient Denial assignmentDenial;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getInstructions() {
        return instructions;
    }

    public void setInstructions(String instructions) {
        this.instructions = instructions;
    }

    public String getDue() {
        return due;
    }

    public void setDue(String due) {
        this.due = due;
    }

    public String getEditBody() {
        return editBody;
    }

    public void setEditBody(String editBody) {
        this.editBody = editBody;
    }

    public boolean editing(PostView post) {
        return post.id().equals(editingPost);
    }

    public boolean confirmingDelete(PostView post) {
        return post.id().equals(deletingPost);
    }

    public String edited(PostView post) {
        return SchoolTime.when(post.editedAt());
    }

    public String deleted(PostView post) {
        return SchoolTime.when(post.deletedAt());
    }

    public String at(OffsetDateTime time) {
        return SchoolTime.when(time);
    }

    public GroupView getGroup() {
        load();
        return group;
    }

    public List<PostView> getPosts() {
        load();
        return shownPosts;
    }

    public List<AssignmentView> getAssignments() {
        load();
        return shownAssignments;
    }

    /** The group's members the caller may see; loaded for the group's teachers only. */
    public List<StudentProfile> getMembers() {
        load();
        return members;
    }

    /** The caller may write the group's posts: the post form is shown only then. */
    public boolean isMayPost() {
        load();
        return mayPost;
    }

    /** The caller may write the group's assignments: the teacher's forms and the members are shown. */
    public boolean isManage() {
        load();
        return manage;
    }

    /** Why the group cannot be shown; null when it can. */
    public Denial getDenial() {
        load();
        return denial;
    }

    /** Why the post was not written; null unless a write was refused. */
    public Denial getWriteDenial() {
        return writeDenial;
    }

    /** Why an assignment was not created or published; null unless refused. */
    public Denial getAssignmentDenial() {
        return assignmentDenial;
    }

    public String when(PostView post) {
        return SchoolTime.when(post.createdAt());
    }

    public String due(AssignmentView assignment) {
        return SchoolTime.due(assignment.dueAt(), Texts.locale());
    }

    /**
     * For the group's teachers, how far its students have come with a published assignment: "4/6 inlämnade · 1 sen ·
     * 2 att rätta", counted over the students and hand-ins the caller may see; null for anyone else and for drafts.
     */
    public String progress(AssignmentView assignment) {
        load();
        AssignmentProgress counted = progress.get(assignment.id());
        return counted == null ? null : Texts.text("work.progress", counted.handedIn(), members.size(), counted.late(),
                counted.toReview());
    }

    /** A post written by someone else since the caller last read the group's posts: marked "Ny". */
    public boolean isNew(PostView post) {
        load();
        return newPosts.contains(post.id());
    }

    public boolean draft(AssignmentView assignment) {
        return assignment.status() != PublicationStatus.PUBLISHED;
    }

    /** Writes the post and shows the group again (post/redirect/get), or shows why it may not. */
    public String write() {
        UUID groupId = groupId();
        if (groupId == null) {
            return null;
        }
        if (EditorText.isBlank(body)) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "group.bodyRequired");
            return null;
        }
        try {
            posts.write(groupId, body);
        } catch (AccessDeniedException denied) {
            writeDenial = Denial.of(denied, Texts.locale());
            return null;
        } catch (StudentDataNotFoundException | NotSignedInException refused) {
            writeDenial = Denial.simple(refused instanceof NotSignedInException ? "auth.notSignedIn" : "group.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "group.published");
        return again(groupId);
    }

    /** Opens the post in the editor, in its place, with its text to correct. */
    public String startEdit(UUID postId) {
        getPosts().stream().filter(post -> post.id().equals(postId) && !post.deleted()).findFirst().ifPresent(post -> {
            editingPost = postId;
            deletingPost = null;
            editBody = post.body().value();
        });
        return null;
    }

    /** Saves the corrected post, which then shows that it was edited, and when. */
    public String saveEdit() {
        UUID groupId = groupId();
        if (groupId == null || editingPost == null) {
            return null;
        }
        if (EditorText.isBlank(editBody)) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "group.bodyRequired");
            return null;
        }
        try {
            posts.edit(groupId, editingPost, editBody);
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            writeDenial = Refusals.denial(refused, "group.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "post.edited");
        return again(groupId);
    }

    /** Asks for a yes before the post is deleted. */
    public String askDelete(UUID postId) {
        deletingPost = postId;
        editingPost = null;
        return null;
    }

    /** Leaves the post as it is. */
    public String cancel() {
        UUID groupId = groupId();
        return groupId == null ? null : again(groupId);
    }

    /** Deletes the post: its readers see that it was taken away, and when. */
    public String confirmDelete() {
        UUID groupId = groupId();
        if (groupId == null || deletingPost == null) {
            return null;
        }
        try {
            posts.delete(groupId, deletingPost);
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            writeDenial = Refusals.denial(refused, "group.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "post.deletedNow");
        return again(groupId);
    }

    /** Saves the new assignment as a draft, which only the group's teachers see. */
    public String saveDraft() {
        return create(false);
    }

    /** Creates the new assignment and publishes it to the group at once. */
    public String createAndPublish() {
        return create(true);
    }

    private String create(boolean publish) {
        UUID groupId = groupId();
        if (groupId == null) {
            return null;
        }
        OffsetDateTime dueAt = SchoolTime.parseLocal(due);
        boolean valid = true;
        if (title == null || title.isBlank()) {
            Forms.invalid("assignment", "title", "assignment.titleRequired");
            valid = false;
        }
        if (dueAt == null) {
            Forms.invalid("assignment", "due", "assignment.dueRequired");
            valid = false;
        }
        if (!valid) {
            return null;
        }
        try {
            assignments.create(groupId, title.strip(), EditorText.orEmpty(instructions), dueAt, publish);
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            assignmentDenial = Refusals.denial(refused, "group.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, publish ? "assignment.createdPublished" : "assignment.createdDraft", title.strip());
        return again(groupId);
    }

    /** Publishes a draft: the group's students see it from now on. */
    public String publish(UUID assignmentId) {
        UUID groupId = groupId();
        if (groupId == null || assignmentId == null) {
            return null;
        }
        try {
            AssignmentView published = assignments.publish(groupId, assignmentId);
            Texts.flash(FacesMessage.SEVERITY_INFO, "assignment.publishedNow", published.title());
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            assignmentDenial = Refusals.denial(refused, "assignment.notFound");
            return null;
        }
        return again(groupId);
    }

    private static String again(UUID groupId) {
        return "/group.xhtml?faces-redirect=true&id=" + groupId;
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        group = null;
        shownPosts = List.of();
        shownAssignments = List.of();
        members = List.of();
        progress = Map.of();
        manage = false;
        mayPost = false;
        denial = null;
        UUID groupId = groupId();
        if (groupId == null) {
            denial = Denial.simple("group.notFound");
            return;
        }
        try {
            group = roster.group(groupId);
            shownPosts = posts.inGroup(groupId, null, Page.first(SHOWN_POSTS)).items();
            newPosts = Unread.posts(shownPosts, reading.lastRead(List.of(groupId)).get(groupId), Forms.me(caller));
            reading.read(List.of(groupId));
            shownAssignments = assignments.inGroup(groupId, null, Page.first(SHOWN_ASSIGNMENTS)).items();
            manage = assignments.mayManage(groupId);
            mayPost = posts.mayWrite(groupId);
            if (manage) {
                members = profiles.membersOf(groupId, Page.first(Page.MAX_LIMIT)).items();
                List<UUID> published = shownAssignments.stream()
                        .filter(assignment -> !assignment.deleted() && !draft(assignment)).map(AssignmentView::id).toList();
                progress = published.isEmpty() ? Map.of()
                        : AssignmentProgress.count(published, work.handInsInGroup(groupId));
            }
        } catch (AccessDeniedException denied) {
            denial = Denial.of(denied, Texts.locale());
        } catch (StudentDataNotFoundException notFound) {
            group = null;
            denial = Denial.simple("group.notFound");
        } catch (NotSignedInException notSignedIn) {
            group = null;
            denial = Denial.simple("auth.notSignedIn");
        }
    }

    private UUID groupId() {
        return Forms.uuid(id);
    }
}
