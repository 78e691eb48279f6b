package se.klassrum.web.api;

import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.teaching.boundary.Attachments;
import se.klassrum.teaching.boundary.Views.FileView;
import se.klassrum.teaching.control.Uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Uploads read from a multipart body, and downloads answered with the headers that keep a file from acting as a page. */
final class FileAnswers {

    /** The form field of the files in an upload; several may be sent at once. */
    static final String FIELD = "file";

    /** Shown in the browser when asked for ({@code inline=true}); every other type is only ever downloaded. */
    private static final Set<String> PREVIEWABLE = Set.of("application/pdf", "image/jpeg", "image/png", "image/gif",
            "image/webp");

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
                    received.add(uploads.receive(part.getFileName().map(FileAnswers::utf8).orElse(null), content));
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
     * The name as the browser sent it: browsers put it in the part's header as raw UTF-8, which the multipart reader
     * takes for ISO-8859-1. A name that is not valid UTF-8 that way stays as it was read.
     */
    static String utf8(String name) {
        if (name.chars().anyMatch(c -> c > 0xff)) {
            return name;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return name;
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
        boolean preview = inline && PREVIEWABLE.contains(file.mediaType());
        StreamingOutput body = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, file.mediaType())
                .header("Content-Length", file.size())
                .header("Content-Disposition", disposition(preview ? "inline" : "attachment", file.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                .build();
    }

    /**
     * RFC 6266: the name in UTF-8 as {@code filename*} (RFC 8187), with an ASCII stand-in as {@code filename} for old
     * clients.
     */
    static String disposition(String type, String name) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean attrChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            encoded.append(attrChar ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
