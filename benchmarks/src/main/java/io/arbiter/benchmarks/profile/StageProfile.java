package io.arbiter.benchmarks.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the CPU of one measured window went: exactly by thread group, and by operator from stack
 * samples scaled to those exact thread times. Fractions are of the whole process's CPU, so the rows
 * read as shares of what the benchmark's CPU figure measured.
 *
 * @param processCpuSeconds CPU of the whole process over the window (NaN where the JVM cannot tell)
 * @param samplerCpuSeconds CPU the profiler's own sampler thread used (included in the process CPU;
 *     subtract it to get the job's); NaN where thread CPU time is unsupported
 * @param wallSeconds length of the window
 * @param samples sampling rounds taken
 * @param byThreadGroup CPU per normalised thread name, largest first, with the {@link #REMAINDER}
 *     row for CPU no live thread accounts for
 * @param byOperator CPU of the profiled threads per {@link FrameCategories category}, largest first
 */
public record StageProfile(
        double processCpuSeconds,
        double samplerCpuSeconds,
        double wallSeconds,
        int samples,
        List<Share> byThreadGroup,
        List<Share> byOperator) {

    /**
     * Process CPU that no thread alive at the end accounts for: GC and JIT threads, which the
     * thread MXBean does not list, native threads (ONNX Runtime's intra-op pool), threads that came
     * and went between two of the sampler's looks (it reads every thread's CPU each 100 ms), and
     * the last moments of threads that ended.
     */
    public static final String REMAINDER = "JVM internals, native and ended threads (GC, JIT, …)";

    /** The single thread-group row when this JVM cannot measure CPU per thread. */
    public static final String THREAD_CPU_UNSUPPORTED =
            "whole process (thread CPU time not supported by this JVM)";

    /** Profiled CPU of a thread group that no sample caught running. */
    public static final String UNSAMPLED = "(not caught by a sample)";

    static final int TOP_ROWS = 15;

    public StageProfile {
        byThreadGroup = List.copyOf(byThreadGroup);
        byOperator = List.copyOf(byOperator);
    }

    /** One row: a thread group or an operator category. */
    public record Share(String name, double cpuSeconds, double fractionOfProcess) {
        public Share {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Whether the thread-group and operator views are measured (false: a JVM without it). */
    public boolean threadCpuMeasured() {
        return byThreadGroup.stream().noneMatch(s -> s.name().equals(THREAD_CPU_UNSUPPORTED));
    }

    /** Plain-text tables (top 15 rows each) for the console. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        String groupsTitle = "CPU by thread group (exact)";
        String operatorsTitle = "CPU by operator (sampled, scaled to exact thread CPU)";
        // One name column for both tables, wide enough for the titles, so the numbers line up.
        int width = Math.max(groupsTitle.length(), operatorsTitle.length()) - 2;
        for (Share row : shown(byThreadGroup)) {
            width = Math.max(width, row.name().length());
        }
        for (Share row : shown(byOperator)) {
            width = Math.max(width, row.name().length());
        }
        width = Math.min(width, 90);
        out.append(summary()).append('\n');
        textTable(out, groupsTitle, byThreadGroup, width);
        textTable(out, operatorsTitle, byOperator, width);
        return out.toString();
    }

    /** Markdown tables for the report file. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append(summary()).append("\n\n");
        markdownTable(out, "CPU by thread group (exact)", "Thread group", byThreadGroup);
        out.append('\n');
        markdownTable(
                out,
                "CPU by operator (sampled, scaled to exact thread CPU)",
                "Operator",
                byOperator);
        return out.toString();
    }

    /** Nested maps/lists of Strings and Numbers (for Jackson to write as JSON). */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("processCpuSeconds", processCpuSeconds);
        tree.put("samplerCpuSeconds", samplerCpuSeconds);
        tree.put("wallSeconds", wallSeconds);
        tree.put("samples", samples);
        tree.put("byThreadGroup", rows(byThreadGroup));
        tree.put("byOperator", rows(byOperator));
        return tree;
    }

    private static List<Object> rows(List<Share> shares) {
        List<Object> rows = new ArrayList<>(shares.size());
        for (Share share : shares) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", share.name());
            row.put("cpuSeconds", share.cpuSeconds());
            row.put("fractionOfProcess", share.fractionOfProcess());
            rows.add(row);
        }
        return rows;
    }

    private String summary() {
        return String.format(
                Locale.ROOT,
                "CPU profile: %.2f s process CPU over %.2f s wall (%.2f cores busy), %d samples,"
                        + " profiler thread %.3f s",
                processCpuSeconds,
                wallSeconds,
                processCpuSeconds / wallSeconds,
                samples,
                samplerCpuSeconds);
    }

    /**
     * The rows shown: the first {@link #TOP_ROWS}, and the rest folded into one row so the shown
     * CPU still adds up.
     */
    private static List<Share> shown(List<Share> shares) {
        if (shares.size() <= TOP_ROWS) {
            return shares;
        }
        List<Share> shown = new ArrayList<>(shares.subList(0, TOP_ROWS));
        double cpu = 0;
        double fraction = 0;
        for (Share rest : shares.subList(TOP_ROWS, shares.size())) {
            cpu += rest.cpuSeconds();
            fraction += rest.fractionOfProcess();
        }
        shown.add(new Share((shares.size() - TOP_ROWS) + " more rows", cpu, fraction));
        return shown;
    }

    private static void textTable(StringBuilder out, String title, List<Share> shares, int width) {
        List<Share> rows = shown(shares);
        out.append(
                String.format(
                        Locale.ROOT, "%-" + (width + 2) + "s %9s %8s\n", title, "CPU s", "share"));
        if (rows.isEmpty()) {
            out.append("  (no rows)\n");
        }
        for (Share row : rows) {
            String name = row.name();
            if (name.length() > width) {
                name = name.substring(0, width - 1) + "…";
            }
            out.append(
                    String.format(
                            Locale.ROOT,
                            "  %-" + width + "s %9.3f %7.1f%%\n",
                            name,
                            row.cpuSeconds(),
                            100 * row.fractionOfProcess()));
        }
    }

    private static void markdownTable(
            StringBuilder out, String title, String nameHeader, List<Share> shares) {
        out.append("**").append(title).append("**\n\n");
        out.append("| ").append(nameHeader).append(" | CPU s | Share of process CPU |\n");
        out.append("|---|---:|---:|\n");
        for (Share row : shown(shares)) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.3f | %.1f%% |\n",
                            row.name().replace("|", "\\|"),
                            row.cpuSeconds(),
                            100 * row.fractionOfProcess()));
        }
    }
}
