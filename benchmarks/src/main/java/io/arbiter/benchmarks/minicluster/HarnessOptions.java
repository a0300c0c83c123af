package io.arbiter.benchmarks.minicluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The options every MiniCluster throughput harness takes, named after what it replays ({@code
 * noun}: {@code --bars} and {@code --warmup-bars}, or {@code --rows} and {@code --warmup-rows}):
 * {@code --<noun> N}, {@code --symbols K}, {@code --parallelism P}, {@code --seed S}, {@code
 * --warmup-<noun> W}, {@code --repeat R} and {@code --no-object-reuse}.
 *
 * @param records records replayed per measured run
 * @param symbols symbols they are spread over
 * @param parallelism source splits and operator subtasks; {@code symbols} must be a multiple
 * @param seed of the synthetic bars
 * @param warmupRecords records of the first, unreported run of every pipeline (0: none)
 * @param repeat measured runs of every pipeline
 * @param objectReuse as the production job sets it (on)
 */
public record HarnessOptions(
        long records,
        int symbols,
        int parallelism,
        long seed,
        long warmupRecords,
        int repeat,
        boolean objectReuse) {

    /** Takes a flag the common ones do not know, with the value after it (null if none). */
    public interface ExtraFlag {
        /** False when the flag is unknown to the harness too. */
        boolean accept(String flag, String value);
    }

    /**
     * Reads the common flags from {@code args}, starting from {@code defaults}; every other flag
     * goes to {@code extra} with the argument after it.
     *
     * @throws IllegalArgumentException with {@code usage} for --help and unknown flags
     */
    public static HarnessOptions parse(
            String[] args, HarnessOptions defaults, String noun, String usage, ExtraFlag extra) {
        long records = defaults.records();
        long symbols = defaults.symbols();
        long parallelism = defaults.parallelism();
        long seed = defaults.seed();
        long warmupRecords = defaults.warmupRecords();
        long repeat = defaults.repeat();
        boolean objectReuse = defaults.objectReuse();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException(usage);
            }
            if (flag.equals("--no-object-reuse")) {
                objectReuse = false;
                continue;
            }
            String value = i + 1 < args.length ? args[++i] : null;
            if (flag.equals("--" + noun)) {
                records = BenchmarkJvm.number(flag, value, usage);
            } else if (flag.equals("--warmup-" + noun)) {
                warmupRecords = BenchmarkJvm.number(flag, value, usage);
            } else if (flag.equals("--symbols")) {
                symbols = BenchmarkJvm.number(flag, value, usage);
            } else if (flag.equals("--parallelism")) {
                parallelism = BenchmarkJvm.number(flag, value, usage);
            } else if (flag.equals("--seed")) {
                seed = BenchmarkJvm.number(flag, value, usage);
            } else if (flag.equals("--repeat")) {
                repeat = BenchmarkJvm.number(flag, value, usage);
            } else if (!extra.accept(flag, value)) {
                throw new IllegalArgumentException("unknown option " + flag + "\n" + usage);
            }
        }
        return new HarnessOptions(
                records,
                Math.toIntExact(symbols),
                Math.toIntExact(parallelism),
                seed,
                warmupRecords,
                Math.toIntExact(repeat),
                objectReuse);
    }

    /** Records per symbol, rounded down. */
    public int perSymbol() {
        return Math.toIntExact(records / Math.max(1, symbols));
    }

    /** What is wrong with these values, flags named after {@code noun}; empty when nothing. */
    public List<String> problems(String noun) {
        List<String> problems = new ArrayList<>();
        if (symbols < 1) {
            problems.add("--symbols must be at least 1");
        }
        if (parallelism < 1) {
            problems.add("--parallelism must be at least 1");
        } else if (symbols % parallelism != 0) {
            problems.add(
                    "--symbols ("
                            + symbols
                            + ") must be a multiple of --parallelism ("
                            + parallelism
                            + "): each source split holds the same number of symbols");
        }
        if (symbols >= 1 && records < symbols) {
            problems.add("--" + noun + " must be at least --symbols (one per symbol)");
        }
        if (warmupRecords < 0 || repeat < 1) {
            problems.add("--warmup-" + noun + " must be >= 0 and --repeat >= 1");
        }
        return problems;
    }
}
