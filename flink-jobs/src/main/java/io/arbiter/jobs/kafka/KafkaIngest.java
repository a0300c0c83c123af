package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.types.Either;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.operators.validation.RecordValidator;
import io.arbiter.schemas.DeadLetter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds the Kafka source of one topic: Avro decoding and validation inside the deserializer,
 * read_committed isolation, and the watermark strategy (bounded out-of-orderness and idleness from
 * the configuration, per partition) declared right here, next to the source.
 *
 * <pre>{@code
 * IngestSource<Bar> bars = KafkaIngest.of(Bar.class, config)
 *         .topic(config.get(ArbiterOptions.TOPIC_BARS))
 *         .validator(new BarValidator())
 *         .eventTime(bar -> bar.getTime().toEpochMilli())
 *         .uid("source-market-bars")
 *         .build();
 * }</pre>
 */
public final class KafkaIngest<T extends SpecificRecordBase, U extends SpecificRecordBase> {

    private final Class<T> type;
    private final Class<U> emittedType;
    private final Positioner<T, U> positioner;
    private final ArbiterConfig config;
    private String topic;
    private String uid;
    private RecordValidator<T> validator = RecordValidator.acceptAll();
    private EventTime<U> eventTime;
    private boolean bounded;
    private boolean actsOnArrival;
    private OffsetsInitializer startingOffsets = OffsetsInitializer.earliest();

    private KafkaIngest(
            Class<T> type,
            Class<U> emittedType,
            Positioner<T, U> positioner,
            ArbiterConfig config) {
        this.type = type;
        this.emittedType = emittedType;
        this.positioner = positioner;
        this.config = config;
    }

    /** A source of {@code type} records as decoded. */
    public static <T extends SpecificRecordBase> KafkaIngest<T, T> of(
            Class<T> type, ArbiterConfig config) {
        return new KafkaIngest<>(type, type, Positioner.none(), config);
    }

    /** A source of {@code type} records wrapped with their Kafka position into {@code emitted}. */
    public static <T extends SpecificRecordBase, U extends SpecificRecordBase>
            KafkaIngest<T, U> positioned(
                    Class<T> type,
                    Class<U> emitted,
                    Positioner<T, U> positioner,
                    ArbiterConfig config) {
        return new KafkaIngest<>(type, emitted, positioner, config);
    }

    public KafkaIngest<T, U> topic(String topic) {
        this.topic = topic;
        return this;
    }

    /** Stable operator id of the source (its offsets live in state under it). */
    public KafkaIngest<T, U> uid(String uid) {
        this.uid = uid;
        return this;
    }

    public KafkaIngest<T, U> validator(RecordValidator<T> validator) {
        this.validator = validator;
        return this;
    }

    public KafkaIngest<T, U> eventTime(EventTime<U> eventTime) {
        this.eventTime = eventTime;
        return this;
    }

    /**
     * The records act when they arrive and never hold back event time (control commands): see
     * {@link NeverHoldsBack}. Their own event time still stamps them.
     */
    public KafkaIngest<T, U> actsOnArrival() {
        this.actsOnArrival = true;
        return this;
    }

    /** Stop at the end offsets seen at start (replays, tests) instead of reading forever. */
    public KafkaIngest<T, U> bounded(boolean bounded) {
        this.bounded = bounded;
        return this;
    }

    /** Where a new consumer group starts; committed offsets and checkpoints take precedence. */
    public KafkaIngest<T, U> startingOffsets(OffsetsInitializer startingOffsets) {
        this.startingOffsets = startingOffsets;
        return this;
    }

    public IngestSource<U> build() {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(eventTime, "eventTime");
        String jobName = config.get(ArbiterOptions.JOB_NAME);
        KafkaSourceBuilder<Either<DeadLetter, U>> builder =
                KafkaSource.<Either<DeadLetter, U>>builder()
                        .setProperties(config.kafkaProperties())
                        .setTopics(topic)
                        .setGroupId(jobName)
                        .setClientIdPrefix(jobName + "-" + topic)
                        .setStartingOffsets(startingOffsets)
                        .setDeserializer(
                                new DecodingDeserializer<>(
                                        type, validator, emittedType, positioner))
                        // Inputs may come from exactly-once producers: never read aborted data.
                        .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return new IngestSource<>(
                topic,
                uid,
                builder.build(),
                actsOnArrival
                        ? arrivalWatermarks(eventTime)
                        : watermarks(
                                eventTime,
                                config.get(ArbiterOptions.MAX_OUT_OF_ORDERNESS),
                                config.get(ArbiterOptions.IDLENESS)),
                DecodingDeserializer.typeOf(emittedType));
    }

    /** Event time from the decoded record, watermarks that never hold anything back. */
    static <T> WatermarkStrategy<Either<DeadLetter, T>> arrivalWatermarks(EventTime<T> eventTime) {
        return WatermarkStrategy.<Either<DeadLetter, T>>forGenerator(
                        context -> new NeverHoldsBack<>())
                .withTimestampAssigner(
                        (record, kafkaTimestamp) ->
                                record.isRight() ? eventTime.of(record.right()) : kafkaTimestamp);
    }

    /**
     * Event time from the decoded record; a dead letter keeps its Kafka timestamp but never moves
     * the watermark. Idle partitions stop holding the watermark back after {@code idleness}.
     */
    static <T> WatermarkStrategy<Either<DeadLetter, T>> watermarks(
            EventTime<T> eventTime, Duration maxOutOfOrderness, Duration idleness) {
        return WatermarkStrategy.<Either<DeadLetter, T>>forGenerator(
                        context -> new ValueDrivenWatermarks<>(maxOutOfOrderness))
                .withTimestampAssigner(
                        (record, kafkaTimestamp) ->
                                record.isRight() ? eventTime.of(record.right()) : kafkaTimestamp)
                .withIdleness(idleness);
    }
}
