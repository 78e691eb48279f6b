package se.klassrum.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's start-up cache with the real Payara Micro: the first run records, later runs map the cache, and
 * a new WAR, Payara Micro, JDK or JVM options records it again.
 */
class StartupCacheTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final List<String> OPTIONS = List.of("-Xmx1g");

    private static Path payaraMicro;

    @TempDir
    static Path runtime;

    @BeforeAll
    static void payaraMicroIsAtHand() throws IOException {
        Path resolved = Path.of(System.getProperty("klassrum.test.payara-micro", "payara-micro.jar"));
        assertThat(resolved).as("Payara Micro from the local Maven repository (resolved by web-module's build)")
                .isRegularFile();
        payaraMicro = Files.copy(resolved, runtime.resolve("payara-micro.jar"));
    }

    @Test
    void theFirstRunRecordsTheCacheAndTheNextRunsMapIt(@TempDir Path root) throws IOException {
        Path war = Files.writeString(root.resolveSibling(root.getFileName() + ".war"), "a web archive");
        StartupCache first = StartupCache.of(root, payaraMicro, war, "-Xmx1g", true, 25);
        List<String> command = first.command(JAVA, OPTIONS);

        assertThat(first.training()).isTrue();
        assertThat(command).contains("-XX:AOTCacheOutput=" + root.resolve("klassrum.aot.pending"))
                .endsWith("-jar", root.resolve(StartupCache.LAUNCH_JAR).toString());
        // Payara Micro's launcher jar puts its runtime on the class path: only such classes can be cached.
        assertThat(root.resolve(StartupCache.LAUNCH_JAR)).isRegularFile();
        assertThat(root.resolve("runtime")).isDirectory();

        // What the JVM writes when the training run's server stops.
        Files.writeString(root.resolve("klassrum.aot.pending"), "cache");
        first.afterStop();

        StartupCache next = StartupCache.of(root, payaraMicro, war, "-Xmx1g", true, 25);
        assertThat(next.command(JAVA, OPTIONS)).contains("-XX:AOTCache=" + root.resolve(StartupCache.CACHE))
                .noneMatch(option -> option.startsWith("-XX:AOTCacheOutput"));
        assertThat(next.training()).isFalse();
    }

    @Test
    void aNewWarOrOtherJvmOptionsRecordTheCacheAgain(@TempDir Path root) throws IOException {
        Path war = Files.writeString(root.resolveSibling(root.getFileName() + ".war"), "a web archive");
        StartupCache first = StartupCache.of(root, payaraMicro, war, "-Xmx1g", true, 25);
        first.command(JAVA, OPTIONS);
        Files.writeString(root.resolve("klassrum.aot.pending"), "cache");
        first.afterStop();

        StartupCache otherOptions = StartupCache.of(root, payaraMicro, war, "-Xmx2g", true, 25);
        otherOptions.command(JAVA, OPTIONS);
        assertThat(otherOptions.training()).isTrue();
        assertThat(root.resolve(StartupCache.CACHE)).doesNotExist();

        Files.writeString(root.resolve("klassrum.aot.pending"), "cache");
        otherOptions.afterStop();
        Files.writeString(war, "a newer web archive");
        Files.setLastModifiedTime(war, FileTime.from(Instant.now().plusSeconds(5)));
        StartupCache newWar = StartupCache.of(root, payaraMicro, war, "-Xmx2g", true, 25);
        newWar.command(JAVA, OPTIONS);
        assertThat(newWar.training()).isTrue();
    }

    @Test
    void aRuntimeFolderWrittenAnewRecordsTheCacheAgain(@TempDir Path root) throws IOException {
        Path war = Files.writeString(root.resolveSibling(root.getFileName() + ".war"), "a web archive");
        StartupCache first = StartupCache.of(root, payaraMicro, war, "-Xmx1g", true, 25);
        first.command(JAVA, OPTIONS);
        Files.writeString(root.resolve("klassrum.aot.pending"), "cache");
        first.afterStop();
        StartupCache same = StartupCache.of(root, payaraMicro, war, "-Xmx1g", true, 25);
        same.command(JAVA, OPTIONS);
        assertThat(same.training()).isFalse();

        // As a start from payara-micro.jar does: the runtime's jars are written again, and the JDK would refuse the cache.
        try (var jars = Files.list(root.resolve("runtime"))) {
            Path jar = jars.findFirst().orElseThrow();
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        }
        StartupCache after = StartupCache.of(root, payaraMicro, war, "-Xmx1g", true, 25);
        after.command(JAVA, OPTIONS);
        assertThat(after.training()).isTrue();
    }

    @Test
    void aRunStoppedBeforeTheCacheWasWrittenRecordsAgainNextTime(@TempDir Path root) throws IOException {
        Path war = Files.writeString(root.resolveSibling(root.getFileName() + ".war"), "a web archive");
        StartupCache killed = StartupCache.of(root, payaraMicro, war, "-Xmx1g", true, 25);
        killed.command(JAVA, OPTIONS);
        killed.afterStop();

        StartupCache next = StartupCache.of(root, payaraMicro, war, "-Xmx1g", true, 25);
        next.command(JAVA, OPTIONS);
        assertThat(next.training()).isTrue();
    }

    @Test
    void aJdkOlderThan25StartsFromThePayaraMicroJarAsBefore(@TempDir Path root) throws IOException {
        Path war = Files.writeString(root.resolveSibling(root.getFileName() + ".war"), "a web archive");
        StartupCache old = StartupCache.of(root, payaraMicro, war, "-Xmx1g", true, 21);
        assertThat(old.command(JAVA, OPTIONS)).containsExactly(JAVA.toString(), "-Xmx1g", "-jar", payaraMicro.toString());
    }

    @Test
    void switchedOffTheServerStartsFromThePayaraMicroJarAsBefore(@TempDir Path root) throws IOException {
        Path war = Files.writeString(root.resolveSibling(root.getFileName() + ".war"), "a web archive");
        StartupCache off = StartupCache.of(root, payaraMicro, war, "-Xmx1g", false, 25);
        assertThat(off.command(JAVA, OPTIONS)).containsExactly(JAVA.toString(), "-Xmx1g", "-jar", payaraMicro.toString());
        assertThat(off.training()).isFalse();
        assertThat(root.resolve(StartupCache.LAUNCH_JAR)).doesNotExist();
    }
}
