package se.klassrum.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import se.klassrum.web.api.ProblemExamples;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Map;

/**
 * The integration API. Resources carry their version in the path ({@code /api/v1/...}); callers
 * authenticate with a MicroProfile JWT (issuer and key from the {@code klassrum.jwt.*} settings).
 */
@ApplicationPath("/api")
// A bean-defining annotation, so that the MicroProfile JWT extension sees @LoginConfig in an "annotated" archive.
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
        info = @Info(title = "Klassrum integration API", version = "1",
                description = "Posts, assignments, assessments (omdömen) and development talks (utvecklingssamtal) of "
                        + "Swedish schools, and the roster they live in. Every call that touches a student's data passes "
                        + "the access rules (docs/ACCESS-RULES.md) and is written to the audit log. Refusals are RFC 9457 "
                        + "problems (application/problem+json) in Swedish, or English with Accept-Language: en.",
                license = @License(name = "Open source")),
        security = @SecurityRequirement(name = "jwt"),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP,
                        scheme = "bearer", bearerFormat = "JWT",
                        description = "A person's token carries tid (Entra tenant id) and oid (Entra object id); an "
                                + "application's token carries idtyp=app and its permissions in roles."),
                schemas = {@Schema(name = "FileUpload", type = SchemaType.OBJECT,
                        description = "An upload: one or more files, each in a part named file",
                        properties = @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary",
                                description = "a file; repeat the part for several")),
                        @Schema(name = "Problem", type = SchemaType.OBJECT,
                        description = "An RFC 9457 problem",
                        properties = {
                                @SchemaProperty(name = "type", type = SchemaType.STRING,
                                        example = "https://klassrum.se/problems/access-denied"),
                                @SchemaProperty(name = "title", type = SchemaType.STRING, example = "Access denied"),
                                @SchemaProperty(name = "status", type = SchemaType.INTEGER, example = "403"),
                                @SchemaProperty(name = "detail", type = SchemaType.STRING),
                                @SchemaProperty(name = "requestId", type = SchemaType.STRING,
                                        description = "the request's id, as in its X-Request-Id answer header and its "
                                                + "audit entries"),
                                @SchemaProperty(name = "prerequisites", type = SchemaType.ARRAY,
                                        description = "403: each missing prerequisite with its path and message"),
                                @SchemaProperty(name = "errors", type = SchemaType.ARRAY,
                                        description = "400: each invalid field with its message"),
                                @SchemaProperty(name = "field", type = SchemaType.STRING,
                                        description = "400: the invalid parameter"),
                                @SchemaProperty(name = "code", type = SchemaType.STRING,
                                        description = "409: why the domain refused the change")})},
                responses = {
                        @APIResponse(name = "InvalidInput", description = "A parameter or body field is invalid; each one is named",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                                        examples = @ExampleObject(name = "InvalidInput", value = ProblemExamples.INVALID))),
                        @APIResponse(name = "NotSignedIn", description = "No token, or one whose person Klassrum does not know",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                                        examples = @ExampleObject(name = "NotSignedIn", value = ProblemExamples.NOT_SIGNED_IN))),
                        @APIResponse(name = "AccessDenied", description = "A prerequisite is missing (each one listed with its path and message), or the token is for another tenant (SAME_TENANT)",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                                        examples = @ExampleObject(name = "AccessDenied", value = ProblemExamples.DENIED))),
                        @APIResponse(name = "NotFound", description = "No such student, group or item for the caller (also when it is in another tenant)",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                                        examples = @ExampleObject(name = "NotFound", value = ProblemExamples.NOT_FOUND))),
                        @APIResponse(name = "FileTooLarge", description = "The file is larger than KLASSRUM_FILES_MAX_BYTES; nothing of the upload is kept",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "FileTypeNotAllowed", description = "The file's bytes show a type that KLASSRUM_FILES_TYPES does not allow; nothing of the upload is kept",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "Refused", description = "The domain refuses the change; code says why",
                                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                                        examples = @ExampleObject(name = "Refused", value = ProblemExamples.REFUSED)))
                }))
public class KlassrumApplication extends Application {

    /** Multipart bodies (uploads of attachments) are read by Jersey's multipart support, which Payara ships. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames", "org.glassfish.jersey.media.multipart.MultiPartFeature");
    }
}
