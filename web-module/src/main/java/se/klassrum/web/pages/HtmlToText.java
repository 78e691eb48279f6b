package se.klassrum.web.pages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stored rich text back as the plain text a form shows for editing, the inverse of {@link PlainText#toHtml} for what
 * it wrote: paragraphs apart by a blank line, line breaks kept, other markup dropped, entities decoded (the sanitiser
 * writes some characters as numeric entities).
 */
final class HtmlToText {

    private static final Pattern ENTITY = Pattern.compile("&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos|nbsp));");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(?:p|li|h[1-6]|div|blockquote|tr|table|ul|ol)>");

    private HtmlToText() {
    }

    static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String text = BLOCK_END.matcher(html.replaceAll("(?i)<br\\s*/?>", "\n")).replaceAll("\n\n")
                .replaceAll("<[^>]*>", "");
        return decode(text).replaceAll("\n{3,}", "\n\n").strip();
    }

    /** All entities in one pass, so that a decoded {@code &} never starts another entity. */
    private static String decode(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String character;
            if (matcher.group(1) != null) {
                character = new String(Character.toChars(Integer.parseInt(matcher.group(1))));
            } else if (matcher.group(2) != null) {
                character = new String(Character.toChars(Integer.parseInt(matcher.group(2), 16)));
            } else {
                character = switch (matcher.group(3)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> " ";
                };
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(character));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
