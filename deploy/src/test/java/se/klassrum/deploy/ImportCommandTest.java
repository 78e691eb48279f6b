package se.klassrum.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportCommandTest {

    @TempDir
    Path folder;

    private static ImportCommand parse(List<String> args, Map<String, String> environment) {
        return ImportCommand.parse(args, new Properties()::getProperty, environment);
    }

    @Test
    void sendsToThisMachinesPortWithTheTokenFromTheEnvironment() {
        ImportCommand command = parse(List.of(folder.toString()), Map.of("KLASSRUM_TOKEN", "t", "KLASSRUM_HTTP_PORT", "9090"));

        assertThat(command.endpoint()).hasToString("http://localhost:9090/api/v1/imports");
        assertThat(command.folder()).isEqualTo(folder);
    }

    @Test
    void anExplicitUrlAndTokenWin() {
        ImportCommand command = parse(List.of("--url", "https://klassrum.example/", "--token", "t", folder.toString()), Map.of());

        assertThat(command.endpoint()).hasToString("https://klassrum.example/api/v1/imports");
    }

    @Test
    void withoutATokenOrAFolderItSaysWhatIsMissing() {
        assertThatThrownBy(() -> parse(List.of(folder.toString()), Map.of()))
                .isInstanceOf(Settings.InvalidSetting.class).hasMessageStartingWith("no token");
        assertThatThrownBy(() -> parse(List.of(), Map.of("KLASSRUM_TOKEN", "t")))
                .isInstanceOf(Settings.InvalidSetting.class).hasMessage(ImportCommand.USAGE);
        assertThatThrownBy(() -> parse(List.of(folder.resolve("missing").toString()), Map.of("KLASSRUM_TOKEN", "t")))
                .isInstanceOf(Settings.InvalidSetting.class).hasMessageEndingWith("is not a folder");
    }

    /** A local endpoint that takes an upload: keeps its first bytes and counts the rest, and answers 201. */
    private static final class Endpoint implements AutoCloseable {
        final HttpServer server;
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        final AtomicLong received = new AtomicLong();

        Endpoint() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/api/v1/imports", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    byte[] buffer = new byte[1 << 16];
                    for (int read; (read = body.read(buffer)) >= 0; ) {
                        int kept = (int) Math.max(0, Math.min(read, 4096 - received.get()));
                        head.write(buffer, 0, kept);
                        received.addAndGet(read);
                    }
                }
                byte[] answer = "{\"status\":\"SUCCEEDED\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(201, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void eachCsvFileIsOnePartNamedFile() throws IOException {
        Files.writeString(folder.resolve("orgs.csv"), "sourcedId,name,type\n1,Skola,school\n");
        Files.writeString(folder.resolve("users.csv"), "sourcedId\n2\n");

        try (Endpoint endpoint = new Endpoint()) {
            int exit = parse(List.of("--url", endpoint.url(), "--token", "t", folder.toString()), Map.of()).run();

            assertThat(exit).isZero();
            String body = endpoint.head.toString(StandardCharsets.UTF_8);
            assertThat(body).startsWith("--klassrum-").contains("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orgs.csv\"")
                    .contains("1,Skola,school\n\r\n--klassrum-")
                    .contains("filename=\"users.csv\"")
                    .endsWith("--\r\n");
        }
    }

    /**
     * {@code deploy/import.sh} streams the upload: a command with a heap of 32 MiB sends a folder of 96 MB, which it
     * could not hold in memory, and the endpoint receives all of it.
     */
    @Test
    void theUploadIsStreamedSoAFolderLargerThanTheHeapIsSent() throws Exception {
        byte[] line = "9000001,elev@skola.example,Elev,Eleven,,,,,\n".getBytes(StandardCharsets.US_ASCII);
        long written = 0;
        for (String file : List.of("users.csv", "roles.csv", "enrollments.csv")) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(folder.resolve(file)), 1 << 16)) {
                for (long size = 0; size < 32L * 1000 * 1000; size += line.length) {
                    out.write(line);
                    written += line.length;
                }
            }
        }

        try (Endpoint endpoint = new Endpoint()) {
            Process command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx32m", "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "import",
                    folder.toString(), "--url", endpoint.url(), "--token", "t")
                    .redirectErrorStream(true).start();
            String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(command.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(command.exitValue()).as(output).isZero();
            assertThat(endpoint.received.get()).as(output).isGreaterThan(written);
        }
    }
}
