package io.arbiter.jobs.config;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key of {@code conf/arbiter.yaml}, typed, with its default and meaning. The YAML file is
 * nested ({@code kafka: {bootstrap-servers: ...}}); keys here are the dotted paths.
 *
 * <p>Two prefixes pass through untouched: {@code kafka.properties.*} goes to every Kafka client
 * (security settings; values may be {@code ${env:NAME}} or {@code ${file:PATH}} so secrets stay out
 * of the file), and {@code flink.*} goes to Flink's own configuration.
 */
public final class ArbiterOptions {

    private ArbiterOptions() {}

    /** Prefix of free-form Kafka client properties. */
    public static final String KAFKA_PROPERTIES_PREFIX = "kafka.properties.";

    /** Prefix of free-form Flink configuration keys. */
    public static final String FLINK_PREFIX = "flink.";

    public static final ConfigOption<String> JOB_NAME =
            ConfigOptions.key("job.name")
                    .stringType()
                    .defaultValue("arbiter")
                    .withDescription(
                            "Name of the job; also the base of its Kafka transactional ids and consumer group.");

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOptions.key("job.parallelism")
                    .intType()
                    .defaultValue(1)
                    .withDescription("Default parallelism of the job's operators.");

    public static final ConfigOption<String> POLICY_FILE =
            ConfigOptions.key("policy.file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The desk's policy (thresholds of DOMAIN.md); the built-in defaults,"
                                    + " identical to conf/policy.yaml, when unset.");

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            ConfigOptions.key("kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("127.0.0.1:9092")
                    .withDescription("Kafka bootstrap servers, host:port[,host:port].");

    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT =
            ConfigOptions.key("kafka.transaction-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "transaction.timeout.ms of the exactly-once sinks; must not exceed the"
                                    + " broker's transaction.max.timeout.ms and must outlast the"
                                    + " longest checkpoint plus a restart.");

    public static final ConfigOption<String> TOPIC_BARS = topic("market-bars", "market.bars");
    public static final ConfigOption<String> TOPIC_FILLS = topic("fills", "exec.fills");
    public static final ConfigOption<String> TOPIC_EXTERNAL_SIGNALS =
            topic("external-signals", "signals.external");
    public static final ConfigOption<String> TOPIC_CONTROL = topic("control", "control.commands");
    public static final ConfigOption<String> TOPIC_FEATURES = topic("features", "features.vectors");
    public static final ConfigOption<String> TOPIC_SIGNALS = topic("signals", "signals.scored");
    public static final ConfigOption<String> TOPIC_INTENTS = topic("intents", "orders.intents");
    public static final ConfigOption<String> TOPIC_ALLOCATIONS =
            topic("allocations", "alloc.events");
    public static final ConfigOption<String> TOPIC_GOVERNANCE = topic("governance", "gov.events");
    public static final ConfigOption<String> TOPIC_HEALTH = topic("health", "health.reports");
    public static final ConfigOption<String> TOPIC_DEAD_LETTERS =
            topic("dead-letters", "dlq.records");

    public static final ConfigOption<String> BOOKS =
            ConfigOptions.key("books")
                    .stringType()
                    .defaultValue("desk")
                    .withDescription(
                            "The books this job governs, comma-separated (ledger, governor and"
                                    + " allocator per book); fills of any other book are"
                                    + " dead-lettered.");

    /** The books of {@link #BOOKS}, trimmed, in a stable order. */
    public static java.util.SortedSet<String> books(String value) {
        java.util.SortedSet<String> books = new java.util.TreeSet<>();
        for (String book : value.split(",")) {
            if (!book.isBlank()) {
                books.add(book.trim());
            }
        }
        return books;
    }

    public static final ConfigOption<Integer> DATA_QUALITY_WINDOW =
            ConfigOptions.key("data-quality.window-records")
                    .intType()
                    .defaultValue(1000)
                    .withDescription(
                            "Consecutive market-data records of one partition per data-quality"
                                    + " window; a window below breakers.min-valid-share valid"
                                    + " records halts every book.");

    /** Every topic the job reads or writes (run and demo create or check them all). */
    public static final List<ConfigOption<String>> TOPICS =
            List.of(
                    TOPIC_BARS,
                    TOPIC_FILLS,
                    TOPIC_EXTERNAL_SIGNALS,
                    TOPIC_CONTROL,
                    TOPIC_FEATURES,
                    TOPIC_SIGNALS,
                    TOPIC_INTENTS,
                    TOPIC_ALLOCATIONS,
                    TOPIC_GOVERNANCE,
                    TOPIC_HEALTH,
                    TOPIC_DEAD_LETTERS);

    public static final ConfigOption<Delivery> DELIVERY_FEATURES =
            delivery(
                    "features",
                    Delivery.AT_LEAST_ONCE,
                    "at-least-once: models scored outside the job read the vectors and answer on"
                            + " signals.external, so their decisions need them at once; a vector"
                            + " is a function of its symbol's bars, so a replayed one is"
                            + " byte-identical (id symbol|bar time).");

    public static final ConfigOption<Delivery> DELIVERY_SIGNALS =
            delivery(
                    "signals",
                    Delivery.AT_LEAST_ONCE,
                    "at-least-once: the desk wants decisions within 50 ms (DOMAIN.md §9); id"
                            + " model|version|symbol|bar time.");

    public static final ConfigOption<Delivery> DELIVERY_INTENTS =
            delivery(
                    "intents",
                    Delivery.AT_LEAST_ONCE,
                    "at-least-once: the execution service wants decisions within 50 ms"
                            + " (DOMAIN.md §9); id = the intent's intentId.");

    public static final ConfigOption<Delivery> DELIVERY_ALLOCATIONS =
            delivery(
                    "allocations",
                    Delivery.EXACTLY_ONCE,
                    "exactly-once, and only that: the audit trail (DOMAIN.md §9).");

    public static final ConfigOption<Delivery> DELIVERY_GOVERNANCE =
            delivery(
                    "governance",
                    Delivery.EXACTLY_ONCE,
                    "exactly-once, and only that: the audit trail (DOMAIN.md §9).");

    public static final ConfigOption<Delivery> DELIVERY_DEAD_LETTERS =
            delivery(
                    "dead-letters",
                    Delivery.EXACTLY_ONCE,
                    "exactly-once: people reconcile dead letters against the input by count,"
                            + " nobody waits on them, and a record refused after the sources has"
                            + " no Kafka position to name it by.");

    /** Every topic the job writes, with the option that chooses its delivery lane. */
    public static final Map<ConfigOption<String>, ConfigOption<Delivery>> DELIVERY =
            orderedMap(
                    List.of(
                            TOPIC_FEATURES,
                            TOPIC_SIGNALS,
                            TOPIC_INTENTS,
                            TOPIC_ALLOCATIONS,
                            TOPIC_GOVERNANCE,
                            TOPIC_DEAD_LETTERS),
                    List.of(
                            DELIVERY_FEATURES,
                            DELIVERY_SIGNALS,
                            DELIVERY_INTENTS,
                            DELIVERY_ALLOCATIONS,
                            DELIVERY_GOVERNANCE,
                            DELIVERY_DEAD_LETTERS));

    /** The audit trail: written exactly once whatever the file says (DOMAIN.md §9). */
    public static final List<ConfigOption<Delivery>> AUDIT_TRAIL =
            List.of(DELIVERY_ALLOCATIONS, DELIVERY_GOVERNANCE);

    public static final ConfigOption<Duration> MAX_OUT_OF_ORDERNESS =
            ConfigOptions.key("watermarks.max-out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "How far behind the newest event time a record may arrive and still be"
                                    + " on time (bounded out-of-orderness of every source).");

    public static final ConfigOption<Duration> IDLENESS =
            ConfigOptions.key("watermarks.idleness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "A source partition silent this long stops holding back the watermark.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("checkpointing.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Checkpoint interval; exactly-once outputs become visible to"
                                    + " read_committed consumers at each checkpoint, so they lag"
                                    + " by up to this plus a checkpoint's duration; at-least-once"
                                    + " outputs do not wait for it.");

    /**
     * Unaligned checkpoints: a barrier overtakes the records queued in front of it, so a checkpoint
     * no longer waits for a backed-up operator (the books, the planner) to work through its input;
     * the overtaken records are stored in the checkpoint instead.
     */
    public static final ConfigOption<Boolean> CHECKPOINT_UNALIGNED =
            ConfigOptions.key("checkpointing.unaligned")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Flink's execution.checkpointing.unaligned.enabled: barriers overtake"
                                    + " queued records, so a checkpoint (and every exactly-once"
                                    + " output) does not wait behind a busy operator.");

    public static final ConfigOption<Duration> CHECKPOINT_ALIGNED_TIMEOUT =
            ConfigOptions.key("checkpointing.aligned-timeout")
                    .durationType()
                    .defaultValue(Duration.ZERO)
                    .withDescription(
                            "Flink's execution.checkpointing.aligned-checkpoint-timeout, used with"
                                    + " checkpointing.unaligned: a checkpoint starts aligned (it"
                                    + " stores no in-flight records) and turns unaligned where it"
                                    + " is still aligning this long after it started; 0 (default):"
                                    + " unaligned from the start, so no input channel is ever"
                                    + " blocked for alignment and at-least-once records never"
                                    + " wait for a barrier (benchmarks/README.md).");

    public static final ConfigOption<String> CHECKPOINT_DIR =
            ConfigOptions.key("checkpointing.directory")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Durable checkpoint storage URI (file://, s3://); in-memory when unset.");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT =
            ConfigOptions.key("network.buffer-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMillis(5))
                    .withDescription(
                            "Flink's execution.buffer-timeout.interval: the longest a record waits"
                                    + " in a partly filled network buffer between two tasks (Flink's"
                                    + " default, 100 ms, is paid again at every hop); 0 flushes"
                                    + " after every record.");

    public static final ConfigOption<Boolean> BUFFER_DEBLOAT =
            ConfigOptions.key("network.buffer-debloat.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Flink's taskmanager.network.memory.buffer-debloat.enabled: each"
                                    + " task's input buffers shrink to what it consumes in"
                                    + " network.buffer-debloat.target, so little data queues in"
                                    + " front of a barrier. A task-manager setting: run and demo"
                                    + " apply it to their embedded cluster; on a Flink cluster set it"
                                    + " in the cluster's configuration.");

    public static final ConfigOption<Duration> BUFFER_DEBLOAT_TARGET =
            ConfigOptions.key("network.buffer-debloat.target")
                    .durationType()
                    .defaultValue(Duration.ofMillis(200))
                    .withDescription(
                            "Flink's taskmanager.network.memory.buffer-debloat.target: how long"
                                    + " the data queued in a task's input buffers should take it to"
                                    + " consume (Flink's default: 1 s).");

    public static final ConfigOption<Duration> WATERMARK_INTERVAL =
            ConfigOptions.key("watermarks.interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(10))
                    .withDescription(
                            "Flink's pipeline.auto-watermark-interval: how often sources emit"
                                    + " watermarks. A feature vector leaves once the watermark has"
                                    + " passed its bar, so every decision waits up to this long"
                                    + " (Flink's default: 200 ms).");

    public static final ConfigOption<String> STATE_BACKEND =
            ConfigOptions.key("state.backend")
                    .stringType()
                    .defaultValue("hashmap")
                    .withDescription("hashmap (heap, default) or rocksdb.");

    /**
     * Whether {@code features.vectors} carries each vector's window. Off by default: the window is
     * ~2 KiB of the vector's ~2.3 KiB and only the job's own sequence models read it, in the job
     * (README, "Feature vectors on the wire").
     */
    public static final ConfigOption<Boolean> FEATURES_PUBLISH_WINDOW =
            ConfigOptions.key("features.publish-window")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Write each feature vector's window (the sequence models' packed"
                                    + " input) to the features topic; off: the window field is"
                                    + " empty there (the job's models still score it).");

    public static final ConfigOption<String> SCORING_DEVICE =
            ConfigOptions.key("scoring.device")
                    .stringType()
                    .defaultValue("cpu")
                    .withDescription("cpu, or cuda[:N] to score dense models on a GPU.");

    public static final ConfigOption<String> MODELS_DIR =
            ConfigOptions.key("scoring.models-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Folder of model directories (manifest.json + model.onnx) loaded at"
                                    + " start; no models when unset.");

    public static final ConfigOption<Integer> BATCH_SIZE =
            ConfigOptions.key("scoring.batch-size")
                    .intType()
                    .defaultValue(64)
                    .withDescription("Rows scored per ONNX Runtime call at most.");

    public static final ConfigOption<Duration> MAX_DELAY =
            ConfigOptions.key("scoring.max-delay")
                    .durationType()
                    .defaultValue(Duration.ofMillis(5))
                    .withDescription(
                            "Longest a row waits for its batch (processing time); batches are also"
                                    + " flushed at watermarks and checkpoint barriers.");

    /**
     * The desk's shared secret for control commands (HMAC-SHA256, at least 32 bytes); the same
     * value bin/arbiter control signs with from the environment variable ARBITER_CONTROL_KEY.
     */
    public static final ConfigOption<String> CONTROL_HMAC_KEY =
            ConfigOptions.key("control.hmac-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Key that control commands are signed with (HMAC-SHA256, at least 32"
                                    + " bytes, its UTF-8 bytes used as given). Write"
                                    + " ${env:ARBITER_CONTROL_KEY} or ${file:/path}, never the key"
                                    + " itself; without it every control command is refused.");

    /** Every option above, for validation of unknown keys and for --help output. */
    public static final List<ConfigOption<?>> ALL =
            List.of(
                    JOB_NAME,
                    PARALLELISM,
                    BOOKS,
                    DATA_QUALITY_WINDOW,
                    POLICY_FILE,
                    BOOTSTRAP_SERVERS,
                    TRANSACTION_TIMEOUT,
                    TOPIC_BARS,
                    TOPIC_FILLS,
                    TOPIC_EXTERNAL_SIGNALS,
                    TOPIC_CONTROL,
                    TOPIC_FEATURES,
                    TOPIC_SIGNALS,
                    TOPIC_INTENTS,
                    TOPIC_ALLOCATIONS,
                    TOPIC_GOVERNANCE,
                    TOPIC_HEALTH,
                    TOPIC_DEAD_LETTERS,
                    DELIVERY_FEATURES,
                    DELIVERY_SIGNALS,
                    DELIVERY_INTENTS,
                    DELIVERY_ALLOCATIONS,
                    DELIVERY_GOVERNANCE,
                    DELIVERY_DEAD_LETTERS,
                    MAX_OUT_OF_ORDERNESS,
                    IDLENESS,
                    WATERMARK_INTERVAL,
                    CHECKPOINT_INTERVAL,
                    CHECKPOINT_UNALIGNED,
                    CHECKPOINT_ALIGNED_TIMEOUT,
                    CHECKPOINT_DIR,
                    BUFFER_TIMEOUT,
                    BUFFER_DEBLOAT,
                    BUFFER_DEBLOAT_TARGET,
                    STATE_BACKEND,
                    FEATURES_PUBLISH_WINDOW,
                    SCORING_DEVICE,
                    MODELS_DIR,
                    BATCH_SIZE,
                    MAX_DELAY,
                    CONTROL_HMAC_KEY);

    private static ConfigOption<Delivery> delivery(
            String topicKey, Delivery defaultLane, String why) {
        return ConfigOptions.key("delivery." + topicKey)
                .enumType(Delivery.class)
                .defaultValue(defaultLane)
                .withDescription(
                        "Delivery lane of topics."
                                + topicKey
                                + ": exactly-once or at-least-once (README, \"Topics\"). Default "
                                + why);
    }

    private static <K, V> Map<K, V> orderedMap(List<K> keys, List<V> values) {
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(map);
    }

    private static ConfigOption<String> topic(String key, String defaultName) {
        return ConfigOptions.key("topics." + key)
                .stringType()
                .defaultValue(defaultName)
                .withDescription("Kafka topic name (default " + defaultName + ").");
    }
}
