package io.arbiter.benchmarks.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.arbiter.benchmarks.minicluster.JvmFacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of one run in the three forms users read: a console table, {@code bench-results.md}
 * and {@code bench-results.json} (the fields first, then what explains them).
 */
final class BenchReport {

    static final String JSON_FILE = "bench-results.json";
    static final String MARKDOWN_FILE = "bench-results.md";

    private final BenchOptions options;
    private final Preload.Written data;
    private final List<StageResult> stages;
    private final LatencyResult latency;

    BenchReport(
            BenchOptions options,
            Preload.Written data,
            List<StageResult> stages,
            LatencyResult latency) {
        this.options = options;
        this.data = data;
        this.stages = List.copyOf(stages);
        this.latency = latency;
    }

    List<StageResult> stages() {
        return stages;
    }

    /** Per-core rate of {@code stage} over the passthrough's. */
    double ratioToPassthrough(StageResult stage) {
        return stage.eventsPerCoreSecond() / stages.get(0).eventsPerCoreSecond();
    }

    String table() {
        StringBuilder out = new StringBuilder();
        if (!stages.isEmpty()) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "%-12s %12s %10s %9s %14s %11s %10s%n",
                            "stage",
                            "events",
                            "cpu s",
                            "wall s",
                            "events/core·s",
                            "events/s",
                            "vs passth."));
            out.append(stageRows("%-12s %,12d %10.2f %9.2f %,14.0f %,11.0f %10.3f%n"));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "full job latency at %,.0f bars/s offered (%,.0f achieved)%n",
                        latency.offeredBarsPerSecond(),
                        latency.achievedBarsPerSecond()));
        out.append(lane("  at-least-once, bar → signal (read_uncommitted)", latency.signals()));
        out.append(lane("  at-least-once, bar → intent (read_uncommitted)", latency.intents()));
        out.append(
                lane(
                        "  exactly-once,  bar → feature vector (read_committed)",
                        latency.exactlyOnce()));
        out.append(
                String.format(
                        Locale.ROOT,
                        "  checkpoints every %d ms, %d completed (%d failed), each taking %.0f ms"
                                + " at the median, %.0f ms at most; %s%n",
                        latency.checkpointIntervalMillis(),
                        latency.checkpoints().completed(),
                        latency.checkpoints().failed(),
                        latency.checkpoints().p50(),
                        latency.checkpoints().max(),
                        settingsLine()));
        return out.toString();
    }

    private static String lane(String label, Percentiles p) {
        return String.format(
                Locale.ROOT,
                "%-56s %,9d records: p50 %6.0f ms, p99 %6.0f ms, p99.9 %6.0f ms, max %6.0f ms%s%n",
                label,
                p.samples(),
                p.p50(),
                p.p99(),
                p.p999(),
                p.max(),
                p.duplicates() == 0
                        ? ""
                        : String.format(
                                Locale.ROOT, " (%,d read again, dropped by id)", p.duplicates()));
    }

    private String settingsLine() {
        StringBuilder line = new StringBuilder();
        latency.settings()
                .forEach(
                        (key, value) -> {
                            if (!key.startsWith("delivery.")) {
                                line.append(line.length() == 0 ? "" : ", ")
                                        .append(key)
                                        .append(" ")
                                        .append(value);
                            }
                        });
        return line.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Arbiter pipeline benchmark\n\n");
        if (!stages.isEmpty()) {
            md.append(
                    String.format(
                            Locale.ROOT,
                            "%,d bars over %,d symbols and %,d matching fills, parallelism %d, bars"
                                    + " topic of %d partitions, checkpoints every %d ms, the first"
                                    + " %.0f %% of each stage's input read before its window"
                                    + " opens.%n%n",
                            data.bars(),
                            options.symbols(),
                            data.fills(),
                            options.parallelism(),
                            options.partitions(),
                            options.checkpointInterval().toMillis(),
                            options.warmupFraction() * 100));
            md.append(
                    "| stage | events | CPU s | wall s | events/s per core | events/s | ratio to"
                            + " passthrough |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|\n");
            md.append(stageRows("| %s | %,d | %.2f | %.2f | %,.0f | %,.0f | %.3f |%n"));
            md.append("\n");
        }
        md.append(
                String.format(
                        Locale.ROOT,
                        "Full job, end to end (bar event time → the record readable by a"
                                + " consumer) at %,.0f bars/s offered (%,.0f achieved):%n%n",
                        latency.offeredBarsPerSecond(),
                        latency.achievedBarsPerSecond()));
        md.append(
                "| lane | record | read as | records | p50 ms | p99 ms | p99.9 ms | max ms | read"
                        + " again (dropped by id) |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        md.append(laneRow("at-least-once", "signal", "read_uncommitted", latency.signals()));
        md.append(laneRow("at-least-once", "trade intent", "read_uncommitted", latency.intents()));
        md.append(
                laneRow("exactly-once", "feature vector", "read_committed", latency.exactlyOnce()));
        md.append(
                String.format(
                        Locale.ROOT,
                        "%nCheckpoints every %d ms: %d completed, %d failed, end to end %.0f ms at"
                                + " the median and %.0f ms at most; %d of the last %d unaligned;"
                                + " state %s at most, in-flight data stored %s at most. Watermark"
                                + " out-of-orderness %d ms. Settings: %s.%n",
                        latency.checkpointIntervalMillis(),
                        latency.checkpoints().completed(),
                        latency.checkpoints().failed(),
                        latency.checkpoints().p50(),
                        latency.checkpoints().max(),
                        latency.checkpoints().recentUnaligned(),
                        latency.checkpoints().recent(),
                        bytes(latency.checkpoints().stateSizeMaxBytes()),
                        bytes(latency.checkpoints().persistedDataMaxBytes()),
                        latency.outOfOrdernessMillis(),
                        settingsLine()));
        md.append("\nJVM: ").append(jvmLine()).append("\n");
        for (StageResult s : stages) {
            if (s.profile() != null) {
                md.append("\n## Where the CPU goes: ").append(s.stage().label()).append("\n\n");
                md.append(s.profile().toMarkdown()).append("\n");
            }
        }
        return md.toString();
    }

    private static String laneRow(String lane, String record, String isolation, Percentiles p) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %,d | %.0f | %.0f | %.0f | %.0f | %,d |%n",
                lane,
                record,
                isolation,
                p.samples(),
                p.p50(),
                p.p99(),
                p.p999(),
                p.max(),
                p.duplicates());
    }

    private static String bytes(long bytes) {
        return bytes < 0
                ? "unknown"
                : bytes < 1 << 20
                        ? String.format(Locale.ROOT, "%,.1f KiB", bytes / 1024.0)
                        : String.format(Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
    }

    /**
     * One line per stage in {@code format}, which takes the name, events, CPU s, wall s, events/s
     * per core, events/s and the ratio to passthrough.
     */
    private String stageRows(String format) {
        StringBuilder rows = new StringBuilder();
        for (StageResult s : stages) {
            rows.append(
                    String.format(
                            Locale.ROOT,
                            format,
                            s.stage().label(),
                            s.events(),
                            s.cpuSeconds(),
                            s.wallSeconds(),
                            s.eventsPerCoreSecond(),
                            s.eventsPerSecond(),
                            ratioToPassthrough(s)));
        }
        return rows.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> stageRows = new ArrayList<>();
        for (StageResult s : stages) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", s.stage().label());
            row.put("events", s.events());
            row.put("cpu_seconds", s.cpuSeconds());
            row.put("wall_seconds", s.wallSeconds());
            row.put("events_per_core_second", s.eventsPerCoreSecond());
            row.put("ratio_to_passthrough", ratioToPassthrough(s));
            row.put("events_per_second", s.eventsPerSecond());
            row.put("cores_busy", s.coresBusy());
            row.put("warmup_events", s.warmupEvents());
            row.put("gc_seconds", s.gcSeconds());
            row.put("jit_seconds", s.jitSeconds());
            row.put("job_seconds", s.jobSeconds());
            if (s.profile() != null) {
                row.put("profile", s.profile().toJsonTree());
            }
            stageRows.add(row);
        }
        root.put("stages", stageRows);
        Map<String, Object> lat = new LinkedHashMap<>();
        // The job's signals as it writes them (at-least-once by default): the same as
        // at_least_once, kept where readers of earlier results look.
        lat.put("p50", latency.signals().p50());
        lat.put("p99", latency.signals().p99());
        lat.put("p999", latency.signals().p999());
        lat.put("max", latency.signals().max());
        lat.put("samples", latency.signals().samples());
        Map<String, Object> atLeastOnce = percentiles(latency.signals());
        atLeastOnce.put("record", "signal");
        atLeastOnce.put("isolation", "read_uncommitted");
        Map<String, Object> intents = percentiles(latency.intents());
        intents.put("record", "trade intent");
        intents.put("isolation", "read_uncommitted");
        atLeastOnce.put("intents", intents);
        lat.put("at_least_once", atLeastOnce);
        Map<String, Object> exactlyOnce = percentiles(latency.exactlyOnce());
        exactlyOnce.put("record", "feature vector (features.vectors written exactly once)");
        exactlyOnce.put("isolation", "read_committed");
        lat.put("exactly_once", exactlyOnce);
        lat.put("checkpoint_interval_ms", latency.checkpointIntervalMillis());
        lat.put("offered_bars_per_second", latency.offeredBarsPerSecond());
        lat.put("achieved_bars_per_second", latency.achievedBarsPerSecond());
        lat.put("watermark_out_of_orderness_ms", latency.outOfOrdernessMillis());
        Map<String, Object> checkpoints = new LinkedHashMap<>();
        checkpoints.put("completed", latency.checkpoints().completed());
        checkpoints.put("failed", latency.checkpoints().failed());
        checkpoints.put("end_to_end_p50_ms", latency.checkpoints().p50());
        checkpoints.put("end_to_end_p99_ms", latency.checkpoints().p99());
        checkpoints.put("end_to_end_max_ms", latency.checkpoints().max());
        checkpoints.put("state_size_max_bytes", latency.checkpoints().stateSizeMaxBytes());
        checkpoints.put("persisted_data_max_bytes", latency.checkpoints().persistedDataMaxBytes());
        checkpoints.put("recent", latency.checkpoints().recent());
        checkpoints.put("recent_unaligned", latency.checkpoints().recentUnaligned());
        lat.put("checkpoints", checkpoints);
        lat.put("settings", latency.settings());
        root.put("latency_ms", lat);
        root.put("jvm", jvm());
        root.put("parallelism", options.parallelism());
        Map<String, Object> input = new LinkedHashMap<>();
        if (data != null) {
            input.put("bars", data.bars());
            input.put("symbols", options.symbols());
            input.put("fills", data.fills());
            input.put("seed", options.seed());
            input.put("bars_partitions", options.partitions());
            input.put("warmup_fraction", options.warmupFraction());
            input.put("checkpoint_interval_ms", options.checkpointInterval().toMillis());
            input.put("preload_seconds", data.seconds());
        } else {
            input.put("latency_only", true);
            input.put("symbols", options.symbols());
            input.put("seed", options.seed());
            input.put("bars_partitions", options.partitions());
        }
        root.put("data", input);
        return root;
    }

    private static Map<String, Object> percentiles(Percentiles p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("p50", p.p50());
        map.put("p99", p.p99());
        map.put("p999", p.p999());
        map.put("max", p.max());
        map.put("samples", p.samples());
        map.put("duplicates_dropped", p.duplicates());
        return map;
    }

    /** Writes both files into {@code dir}; returns their paths. */
    List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON_FILE);
        Path md = dir.resolve(MARKDOWN_FILE);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(json.toFile(), json());
        Files.writeString(md, markdown());
        return List.of(json, md);
    }

    static Map<String, Object> jvm() {
        JvmFacts facts = JvmFacts.current();
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("vm", facts.vm());
        jvm.put("version", facts.version());
        jvm.put("flags", flags(facts));
        jvm.put("cores", facts.cores());
        jvm.put("max_heap_mib", facts.maxHeapMib());
        jvm.put("gc", facts.collectors());
        return jvm;
    }

    private static String jvmLine() {
        JvmFacts facts = JvmFacts.current();
        return facts.vm()
                + " "
                + facts.version()
                + ", "
                + facts.cores()
                + " cores, max heap "
                + facts.maxHeapMib()
                + " MiB, GC "
                + facts.collectors()
                + ", flags "
                + flags(facts);
    }

    private static List<String> flags(JvmFacts facts) {
        return facts.arguments().stream().filter(BenchReport::isFlag).toList();
    }

    /**
     * The options that shape performance; the launcher's paths and --add-opens say nothing of it.
     */
    private static boolean isFlag(String argument) {
        return !argument.startsWith("--add-opens")
                && !argument.startsWith("-Darbiter.")
                && !argument.startsWith("-Dlog4j2.");
    }
}
