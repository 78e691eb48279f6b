package se.klassrum.teaching.entity;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import java.util.Objects;

/**
 * Rich text that has passed the OWASP Java HTML Sanitizer: plain formatting, lists, headings, tables
 * and links (http, https, mailto) survive; scripts, styles, event handlers, frames, forms and
 * {@code javascript:} URLs never do. The only way to make one is {@link #of}, so an entity that takes
 * {@code SafeHtml} cannot receive unsanitised input by mistake.
 */
public final class SafeHtml {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowStandardUrlProtocols()
                    .allowAttributes("href").onElements("a")
                    // Links open outside the platform and give the target page no handle on it.
                    .requireRelsOnLinks("noopener", "noreferrer")
                    .toFactory());

    private final String value;

    private SafeHtml(String value) {
        this.value = value;
    }

    /** Sanitises text from a user; null counts as empty. */
    public static SafeHtml of(String untrusted) {
        return new SafeHtml(untrusted == null ? "" : POLICY.sanitize(untrusted));
    }

    /** Text that was sanitised when it was stored. */
    static SafeHtml stored(String value) {
        return new SafeHtml(Objects.requireNonNull(value));
    }

    public String value() {
        return value;
    }

    /** True when nothing visible is left once the markup is removed. */
    public boolean isBlank() {
        return value.replaceAll("<[^>]*>", "").replace("&nbsp;", " ").replace("&#160;", " ").isBlank();
    }

    @Override
    public String toString() {
        return value;
    }
}
