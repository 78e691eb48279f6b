package se.klassrum.web;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.nio.file.attribute.FileTime;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.*;

/**
 * Attachments through the integration API: files on posts, assignments and hand-ins, downloaded under the rules of
 * the content they belong to, with headers that keep a file from acting as a page of the site; refused uploads and
 * deleted content leave nothing in the storage (the deployment's folder storage, klassrum.test.files.dir).
 */
abstract class FilesChecks extends ServerCalls {

    private static final Pattern KEY = Pattern.compile("\"key\":\"([A-Za-z0-9_-]{43})\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** Names of stored files that no attachment row has: as random as the application's own keys. */
    private static final String STRAY = "Zs" + UUID.randomUUID().toString().replace("-", "") + "strayfile";
    private static final String YOUNG = "Zy" + UUID.randomUUID().toString().replace("-", "") + "youngfile";

    private final HttpClient http = HttpClient.newHttpClient();

    private static String as(UUID objectId) {
        return TestIssuer.personToken(ENTRA_TENANT_SOLBACKA, objectId);
    }

    private static String nils() {
        return TestIssuer.subjectToken(ENTRA_TENANT_SOLBACKA, idpSubject("nils"));
    }

    /**
     * Greta's hand-in file is hers, her teacher's and her guardian's: another student of the same group, a teacher of
     * another organisation and a guess at the key all get the same 404 as an unknown file, and so does the key under
     * another student's submission. Her draft's file is hers alone until she hands it in.
     */
    @Test
    void aHandInFileIsTheStudentsTheirTeachersAndGuardiansAndOtherwiseNotFound() throws Exception {
        String submission = assignment(GROUP_MA1C_A) + "/submissions/" + PERSON_GRETA;
        HttpResponse<String> attached = upload(submission + "/files", as(OID_GRETA),
                new Part("lösning.pdf", "application/pdf", PDF));
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        String key = key(attached.body());
        assertThat(attached.body()).contains("\"draft\":true");

        assertThat(download(submission + "/files/" + key, as(OID_GRETA)).statusCode()).isEqualTo(200);
        assertNotFound(download(submission + "/files/" + key, as(OID_ANNA)));
        assertThat(get(submission + "/files", as(OID_GRETA)).body()).contains(key);

        assertThat(send("PUT", submission, as(OID_GRETA), "{\"content\":\"Min lösning, se filen\"}").statusCode())
                .isEqualTo(200);

        HttpResponse<byte[]> teacher = download(submission + "/files/" + key, as(OID_ANNA));
        assertThat(teacher.statusCode()).isEqualTo(200);
        assertThat(teacher.body()).isEqualTo(PDF);
        assertThat(download(submission + "/files/" + key, nils()).statusCode()).isEqualTo(200);
        assertThat(get(submission + "/files", as(OID_ANNA)).body()).contains(key).contains("\"entry\":0");

        HttpResponse<byte[]> unknown = download(submission + "/files/" + "A".repeat(43), as(OID_ANNA));
        assertNotFound(unknown);
        HttpResponse<byte[]> otherStudent = download(submission + "/files/" + key, as(OID_ELSA));
        assertNotFound(otherStudent);
        assertThat(withoutRequestId(otherStudent)).isEqualTo(withoutRequestId(unknown));
        assertNotFound(download(submission + "/files/" + key, TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_OLLE)));
        assertNotFound(download(assignment(GROUP_MA1C_A) + "/submissions/" + PERSON_ELSA + "/files/" + key, as(OID_ANNA)));
    }

    /** A teacher's file for the answer is the teachers' until the answer is given, then the student's too. */
    @Test
    void aTeachersFileGoesWithTheFeedback() throws Exception {
        String submission = assignment(GROUP_MA1C_A) + "/submissions/" + PERSON_ELSA;
        assertThat(send("PUT", submission, as(OID_ELSA), "{\"content\":\"Klart\"}").statusCode()).isEqualTo(200);
        String key = key(upload(submission + "/files", as(OID_ANNA), new Part("rättning.pdf", "application/pdf", PDF)).body());

        assertNotFound(download(submission + "/files/" + key, as(OID_ELSA)));
        assertThat(get(submission + "/files", as(OID_ELSA)).body()).doesNotContain(key);

        assertThat(send("POST", submission + "/return", as(OID_ANNA), "{\"feedback\":\"Bra, se filen\"}").statusCode())
                .isEqualTo(200);
        assertThat(download(submission + "/files/" + key, as(OID_ELSA)).statusCode()).isEqualTo(200);
        assertThat(get(submission + "/files", as(OID_ELSA)).body()).contains(key).contains("\"entry\":1");
    }

    /**
     * Anna attaches a PDF and a picture to a post at once; the group and Greta's guardian download them as
     * attachments under their UTF-8 names, never sniffed, never cached, sandboxed; a PDF is shown in the browser
     * only when asked for, and a text file never.
     */
    @Test
    void theTeacherAttachesSeveralFilesToAPostAndTheGroupDownloadsThemSafely() throws Exception {
        String post = post(GROUP_MA1C_A, "Läxa till fredag");
        HttpResponse<String> attached = upload(post + "/files", as(OID_ANNA),
                new Part("Övning å ä ö.pdf", "application/octet-stream", PDF),
                new Part("tavlan.png", "image/png", png()),
                new Part("läsanvisning.txt", "text/html", "Läs kapitel 3".getBytes(StandardCharsets.UTF_8)));
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        List<String> keys = keys(attached.body());
        assertThat(keys).hasSize(3);
        assertThat(attached.body()).contains("\"mediaType\":\"application/pdf\"").contains("\"mediaType\":\"image/png\"")
                .contains("\"mediaType\":\"text/plain\"");

        assertThat(get(post + "/files", as(OID_ELSA)).body()).contains(keys.get(0)).contains(keys.get(1));
        HttpResponse<byte[]> pdf = download(post + "/files/" + keys.get(0), as(OID_ELSA));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo(PDF);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"_vning _ _ _.pdf\"; filename*=UTF-8''%C3%96vning%20%C3%A5%20%C3%A4%20%C3%B6.pdf");
        assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(pdf.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("sandbox"));

        assertThat(download(post + "/files/" + keys.get(0) + "?inline=true", as(OID_ELSA)).headers()
                .firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).startsWith("inline;"));
        HttpResponse<byte[]> text = download(post + "/files/" + keys.get(2) + "?inline=true", as(OID_ELSA));
        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(text.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).startsWith("attachment;"));

        assertThat(download(post + "/files/" + keys.get(1) + "?child=" + PERSON_GRETA, nils()).statusCode()).isEqualTo(200);
        assertNotFound(download(post + "/files/" + keys.get(1), as(OID_PETRA)));
        assertNotFound(download(post + "/files/" + keys.get(1), TestIssuer.personToken(ENTRA_TENANT_NORRA, OID_OLLE)));
        HttpResponse<String> student = upload(post + "/files", as(OID_ELSA), new Part("x.pdf", "application/pdf", PDF));
        assertThat(student.statusCode()).as(student.body()).isEqualTo(403);
    }

    /**
     * A file over the limit (256 KiB in the tests) is 413, a page passed off as a PDF is 415, both as problems; a
     * refused upload keeps nothing, not even the good file sent with it.
     */
    @Test
    void aFileTooLargeOrOfATypeNotAllowedIsRefusedAndNothingIsKept(DataSource database) throws Exception {
        String post = post(GROUP_MA1C_A, "Bilder från utflykten");
        long rows = count(database);
        List<Path> stored = storedFiles();

        HttpResponse<String> large = upload(post + "/files", as(OID_ANNA), "en",
                new Part("film.mp4", "video/mp4", new byte[300 * 1024]));
        assertThat(large.statusCode()).as(large.body()).isEqualTo(413);
        assertThat(large.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(large.body()).contains("\"code\":\"FILE_TOO_LARGE\"").contains("larger than 256 kB");

        HttpResponse<String> page = upload(post + "/files", as(OID_ANNA),
                new Part("ok.pdf", "application/pdf", PDF),
                new Part("schema.pdf", "application/pdf",
                        "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(415);
        assertThat(page.body()).contains("\"code\":\"FILE_TYPE_NOT_ALLOWED\"").contains("text/html");

        assertThat(count(database)).isEqualTo(rows);
        assertThat(storedFiles()).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(get(post + "/files", as(OID_ANNA)).body()).isEqualTo("[]");
    }

    /** Deleting a post removes its files: gone from the storage and from the API. */
    @Test
    void deletingAPostRemovesItsFilesFromTheStorage() throws Exception {
        String post = post(GROUP_MA1C_A, "Fel bild");
        String key = key(upload(post + "/files", as(OID_ANNA), new Part("fel.png", "image/png", png())).body());
        Path file = stored(key);
        assertThat(file).exists();

        assertThat(send("DELETE", post, as(OID_ANNA), null).statusCode()).isEqualTo(200);

        assertThat(file).doesNotExist();
        assertNotFound(download(post + "/files/" + key, as(OID_ANNA)));
        assertThat(get(post + "/files", as(OID_ANNA)).body()).isEqualTo("[]");
    }

    /**
     * The sweep (every 3 s in the tests, files older than 10 minutes) removes a stored file that no row names and
     * keeps an attachment's file of the same age, and a young stray one (an upload whose row is not committed yet).
     */
    @Test
    void theSweepRemovesOldStoredFilesThatNoAttachmentNames() throws Exception {
        String post = post(GROUP_MA1C_A, "Sparas");
        String key = key(upload(post + "/files", as(OID_ANNA), new Part("kvar.pdf", "application/pdf", PDF)).body());
        Path attached = stored(key);
        Path stray = Files.write(Files.createDirectories(stored(STRAY).getParent()).resolve(STRAY), PDF);
        Path young = Files.write(Files.createDirectories(stored(YOUNG).getParent()).resolve(YOUNG), PDF);
        FileTime hourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        Files.setLastModifiedTime(attached, hourAgo);
        Files.setLastModifiedTime(stray, hourAgo);
        try {
            Instant until = Instant.now().plusSeconds(30);
            while (Files.exists(stray) && Instant.now().isBefore(until)) {
                Thread.sleep(250);
            }
            assertThat(stray).as("an old file without a row").doesNotExist();
            assertThat(attached).as("an attachment's file").exists();
            assertThat(young).as("a young file without a row yet").exists();
            assertThat(download(post + "/files/" + key, as(OID_ANNA)).body()).isEqualTo(PDF);
        } finally {
            Files.deleteIfExists(young);
        }
    }

    @Test
    void theOpenApiDocumentDescribesUploadsAndDownloads() throws Exception {
        HttpResponse<String> openapi = http.send(HttpRequest.newBuilder(uri("/openapi")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(openapi.body()).contains("/api/v1/groups/{group}/posts/{post}/files/{key}")
                .contains("/api/v1/groups/{group}/assignments/{assignment}/submissions/{student}/files")
                .contains("multipart/form-data").contains("FileUpload").contains("uploadedByName").contains("pendingAnswer")
                .contains("#/components/responses/FileTooLarge").contains("#/components/responses/FileTypeNotAllowed");
    }

    /** Where the deployment's folder storage keeps the file of a key. */
    private static Path stored(String key) {
        return Path.of(System.getProperty("klassrum.test.files.dir"), key.substring(0, 2), key);
    }

    private record Part(String name, String type, byte[] content) {
    }

    private String post(UUID group, String body) throws Exception {
        HttpResponse<String> written = send("POST", "/api/v1/groups/" + group + "/posts", as(OID_ANNA),
                "{\"body\":\"" + body + "\"}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        return "/api/v1/groups/" + group + "/posts/" + id(written.body());
    }

    /** A new published assignment of the group, by Anna. */
    private String assignment(UUID group) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/groups/" + group + "/assignments", as(OID_ANNA),
                "{\"title\":\"Filuppgift\",\"instructions\":\"Lämna in som fil\",\"dueAt\":\""
                        + OffsetDateTime.now().plusDays(7) + "\",\"publish\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return "/api/v1/groups/" + group + "/assignments/" + id(created.body());
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static long count(DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from attachment")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Path> storedFiles() throws Exception {
        Path root = Path.of(System.getProperty("klassrum.test.files.dir"));
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void assertNotFound(HttpResponse<?> response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(new String(response.body() instanceof byte[] bytes ? bytes : response.body().toString().getBytes(
                StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("/problems/not-found");
    }

    private static String withoutRequestId(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8).replaceAll("\"requestId\":\"[^\"]*\"", "");
    }

    private static String key(String body) {
        List<String> keys = keys(body);
        assertThat(keys).as(body).hasSize(1);
        return keys.get(0);
    }

    private static List<String> keys(String body) {
        List<String> keys = new ArrayList<>();
        Matcher matcher = KEY.matcher(body);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private static String id(String body) {
        Matcher matcher = ID.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> upload(String path, String token, Part... parts) throws Exception {
        return upload(path, token, null, parts);
    }

    private HttpResponse<String> upload(String path, String token, String language, Part... parts) throws Exception {
        String boundary = "klassrum-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + part.name() + "\"\r\nContent-Type: " + part.type() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
