package io.arbiter.jobs.config;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;
import java.util.List;

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
                                    + " read_committed consumers at each checkpoint.");

    public static final ConfigOption<String> CHECKPOINT_DIR =
            ConfigOptions.key("checkpointing.directory")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Durable checkpoint storage URI (file://, s3://); in-memory when unset.");

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
                    MAX_OUT_OF_ORDERNESS,
                    IDLENESS,
                    CHECKPOINT_INTERVAL,
                    CHECKPOINT_DIR,
                    STATE_BACKEND,
                    FEATURES_PUBLISH_WINDOW,
                    SCORING_DEVICE,
                    MODELS_DIR,
                    BATCH_SIZE,
                    MAX_DELAY,
                    CONTROL_HMAC_KEY);

    private static ConfigOption<String> topic(String key, String defaultName) {
        return ConfigOptions.key("topics." + key)
                .stringType()
                .defaultValue(defaultName)
                .withDescription("Kafka topic name (default " + defaultName + ").");
    }
}
