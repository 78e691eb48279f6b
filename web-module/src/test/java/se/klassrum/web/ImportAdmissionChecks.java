package se.klassrum.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.ENTRA_TENANT_NORRA;
import static se.klassrum.roster.demo.DemoIds.ENTRA_TENANT_SOLBACKA;

/**
 * Imports cannot take the server down: an integration that sends the same large upload twice at once (a retry after
 * its client timed out) gets one import and one 409 that names the running run, not two imports fighting for the
 * heap; while the server reads one import, another organisation's is answered 503 with Retry-After; and no run is
 * left RUNNING; the server stays ready meanwhile, in the server tests' heap of half the default. Runs last in the suite: it
 * imports a large set into Norrå.
 */
abstract class ImportAdmissionChecks extends ServerCalls {

    private static final Pattern RUN_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final List<String> FILES = List.of("orgs.csv", "users.csv", "roles.csv", "classes.csv",
            "enrollments.csv", "academicSessions.csv", "courses.csv", "demographics.csv", "userFlags.csv",
            "relationships.csv");
    /**
     * Students added to the sample, so that a run takes seconds rather than milliseconds and takes a good part of the
     * server tests' heap, which is half the default (web-module/pom.xml: -Xmx512m).
     */
    private static final int STUDENTS = 50_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** A client of its own for the request sent while another is in flight. */
    private final HttpClient another = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path temp;

    @Test
    void twoUploadsOfOneOrganisationAtOnceGiveOneImportAndA409NamingIt(DataSource database) throws Exception {
        String integration = TestIssuer.applicationToken(ENTRA_TENANT_NORRA, "sis-export", List.of("RosterImport.ReadWrite.All"));
        Path folder = largeSet("9");
        long runsBefore = Sql.number(database, "select count(*) from import_run");

        CompletableFuture<HttpResponse<String>> first = http.sendAsync(uploadRequest(integration, folder, FILES),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = another.sendAsync(uploadRequest(integration, folder, FILES),
                HttpResponse.BodyHandlers.ofString());
        awaitRunning(database);
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/health/ready")).timeout(java.time.Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as("the server stays ready while it imports: " + ready.body()).isEqualTo(200);
        List<HttpResponse<String>> answers = List.of(first.get(5, TimeUnit.MINUTES), second.get(5, TimeUnit.MINUTES));

        List<HttpResponse<String>> imported = answers.stream().filter(answer -> answer.statusCode() == 201).toList();
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() == 409).toList();
        assertThat(imported).as(answers.stream().map(HttpResponse::body).toList().toString()).hasSize(1);
        assertThat(refused).as(answers.stream().map(HttpResponse::body).toList().toString()).hasSize(1);
        assertThat(imported.get(0).body()).contains("\"status\":\"SUCCEEDED\"");
        String importedRun = runId(imported.get(0).body());
        HttpResponse<String> conflict = refused.get(0);
        assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(conflict.headers().firstValue("Retry-After")).isPresent();
        assertThat(conflict.body()).contains("import-running").contains("\"run\":\"" + importedRun + "\"");
        assertThat(Sql.number(database, "select count(*) from import_run")).as("nothing recorded for the refused upload")
                .isEqualTo(runsBefore + 1);
        assertThat(Sql.number(database, "select count(*) from import_run where status = 'RUNNING'")).isZero();
    }

    @Test
    void whileTheServerReadsOneImportAnotherOrganisationsIsAnswered503WithRetryAfter(DataSource database) throws Exception {
        String norra = TestIssuer.applicationToken(ENTRA_TENANT_NORRA, "sis-export", List.of("RosterImport.ReadWrite.All"));
        String solbacka = TestIssuer.applicationToken(ENTRA_TENANT_SOLBACKA, "sis-export", List.of("RosterImport.ReadWrite.All"));
        // Other students than the other scenario's, so that this run writes for seconds too.
        Path folder = largeSet("8");
        long solbackaRuns = Sql.number(database, "select count(*) from import_run r join tenant t on t.id = r.tenant_id"
                + " where t.entra_tenant_id = '" + ENTRA_TENANT_SOLBACKA + "'");

        CompletableFuture<HttpResponse<String>> first = http.sendAsync(uploadRequest(norra, folder, FILES),
                HttpResponse.BodyHandlers.ofString());
        awaitRunning(database);
        // Only orgs.csv: were it read, it would be rejected (400); it is not read at all.
        HttpResponse<String> other = another.send(uploadRequest(solbacka, folder, List.of("orgs.csv")),
                HttpResponse.BodyHandlers.ofString());
        java.time.Instant answeredAt = java.time.Instant.now();

        HttpResponse<String> imported = first.get(5, TimeUnit.MINUTES);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(other.statusCode()).as(other.body() + "\nanswered at " + answeredAt + ", while " + imported.body())
                .isEqualTo(503);
        assertThat(other.headers().firstValue("Retry-After")).isPresent();
        assertThat(other.body()).contains("imports-busy");
        assertThat(Sql.number(database, "select count(*) from import_run r join tenant t on t.id = r.tenant_id"
                + " where t.entra_tenant_id = '" + ENTRA_TENANT_SOLBACKA + "'")).isEqualTo(solbackaRuns);
        assertThat(Sql.number(database, "select count(*) from import_run where status = 'RUNNING'")).isZero();
    }

    private static void awaitRunning(DataSource database) throws Exception {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (Sql.number(database, "select count(*) from import_run where status = 'RUNNING'") == 0) {
            assertThat(System.nanoTime()).as("an import run started").isLessThan(until);
            Thread.sleep(20);
        }
    }

    private static String runId(String body) {
        Matcher id = RUN_ID.matcher(body);
        assertThat(id.find()).as(body).isTrue();
        return id.group(1);
    }

    /**
     * The School Data Sync v2.1 sample with {@link #STUDENTS} more students (ids starting with the prefix) at its
     * school, in its biology class.
     */
    private Path largeSet(String idPrefix) throws IOException {
        Path sample = ServerChecks.sharedData("sds-v2.1");
        Path folder = Files.createDirectories(temp.resolve("large-" + idPrefix));
        try (Stream<Path> files = Files.list(sample)) {
            files.sorted(Comparator.naturalOrder()).forEach(file -> {
                try {
                    Files.copy(file, folder.resolve(file.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        List<String> users = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<String> enrollments = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            String id = idPrefix + String.format("%07d", i);
            users.add(id + ",elev" + id + "@norra.example,Elev,Nummer" + id + ",,,,,");
            roles.add(id + ",110003,student,SY2021K12,10,TRUE,2021-08-24,2022-06-11");
            enrollments.add("112002," + id + ",student");
        }
        append(folder.resolve("users.csv"), users);
        append(folder.resolve("roles.csv"), roles);
        append(folder.resolve("enrollments.csv"), enrollments);
        return folder;
    }

    private static void append(Path file, List<String> lines) throws IOException {
        String text = Files.readString(file);
        if (!text.endsWith("\n")) {
            Files.writeString(file, "\n", StandardOpenOption.APPEND);
        }
        Files.write(file, lines, StandardOpenOption.APPEND);
    }
}
