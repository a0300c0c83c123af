package io.arbiter.benchmarks.minicluster;

import java.util.Locale;
import java.util.function.Function;

/** The lines every throughput harness prints first, so a table can be read with its machine. */
public final class BenchmarkJvm {

    private BenchmarkJvm() {}

    /** JVM, cores, heap, collectors and flags; warns when Avro would refuse our classes. */
    public static void describe(String title) {
        JvmFacts jvm = JvmFacts.current();
        System.out.println("== " + title + " ==");
        System.out.printf(
                Locale.ROOT,
                "JVM        %s %s, %d cores available, max heap %d MiB, GC %s%n",
                jvm.vm(),
                jvm.version(),
                jvm.cores(),
                jvm.maxHeapMib(),
                jvm.collectors());
        System.out.println("JVM flags  " + jvm.arguments());
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.out.println(
                    "WARNING: -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.arbiter.schemas is not"
                            + " set; Avro will refuse the schema classes (STACK.md trap 2)");
        }
    }

    /**
     * The number after a flag ({@code 1_000} allowed).
     *
     * @throws IllegalArgumentException naming the flag when the value is absent or no number
     */
    public static long number(String flag, String value, String usage) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value\n" + usage);
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": not a number: " + value);
        }
    }

    /**
     * The options {@code parse} reads from a main's arguments; on a mistake, the message and exit
     * 2.
     */
    public static <T> T parseOrExit(String[] args, Function<String[], T> parse) {
        try {
            return parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            throw e; // not reached
        }
    }
}
