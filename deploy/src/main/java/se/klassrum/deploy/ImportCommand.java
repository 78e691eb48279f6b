package se.klassrum.deploy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@code klassrum import FOLDER}: sends the CSV files of a folder to a running Klassrum's import API
 * ({@code POST /api/v1/imports}), so that the command line and integrations share one import path, its
 * checks and its audit. The token is an integration's or a school administrator's
 * ({@code KLASSRUM_TOKEN} or {@code --token}).
 */
final class ImportCommand {

    static final String USAGE = "usage: klassrum import FOLDER [--url http://localhost:8080] [--token TOKEN]";
    private static final Duration IMPORT_TIMEOUT = Duration.ofHours(2);

    private final Path folder;
    private final URI endpoint;
    private final String token;

    ImportCommand(Path folder, URI endpoint, String token) {
        this.folder = folder;
        this.endpoint = endpoint;
        this.token = token;
    }

    /** Reads the arguments after "import"; the URL defaults to this machine's KLASSRUM_HTTP_PORT. */
    static ImportCommand parse(List<String> args, UnaryOperator<String> systemProperties, Map<String, String> environment) {
        Settings settings = Settings.from(systemProperties, environment);
        String url = "http://localhost:" + settings.httpPort();
        String token = environment.get("KLASSRUM_TOKEN");
        Path folder = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--url") || arg.equals("--token")) && i + 1 < args.size()) {
                if (arg.equals("--url")) {
                    url = args.get(++i);
                } else {
                    token = args.get(++i);
                }
            } else if (!arg.startsWith("--") && folder == null) {
                folder = Path.of(arg);
            } else {
                throw new Settings.InvalidSetting(USAGE);
            }
        }
        if (folder == null) {
            throw new Settings.InvalidSetting(USAGE);
        }
        if (!Files.isDirectory(folder)) {
            throw new Settings.InvalidSetting(folder + " is not a folder");
        }
        if (token == null || token.isBlank()) {
            throw new Settings.InvalidSetting("no token: set KLASSRUM_TOKEN or pass --token (an integration's token with "
                    + "RosterImport.ReadWrite.All, or a school administrator's)");
        }
        return new ImportCommand(folder, URI.create(url.replaceAll("/+$", "") + "/api/v1/imports"), token);
    }

    /** @return the process exit code: 0 imported, 1 rejected or refused */
    int run() {
        List<Path> files = csvFiles();
        if (files.isEmpty()) {
            throw new Settings.InvalidSetting("no .csv files in " + folder);
        }
        String boundary = "klassrum-" + UUID.randomUUID();
        System.out.printf("Importing %d file(s) from %s ...%n", files.size(), folder);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                            .timeout(IMPORT_TIMEOUT)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(multipart(boundary, files))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println(response.body());
            if (response.statusCode() == 201) {
                System.out.println("Imported.");
                return 0;
            }
            System.err.println("klassrum: the import was not applied (HTTP " + response.statusCode() + ")");
            return 1;
        } catch (IOException e) {
            throw new Launcher.LaunchFailure("cannot reach Klassrum at " + endpoint + ": " + Launcher.oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private List<Path> csvFiles() {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(file -> file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A multipart/form-data body with one part named "file" per CSV file, streamed from the files as it is sent: the
     * command's memory does not grow with the folder (a Stockholm-size set is about 80 MB).
     */
    static HttpRequest.BodyPublisher multipart(String boundary, List<Path> files) {
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        try {
            for (Path file : files) {
                parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data;"
                        + " name=\"file\"; filename=\"" + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n",
                        StandardCharsets.UTF_8));
                parts.add(HttpRequest.BodyPublishers.ofFile(file));
                parts.add(HttpRequest.BodyPublishers.ofString("\r\n", StandardCharsets.UTF_8));
            }
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
    }

    Path folder() {
        return folder;
    }

    URI endpoint() {
        return endpoint;
    }

    static List<String> rest(String[] args) {
        return new ArrayList<>(List.of(args).subList(1, args.length));
    }
}
