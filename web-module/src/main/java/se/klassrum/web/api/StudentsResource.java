package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.klassrum.access.audit.AuditEntry;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.boundary.AccessExplanations;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.roster.boundary.StudentProfiles;

import java.util.List;
import java.util.UUID;

/** Students: a profile behind the access rules, and the audit extract of who saw what about a student. */
@Path("v1/students")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StudentsResource {

    private static final int MAX_AUDIT_ENTRIES = 500;

    @Inject
    StudentProfiles profiles;

    @Inject
    AccessExplanations explanations;

    @Inject
    AuditLog audit;

    @GET
    @Path("{id}")
    public StudentProfile profile(@PathParam("id") String id) {
        return profiles.profile(Params.uuid("id", id));
    }

    /**
     * Who asked about this student's data, when, what kind and with what outcome — never the data. For the
     * school's administrators; also serves a data subject's request for an extract.
     */
    @GET
    @Path("{id}/audit")
    public String audit(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
        UUID studentId = Params.uuid("id", id);
        if (limit < 1 || limit > MAX_AUDIT_ENTRIES) {
            throw new InvalidInputException("limit", "limit måste vara 1–" + MAX_AUDIT_ENTRIES,
                    "limit must be 1–" + MAX_AUDIT_ENTRIES);
        }
        UUID tenant = explanations.requireAdministratorOf(studentId);
        List<AuditEntry> entries = audit.forStudent(tenant.toString(), studentId.toString(), limit);
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (AuditEntry entry : entries) {
            rows.add(Json.createObjectBuilder()
                    .add("seq", entry.seq())
                    .add("occurredAt", entry.occurredAt().toInstant().toString())
                    .add("purpose", entry.purpose())
                    .add("actorKind", entry.actorKind())
                    .add("actor", entry.actorId() == null ? "" : entry.actorId())
                    .add("kind", entry.dataKind())
                    .add("operation", entry.operation())
                    .add("decision", entry.decision())
                    .add("failingCodes", entry.failingCodes())
                    .add("requestId", entry.requestId()));
        }
        return Json.createObjectBuilder().add("student", studentId.toString()).add("entries", rows).build().toString();
    }
}
