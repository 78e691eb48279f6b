package se.klassrum.web.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import se.klassrum.teaching.boundary.DataSubjectExtracts;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The one file a school hands a student who asks what Klassrum holds about them (GDPR article 15): the student's data
 * ({@link DataSubjectExtracts}) and who asked about it, when, and the outcome, as the audit log tells it in the
 * reader's language. The API ({@code GET /api/v1/students/{id}/extract}) and the audit page's download give the same.
 */
@ApplicationScoped
public class DataSubjectFile {

    @Inject
    DataSubjectExtracts extracts;

    @Inject
    AuditExtract audit;

    /**
     * @throws se.klassrum.access.api.StudentDataNotFoundException unless the caller administers a school of the student
     */
    public JsonObject of(UUID studentId, Locale locale) {
        JsonObject held = extracts.extract(studentId);
        JsonArrayBuilder log = Json.createArrayBuilder();
        for (AuditExtract.Row row : audit.all(studentId, new AuditQuery(null, null, null, null, null).filter(), locale).rows()) {
            log.add(Json.createObjectBuilder()
                    .add("at", row.occurredAt().toString())
                    .add("who", row.actor())
                    .add("what", row.sentence())
                    .add("outcome", row.outcome())
                    .add("reasons", Json.createArrayBuilder(row.reasons())));
        }
        return Json.createObjectBuilder(held)
                .add("extractedAt", Instant.now().toString())
                .add("accessLog", log)
                .build();
    }

    /** The file's name: {@code klassrum-extract-<student id>.json}. */
    public static String fileName(UUID studentId) {
        return "klassrum-extract-" + studentId + ".json";
    }
}
