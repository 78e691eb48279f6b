package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentId;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.teaching.control.AttachedFiles;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.teaching.entity.Happened;
import se.klassrum.teaching.entity.Post;
import se.klassrum.teaching.entity.SafeHtml;
import se.klassrum.teaching.boundary.Views.PostView;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Posts (inlägg) of a group: read by whoever the rules let see the group's content, written, corrected and deleted by
 * its owners. A deleted post stays in the list as a tombstone without its body.
 */
@ApplicationScoped
@Transactional
public class Posts {

    @Inject
    TeachingContext context;

    @Inject
    AccessGuard guard;

    @Inject
    AttachedFiles files;

    /** What happened, for the readers' notifications (written in this transaction by {@code NotificationEvents}). */
    @Inject
    Event<Happened> happened;

    /**
     * The group's posts, newest first.
     *
     * @param child the child a guardian reads for; null for everyone else (the question is then about the group)
     */
    @StudentData(kind = DataKind.POST)
    public Slice<PostView> inGroup(@GroupId UUID groupId, @StudentId UUID child, Page page) {
        List<String> after = page.after(2);
        TypedQuery<Post> query = context.em().createQuery("select p from Post p where p.group.id = :group"
                        + (after == null ? "" : " and (p.createdAt < :time or (p.createdAt = :time and p.id < :id))")
                        + " order by p.createdAt desc, p.id desc", Post.class)
                .setParameter("group", groupId)
                .setMaxResults(page.limit() + 1);
        if (after != null) {
            query.setParameter("time", OffsetDateTime.parse(after.get(0))).setParameter("id", UUID.fromString(after.get(1)));
        }
        return Slice.of(query.getResultList(), page, PostView::of, post -> new Object[] {post.createdAt(), post.id()});
    }

    /**
     * Whether the caller may write the group's posts (its teachers): a page offers the post form only then, instead of
     * a form that would be refused. The guard decides and audits it.
     */
    @NoStudentData("answers only whether the caller may write the group's posts; the guard decides and audits it")
    public boolean mayWrite(UUID groupId) {
        return guard.permits(DataKind.POST, Operation.WRITE, null, groupId, null);
    }

    @StudentData(kind = DataKind.POST, operation = Operation.WRITE)
    public PostView write(@GroupId UUID groupId, String html) {
        StudyGroup group = context.find(StudyGroup.class, groupId);
        Person author = context.find(Person.class, context.callerPersonId());
        Post post = new Post(group, author, SafeHtml.of(html), context.now());
        context.em().persist(post);
        happened.fire(new Happened(Happened.Kind.POST_PUBLISHED, groupId, post.id(), null));
        return PostView.of(post);
    }

    /**
     * Corrects a post: its author or another of the group's teachers (the rules let only those who may write the
     * group's posts through). The post then shows that it was edited, and when.
     */
    @StudentData(kind = DataKind.POST, operation = Operation.WRITE)
    public PostView edit(@GroupId UUID groupId, UUID postId, String html) {
        Post post = context.postOf(groupId, postId);
        post.edit(SafeHtml.of(html), context.now());
        return PostView.of(post);
    }

    /**
     * Deletes a post: its author or another of the group's teachers. The row stays as a tombstone with who deleted it
     * and when, the access decision is in the audit log, and readers see that the post was taken away instead of
     * its body. Its files are removed, from the storage once the deletion has committed.
     */
    @StudentData(kind = DataKind.POST, operation = Operation.WRITE)
    public PostView delete(@GroupId UUID groupId, UUID postId) {
        Post post = context.postOf(groupId, postId);
        post.delete(context.find(Person.class, context.callerPersonId()), context.now());
        files.removeAll(files.of(post));
        return PostView.of(post);
    }
}
