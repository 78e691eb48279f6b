package se.klassrum.deploy.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A share of the machine's processor time per part of the run: a control group per part under cgroup v1's {@code cpu}
 * controller with a CPU quota ({@code cpu.cfs_quota_us}), each part's processes moved into its group with every thread
 * they have; threads and processes they start later (a PostgreSQL backend forked by the postmaster) start in it too.
 * The quota is given per 100 ms, the kernel's default period and what a container with a CPU limit gets (Kubernetes'
 * {@code limits.cpu: 500m} is 50 ms in every 100 ms): a group that has spent its share waits for the next period. A
 * quota is not a smaller machine in every way: a JVM moved into a group keeps the garbage collector and compiler
 * threads it sized for the whole machine at start (README.md, "Runs 46–48", for what a node held to its share spent).
 * <p>
 * Needs root and cgroup v1's {@code cpu} controller mounted writable at {@code <root>/cpu}; {@link #find(Path)} says why
 * not otherwise and changes nothing. cgroup v2 is not supported: there a process may move only within a delegated
 * subtree that holds every process involved, which a benchmark started by Maven cannot arrange by itself.
 */
final class CpuQuotas implements AutoCloseable {

    private static final int PERIOD_MICROS = 100_000;

    /** The cpu controller's mount point, the root of its hierarchy: where the groups go. */
    private final Path mount;
    private final List<Path> made = new ArrayList<>();
    /** Each process moved, with the group it came from, to go back to when the quotas are lifted. */
    private final Map<Long, Path> cameFrom = new LinkedHashMap<>();

    private CpuQuotas(Path mount) {
        this.mount = mount;
    }

    /**
     * The cgroup v1 cpu controller under {@code root} (normally {@code /sys/fs/cgroup}) if groups can be made in it,
     * else an exception that says why.
     */
    static CpuQuotas find(Path root) throws IOException {
        Path v1 = root.resolve("cpu");
        if (!Files.isRegularFile(v1.resolve("cpu.cfs_quota_us"))) {
            throw new IOException(Files.isRegularFile(root.resolve("cgroup.controllers"))
                    ? "cgroup v2 at " + root + ": the benchmark's CPU quotas need cgroup v1's cpu controller"
                    : "no cgroup v1 cpu controller at " + v1);
        }
        if (!Files.isWritable(v1)) {
            throw new IOException("the cgroup v1 cpu controller at " + v1 + " is not writable (needs root)");
        }
        Path probe = v1.resolve("klassrum-load-probe-" + ProcessHandle.current().pid());
        Files.createDirectory(probe);
        Files.delete(probe);
        return new CpuQuotas(v1);
    }

    /**
     * Moves {@code processes} (with all their threads) into a group of their own named {@code name}, held to
     * {@code cores} of processor time (0.5: half a core's time in every 100 ms, spread over any cores).
     */
    void limit(String name, double cores, List<ProcessHandle> processes) throws IOException {
        if (cores <= 0) {
            throw new IllegalArgumentException("a quota must be above 0 cores: " + cores);
        }
        Path group = group(name);
        if (!Files.isDirectory(group)) {
            Files.createDirectory(group);
            made.add(group);
        }
        Files.writeString(group.resolve("cpu.cfs_period_us"), Integer.toString(PERIOD_MICROS));
        Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(Math.round(cores * PERIOD_MICROS)));
        for (ProcessHandle process : processes) {
            cameFrom.putIfAbsent(process.pid(), currentGroup(process.pid()));
            // One process per write: cgroup.procs moves the whole thread group.
            Files.writeString(group.resolve("cgroup.procs"), Long.toString(process.pid()));
        }
    }

    /** The process's group in the cpu hierarchy, from {@code /proc/<pid>/cgroup} ("4:cpu,cpuacct:/some/group"). */
    private Path currentGroup(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
            String[] field = line.split(":", 3);
            if (field.length == 3 && List.of(field[1].split(",")).contains("cpu")) {
                return mount.resolve(field[2].substring(1));
            }
        }
        throw new IOException("process " + pid + " is in no group of the cpu controller");
    }

    private Path group(String name) {
        return mount.resolve("klassrum-load-" + name + "-" + ProcessHandle.current().pid());
    }

    /** How often the group's tasks were held back for want of quota, and for how long, e.g. "312 of 2400 periods, 41.2 s". */
    String throttled(String name) {
        try {
            long periods = 0;
            long throttledPeriods = 0;
            double seconds = 0;
            for (String line : Files.readAllLines(group(name).resolve("cpu.stat"), StandardCharsets.UTF_8)) {
                String[] field = line.trim().split("\\s+");
                switch (field[0]) {
                    case "nr_periods" -> periods = Long.parseLong(field[1]);
                    case "nr_throttled" -> throttledPeriods = Long.parseLong(field[1]);
                    case "throttled_time" -> seconds = Long.parseLong(field[1]) / 1e9;
                    default -> { }
                }
            }
            return String.format(Locale.ROOT, "%d of %d periods, %.1f s", throttledPeriods, periods, seconds);
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /**
     * Lifts every quota this made and moves each process back to the group it came from, so that the run goes on free
     * of them and {@link #close()} can remove the groups. A process that has ended meanwhile is passed over.
     */
    void lift() {
        for (Path group : made) {
            try {
                Files.writeString(group.resolve("cpu.cfs_quota_us"), "-1");
            } catch (IOException e) {
                LoadEnvironment.log("the quota of %s could not be lifted: %s", group, e.getMessage());
            }
        }
        cameFrom.forEach((pid, group) -> {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
                } catch (IOException e) {
                    LoadEnvironment.log("process %d could not go back to %s: %s", pid, group, e.getMessage());
                }
            }
        });
        cameFrom.clear();
    }

    /** Lifts the quotas, then removes the groups; a group still holding a process stays, and is said. */
    @Override
    public void close() {
        lift();
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
