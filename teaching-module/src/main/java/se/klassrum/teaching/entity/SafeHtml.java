package se.klassrum.teaching.entity;

import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.nibor.autolink.Span;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rich text that has passed the OWASP Java HTML Sanitizer with the one policy of the platform: exactly what the
 * teachers' editor writes survives — paragraphs, line breaks, bold, italic, underline, lists, headings h2–h4 and
 * links (http, https, mailto), every link with {@code rel="noopener noreferrer"} and no {@code target}; scripts,
 * styles, event handlers, images, frames and forms never do. After sanitising, plain web addresses in the text become
 * links (autolink, on text nodes only), and text without any paragraph or line break of its own (plain text stored
 * through the API) keeps its line breaks as {@code <br />}.
 * <p>
 * The only ways to make one are {@link #of} and, for what an entity stored, {@link #stored}, which sanitises again:
 * the policy is idempotent on its own output, and text stored under an older policy is shown under this one. A page
 * renders rich text only from a {@code SafeHtml}, so nothing unsanitised can be rendered as markup. In JSON it is the
 * string of its markup.
 */
@JsonbTypeSerializer(SafeHtml.AsJsonString.class)
@Schema(type = SchemaType.STRING, description = "Sanitised HTML: p, br, strong/b, em/i, u, ul/ol/li, h2-h4 and links "
        + "(http, https, mailto) with rel=\"noopener noreferrer\"")
public final class SafeHtml {

    private static final Set<String> BLOCKS = Set.of("p", "br", "li", "h2", "h3", "h4");
    private static final Set<String> LIST_KINDS = Set.of("bullet", "ordered");
    private static final List<String> LINK_RELS = List.of("rel", "noopener noreferrer");
    private static final LinkExtractor ADDRESSES = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h2", "h3", "h4")
            .allowElements((name, attributes) -> "h2", "h1")
            .allowElements((name, attributes) -> "h4", "h5", "h6")
            // The editor writes a bullet list as <ol> whose items say data-list="bullet"; the page's style shows it so.
            .allowAttributes("data-list").matching((name, attribute, value) -> LIST_KINDS.contains(value)
                    ? value : null).onElements("li")
            .allowElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            // Links open outside the platform and give the target page no handle on it.
            .requireRelsOnLinks("noopener", "noreferrer")
            .withPostprocessor(Linked::new)
            .toFactory();

    /** Hidden from the OpenAPI scanner, which would otherwise describe it as a property: JSON has the string only. */
    @Schema(hidden = true)
    private final String value;

    private SafeHtml(String value) {
        this.value = value;
    }

    /** Sanitises text from a user; null counts as empty. */
    public static SafeHtml of(String untrusted) {
        return new SafeHtml(untrusted == null ? "" : POLICY.sanitize(untrusted));
    }

    /** Text that was sanitised when it was stored, under this policy again; null stays null (nothing stored). */
    static SafeHtml stored(String value) {
        return value == null ? null : of(value);
    }

    public String value() {
        return value;
    }

    /** True when nothing visible is left once the markup is removed. */
    public boolean isBlank() {
        return value.replaceAll("<[^>]*>", "").replace("&nbsp;", " ").replace("&#160;", " ").isBlank();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SafeHtml html && html.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * The step after the policy, on its events: text outside a link has its web addresses made into links, and a
     * document without any block or line break of its own has its line breaks kept. The events are held until the
     * document ends, because only then is it known whether it had blocks; a post is small.
     */
    private static final class Linked implements HtmlStreamEventReceiver {

        private final HtmlStreamEventReceiver out;
        private final List<Consumer<HtmlStreamEventReceiver>> held = new ArrayList<>();
        private boolean blocks;
        private int linkDepth;

        Linked(HtmlStreamEventReceiver out) {
            this.out = out;
        }

        @Override
        public void openDocument() {
            out.openDocument();
        }

        @Override
        public void closeDocument() {
            held.forEach(event -> event.accept(out));
            out.closeDocument();
        }

        @Override
        public void openTag(String name, List<String> attributes) {
            blocks |= BLOCKS.contains(name);
            List<String> copy = "a".equals(name) ? withOurRel(attributes) : List.copyOf(attributes);
            linkDepth += "a".equals(name) ? 1 : 0;
            held.add(receiver -> receiver.openTag(name, new ArrayList<>(copy)));
        }

        @Override
        public void closeTag(String name) {
            linkDepth -= "a".equals(name) && linkDepth > 0 ? 1 : 0;
            held.add(receiver -> receiver.closeTag(name));
        }

        @Override
        public void text(String text) {
            if (linkDepth > 0) {
                held.add(receiver -> receiver.text(text));
                return;
            }
            int at = 0;
            for (Span span : ADDRESSES.extractSpans(text)) {
                String part = text.substring(span.getBeginIndex(), span.getEndIndex());
                String href = span instanceof LinkSpan link ? hrefOf(link, part) : null;
                if (href == null) {
                    continue;
                }
                plain(text.substring(at, span.getBeginIndex()));
                held.add(receiver -> {
                    List<String> attributes = new ArrayList<>(List.of("href", href));
                    attributes.addAll(LINK_RELS);
                    receiver.openTag("a", attributes);
                    receiver.text(part);
                    receiver.closeTag("a");
                });
                at = span.getEndIndex();
            }
            plain(text.substring(at));
        }

        /** Text; in a document without blocks its line breaks become {@code <br />} (decided when it ends). */
        private void plain(String text) {
            if (text.isEmpty()) {
                return;
            }
            held.add(receiver -> {
                if (blocks || text.indexOf('\n') < 0) {
                    receiver.text(text);
                    return;
                }
                String[] lines = text.replace("\r\n", "\n").split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        receiver.openTag("br", new ArrayList<>());
                    }
                    if (!lines[i].isEmpty()) {
                        receiver.text(lines[i]);
                    }
                }
            });
        }

        /** A link's attributes with the one rel every link has, whatever rel it came with (the editor writes its own). */
        private static List<String> withOurRel(List<String> attributes) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i + 1 < attributes.size(); i += 2) {
                if (!"rel".equals(attributes.get(i))) {
                    kept.add(attributes.get(i));
                    kept.add(attributes.get(i + 1));
                }
            }
            kept.addAll(LINK_RELS);
            return List.copyOf(kept);
        }

        /** Only web addresses become links: a www address gets https, any other scheme than http(s) stays text. */
        private static String hrefOf(LinkSpan link, String part) {
            if (link.getType() == LinkType.WWW) {
                return "https://" + part;
            }
            String lower = part.toLowerCase(Locale.ROOT);
            return lower.startsWith("http://") || lower.startsWith("https://") ? part : null;
        }
    }

    /** In JSON, rich text is the string of its markup, as it always was. */
    public static final class AsJsonString implements JsonbSerializer<SafeHtml> {
        @Override
        public void serialize(SafeHtml html, JsonGenerator generator, SerializationContext context) {
            generator.write(html.value());
        }
    }
}
