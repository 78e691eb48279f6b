package se.klassrum.web.api;

import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.teaching.boundary.Attachments;
import se.klassrum.teaching.boundary.Views.FileView;
import se.klassrum.teaching.control.Uploads;
import se.klassrum.web.platform.FileHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Uploads read from a multipart body, and downloads answered with the headers that keep a file from acting as a page. */
final class FileAnswers {

    /** The form field of the files in an upload; several may be sent at once. */
    static final String FIELD = "file";

    private FileAnswers() {
    }

    /**
     * Takes in the parts named {@value #FIELD} one after the other (each spooled to a temporary file and sniffed) and
     * hands them to the attaching business method; the temporary files are gone afterwards, whatever happened.
     */
    static List<FileView> attach(Uploads uploads, List<EntityPart> parts,
                                 Function<List<Uploads.Upload>, List<FileView>> attach) {
        List<Uploads.Upload> received = new ArrayList<>();
        try {
            for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
                if (!FIELD.equals(part.getName())) {
                    continue;
                }
                try (InputStream content = part.getContent()) {
                    received.add(uploads.receive(part.getFileName().map(FileHeaders::utf8).orElse(null), content));
                }
            }
            if (received.isEmpty()) {
                throw new InvalidInputException(FIELD, "Välj minst en fil (fältet " + FIELD + ")",
                        "Choose at least one file (the field " + FIELD + ")");
            }
            return attach.apply(received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            received.forEach(Uploads.Upload::close);
        }
    }

    /**
     * The file, when the caller may read it. Unknown, another organisation's and refused files are all the same 404,
     * so that an answer never tells that a file exists; the refusal is in the audit log all the same.
     */
    static Response download(Supplier<Attachments.Download> read, boolean inline) {
        Attachments.Download download;
        try {
            download = read.get();
        } catch (AccessDeniedException refused) {
            throw new StudentDataNotFoundException();
        }
        FileView file = download.file();
        StreamingOutput body = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder answer = Response.ok(body, file.mediaType()).header("Content-Length", file.size());
        FileHeaders.of(file.name(), file.mediaType(), inline).forEach(answer::header);
        return answer.build();
    }
}
