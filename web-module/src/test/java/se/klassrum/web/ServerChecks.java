package se.klassrum.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;
import se.klassrum.access.api.Slice;
import se.klassrum.guardian.boundary.LoginPolicy;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.teaching.boundary.Views;
import se.klassrum.web.api.MicrosoftResource;
import se.klassrum.web.api.Requests;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.ENTRA_TENANT_NORRA;
import static se.klassrum.roster.demo.DemoIds.ENTRA_TENANT_SOLBACKA;
import static se.klassrum.roster.demo.DemoIds.GROUP_MA1C_A;
import static se.klassrum.roster.demo.DemoIds.OID_ANNA;
import static se.klassrum.roster.demo.DemoIds.OID_DAVID;
import static se.klassrum.roster.demo.DemoIds.OID_FILIP;
import static se.klassrum.roster.demo.DemoIds.OID_SARA;
import static se.klassrum.roster.demo.DemoIds.PERSON_ELSA;

/**
 * The WAR as built, deployed on Payara Micro against a real PostgreSQL, called over HTTP as an
 * operator's load balancer would.
 */
abstract class ServerChecks extends ServerCalls {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void isReadyOnlyWithTheDatabaseMigrated() throws Exception {
        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"name\":\"database\"").contains("\"schemaVersion\"");
    }

    @Test
    void isReadyWhileTheAuditWriterRecordsAndShowsItsBacklog() throws Exception {
        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"name\":\"audit\"").contains("\"waiting\"").contains("\"oldestWaitMillis\"")
                .doesNotContain("\"status\":\"DOWN\"");
        HttpResponse<String> metrics = get("/metrics?scope=application");
        assertThat(metrics.body()).contains("klassrum_audit_waiting").contains("klassrum_audit_oldest_wait_seconds");
    }

    @Test
    void isReadyOnlyWhenTheApplicationAnswers() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        HttpResponse<String> api = get("/api/v1/schools");
        HttpResponse<String> page = get("/sign-in.xhtml");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).doesNotContain("PENDING");
        assertThat(api.statusCode()).as("the API answers, asking for a token").isEqualTo(401);
        assertThat(page.statusCode()).as("the pages answer").isEqualTo(200);
        for (int call = 0; call < 10; call++) {
            assertThat(get("/health/ready").statusCode()).as("ready stays ready").isEqualTo(200);
        }
    }

    /**
     * Every field of every request body of the API is in the OpenAPI document: the request classes are those
     * in {@code Requests} and the bodies the resources' methods take, their JSON properties their public fields
     * and record components.
     */
    @Test
    void theOpenApiDocumentDescribesEveryFieldOfEveryRequest() throws Exception {
        Map<String, io.swagger.v3.oas.models.media.Schema> schemas = openApiDocument().getComponents().getSchemas();

        Set<Class<?>> types = new LinkedHashSet<>(List.of(Requests.class.getClasses()));
        types.addAll(ApiTypes.requestTypes());
        assertThat(types).as("the request classes found").contains(Requests.AssessmentRequest.class,
                Requests.DevelopmentTalkRequest.class, MicrosoftResource.ConnectRequest.class);
        List<String> missing = new ArrayList<>();
        for (Class<?> type : types) {
            io.swagger.v3.oas.models.media.Schema<?> schema = schemas.get(type.getSimpleName());
            if (schema == null) {
                missing.add(type.getName() + ": no schema " + type.getSimpleName());
                continue;
            }
            Set<String> documented = schema.getProperties() == null ? Set.of() : schema.getProperties().keySet();
            for (String property : ApiTypes.jsonProperties(type)) {
                if (!documented.contains(property)) {
                    missing.add(type.getSimpleName() + "." + property);
                }
            }
        }
        assertThat(missing).as("fields missing from /openapi").isEmpty();
    }

    /**
     * Every answer of the API is in the OpenAPI document with every field: each resource method's success answer has
     * an application/json schema (inline or a reference) for the class it answers with (its return type, unwrapped
     * from {@code Slice} as a page of items and from {@code List} as an array; for a {@code Response} or a JSON
     * {@code String}, the class its 2xx {@code @APIResponse} names), and that schema and those of the Klassrum types
     * its properties hold have exactly the JSON properties of their classes: none missing, none that is never sent
     * (a page has {@code Slice}'s, without its hidden {@code positions}).
     */
    @Test
    void theOpenApiDocumentDescribesEveryFieldOfEveryAnswer() throws Exception {
        OpenAPI openApi = openApiDocument();
        Map<String, io.swagger.v3.oas.models.media.Schema> schemas = openApi.getComponents().getSchemas();

        List<ApiTypes.Answer> answers = ApiTypes.answers();
        assertThat(answers).as("the resource methods found").extracting(ApiTypes.Answer::name)
                .contains("StudentsResource#audit", "GroupsResource#members", "AccessResource#explain");
        Set<Class<?>> described = new LinkedHashSet<>();
        answers.stream().filter(answer -> answer.type() != null)
                .forEach(answer -> described.addAll(ApiTypes.typesIn(answer.type())));
        assertThat(described).as("the answer classes found").contains(StudentProfile.class, Views.AssessmentView.class,
                RosterDirectory.SchoolView.class, LoginPolicy.class);
        List<String> missing = new ArrayList<>();
        for (ApiTypes.Answer answer : answers) {
            if (answer.problem() != null) {
                missing.add(answer.name() + ": " + answer.problem());
                continue;
            }
            io.swagger.v3.oas.models.Operation operation = operation(openApi, answer);
            if (operation == null) {
                missing.add(answer.name() + ": no operation " + ApiTypes.httpMethod(answer.method()) + " "
                        + ApiTypes.path(answer.method()));
                continue;
            }
            ApiResponse response = operation.getResponses() == null ? null : operation.getResponses().get(answer.status());
            if (response == null) {
                missing.add(answer.name() + ": no " + answer.status() + " answer");
                continue;
            }
            if (answer.type() == null) {
                continue;
            }
            MediaType json = response.getContent() == null ? null : response.getContent().get("application/json");
            io.swagger.v3.oas.models.media.Schema<?> schema = json == null ? null : json.getSchema();
            String name = answer.name() + " " + answer.status();
            switch (answer.wrapping()) {
                case PAGE -> {
                    io.swagger.v3.oas.models.media.Schema<?> page = resolve(schema, schemas);
                    compare(name + " (PageOf" + answer.type().getSimpleName() + ")", page, ApiTypes.jsonProperties(Slice.class), missing);
                    io.swagger.v3.oas.models.media.Schema<?> items = page == null || page.getProperties() == null ? null
                            : page.getProperties().get("items");
                    describes(name + ".items[]", items == null ? null : items.getItems(), answer.type(), schemas, missing,
                            new LinkedHashSet<>());
                }
                case LIST -> describes(name + "[]", schema == null ? null : schema.getItems(), answer.type(), schemas,
                        missing, new LinkedHashSet<>());
                case PLAIN -> describes(name, schema, answer.type(), schemas, missing, new LinkedHashSet<>());
            }
        }
        assertThat(missing).as("answers and fields missing from /openapi").isEmpty();
    }

    private OpenAPI openApiDocument() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(uri("/openapi"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        return new OpenAPIV3Parser().readContents(document.body(), null, null).getOpenAPI();
    }

    /** The document's operation of a resource method: its HTTP method on its path below the application's. */
    private static io.swagger.v3.oas.models.Operation operation(OpenAPI openApi, ApiTypes.Answer answer) {
        String path = "/api" + ApiTypes.path(answer.method());
        PathItem item = openApi.getPaths().entrySet().stream()
                .filter(entry -> ApiTypes.withoutRegularExpressions(entry.getKey()).equals(path))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        return item == null ? null : item.readOperationsMap()
                .get(PathItem.HttpMethod.valueOf(ApiTypes.httpMethod(answer.method()).toUpperCase(java.util.Locale.ROOT)));
    }

    /** A schema, or the component it refers to. */
    private static io.swagger.v3.oas.models.media.Schema<?> resolve(io.swagger.v3.oas.models.media.Schema<?> schema,
                                                                   Map<String, io.swagger.v3.oas.models.media.Schema> schemas) {
        if (schema == null || schema.get$ref() == null) {
            return schema;
        }
        return schemas.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
    }

    /**
     * The schema describes the Klassrum class: exactly its JSON properties, and so on for each property that holds a
     * Klassrum class (or a list of them).
     */
    private static void describes(String name, io.swagger.v3.oas.models.media.Schema<?> schema, Class<?> type,
                                  Map<String, io.swagger.v3.oas.models.media.Schema> schemas, List<String> missing,
                                  Set<Class<?>> seen) {
        io.swagger.v3.oas.models.media.Schema<?> resolved = resolve(schema, schemas);
        compare(name + " (" + type.getSimpleName() + ")", resolved, ApiTypes.jsonProperties(type), missing);
        if (resolved == null || resolved.getProperties() == null || !seen.add(type)) {
            return;
        }
        for (Map.Entry<String, java.lang.reflect.Type> property : ApiTypes.jsonPropertyTypes(type).entrySet()) {
            io.swagger.v3.oas.models.media.Schema<?> described = resolved.getProperties().get(property.getKey());
            java.lang.reflect.Type held = property.getValue();
            if (described != null && held instanceof java.lang.reflect.ParameterizedType list
                    && list.getRawType() == List.class && list.getActualTypeArguments()[0] instanceof Class<?> item
                    && ApiTypes.isKlassrumClass(item)) {
                describes(name + "." + property.getKey() + "[]", described.getItems(), item, schemas, missing, seen);
            } else if (described != null && held instanceof Class<?> plain && ApiTypes.isKlassrumClass(plain)) {
                describes(name + "." + property.getKey(), described, plain, schemas, missing, seen);
            }
        }
        seen.remove(type);
    }

    /** The schema's properties are exactly the class's JSON properties. */
    private static void compare(String name, io.swagger.v3.oas.models.media.Schema<?> schema, List<String> properties,
                                List<String> missing) {
        if (schema == null) {
            missing.add(name + ": no schema");
            return;
        }
        Set<String> documented = schema.getProperties() == null ? Set.of() : schema.getProperties().keySet();
        properties.stream().filter(property -> !documented.contains(property))
                .forEach(property -> missing.add(name + "." + property));
        documented.stream().filter(property -> !properties.contains(property))
                .forEach(property -> missing.add(name + "." + property + ": documented, never sent"));
    }

    @Test
    void isLive() throws Exception {
        HttpResponse<String> live = get("/health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void migratedTheSchemaAtStartUp(DataSource database) throws SQLException {
        assertThat(Sql.number(database, "select count(*) from flyway_schema_history where success and version = '1'"))
                .isEqualTo(1);
        assertThat(Sql.number(database, "select count(*) from flyway_schema_history where success and description = 'audit log'"))
                .isEqualTo(1);
        assertThat(Sql.number(database, "select count(*) from flyway_schema_history where success and description = 'import run'"))
                .isEqualTo(1);
        assertThat(Sql.number(database, "select count(*) from flyway_schema_history where not success")).isZero();
    }

    @Test
    void loadedTheDemoMunicipalityIntoTheEmptyDatabase(DataSource database) throws SQLException {
        assertThat(Sql.number(database, "select count(*) from tenant")).isEqualTo(2);
        assertThat(Sql.number(database, "select count(*) from school")).isGreaterThanOrEqualTo(3);
        assertThat(Sql.number(database, "select count(*) from person where security_marking <> 'NONE'")).isPositive();
        assertThat(Sql.number(database, "select count(*) from study_group where archived")).isPositive();
        assertThat(Sql.number(database, "select count(*) from study_group where not connected")).isPositive();
    }

    @Test
    void anIntegrationImportsTheStudentRegistersFilesAndFollowsTheRun() throws Exception {
        // Norrå's roster, so that the demo organisation the other server tests use stays as it is.
        String integration = TestIssuer.applicationToken(ENTRA_TENANT_NORRA, "sis-export", List.of("RosterImport.ReadWrite.All"));
        Path samples = sharedData("sds-v2.1");

        HttpResponse<String> imported = upload(integration, samples, List.of("orgs.csv", "users.csv", "roles.csv",
                "classes.csv", "enrollments.csv", "academicSessions.csv", "courses.csv", "demographics.csv",
                "userFlags.csv", "relationships.csv"));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(imported.body()).contains("\"status\":\"SUCCEEDED\"").contains("\"kind\":\"PERSON\"")
                .contains("application:sis-export");
        assertThat(send(integration, "/api/v1/imports").body()).contains("SUCCEEDED").contains("users.csv");
    }

    @Test
    void anIncompleteUploadIsRejectedWithEveryProblemAndChangesNothing(DataSource database) throws Exception {
        String integration = TestIssuer.applicationToken(ENTRA_TENANT_NORRA, "sis-export", List.of("RosterImport.ReadWrite.All"));
        long people = Sql.number(database, "select count(*) from person");

        HttpResponse<String> rejected = upload(integration, sharedData("sds-v2.1"), List.of("orgs.csv"));

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("import-rejected").contains("users.csv");
        assertThat(Sql.number(database, "select count(*) from person")).isEqualTo(people);
    }

    @Test
    void onlyAdministratorsAndPermittedIntegrationsImport() throws Exception {
        String teacher = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA);
        String otherPermission = TestIssuer.applicationToken(ENTRA_TENANT_SOLBACKA, "reader", List.of("Students.Read.All"));

        assertThat(send(teacher, "/api/v1/imports").statusCode()).isEqualTo(403);
        assertThat(send(otherPermission, "/api/v1/imports").statusCode()).isEqualTo(403);
        assertThat(send(TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_SARA), "/api/v1/imports").statusCode()).isEqualTo(200);
    }

    /**
     * An operator scrapes /metrics (Prometheus text) and sees the guard's decisions by kind and outcome and how long
     * they took, the audit appends, each API endpoint by its path template, a roster import's run and phases, and the
     * main connection pool; no student's id is in it. A problem answer names the request's id, which is also its
     * X-Request-Id header and the id of the audit entry that the request wrote.
     */
    @Test
    void operatorsScrapeTheServersMetricsAndFollowARequestByItsId(DataSource database) throws Exception {
        String teacher = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_ANNA);
        String otherTeacher = TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_DAVID);
        String integration = TestIssuer.applicationToken(ENTRA_TENANT_NORRA, "sis-export", List.of("RosterImport.ReadWrite.All"));
        Scrape before = scrape();

        HttpResponse<String> allowed = send(teacher, "/api/v1/students/" + PERSON_ELSA);
        String requestId = "metrics-" + UUID.randomUUID();
        HttpResponse<String> denied = http.send(HttpRequest.newBuilder(uri("/api/v1/students/" + PERSON_ELSA))
                .header("Authorization", "Bearer " + otherTeacher).header("X-Request-Id", requestId).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> list = send(TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, OID_FILIP),
                "/api/v1/groups/" + GROUP_MA1C_A + "/members?limit=100");
        HttpResponse<String> rejectedImport = upload(integration, sharedData("sds-v2.1"), List.of("orgs.csv"));
        HttpResponse<String> generated = http.send(HttpRequest.newBuilder(uri("/api/v1/students/" + PERSON_ELSA))
                .header("Authorization", "Bearer " + otherTeacher).header("X-Request-Id", "not a well-formed id; <script>")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> notSignedIn = get("/api/v1/students/" + PERSON_ELSA);
        HttpResponse<String> noSuchPath = http.send(HttpRequest.newBuilder(uri("/api/v1/no-such-path/" + PERSON_ELSA))
                .header("X-Request-Id", requestId + "-404").GET().build(), HttpResponse.BodyHandlers.ofString());
        Scrape after = scrape();

        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(rejectedImport.statusCode()).as(rejectedImport.body()).isEqualTo(400);

        assertThat(denied.headers().firstValue("X-Request-Id")).hasValue(requestId);
        assertThat(denied.body()).contains("\"requestId\":\"" + requestId + "\"");
        assertThat(Sql.strings(database, "select decision from audit_entry where request_id = ?", requestId))
                .containsExactly("DENY");
        String madeUp = generated.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(madeUp).as("an ill-formed id is replaced").matches("[0-9a-f-]{36}");
        assertThat(generated.body()).contains("\"requestId\":\"" + madeUp + "\"");
        assertThat(Sql.number(database, "select count(*) from audit_entry where request_id = ?", madeUp)).isEqualTo(1);
        assertThat(notSignedIn.statusCode()).isEqualTo(401);
        assertThat(notSignedIn.body()).contains("\"requestId\":\"" + notSignedIn.headers().firstValue("X-Request-Id")
                .orElseThrow() + "\"");

        assertThat(after.moved(before, "klassrum_access_decisions_total", "kind", "STUDENT_PROFILE", "outcome", "allowed"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.moved(before, "klassrum_access_decisions_total", "kind", "STUDENT_PROFILE", "outcome", "denied"))
                .isGreaterThanOrEqualTo(2);
        assertThat(after.moved(before, "klassrum_access_decisions_total", "kind", "STUDENT_PROFILE"))
                .as("a list counts each of its items").isGreaterThan(5);
        assertThat(after.moved(before, "klassrum_access_decision_nanoseconds_total", "form", "single")).isPositive();
        assertThat(after.moved(before, "klassrum_access_decision_nanoseconds_total", "form", "list")).isPositive();
        assertThat(after.moved(before, "klassrum_audit_append_seconds_count")).isGreaterThanOrEqualTo(4);
        assertThat(after.moved(before, "klassrum_audit_append_seconds_sum")).isPositive();
        assertThat(after.moved(before, "klassrum_audit_batch_size_count")).isPositive();
        assertThat(after.moved(before, "klassrum_http_requests_seconds_count", "method", "GET", "endpoint",
                "/api/v1/students/{id}", "status", "403")).isEqualTo(2);
        assertThat(after.moved(before, "klassrum_http_requests_seconds_count", "method", "GET", "endpoint",
                "/api/v1/groups/{group}/members", "status", "200")).isEqualTo(1);
        assertThat(after.moved(before, "klassrum_http_requests_seconds_count", "method", "GET", "endpoint",
                "/api/v1/students/{id}", "status", "401")).as("refused before the resource, counted under it").isEqualTo(1);
        assertThat(noSuchPath.statusCode()).isEqualTo(404);
        assertThat(noSuchPath.headers().firstValue("X-Request-Id")).hasValue(requestId + "-404");
        assertThat(noSuchPath.body()).contains("\"requestId\":\"" + requestId + "-404\"");
        assertThat(after.moved(before, "klassrum_http_requests_seconds_count", "method", "GET", "endpoint", "unmatched",
                "status", "404")).as("a path without a resource, never the path itself").isEqualTo(1);
        assertThat(after.moved(before, "klassrum_roster_run_seconds_count", "source", "files", "status", "REJECTED"))
                .isEqualTo(1);
        assertThat(after.moved(before, "klassrum_roster_phase_seconds_count", "source", "files")).isPositive();
        assertThat(after.value("klassrum_db_pool_connections", "pool", "main", "state", "open"))
                .as(String.join("\n", Sql.strings(database, "select application_name || ' ' || coalesce(state, '-') "
                        + "|| ' ' || coalesce(client_addr::text, '-') from pg_stat_activity")))
                .isPositive();
        assertThat(after.value("klassrum_db_pool_connections", "pool", "audit", "state", "open"))
                .as(String.join("\n", Sql.strings(database, "select application_name || ' ' || coalesce(state, '-') "
                        + "|| ' ' || coalesce(client_addr::text, '-') from pg_stat_activity")))
                .isPositive();
        assertThat(after.value("klassrum_db_pool_max", "pool", "main")).isEqualTo(32);
        assertThat(after.text()).doesNotContain(PERSON_ELSA.toString()).doesNotContain(requestId)
                .doesNotContain(GROUP_MA1C_A.toString());
    }

    private Scrape scrape() throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(uri("/metrics?scope=application"))
                .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        return new Scrape(metrics.body());
    }

    /** The Prometheus text of one scrape. */
    private record Scrape(String text) {

        private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        /** The sum of the samples of the metric whose labels include the given name-value pairs. */
        double value(String metric, String... labels) {
            double sum = 0;
            boolean found = false;
            for (String line : text.split("\n")) {
                Matcher sample = SAMPLE.matcher(line.strip());
                if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(metric)) {
                    continue;
                }
                Map<String, String> has = new java.util.HashMap<>();
                Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
                while (label.find()) {
                    has.put(label.group(1), label.group(2));
                }
                boolean matches = true;
                for (int i = 0; i < labels.length; i += 2) {
                    matches &= labels[i + 1].equals(has.get(labels[i]));
                }
                if (matches) {
                    sum += Double.parseDouble(sample.group(4));
                    found = true;
                }
            }
            assertThat(found).as(metric + " " + List.of(labels) + " in /metrics:\n" + text).isTrue();
            return sum;
        }

        /** How much the metric grew since the earlier scrape, where it may not have been yet. */
        double moved(Scrape before, String metric, String... labels) {
            double earlier;
            try {
                earlier = before.value(metric, labels);
            } catch (AssertionError notYet) {
                earlier = 0;
            }
            return value(metric, labels) - earlier;
        }
    }

    private HttpResponse<String> upload(String token, Path folder, List<String> files) throws Exception {
        return http.send(uploadRequest(token, folder, files), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The sample files in the shared folder beside the checkout (never changed by a test). */
    static Path sharedData(String set) {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolveSibling("shared").resolve("data").resolve(set);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/" + set + " was not found beside the checkout");
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = uri(path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

}
