package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.teaching.boundary.AssessmentGrids;
import se.klassrum.teaching.boundary.AssessmentGrids.Change;
import se.klassrum.teaching.boundary.AssessmentGrids.GridRow;
import se.klassrum.teaching.boundary.AssessmentGrids.Saved;
import se.klassrum.teaching.boundary.Assessments;
import se.klassrum.teaching.entity.Grade;
import se.klassrum.teaching.entity.PublicationStatus;
import se.klassrum.teaching.entity.SafeHtml;
import se.klassrum.teaching.entity.TeachingException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /assessment-grid.xhtml?group=…}: the assessments (omdömen) of a whole teaching group at once, its students ×
 * its syllabus. Every row is read and decided by the access rules ({@link AssessmentGrids}); a row the teacher may not
 * set is shown without its fields, with why. "Spara" writes the changed rows, "Spara och publicera" also publishes the
 * group's drafts; either writes every row or, when any is refused, none.
 */
@Named
@RequestScoped
public class AssessmentGridPage {

    @Inject
    AssessmentGrids grids;

    @Inject
    Assessments assessments;

    @Inject
    RosterDirectory roster;

    private String group;
    private GroupView groupView;
    private List<GridRow> rows;
    private Denial denial;
    private final Map<String, String> grades = new HashMap<>();
    private final Map<String, String> comments = new HashMap<>();
    private final Map<List<String>, Denial> reasons = new HashMap<>();
    private final Map<String, String> rowErrors = new HashMap<>();
    private boolean loaded;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public GroupView getGroupView() {
        load();
        return groupView;
    }

    public List<GridRow> getRows() {
        load();
        return rows;
    }

    /** Why the grid cannot be shown; null when it can. */
    public Denial getDenial() {
        load();
        return denial;
    }

    /** Whether any row may be set: the save buttons are offered only then. */
    public boolean isSettable() {
        return getRows().stream().anyMatch(GridRow::settable);
    }

    /** The chosen grade of each row by student id ("" for none), as the form posts it. */
    public Map<String, String> getGrades() {
        load();
        return grades;
    }

    /** The comment of each row by student id, as the form posts it. */
    public Map<String, String> getComments() {
        load();
        return comments;
    }

    /** The scale, with "not yet assessed" first. */
    public List<Grade> getScale() {
        return List.of(Grade.values());
    }

    public String gradeLabel(Grade grade) {
        return grade == Grade.NOT_YET_ASSESSED ? Texts.text("grade.notYetAssessed") : grade.name();
    }

    public String status(GridRow row) {
        return row.status() == null ? Texts.text("grid.none") : Texts.text("grade.status." + row.status().name());
    }

    public boolean published(GridRow row) {
        return row.status() == PublicationStatus.PUBLISHED;
    }

    /** The rows' own error (a comment without a grade); null when none. */
    public String rowError(GridRow row) {
        return rowErrors.get(row.studentId().toString());
    }

    /**
     * Why the caller may not set the row: the missing prerequisites as the rules explain them, asked once for all
     * rows refused for the same reasons.
     */
    public Denial reason(GridRow row) {
        if (row.settable()) {
            return null;
        }
        return reasons.computeIfAbsent(row.refusedFor(), codes -> explain(row));
    }

    public String save() {
        return store(false);
    }

    public String saveAndPublish() {
        return store(true);
    }

    private String store(boolean publish) {
        load();
        if (denial != null) {
            return null;
        }
        List<Change> changes = new ArrayList<>();
        for (GridRow row : rows) {
            if (!row.settable()) {
                continue;
            }
            String key = row.studentId().toString();
            // An empty choice arrives as null (Faces reads empty submitted values as null).
            String chosen = grades.get(key);
            String comment = EditorText.orEmpty(comments.get(key));
            Grade grade = chosen == null || chosen.isBlank() ? null : Grade.valueOf(chosen);
            if (grade == null) {
                if (!comment.isEmpty() && row.grade() == null) {
                    rowErrors.put(key, Texts.text("grid.gradeRequired"));
                }
                continue;
            }
            boolean commentChanged = !canonical(comment).equals(canonical(row.comment() == null ? "" : row.comment().value()));
            if (grade != row.grade() || commentChanged) {
                changes.add(new Change(row.studentId(), grade, comment));
            }
        }
        if (!rowErrors.isEmpty()) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "grid.fix", rowErrors.size());
            return null;
        }
        try {
            Saved saved = grids.save(uuid(), changes, publish);
            Texts.flash(FacesMessage.SEVERITY_INFO, "grid.saved", saved.written(), saved.published());
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            denial = Refusals.denial(refused, "group.notFound");
            return null;
        }
        return "/assessment-grid.xhtml?faces-redirect=true&group=" + group;
    }

    /**
     * A comment as far as its reader can tell: sanitised, with paragraphs and line breaks as line ends. The editor
     * shows a stored plain text as a paragraph and posts it back so; that is no change.
     */
    static String canonical(String html) {
        return SafeHtml.of(html).value().replace("<p>", "").replace("</p>", "\n").replace("<br />", "\n")
                .replace("<br>", "\n").replaceAll("\\s+", " ").strip();
    }

    private Denial explain(GridRow row) {
        if (row.refusedFor().equals(List.of("NOT_THROUGH_THIS_GROUP"))) {
            return Denial.simple("grade.notThroughGroup");
        }
        try {
            assessments.checkAssess(row.studentId(), row.syllabusId(), uuid());
            return Denial.simple("grade.notThroughGroup");
        } catch (AccessDeniedException denied) {
            return Denial.of(denied, Texts.locale());
        } catch (TeachingException refused) {
            return new Denial(Refusals.message(refused), List.of());
        } catch (StudentDataNotFoundException notFound) {
            return Denial.simple("group.notFound");
        }
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        rows = List.of();
        UUID groupId = uuid();
        if (groupId == null) {
            denial = Denial.simple("group.notFound");
            return;
        }
        try {
            groupView = roster.group(groupId);
            rows = grids.rows(groupId);
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException refused) {
            groupView = null;
            denial = Refusals.denial(refused, "group.notFound");
            return;
        } catch (TeachingException refused) {
            denial = new Denial(Refusals.message(refused), List.of());
            return;
        }
        for (GridRow row : rows) {
            String key = row.studentId().toString();
            grades.putIfAbsent(key, row.grade() == null ? "" : row.grade().name());
            comments.putIfAbsent(key, row.comment() == null ? "" : row.comment().value());
        }
    }

    /**
     * The group: the view parameter, or on a postback, where the fields read the rows before the view parameter is
     * applied, the address's own (the form posts to its page's address, {@link QueryKeepingViewHandler}).
     */
    private UUID uuid() {
        if (group == null) {
            group = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("group");
        }
        return Forms.uuid(group);
    }
}
