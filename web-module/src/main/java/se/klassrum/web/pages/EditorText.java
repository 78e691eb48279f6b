package se.klassrum.web.pages;

import se.klassrum.teaching.entity.SafeHtml;

/**
 * What a rich text editor of a form posted (WEB-INF/includes/editor.xhtml): HTML, which the boundary that stores it
 * sanitises with the one policy ({@link SafeHtml}). A form asks here whether anything visible was written.
 */
final class EditorText {

    private EditorText() {
    }

    /** True when nothing visible is left once sanitised: empty, only spaces, or only markup (an empty paragraph). */
    static boolean isBlank(String html) {
        return html == null || SafeHtml.of(html).isBlank();
    }

    /** The posted HTML, or the empty text when nothing visible was written. */
    static String orEmpty(String html) {
        return isBlank(html) ? "" : html;
    }
}
