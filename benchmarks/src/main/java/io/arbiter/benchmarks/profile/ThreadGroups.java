package io.arbiter.benchmarks.profile;

import java.util.regex.Pattern;

/**
 * Folds thread names into readable groups, so that a MiniCluster's hundreds of threads (one per
 * subtask, one per Kafka client, pools numbered per instance) read as a few rows: the CPU question
 * is "which chain, which kind of IO thread", not "which instance of it".
 */
public final class ThreadGroups {

    /** Flink appends {@code (subtask/parallelism)} and, since 1.x, {@code #attempt}. */
    private static final Pattern FLINK_SUBTASK_SUFFIX =
            Pattern.compile("\\s*\\(\\d+/\\d+\\)(#\\d+)?\\s*$");

    private static final Pattern FLINK_SUBTASK = Pattern.compile(" \\(\\d+/\\d+\\)");

    /**
     * Kafka names its threads {@code <role> | <client id>}; the client id is per instance ({@code
     * producer-7}, a consumer group), so only the role is kept.
     */
    private static final Pattern KAFKA_CLIENT_THREAD = Pattern.compile("^(kafka-[^|]*?)\\s*\\|.*$");

    /**
     * Pool and instance counters at the end of a name ({@code -12}, {@code #3}, {@code 0}), and the
     * JVM's {@code CompilerThread0} style where the counter follows "Thread" directly.
     */
    private static final Pattern TRAILING_ID =
            Pattern.compile("(?:[-#_. ]+\\d+|(?<=Thread)\\d+)+$");

    private ThreadGroups() {}

    /** The group a thread named {@code threadName} belongs to; never empty. */
    public static String normalise(String threadName) {
        String name = threadName.strip();
        String withoutSubtask = FLINK_SUBTASK_SUFFIX.matcher(name).replaceFirst("");
        if (!withoutSubtask.equals(name) && !withoutSubtask.isEmpty()) {
            // A Flink task (or its source fetcher): the rest is the operator chain's name, whose
            // digits belong to operator names ("Sink: out2"), so nothing more is stripped.
            return withoutSubtask;
        }
        String kafkaRole = KAFKA_CLIENT_THREAD.matcher(name).replaceFirst("$1");
        String withoutId = TRAILING_ID.matcher(kafkaRole).replaceFirst("");
        return withoutId.isEmpty() ? name : withoutId;
    }

    /**
     * Whether {@code threadName} looks like a Flink task thread (it carries a {@code
     * (subtask/parallelism)} marker): the threads that run operator chains and source fetchers.
     */
    public static boolean isFlinkTaskThread(String threadName) {
        return FLINK_SUBTASK.matcher(threadName).find();
    }
}
