package se.klassrum.deploy.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A share of the machine's processor time per part of the run: a Linux control group per part with a CPU quota
 * ({@code cpu.cfs_quota_us} under cgroup v1's {@code cpu} controller, {@code cpu.max} under cgroup v2), each part's
 * processes moved into its group with every thread they have; threads and processes they start later (a PostgreSQL
 * backend forked by the postmaster) start in it too. The quota is given per 100 ms, the kernel's default period and
 * what a container with a CPU limit gets (Kubernetes' {@code limits.cpu: 500m} is 50 ms in every 100 ms): a group that
 * has spent its share waits for the next period. A quota is not a smaller machine in every way: a JVM moved into a
 * group keeps the garbage collector and compiler threads it sized for the whole machine at start, and a node held to
 * its share spent more processor time on a request than unlimited (README.md, "Runs 46–48"), in the one-node and the
 * two-node phase alike.
 * <p>
 * Needs a writable cgroup file system: root on a host with cgroup v1, or a cgroup v2 group given with
 * {@code load.cgroup-root} whose {@code cgroup.subtree_control} already holds {@code cpu}; {@link #find(Path)} says why
 * not otherwise and changes nothing.
 */
final class CpuQuotas implements AutoCloseable {

    private static final int PERIOD_MICROS = 100_000;

    /** Where the groups go and which cgroup version holds them. */
    private final Path parent;
    private final boolean v2;
    private final List<Path> made = new ArrayList<>();

    private CpuQuotas(Path parent, boolean v2) {
        this.parent = parent;
        this.v2 = v2;
    }

    /**
     * The CPU controller under {@code root} (normally {@code /sys/fs/cgroup}) if groups can be made in it, else an
     * exception that says why.
     */
    static CpuQuotas find(Path root) throws IOException {
        Path v1 = root.resolve("cpu");
        if (Files.isRegularFile(v1.resolve("cpu.cfs_quota_us")) && Files.isWritable(v1)) {
            return probe(new CpuQuotas(v1, false));
        }
        Path subtree = root.resolve("cgroup.subtree_control");
        if (Files.isRegularFile(subtree) && Files.isWritable(root)) {
            if (!List.of(Files.readString(subtree).trim().split("\\s+")).contains("cpu")) {
                throw new IOException("the cgroup v2 group " + root + " does not hand the cpu controller to its children "
                        + "(cgroup.subtree_control); give -Dload.cgroup-root a group that does");
            }
            return probe(new CpuQuotas(root, true));
        }
        throw new IOException("no writable cgroup CPU controller under " + root);
    }

    private static CpuQuotas probe(CpuQuotas quotas) throws IOException {
        Path probe = quotas.parent.resolve("klassrum-load-probe-" + ProcessHandle.current().pid());
        Files.createDirectory(probe);
        Files.delete(probe);
        return quotas;
    }

    /**
     * Moves {@code processes} (with all their threads) into a group of their own named {@code name}, held to
     * {@code cores} of processor time (0.5: half a core's time in every 100 ms, spread over any cores).
     */
    void limit(String name, double cores, List<ProcessHandle> processes) throws IOException {
        if (cores <= 0) {
            throw new IllegalArgumentException("a quota must be above 0 cores: " + cores);
        }
        Path group = parent.resolve("klassrum-load-" + name + "-" + ProcessHandle.current().pid());
        if (!Files.isDirectory(group)) {
            Files.createDirectory(group);
            made.add(group);
        }
        long quota = Math.round(cores * PERIOD_MICROS);
        if (v2) {
            Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD_MICROS);
        } else {
            Files.writeString(group.resolve("cpu.cfs_period_us"), Integer.toString(PERIOD_MICROS));
            Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
        }
        for (ProcessHandle process : processes) {
            // One process per write: cgroup.procs moves the whole thread group.
            Files.writeString(group.resolve("cgroup.procs"), Long.toString(process.pid()));
        }
    }

    /** How often the group's tasks were held back for want of quota, and for how long, e.g. "312 of 2 400 periods, 41.2 s". */
    String throttled(String name) {
        Path group = parent.resolve("klassrum-load-" + name + "-" + ProcessHandle.current().pid());
        try {
            long periods = 0;
            long throttledPeriods = 0;
            double seconds = 0;
            for (String line : Files.readAllLines(group.resolve("cpu.stat"), StandardCharsets.UTF_8)) {
                String[] field = line.trim().split("\\s+");
                switch (field[0]) {
                    case "nr_periods" -> periods = Long.parseLong(field[1]);
                    case "nr_throttled" -> throttledPeriods = Long.parseLong(field[1]);
                    case "throttled_time" -> seconds = Long.parseLong(field[1]) / 1e9;
                    case "throttled_usec" -> seconds = Long.parseLong(field[1]) / 1e6;
                    default -> { }
                }
            }
            return String.format(Locale.ROOT, "%d of %d periods, %.1f s", throttledPeriods, periods, seconds);
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /**
     * Lifts every quota this made and moves the processes back to the group the groups were made in, so that the run
     * goes on free of them and {@link #close()} can remove the groups.
     */
    void lift() {
        for (Path group : made) {
            try {
                if (v2) {
                    Files.writeString(group.resolve("cpu.max"), "max " + PERIOD_MICROS);
                } else {
                    Files.writeString(group.resolve("cpu.cfs_quota_us"), "-1");
                }
                for (String pid : Files.readAllLines(group.resolve("cgroup.procs"))) {
                    if (!pid.isBlank()) {
                        try {
                            Files.writeString(parent.resolve("cgroup.procs"), pid.trim());
                        } catch (IOException e) {
                            // ended in the meantime
                        }
                    }
                }
            } catch (IOException e) {
                LoadEnvironment.log("the quota of %s could not be lifted: %s", group, e.getMessage());
            }
        }
    }

    /** Removes the groups; a group still holding a process stays, and is said. */
    @Override
    public void close() {
        for (Path group : made) {
            try {
                Files.deleteIfExists(group);
            } catch (IOException e) {
                LoadEnvironment.log("the control group %s could not be removed: %s", group, e.getMessage());
            }
        }
        made.clear();
    }
}
