package se.klassrum.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What the scenarios of a server test need of the deployed server: its address. The scenarios (the
 * {@code *Checks} classes) run as nested classes of the two suites {@link ApiIT} and {@link BrowserIT}, so that
 * they share one deployment per suite instead of starting Payara Micro once each.
 */
abstract class ServerCalls {

    /** The current deployment's address, recorded as soon as Arquillian has deployed it ({@link DeployedAddress}). */
    static volatile URL deployed;

    /** The address of a path on the deployed server. */
    URI uri(String path) {
        URL base = deployed;
        if (base == null) {
            throw new IllegalStateException("no deployment yet: scenarios run as @Nested classes of a suite that "
                    + "extends KlassrumServerTest");
        }
        try {
            return base.toURI().resolve(URI.create(path));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A roster upload to {@code POST /api/v1/imports}: the files of the folder, one multipart part each. */
    HttpRequest uploadRequest(String token, Path folder, List<String> files) {
        String boundary = "klassrum-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (String file : files) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file
                        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(Files.readAllBytes(folder.resolve(file)));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri("/api/v1/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }
}
