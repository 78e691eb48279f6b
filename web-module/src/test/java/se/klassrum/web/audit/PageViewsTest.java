package se.klassrum.web.audit;

import org.junit.jupiter.api.Test;
import se.klassrum.web.audit.AuditExtract.Row;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A page view is one entry of the student's log as the administrator reads it, however many lists it read. */
class PageViewsTest {

    private static final AuditSentences SWEDISH = new AuditSentences(Locale.forLanguageTag("sv"));
    private static final AuditSentences ENGLISH = new AuditSentences(Locale.ENGLISH);

    /** Newest first, as the log is read: Karin's view read talks last, posts first. */
    private static final List<Row> ONE_VIEW = List.of(
            read(5, "karin", "request-1", "DEVELOPMENT_TALK"),
            read(4, "karin", "request-1", "ASSESSMENT"),
            read(3, "karin", "request-1", "ASSIGNMENT"),
            read(2, "karin", "request-1", "POST"),
            read(1, "karin", "request-1", "POST"));

    @Test
    void theListsOfOneViewAreOneSentenceInTheOrderTheyWereRead() {
        List<Row> views = AuditExtract.views(ONE_VIEW, SWEDISH, "Elsa");

        assertThat(views).hasSize(1);
        assertThat(views.get(0).line())
                .isEqualTo("Karin Ek läste Elsas inlägg, uppgifter, omdömen och utvecklingssamtal · tillåtet");
        assertThat(views.get(0).kind()).isEqualTo("POST,ASSIGNMENT,ASSESSMENT,DEVELOPMENT_TALK");
        assertThat(views.get(0).seq()).as("the newest entry of the view").isEqualTo(5);
        assertThat(AuditExtract.views(ONE_VIEW, ENGLISH, "Elsa").get(0).sentence())
                .isEqualTo("Karin Ek read Elsa's posts, assignments, assessments and development talks");
    }

    @Test
    void otherRequestsOtherAskersAndRefusalsStayEntriesOfTheirOwn() {
        Row denied = new Row(3, Instant.EPOCH, "", "ACCESS", "PERSON", "karin", "Karin Ek", "ASSESSMENT", "READ", false,
                List.of("GUARDIAN_LINK"), "request-1", "Karin Ek försökte läsa Elsas omdömen", "nekat", List.of("skäl"));
        List<Row> rows = List.of(
                read(6, "karin", "request-2", "POST"),
                read(5, "karin", "request-1", "POST"),
                read(4, "anna", "request-1", "POST"),
                denied,
                read(2, "karin", "request-1", "POST"),
                read(1, "karin", "request-1", "ASSIGNMENT"));

        List<Row> views = AuditExtract.views(rows, SWEDISH, "Elsa");

        assertThat(views).extracting(Row::seq).containsExactly(6L, 5L, 4L, 3L, 2L);
        assertThat(views.get(3)).isSameAs(denied);
        assertThat(views.get(4).sentence()).isEqualTo("Karin Ek läste Elsas uppgifter och inlägg");
    }

    private static Row read(long seq, String actorId, String requestId, String kind) {
        String actor = actorId.equals("karin") ? "Karin Ek" : "Anna Andersson";
        return new Row(seq, Instant.EPOCH, "", "ACCESS", "PERSON", actorId, actor, kind, "READ", true, List.of(), requestId,
                actor + " läste Elsas " + kind, "tillåtet", List.of());
    }
}
