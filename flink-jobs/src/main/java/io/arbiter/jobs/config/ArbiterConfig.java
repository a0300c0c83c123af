package io.arbiter.jobs.config;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.arbiter.operators.policy.Policy;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The job's validated configuration, read from {@code conf/arbiter.yaml}: typed values of {@link
 * ArbiterOptions}, Kafka client properties and Flink settings. Loading collects every problem and
 * fails once, listing them all.
 *
 * <pre>{@code
 * ArbiterConfig config = ArbiterConfig.load(Path.of("conf/arbiter.yaml"), System.getenv());
 * String bars = config.get(ArbiterOptions.TOPIC_BARS);
 * }</pre>
 */
public final class ArbiterConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern DEVICE = Pattern.compile("cpu|cuda(:\\d+)?");
    private static final Set<String> STATE_BACKENDS = Set.of("hashmap", "rocksdb");

    /** Property names whose values are never printed. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|secret|jaas|key|token|credential).*");

    private final Map<String, String> values;

    private ArbiterConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** All defaults: a local broker on 127.0.0.1:9092. */
    public static ArbiterConfig defaults() {
        return new ArbiterConfig(Map.of());
    }

    /** Reads and validates a YAML file; secrets references are resolved from {@code env}. */
    public static ArbiterConfig load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read: " + e));
        }
        return fromYaml(file.toString(), text, env);
    }

    /** Parses and validates YAML text; {@code source} names it in error messages. */
    public static ArbiterConfig fromYaml(String source, String yaml, Map<String, String> env) {
        List<String> violations = new ArrayList<>();
        Map<String, String> flat = new LinkedHashMap<>();
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            if (root != null && !root.isMissingNode() && !root.isNull()) {
                if (!root.isObject()) {
                    violations.add("the file must be a mapping of keys to values");
                } else {
                    flatten("", root, flat, violations);
                }
            }
        } catch (IOException e) {
            throw new ConfigException(source, List.of("not valid YAML: " + e.getMessage()));
        }
        return validated(source, flat, env, violations);
    }

    /** This configuration with some keys replaced (dotted keys, as in the YAML), re-validated. */
    public ArbiterConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return validated("overrides", merged, Map.of(), new ArrayList<>());
    }

    private static ArbiterConfig validated(
            String source,
            Map<String, String> flat,
            Map<String, String> env,
            List<String> violations) {
        SecretResolver secrets = new SecretResolver(env);
        Map<String, String> resolved = new LinkedHashMap<>();
        Set<String> known =
                ArbiterOptions.ALL.stream().map(ConfigOption::key).collect(Collectors.toSet());
        flat.forEach(
                (key, value) -> {
                    boolean passThrough =
                            key.startsWith(ArbiterOptions.KAFKA_PROPERTIES_PREFIX)
                                    || key.startsWith(ArbiterOptions.FLINK_PREFIX);
                    if (!passThrough && !known.contains(key)) {
                        violations.add(key + ": unknown key");
                        return;
                    }
                    resolved.put(key, secrets.resolve(key, value, violations));
                });
        ArbiterConfig config = new ArbiterConfig(resolved);
        config.check(violations);
        if (!violations.isEmpty()) {
            throw new ConfigException(source, violations);
        }
        return config;
    }

    private void check(List<String> violations) {
        Configuration typed = typed();
        for (ConfigOption<?> option : ArbiterOptions.ALL) {
            try {
                typed.get(option);
            } catch (RuntimeException e) {
                violations.add(
                        ArbiterOptions.DELIVERY.containsValue(option)
                                ? option.key()
                                        + ": '"
                                        + values.get(option.key())
                                        + "' is not "
                                        + Delivery.EXACTLY_ONCE
                                        + " or "
                                        + Delivery.AT_LEAST_ONCE
                                : option.key()
                                        + ": cannot read '"
                                        + values.get(option.key())
                                        + "' ("
                                        + e.getMessage()
                                        + ")");
            }
        }
        if (!violations.isEmpty()) {
            return; // the checks below need typed values
        }
        if (get(ArbiterOptions.PARALLELISM) < 1) {
            violations.add(ArbiterOptions.PARALLELISM.key() + ": must be at least 1");
        }
        if (get(ArbiterOptions.BOOTSTRAP_SERVERS).isBlank()) {
            violations.add(ArbiterOptions.BOOTSTRAP_SERVERS.key() + ": must not be blank");
        }
        for (ConfigOption<?> option : ArbiterOptions.ALL) {
            if (option.key().startsWith("topics.")
                    && !TOPIC_NAME.matcher((String) typed.get(option)).matches()) {
                violations.add(
                        option.key() + ": '" + typed.get(option) + "' is not a valid topic name");
            }
        }
        requirePositive(ArbiterOptions.MAX_OUT_OF_ORDERNESS, violations, true);
        requirePositive(ArbiterOptions.IDLENESS, violations, false);
        requirePositive(ArbiterOptions.WATERMARK_INTERVAL, violations, false);
        requirePositive(ArbiterOptions.CHECKPOINT_INTERVAL, violations, false);
        requirePositive(ArbiterOptions.CHECKPOINT_ALIGNED_TIMEOUT, violations, true);
        requirePositive(ArbiterOptions.BUFFER_TIMEOUT, violations, true);
        requirePositive(ArbiterOptions.BUFFER_DEBLOAT_TARGET, violations, false);
        for (ConfigOption<Delivery> lane : ArbiterOptions.AUDIT_TRAIL) {
            if (get(lane) != Delivery.EXACTLY_ONCE) {
                violations.add(
                        lane.key()
                                + ": must be exactly-once: "
                                + get(topicOf(lane))
                                + " is the audit trail (DOMAIN.md §9); at-least-once is for"
                                + " features, signals, intents and dead letters");
            }
        }
        requirePositive(ArbiterOptions.TRANSACTION_TIMEOUT, violations, false);
        if (get(ArbiterOptions.TRANSACTION_TIMEOUT)
                        .compareTo(get(ArbiterOptions.CHECKPOINT_INTERVAL))
                <= 0) {
            violations.add(
                    ArbiterOptions.TRANSACTION_TIMEOUT.key()
                            + ": must be longer than checkpointing.interval, or transactions"
                            + " expire before they commit");
        }
        if (!STATE_BACKENDS.contains(get(ArbiterOptions.STATE_BACKEND))) {
            violations.add(
                    ArbiterOptions.STATE_BACKEND.key()
                            + ": '"
                            + get(ArbiterOptions.STATE_BACKEND)
                            + "' is not hashmap or rocksdb");
        }
        if (get(ArbiterOptions.BATCH_SIZE) < 1) {
            violations.add(ArbiterOptions.BATCH_SIZE.key() + ": must be at least 1");
        }
        requirePositive(ArbiterOptions.MAX_DELAY, violations, false);
        if (!DEVICE.matcher(get(ArbiterOptions.SCORING_DEVICE)).matches()) {
            violations.add(
                    ArbiterOptions.SCORING_DEVICE.key()
                            + ": '"
                            + get(ArbiterOptions.SCORING_DEVICE)
                            + "' is not cpu or cuda[:N]");
        }
    }

    private void requirePositive(
            ConfigOption<Duration> option, List<String> violations, boolean zeroAllowed) {
        Duration value = get(option);
        if (value.isNegative() || (!zeroAllowed && value.isZero())) {
            violations.add(option.key() + ": must be " + (zeroAllowed ? "≥ 0" : "> 0"));
        }
    }

    /**
     * The delivery lane of the output topic {@code topic} (one of {@link ArbiterOptions#DELIVERY}).
     */
    public Delivery delivery(ConfigOption<String> topic) {
        ConfigOption<Delivery> lane = ArbiterOptions.DELIVERY.get(topic);
        if (lane == null) {
            throw new IllegalArgumentException(topic.key() + " is not an output topic of the job");
        }
        return get(lane);
    }

    private static ConfigOption<String> topicOf(ConfigOption<Delivery> lane) {
        return ArbiterOptions.DELIVERY.entrySet().stream()
                .filter(entry -> entry.getValue().equals(lane))
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    public <T> T get(ConfigOption<T> option) {
        return typed().get(option);
    }

    /** The policy named by {@code policy.file}, or the built-in defaults; validated. */
    public Policy policy() {
        String file = get(ArbiterOptions.POLICY_FILE);
        return file == null ? Policy.defaults() : Policy.load(Path.of(file));
    }

    /** Kafka client properties: bootstrap servers plus every {@code kafka.properties.*} key. */
    public Properties kafkaProperties() {
        Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", get(ArbiterOptions.BOOTSTRAP_SERVERS));
        values.forEach(
                (key, value) -> {
                    if (key.startsWith(ArbiterOptions.KAFKA_PROPERTIES_PREFIX)) {
                        properties.setProperty(
                                key.substring(ArbiterOptions.KAFKA_PROPERTIES_PREFIX.length()),
                                value);
                    }
                });
        return properties;
    }

    /** Flink settings given as {@code flink.*} keys, without the prefix. */
    public Configuration flinkConfiguration() {
        Configuration flink = new Configuration();
        values.forEach(
                (key, value) -> {
                    if (key.startsWith(ArbiterOptions.FLINK_PREFIX)) {
                        flink.setString(key.substring(ArbiterOptions.FLINK_PREFIX.length()), value);
                    }
                });
        return flink;
    }

    private Configuration typed() {
        Configuration configuration = new Configuration();
        values.forEach(configuration::setString);
        return configuration;
    }

    /** The settings, with secret-looking values masked: safe to log. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach(
                (key, value) ->
                        shown.put(key, SECRET_NAME.matcher(key).matches() ? "******" : value));
        return "ArbiterConfig" + shown;
    }

    private static void flatten(
            String prefix, JsonNode node, Map<String, String> flat, List<String> violations) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, flat, violations);
            } else if (value.isArray()) {
                violations.add(key + ": lists are not supported; use a comma-separated string");
            } else if (!value.isNull()) {
                flat.put(key, value.asText());
            }
        }
    }
}
