package se.klassrum.deploy.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Prints the access guard's load benchmark as one table: per phase the requests per second (answers with 200 divided
 * by the phase's length), p50, p99 and max in ms, and the errors (any answer but 200, or none within the timeout),
 * then the ratios of the targets, per round and their median (the target is judged on the median), all from the
 * newest Gatling run in {@code args[0]} and the set-up facts in {@code args[1]}. {@code args[2]} and {@code args[3]} are
 * the phases' lengths in seconds (single, mixed).
 * The figures are reported, never turned into a failed build: a miss is a finding, not a broken benchmark.
 */
public final class LoadReport {

    record Row(String name, long ok, long errors, double perSecond, long p50, long p99, long max) {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        int seconds = Integer.parseInt(args[2]);
        int mixedSeconds = Integer.parseInt(args[3]);
        Path stats;
        try (Stream<Path> runs = Files.list(results)) {
            stats = runs.map(run -> run.resolve("js").resolve("stats.js")).filter(Files::isRegularFile)
                    .max(Comparator.comparing(path -> path.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling run with js/stats.js in " + results));
        }
        Properties facts = new Properties();
        Path factsFile = Path.of(args[1]);
        if (Files.isRegularFile(factsFile)) {
            try (Reader in = Files.newBufferedReader(factsFile)) {
                facts.load(in);
            }
        }

        Map<String, Row> rows = new LinkedHashMap<>();
        collect(readStats(stats), rows, seconds, mixedSeconds);

        StringBuilder out = new StringBuilder();
        out.append("\nThe access guard under load (").append(stats.getParent().getParent().getFileName()).append(")\n");
        out.append(String.format(Locale.ROOT, "roster: scale %s, %s rows (%s); generated in %s s, imported in %s s%n",
                facts.getProperty("scale", "?"), facts.getProperty("roster.rows", "?"), facts.getProperty("roster.size", "?"),
                facts.getProperty("roster.generate.seconds", "?"), facts.getProperty("import.seconds", "?")));
        out.append(String.format(Locale.ROOT, "settled after the import: the database (vacuum, analyze, checkpoint) in %s s, "
                + "node A's heap (jcmd GC.run) in %s s%n", facts.getProperty("settle.seconds", "?"),
                facts.getProperty("settle.gc.seconds", "?")));
        out.append(String.format(Locale.ROOT, "teachers: %s, each with one connected teaching group (members %s), %s students; "
                        + "member page: %s ids%n", facts.getProperty("teachers", "?"), facts.getProperty("group.members", "?"),
                facts.getProperty("students", "?"), facts.getProperty("members.page.ids", "?")));
        out.append(String.format(Locale.ROOT, "load average (1, 5, 15 min): %s before set-up, %s before load, %s after%n%n",
                facts.getProperty("load.before", "?"), facts.getProperty("load.start", "?"), facts.getProperty("load.after", "?")));
        out.append(String.format(Locale.ROOT, "%-38s %9s %8s %8s %8s %8s %7s%n", "phase", "req/s", "p50 ms", "p99 ms", "max ms",
                "ok", "errors"));
        for (Row row : rows.values()) {
            if (row.name().startsWith("warm-up")) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-38s %9.1f %8d %8d %8d %8d %7d%n", row.name(), row.perSecond(), row.p50(),
                    row.p99(), row.max(), row.ok(), row.errors()));
        }
        out.append('\n');
        for (int users : new int[] {8, 32}) {
            ratios(out, rows, "guarded", "unguarded", users, 0.8);
            ratios(out, rows, "members", "unguarded", users, 0.5);
        }
        Row mixed = rows.get("mixed c=200, 1 node");
        if (mixed != null) {
            boolean clean = mixed.errors() == 0 && mixed.max() < 10_000;
            out.append(String.format(Locale.ROOT, "c=200 for %d s on one node: %d errors, p99 %d ms, max %d ms      target: no error, "
                    + "no stall                %s%n", mixedSeconds, mixed.errors(), mixed.p99(), mixed.max(), clean ? "MET" : "MISSED"));
        }
        Row two = rows.get("mixed c=200, 2 nodes");
        if (mixed != null && two != null) {
            double scaling = two.perSecond() / mixed.perSecond();
            out.append(String.format(Locale.ROOT, "two nodes / one node (c=200 mix): %.3f (%.1f / %.1f req/s; 2 nodes: %d errors, "
                    + "p99 %d ms)  target: > 1  %s%n", scaling, two.perSecond(), mixed.perSecond(), two.errors(), two.p99(),
                    scaling > 1 ? "MET" : "MISSED"));
            out.append(String.format(Locale.ROOT, "  the two nodes' front: %s%n", facts.getProperty("two-nodes.front", "?")));
            out.append("  every process on the machine's two cores: the nodes divide them with PostgreSQL, HAProxy and Gatling\n");
        }
        Row oneQuota = rows.get(AccessGuardSimulation.ONE_NODE_QUOTA);
        Row twoQuotas = rows.get(AccessGuardSimulation.TWO_NODES_QUOTA_EACH);
        if (facts.containsKey("cpu-limit.skipped")) {
            out.append("two nodes / one node, a CPU quota each: not run (").append(facts.getProperty("cpu-limit.skipped"))
                    .append(")\n");
        } else if (oneQuota != null && twoQuotas != null
                && (facts.containsKey("cpu-limit.failed") || !facts.containsKey("cpu-limit.rest"))) {
            out.append("two nodes / one node, a CPU quota each: not judged, the quotas were not set (")
                    .append(facts.getProperty("cpu-limit.failed", "no record of them")).append(")\n");
        } else if (oneQuota != null && twoQuotas != null && oneQuota.perSecond() > 0) {
            double scaling = twoQuotas.perSecond() / oneQuota.perSecond();
            out.append(String.format(Locale.ROOT, "two nodes / one node, a CPU quota each (c=200 mix): %.3f (%.1f / %.1f req/s; "
                    + "errors %d / %d, p99 %d / %d ms)  target: > 1  %s%n", scaling, twoQuotas.perSecond(), oneQuota.perSecond(),
                    twoQuotas.errors(), oneQuota.errors(), twoQuotas.p99(), oneQuota.p99(), scaling > 1 ? "MET" : "MISSED"));
            out.append(String.format(Locale.ROOT, "  cgroup CPU quotas in both phases: node A %s, node B %s; PostgreSQL, HAProxy "
                    + "and Gatling %s%n", facts.getProperty("cpu-limit.node-a"), facts.getProperty("cpu-limit.node-b"),
                    facts.getProperty("cpu-limit.rest")));
            out.append(String.format(Locale.ROOT, "  held back for want of quota over both phases: node A %s, node B %s, the rest %s%n",
                    facts.getProperty("cpu-limit.throttled.node-a", "?"), facts.getProperty("cpu-limit.throttled.node-b", "?"),
                    facts.getProperty("cpu-limit.throttled.rest", "?")));
        }
        cpu(out, rows, facts);
        String verified = facts.getProperty("audit.verify", "not verified");
        boolean intact = verified.startsWith("200 ") && verified.contains("\"intact\":true");
        out.append(String.format(Locale.ROOT, "audit chain after the load (node A, GET /api/v1/access/audit/verify): %s  "
                + "target: intact  %s%n", verified, intact ? "MET" : "MISSED"));
        if (facts.containsKey("kept.hits") && facts.containsKey("audit.batches")) {
            double hits = Double.parseDouble(facts.getProperty("kept.hits"));
            double misses = Double.parseDouble(facts.getProperty("kept.misses", "0"));
            double batches = Double.parseDouble(facts.getProperty("audit.batches"));
            double records = Double.parseDouble(facts.getProperty("audit.records", "0"));
            double appendSeconds = Double.parseDouble(facts.getProperty("audit.append.seconds", "0"));
            out.append(String.format(Locale.ROOT, "inside node A, the whole run: facts found kept in %.0f of %.0f reads (%.1f %%); "
                            + "%.0f audit records in %.0f batches (%.1f a batch), %.2f ms from hand-over to commit on average%n",
                    hits, hits + misses, 100 * hits / Math.max(1, hits + misses), records, batches, records / Math.max(1, batches),
                    1000 * appendSeconds / Math.max(1, records)));
        }
        if (facts.containsKey("audit.locked") || facts.containsKey("node-b.audit.locked")) {
            out.append(String.format(Locale.ROOT, "audit batches that locked their chain heads first (the other node had moved "
                            + "them): node A %s of %s, node B %s of %s%n", facts.getProperty("audit.locked", "?"),
                    facts.getProperty("audit.batches", "?"), facts.getProperty("node-b.audit.locked", "?"),
                    facts.getProperty("node-b.audit.batches", "?")));
        }
        System.out.print(out);
        Files.writeString(results.resolve("load-report.txt"), out.toString());
    }

    /**
     * Per mixed phase whose processor time was marked: each part's CPU time per answered request, and how many of the
     * machine's cores the part kept busy on average from the mark before the phase to the one after it (the users'
     * start and the last answers included).
     */
    static void cpu(StringBuilder out, Map<String, Row> rows, Properties facts) {
        List<String> parts = List.of("node-a", "node-b", "postgres", "haproxy", "gatling");
        boolean heading = false;
        for (Row row : rows.values()) {
            if (!facts.containsKey("cpu." + row.name() + ".after.nanos") || row.ok() == 0) {
                continue;
            }
            if (!heading) {
                out.append("processor time per answered request of the phase (in a two-node phase, both nodes' answers "
                        + "together), ms (cores kept busy):\n");
                heading = true;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-38s", row.name()));
            double seconds = (Double.parseDouble(facts.getProperty("cpu." + row.name() + ".after.nanos", "0"))
                    - Double.parseDouble(facts.getProperty("cpu." + row.name() + ".before.nanos", "0"))) / 1e9;
            double total = 0;
            for (String part : parts) {
                String before = facts.getProperty("cpu." + row.name() + ".before." + part);
                String after = facts.getProperty("cpu." + row.name() + ".after." + part);
                if (before == null || after == null) {
                    continue;
                }
                double ms = Double.parseDouble(after) - Double.parseDouble(before);
                total += ms;
                line.append(String.format(Locale.ROOT, " %s %.2f (%.2f)", part, ms / row.ok(), ms / 1000.0 / seconds));
            }
            out.append(line).append(String.format(Locale.ROOT, "; all %.2f (%.2f), over %.1f s%n", total / row.ok(),
                    total / 1000.0 / seconds, seconds));
        }
    }

    /**
     * The ratio of one endpoint to another at the same concurrency, in each round (the two measured in the same stretch of
     * time, "… #1", "… #2", …), and their median, which the target is judged on: one round that a checkpoint or a slow
     * phase of the other endpoint happened to fall on moves the median little.
     */
    private static void ratios(StringBuilder out, Map<String, Row> rows, String measured, String base, int users,
                               double target) {
        List<Double> each = new ArrayList<>();
        StringBuilder rounds = new StringBuilder();
        for (int round = 1; ; round++) {
            Row a = rows.get(measured + " c=" + users + " #" + round);
            Row b = rows.get(base + " c=" + users + " #" + round);
            if (a == null || b == null) {
                break;
            }
            double ratio = a.perSecond() / b.perSecond();
            each.add(ratio);
            rounds.append(String.format(Locale.ROOT, "%s%.3f (p50 %d / %d ms)", rounds.isEmpty() ? "" : ", ", ratio, a.p50(),
                    b.p50()));
        }
        if (each.isEmpty()) {
            return;
        }
        double median = median(each);
        out.append(String.format(Locale.ROOT, "%-9s / %-9s c=%-2d  median %.3f   target: ≥ %.1f  %-6s  rounds: %s%n", measured,
                base, users, median, target, median >= target ? "MET" : "MISSED", rounds));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Every request name in Gatling's statistics, in the order the report lists them. */
    private static void collect(JsonNode node, Map<String, Row> rows, int seconds, int mixedSeconds) {
        if (node == null) {
            return;
        }
        if ("REQUEST".equals(node.path("type").asText()) && node.has("stats")) {
            JsonNode stats = node.get("stats");
            String name = stats.path("name").asText(node.path("name").asText());
            long ok = number(stats.path("numberOfRequests").path("ok"));
            long ko = number(stats.path("numberOfRequests").path("ko"));
            int length = name.startsWith("mixed") ? mixedSeconds : seconds;
            rows.put(name, new Row(name, ok, ko, (double) ok / length, number(stats.path("percentiles1").path("ok")),
                    number(stats.path("percentiles4").path("ok")), number(stats.path("maxResponseTime").path("total"))));
        }
        for (JsonNode child : List.copyOf(iterable(node))) {
            collect(child, rows, seconds, mixedSeconds);
        }
    }

    /**
     * Gatling's statistics as its HTML report holds them: {@code js/stats.js} begins with {@code var stats = {...}}, a
     * JavaScript object literal (unquoted names, numbers as strings, "-" for none).
     */
    private static JsonNode readStats(Path file) throws IOException {
        String script = Files.readString(file);
        int start = script.indexOf('{', script.indexOf("var stats"));
        JsonMapper lenient = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES).build();
        try (JsonParser parser = lenient.createParser(script.substring(start))) {
            return lenient.readTree(parser);
        }
    }

    private static long number(JsonNode value) {
        String text = value.asText("-").trim();
        return text.isEmpty() || text.equals("-") ? 0 : Math.round(Double.parseDouble(text));
    }

    private static List<JsonNode> iterable(JsonNode node) {
        List<JsonNode> children = new java.util.ArrayList<>();
        node.elements().forEachRemaining(children::add);
        return children;
    }
}
