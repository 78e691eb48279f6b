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
import se.klassrum.teaching.control.FileSettings;
import se.klassrum.web.platform.FileHeaders;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The attachments the pages show (WEB-INF/includes/files.xhtml): the files of a post or a submission that the person
 * may see, read through the same business methods as the API; what they may not see is not shown.
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

    public List<FileView> ofPost(String group, Object post, String child) {
        return shown(() -> attachments.ofPost(uuid(group), uuid(String.valueOf(post)), child == null || child.isBlank() ? null : uuid(child)));
    }

    public List<FileView> ofSubmission(String group, String assignment, Object student) {
        return student == null ? List.of()
                : shown(() -> attachments.ofSubmission(uuid(group), uuid(assignment), uuid(String.valueOf(student))));
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
