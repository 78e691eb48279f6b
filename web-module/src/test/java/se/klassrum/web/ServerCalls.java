package se.klassrum.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * Sends a request as a caller: {@code authorization} is an Authorization header's value, or {@code "Cookie "}
     * followed by a guardian's session cookie.
     *
     * @param json     the JSON body, or null for none
     * @param language the Accept-Language, or null for none
     */
    HttpResponse<String> call(String method, String path, String authorization, String json, String language)
            throws IOException, InterruptedException {
        return HTTP.send(callRequest(method, path, authorization, json, language).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder callRequest(String method, String path, String authorization, String json, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization.startsWith("Cookie ")) {
            request.header("Cookie", authorization.substring("Cookie ".length()));
        } else {
            request.header("Authorization", authorization);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request;
    }

    /**
     * A GET as a caller: {@code authorization} is an Authorization header's value and {@code cookie} a guardian's
     * session cookie; either, both or neither may be null.
     */
    HttpResponse<String> getAs(String path, String authorization, String cookie) throws IOException, InterruptedException {
        return getAs(path, authorization, cookie, null);
    }

    /** {@link #getAs(String, String, String)} with an X-Request-Id (null for none), so that requests share an id. */
    HttpResponse<String> getAs(String path, String authorization, String cookie, String requestId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a JSON body as the person or application of a bearer {@code token}. */
    HttpResponse<String> sendAs(String method, String path, String token, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A roster upload to {@code POST /api/v1/imports}: the files of the folder, one multipart part each. */
    HttpRequest uploadRequest(String token, Path folder, List<String> files) {
        return uploadRequest(token, folder, files, "");
    }

    /** @param query appended to the address, e.g. "?preview=true" */
    HttpRequest uploadRequest(String token, Path folder, List<String> files, String query) {
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
        return HttpRequest.newBuilder(uri("/api/v1/imports" + query))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }
}
