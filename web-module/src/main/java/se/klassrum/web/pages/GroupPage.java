package se.klassrum.web.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.teaching.boundary.Posts;
import se.klassrum.teaching.boundary.Views.PostView;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * {@code /group.xhtml?id=…}: a group's posts, newest first, and a form to write one. Reading and writing go
 * through {@link Posts}, so the access rules decide both; a denial shows its missing prerequisites.
 *
 * <p>View-scoped so that the group's id from the address is known while a posted form is decoded. What it
 * loaded is not kept beyond the view (transient) and is loaded again when missing.
 */
@Named
@ViewScoped
public class GroupPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int SHOWN_POSTS = 50;

    @Inject
    RosterDirectory roster;

    @Inject
    Posts posts;

    /** The view parameter {@code id}. */
    private String id;
    /** The text of the post form. */
    private String body;

    private transient boolean loaded;
    private transient GroupView group;
    private transient List<PostView> shownPosts = List.of();
    private transient Denial denial;
    private transient Denial writeDenial;

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

    public GroupView getGroup() {
        load();
        return group;
    }

    public List<PostView> getPosts() {
        load();
        return shownPosts;
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

    public String when(PostView post) {
        OffsetDateTime time = post.createdAt();
        return time == null ? "" : time.atZoneSameInstant(SCHOOL_ZONE).format(WHEN);
    }

    /** Writes the post and shows the group again (post/redirect/get), or shows why it may not. */
    public String write() {
        UUID groupId = groupId();
        if (groupId == null) {
            return null;
        }
        if (body == null || body.isBlank()) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "group.bodyRequired");
            return null;
        }
        try {
            posts.write(groupId, PlainText.toHtml(body));
        } catch (AccessDeniedException denied) {
            writeDenial = Denial.of(denied, Texts.locale());
            return null;
        } catch (StudentDataNotFoundException | NotSignedInException refused) {
            writeDenial = Denial.simple(refused instanceof NotSignedInException ? "auth.notSignedIn" : "group.notFound");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, "group.published");
        return "/group.xhtml?faces-redirect=true&id=" + groupId;
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        group = null;
        shownPosts = List.of();
        denial = null;
        UUID groupId = groupId();
        if (groupId == null) {
            denial = Denial.simple("group.notFound");
            return;
        }
        try {
            group = roster.group(groupId);
            shownPosts = posts.inGroup(groupId, null, Page.first(SHOWN_POSTS)).items();
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
        try {
            return id == null ? null : UUID.fromString(id.trim());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
