package se.klassrum.web.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The headers of a downloaded attachment, the same from the API and the pages: the name as RFC 6266 says, never
 * sniffed, never cached, and sandboxed so that a file never acts as a page of the site. Only PDFs and pictures are
 * shown in the browser, and only when asked for.
 */
public final class FileHeaders {

    /** Shown in the browser when asked for; every other type is only ever downloaded. */
    private static final Set<String> PREVIEWABLE = Set.of("application/pdf", "image/jpeg", "image/png", "image/gif",
            "image/webp");

    private static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

    private FileHeaders() {
    }

    /** The headers besides the type and length: inline only for a previewable type that is asked to be shown. */
    public static Map<String, String> of(String name, String mediaType, boolean inline) {
        boolean preview = inline && PREVIEWABLE.contains(mediaType);
        return Map.of("Content-Disposition", disposition(preview ? "inline" : "attachment", name),
                "X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-store",
                "Content-Security-Policy", SANDBOX);
    }

    /** Whether the browser may show the type ({@code inline=true}). */
    public static boolean previewable(String mediaType) {
        return PREVIEWABLE.contains(mediaType);
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

    /**
     * A file name as the browser sent it: browsers put it in the part's header as raw UTF-8, which multipart readers
     * take for ISO-8859-1. A name that is not valid UTF-8 that way stays as it was read.
     */
    public static String utf8(String name) {
        if (name == null || name.chars().anyMatch(c -> c > 0xff)) {
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
}
