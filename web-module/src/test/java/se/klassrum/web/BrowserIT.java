package se.klassrum.web;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;

/**
 * The web pages in headless Chromium, against one deployment: each nested class runs the scenarios of its
 * {@code *Checks} class. Run one of them alone with e.g. {@code -Dit.test='BrowserIT$Pages'}.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class BrowserIT extends KlassrumServerTest {

    @Nested
    @Order(1)
    class Pages extends PagesChecks {
    }

    @Nested
    @Order(2)
    class PortalPages extends PortalPagesChecks {
    }

    @Nested
    @Order(3)
    class TeachingPages extends TeachingPagesChecks {
    }

    @Nested
    @Order(4)
    class RichTextPages extends RichTextPagesChecks {
    }

    @Nested
    @Order(5)
    class FilesPages extends FilesPagesChecks {
    }

    @Nested
    @Order(6)
    class TalkPages extends TalkPagesChecks {
    }

    @Nested
    @Order(7)
    class DevelopmentPages extends DevelopmentPagesChecks {
    }

    @Nested
    @Order(8)
    class AdulthoodPages extends AdulthoodPagesChecks {
    }

    @Nested
    @Order(9)
    class BreakPages extends BreakPagesChecks {
    }
}
