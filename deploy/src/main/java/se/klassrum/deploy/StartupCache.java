package se.klassrum.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts Payara Micro from its unpacked runtime with the JDK's ahead-of-time cache of loaded and linked classes
 * (JEP 483 and 514, JDK 25 and newer), which more than halves the time Payara Micro needs to become ready.
 * <p>
 * The cache is only usable for classes on the class path, so the server is started from the launcher jar that
 * {@code payara-micro.jar --outputlauncher} writes into the server's root folder: its manifest puts the runtime
 * on the class path. The first run (and the first run after Payara Micro, the WAR, the JDK or the server's JVM
 * options changed) records the classes it loads and writes the cache when the server stops; every later run
 * maps it. A cache the JDK cannot use is ignored by the JDK, so a wrong cache costs speed, never correctness.
 */
final class StartupCache {

    static final String LAUNCH_JAR = "launch-micro.jar";
    static final String CACHE = "klassrum.aot";
    static final String KEY = "klassrum.aot.key";
    private static final String PENDING = "klassrum.aot.pending";
    private static final String LAUNCH_STAMP = "launch-micro.stamp";

    private final Path root;
    private final Path payaraJar;
    /** What the cache depends on apart from the runtime folder, which exists only once the launcher jar is made. */
    private final String settingsKey;
    /** The whole key of this run's cache, known once {@link #command} has prepared the runtime folder. */
    private String key;
    private final boolean enabled;
    private boolean training;

    private StartupCache(Path root, Path payaraJar, String key, boolean enabled) {
        this.root = root;
        this.payaraJar = payaraJar;
        this.settingsKey = key;
        this.enabled = enabled;
    }

    /**
     * @param root       Payara Micro's root folder ({@code --rootdir})
     * @param payaraJar  the Payara Micro distribution
     * @param war        the application
     * @param jvmOptions the server's JVM options (a cache recorded with other options may not be usable)
     * @param wanted     the setting {@code KLASSRUM_STARTUP_CACHE}
     */
    static StartupCache of(Path root, Path payaraJar, Path war, String jvmOptions, boolean wanted) {
        return of(root, payaraJar, war, jvmOptions, wanted, Runtime.version().feature());
    }

    /** As above, for the server started with a JDK of the given feature release (25 and newer record caches). */
    static StartupCache of(Path root, Path payaraJar, Path war, String jvmOptions, boolean wanted, int jdkFeature) {
        boolean supported = jdkFeature >= 25;
        String key = String.join("\n",
                "payara " + stamp(payaraJar),
                // The JDK refuses a cache when a jar on the class path changed; starting from payara-micro.jar
                // (KLASSRUM_STARTUP_CACHE=false) writes the runtime folder anew.
                "war " + stamp(war),
                "java " + System.getProperty("java.home") + " " + Runtime.version(),
                "options " + jvmOptions.trim());
        return new StartupCache(root, payaraJar, key, wanted && supported);
    }

    /** Whether this run writes the cache when the server stops. */
    boolean training() {
        return training;
    }

    /**
     * The command that starts Payara Micro: {@code java}, the given JVM options, the cache's options and the
     * jar to run. Makes the root folder's launcher jar when it is missing or belongs to another Payara Micro.
     */
    List<String> command(Path java, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        if (!enabled) {
            command.addAll(List.of("-jar", payaraJar.toString()));
            return command;
        }
        Path launchJar = launchJar(java);
        // The JDK refuses a cache when a jar on the class path changed; starting from payara-micro.jar
        // (KLASSRUM_STARTUP_CACHE=false) writes the runtime folder anew.
        key = settingsKey + "\nruntime " + newest(root.resolve("runtime"));
        Path cache = root.resolve(CACHE);
        if (Files.isRegularFile(cache) && key.equals(read(root.resolve(KEY)))) {
            command.add("-XX:AOTCache=" + cache);
        } else {
            delete(cache);
            delete(root.resolve(KEY));
            delete(root.resolve(PENDING));
            training = true;
            command.add("-XX:AOTCacheOutput=" + root.resolve(PENDING));
        }
        // The JDK reports every class it cannot cache (many, in an application server) as a warning.
        command.add("-Xlog:aot=error,cds=error,aot+resolve=error,cds+resolve=error");
        command.addAll(List.of("-jar", launchJar.toString()));
        return command;
    }

    /** After the server stopped: a cache written by a training run becomes the cache of the next runs. */
    void afterStop() {
        Path pending = root.resolve(PENDING);
        if (!training || !Files.isRegularFile(pending)) {
            return;
        }
        try {
            Files.move(pending, root.resolve(CACHE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(root.resolve(KEY), key);
        } catch (IOException e) {
            System.err.println("klassrum: the start-up cache was not kept (" + e.getMessage() + "); the next start records it again");
        }
    }

    private Path launchJar(Path java) {
        Path launchJar = root.resolve(LAUNCH_JAR);
        String stamp = stamp(payaraJar);
        if (Files.isRegularFile(launchJar) && stamp.equals(read(root.resolve(LAUNCH_STAMP)))) {
            return launchJar;
        }
        try {
            Files.createDirectories(root);
            delete(launchJar);
            Process output = new ProcessBuilder(java.toString(), "-jar", payaraJar.toString(), "--rootdir", root.toString(),
                    "--outputlauncher").redirectErrorStream(true).redirectOutput(root.resolve("outputlauncher.log").toFile())
                    .start();
            if (!output.waitFor(2, TimeUnit.MINUTES) || output.exitValue() != 0 || !Files.isRegularFile(launchJar)) {
                output.destroyForcibly();
                throw new Launcher.LaunchFailure("Payara Micro could not unpack itself into " + root + " (see "
                        + root.resolve("outputlauncher.log") + ")");
            }
            Files.writeString(root.resolve(LAUNCH_STAMP), stamp);
            return launchJar;
        } catch (IOException e) {
            throw new Launcher.LaunchFailure("cannot prepare Payara Micro in " + root + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Launcher.LaunchFailure("interrupted while Payara Micro unpacked itself");
        }
    }

    /** Size and modification time: what changes when a file is rebuilt or replaced. */
    static String stamp(Path file) {
        try {
            return file.toAbsolutePath() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return file.toAbsolutePath() + " missing";
        }
    }

    /** The newest modification time of the files in a folder (0 when it does not exist yet). */
    static long newest(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.mapToLong(file -> {
                try {
                    return Files.getLastModifiedTime(file).toMillis();
                } catch (IOException e) {
                    return Long.MAX_VALUE;
                }
            }).max().orElse(0);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new Launcher.LaunchFailure("cannot remove " + file + ": " + e.getMessage());
        }
    }
}
