package se.klassrum.roster.testing.ss12000;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.parser.OpenAPIV3Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SS 12000 v2.1 specification as a contract for the test's stand-in register: every body the stand-in
 * serves is checked against the schema the OpenAPI file names for that path's answer, so the stubs cannot
 * drift from the standard. The file is read from the shared folder beside the checkout
 * ({@code ../shared/standards/ss12000}), or from the system property {@code klassrum.ss12000.openapi}.
 */
public final class Ss12000Contract {

    public static final String FILE = "openapi_ss12000_version2_1_0.yaml";

    private static Ss12000Contract instance;

    private final Path file;
    private final OpenAPI openApi;
    /** The address the file is known by inside the validator, which is given its text rather than a path. */
    private static final String IRI = "https://ss12000.klassrum.test/" + FILE;

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private Ss12000Contract(Path file) {
        this.file = file;
        this.openApi = new OpenAPIV3Parser().read(file.toString());
        try {
            String text = Files.readString(file);
            this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                    builder -> builder.schemas(Map.of(IRI, text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (openApi == null || openApi.getPaths() == null) {
            throw new IllegalStateException("the SS 12000 specification " + file + " could not be read");
        }
    }

    public static synchronized Ss12000Contract get() {
        if (instance == null) {
            instance = new Ss12000Contract(locate());
        }
        return instance;
    }

    /** The version the specification says it is, e.g. 2.1.0. */
    public String version() {
        return openApi.getInfo().getVersion();
    }

    /**
     * The ways a body breaks the schema of the specification's answer to GET path with this status (an empty
     * list for a body that fits).
     *
     * @throws IllegalArgumentException if the specification has no such answer
     */
    public List<String> violations(String path, int status, String body) {
        return violations(path, Integer.toString(status), body);
    }

    /** As {@link #violations(String, int, String)}, for a response key of the specification such as "default". */
    public List<String> violations(String path, String status, String body) {
        Schema schema = schemas.computeIfAbsent(path + " " + status, key -> schema(path, status));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        return errors.stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    private Schema schema(String path, String status) {
        PathItem item = openApi.getPaths().get(path);
        Operation get = item == null ? null : item.getGet();
        var response = get == null ? null : get.getResponses().get(status);
        MediaType json = response == null || response.getContent() == null ? null
                : response.getContent().get("application/json");
        if (json == null || json.getSchema() == null || json.getSchema().get$ref() == null) {
            throw new IllegalArgumentException("the SS 12000 specification has no JSON answer " + status + " to GET " + path);
        }
        return registry.getSchema(SchemaLocation.of(IRI + json.getSchema().get$ref()));
    }

    private static Path locate() {
        String configured = System.getProperty("klassrum.ss12000.openapi");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared").resolve("standards").resolve("ss12000").resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the SS 12000 specification shared/standards/ss12000/" + FILE
                + " was not found above " + Path.of("").toAbsolutePath());
    }
}
