package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.teaching.boundary.Attachments;
import se.klassrum.teaching.boundary.Views.FileView;
import se.klassrum.teaching.boundary.Views.SubmissionView;
import se.klassrum.teaching.control.FileSettings;
import se.klassrum.web.platform.FileHeaders;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The attachments the pages show (WEB-INF/includes/files.xhtml): the files of a post, an assignment's instructions or a
 * submission that the person may see, read through the same business methods as the API (once per request and
 * content, so a page view is one audited read of each); what they may not see is not shown.
 *
 * <p>A submission's files are shown where they belong: with the last hand-in (and the student's waiting draft), with
 * the teacher's answer to it (and, for the teachers, the files waiting for that answer), or with an earlier entry of
 * the history. A file's {@code entry} is the position of its hand-in or answer among all of the submission's entries,
 * which count from 0; the history holds every entry before the last hand-in, so that hand-in is at the history's
 * size, the answer to it right after, and the history's entry at index i at position i.
 */
@Named
@RequestScoped
public class FilesOnPage {

    @Inject
    Attachments attachments;

    @Inject
    FileSettings settings;

    @Inject
    CallerProvider caller;

    /** What this request has read, by content. */
    private final Map<String, List<FileView>> read = new HashMap<>();

    public List<FileView> ofPost(String group, Object post, String child) {
        return read.computeIfAbsent("post " + group + " " + post + " " + child, ignored -> shown(() -> attachments.ofPost(
                uuid(group), uuid(String.valueOf(post)), child == null || child.isBlank() ? null : uuid(child))));
    }

    /** The files of an assignment's instructions, for whoever sees the assignment (a draft's for its teachers). */
    public List<FileView> ofAssignment(String group, String assignment) {
        return read.computeIfAbsent("assignment " + group + " " + assignment,
                ignored -> shown(() -> attachments.ofAssignment(uuid(group), uuid(assignment), null)));
    }

    /** Every file of the student's work that the caller may see. */
    public List<FileView> ofSubmission(String group, String assignment, Object student) {
        return student == null ? List.of() : read.computeIfAbsent("submission " + group + " " + assignment + " " + student,
                ignored -> shown(() -> attachments.ofSubmission(uuid(group), uuid(assignment), uuid(String.valueOf(student)))));
    }

    /** The files of the last hand-in, and those of the student's draft that wait for the next (the student's only). */
    public List<FileView> ofHandIn(String group, String assignment, SubmissionView submission) {
        return submission == null ? List.of() : ofSubmission(group, assignment, submission.studentId()).stream()
                .filter(file -> file.draft() || Objects.equals(file.entry(), submission.history().size())).toList();
    }

    /** The files of the teacher's answer to the last hand-in, and those waiting for it (the teachers' only). */
    public List<FileView> ofAnswer(String group, String assignment, SubmissionView submission) {
        return submission == null ? List.of() : ofSubmission(group, assignment, submission.studentId()).stream()
                .filter(file -> file.pendingAnswer() || Objects.equals(file.entry(), submission.history().size() + 1))
                .toList();
    }

    /** The files of the history's entry at this index. */
    public List<FileView> ofEarlier(String group, String assignment, SubmissionView submission, int index) {
        return ofSubmission(group, assignment, submission.studentId()).stream()
                .filter(file -> Objects.equals(file.entry(), index)).toList();
    }

    /** The person signed in, whose own work a student's page shows. */
    public UUID getMe() {
        return caller.currentActor().filter(Actor.Person.class::isInstance).map(actor -> ((Actor.Person) actor).personId())
                .orElse(null);
    }

    public boolean previewable(FileView file) {
        return FileHeaders.previewable(file.mediaType());
    }

    /** A size as people read it: "12 kB", "3.4 MB". */
    public String size(FileView file) {
        return readable(file.size());
    }

    /** What the upload form says of the limit and the types, in the page's language. */
    public String getHint() {
        return Texts.text("files.hint", readable(settings.maxBytes()));
    }

    /** The types the file chooser offers first; the server decides by the bytes all the same. */
    public String getAccept() {
        return String.join(",", settings.allowedTypes()) + ",.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt";
    }

    private static String readable(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        return String.format(Locale.ROOT, "%d kB", (bytes + 1023) / 1024);
    }

    private static List<FileView> shown(Supplier<List<FileView>> read) {
        try {
            return read.get();
        } catch (AccessDeniedException | StudentDataNotFoundException | IllegalArgumentException notShown) {
            return List.of();
        }
    }

    private static UUID uuid(String text) {
        return UUID.fromString(text.strip());
    }
}
