package se.klassrum.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import se.klassrum.access.audit.AuditFilter;
import se.klassrum.web.audit.AuditExtract;
import se.klassrum.web.audit.AuditQuery;

/** An audit log's entries and filters as the API gives and takes them. */
final class AuditJson {

    private AuditJson() {
    }

    /** One entry: what the log keeps, and the sentence, outcome and reasons in the reader's language. */
    static JsonObjectBuilder row(AuditExtract.Row row) {
        return Json.createObjectBuilder()
                .add("seq", row.seq())
                .add("occurredAt", row.occurredAt().toString())
                .add("purpose", row.purpose())
                .add("actorKind", row.actorKind())
                .add("actor", row.actorId())
                .add("kind", row.kind())
                .add("operation", row.operation())
                .add("decision", row.allowed() ? "ALLOW" : "DENY")
                .add("failingCodes", String.join(",", row.failingCodes()))
                .add("requestId", row.requestId())
                .add("actorName", row.actor())
                .add("sentence", row.sentence())
                .add("outcome", row.outcome())
                .add("reasons", Json.createArrayBuilder(row.reasons()));
    }

    /** The audit log's filters from the query parameters, or a problem naming the one that cannot be read. */
    static AuditFilter filter(String actor, String kind, String from, String to, String outcome) {
        try {
            return new AuditQuery(actor, kind, from, to, outcome).filter();
        } catch (AuditQuery.InvalidFilter invalid) {
            throw new InvalidInputException(invalid.field(), invalid.swedish(), invalid.english());
        }
    }
}
