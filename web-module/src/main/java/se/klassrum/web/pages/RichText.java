package se.klassrum.web.pages;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import se.klassrum.teaching.entity.SafeHtml;

import java.io.IOException;

/**
 * {@code <k:richText value="#{post.body()}"/>}: the one way a page renders stored rich text as markup, in a
 * {@code <div class="rich-text">} (long words wrap, the editor's bullet lists show as bullets: {@code klassrum.css}).
 * It takes a {@link SafeHtml} only — which exists only after the one sanitiser policy — and refuses anything else, a
 * plain {@code String} above all, so no page can render unsanitised markup by mistake. Nothing else on the pages
 * writes markup unescaped: {@code RichTextTest} fails on any {@code escape="false"} in a page.
 */
@FacesComponent(value = RichText.TYPE, createTag = true, tagName = "richText", namespace = RichText.NAMESPACE)
public class RichText extends UIComponentBase {

    static final String TYPE = "se.klassrum.RichText";
    static final String NAMESPACE = "https://klassrum.se/faces";

    @Override
    public String getFamily() {
        return TYPE;
    }

    @Override
    public String getRendererType() {
        return null;
    }

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        writer.startElement("div", this);
        Object styleClass = getAttributes().get("styleClass");
        writer.writeAttribute("class", styleClass == null ? "rich-text" : "rich-text " + styleClass, "styleClass");
        writer.write(markup(getAttributes().get("value")));
        writer.endElement("div");
    }

    /** The markup of a sanitised text; nothing for no text; anything but a {@link SafeHtml} is refused. */
    static String markup(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof SafeHtml html) {
            return html.value();
        }
        throw new IllegalArgumentException("k:richText renders SafeHtml only, not " + value.getClass().getName());
    }
}
