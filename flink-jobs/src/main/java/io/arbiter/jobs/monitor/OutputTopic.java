package io.arbiter.jobs.monitor;

import org.apache.flink.configuration.ConfigOption;

import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.HealthReport;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A topic {@code arbiter tail} can show, by its short name: where its name is configured, the
 * record type its values hold, and how one record reads as a line.
 *
 * <pre>{@code
 * OutputTopic gov = OutputTopic.byAlias("gov");
 * String line = gov.line(record.value());
 * }</pre>
 */
public final class OutputTopic {

    /** Aliases in the order the usage lists them. */
    private static final Map<String, OutputTopic> BY_ALIAS = new LinkedHashMap<>();

    static {
        add("signals", ArbiterOptions.TOPIC_SIGNALS, ModelSignal.class, RecordLines::of);
        add("orders", ArbiterOptions.TOPIC_INTENTS, TradeIntent.class, RecordLines::of);
        add("fills", ArbiterOptions.TOPIC_FILLS, Fill.class, RecordLines::of);
        add("alloc", ArbiterOptions.TOPIC_ALLOCATIONS, AllocationEvent.class, RecordLines::of);
        add("gov", ArbiterOptions.TOPIC_GOVERNANCE, GovernanceEvent.class, RecordLines::of);
        add("health", ArbiterOptions.TOPIC_HEALTH, HealthReport.class, RecordLines::of);
        add("dlq", ArbiterOptions.TOPIC_DEAD_LETTERS, DeadLetter.class, RecordLines::of);
    }

    private final String alias;
    private final ConfigOption<String> topicOption;
    private final Class<? extends SpecificRecord> type;
    private final Reader reader;

    /** Decodes and formats one value; a codec is not thread-safe, so each reader owns its own. */
    @FunctionalInterface
    private interface Reader {
        String line(byte[] value) throws IOException;
    }

    private OutputTopic(
            String alias,
            ConfigOption<String> topicOption,
            Class<? extends SpecificRecord> type,
            Reader reader) {
        this.alias = alias;
        this.topicOption = topicOption;
        this.type = type;
        this.reader = reader;
    }

    private static <T extends SpecificRecord> void add(
            String alias,
            ConfigOption<String> topicOption,
            Class<T> type,
            Function<T, String> format) {
        BY_ALIAS.put(alias, new OutputTopic(alias, topicOption, type, lines(type, format)));
    }

    private static <T extends SpecificRecord> Reader lines(
            Class<T> type, Function<T, String> format) {
        ThreadLocal<AvroCodec<T>> codec = ThreadLocal.withInitial(() -> AvroCodec.of(type));
        return value -> {
            T record;
            try {
                record = codec.get().decode(value);
            } catch (AvroRuntimeException e) {
                // An unknown writer fingerprint or a bad header surfaces unchecked: same meaning.
                throw new IOException(e.getMessage(), e);
            }
            return format.apply(record);
        };
    }

    /** The topic for {@code alias}, or null when there is none by that name. */
    public static OutputTopic byAlias(String alias) {
        return BY_ALIAS.get(alias);
    }

    /** {@code signals|orders|fills|alloc|gov|health|dlq}. */
    public static String aliases() {
        return String.join("|", BY_ALIAS.keySet());
    }

    public String alias() {
        return alias;
    }

    /** Where the topic's name is configured ({@code topics.*} in conf/arbiter.yaml). */
    public ConfigOption<String> topicOption() {
        return topicOption;
    }

    /** The record type of the topic's values, e.g. {@code GovernanceEvent}. */
    public String recordType() {
        return type.getSimpleName();
    }

    /**
     * The value as one readable line.
     *
     * @throws IOException when the bytes are not a value of the topic's record type
     */
    public String line(byte[] value) throws IOException {
        return reader.line(value);
    }
}
