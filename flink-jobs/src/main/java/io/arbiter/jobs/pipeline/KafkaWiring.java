package io.arbiter.jobs.pipeline;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.connector.kafka.sink.KafkaSink;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.kafka.EventTime;
import io.arbiter.jobs.kafka.KafkaIngest;
import io.arbiter.jobs.kafka.OutputSinks;
import io.arbiter.jobs.kafka.RecordId;
import io.arbiter.jobs.kafka.RecordIds;
import io.arbiter.jobs.kafka.RecordKey;
import io.arbiter.models.signals.ScoringSettings;
import io.arbiter.operators.validation.BarValidator;
import io.arbiter.operators.validation.ExternalSignalValidator;
import io.arbiter.operators.validation.RecordValidator;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.SourcedBar;
import io.arbiter.schemas.SourcedCommand;
import io.arbiter.schemas.SourcedFill;
import io.arbiter.schemas.TradeIntent;
import org.apache.avro.specific.SpecificRecordBase;

/** The production connectors of {@link ArbiterPipeline}: every topic from the configuration. */
public final class KafkaWiring {

    private KafkaWiring() {}

    /**
     * @param bounded stop at the end offsets seen at start (replays and tests)
     */
    public static ArbiterPipeline.Inputs inputs(ArbiterConfig config, boolean bounded) {
        return inputs(config, bounded, new BarValidator());
    }

    /** The same, with another bar validator (tests inject failures through it). */
    public static ArbiterPipeline.Inputs inputs(
            ArbiterConfig config, boolean bounded, RecordValidator<Bar> validator) {
        return inputs(config, bounded, validator, RecordValidator.acceptAll());
    }

    /**
     * The same, with other bar and fill validators (tests inject failures through them). Fills are
     * otherwise checked by the book's ledger, which knows the book's models.
     */
    public static ArbiterPipeline.Inputs inputs(
            ArbiterConfig config,
            boolean bounded,
            RecordValidator<Bar> validator,
            RecordValidator<Fill> fillValidator) {
        String barsTopic = config.get(ArbiterOptions.TOPIC_BARS);
        return new ArbiterPipeline.Inputs(
                KafkaIngest.positioned(
                                Bar.class,
                                SourcedBar.class,
                                (bar, raw) ->
                                        new SourcedBar(
                                                bar,
                                                raw.partition(),
                                                raw.offset(),
                                                raw.keyBuffer(),
                                                raw.valueBuffer()),
                                config)
                        .topic(barsTopic)
                        .validator(validator)
                        .eventTime(sourced -> sourced.getBar().getTime().toEpochMilli())
                        .uid(JobUids.SOURCE_BARS)
                        .bounded(bounded)
                        .build(),
                barsTopic,
                KafkaIngest.of(ExternalSignal.class, config)
                        .topic(config.get(ArbiterOptions.TOPIC_EXTERNAL_SIGNALS))
                        .validator(new ExternalSignalValidator())
                        .eventTime(signal -> signal.getTime().toEpochMilli())
                        .uid(JobUids.SOURCE_EXTERNAL_SIGNALS)
                        .bounded(bounded)
                        .build(),
                KafkaIngest.positioned(
                                ControlCommand.class,
                                SourcedCommand.class,
                                (command, raw) ->
                                        new SourcedCommand(
                                                command,
                                                raw.partition(),
                                                raw.offset(),
                                                raw.keyBuffer(),
                                                raw.valueBuffer()),
                                config)
                        .topic(config.get(ArbiterOptions.TOPIC_CONTROL))
                        .eventTime(sourced -> sourced.getCommand().getTime().toEpochMilli())
                        .actsOnArrival()
                        .uid(JobUids.SOURCE_COMMANDS)
                        .bounded(bounded)
                        .build(),
                config.get(ArbiterOptions.TOPIC_CONTROL),
                KafkaIngest.positioned(
                                Fill.class,
                                SourcedFill.class,
                                (fill, raw) ->
                                        new SourcedFill(
                                                fill,
                                                raw.partition(),
                                                raw.offset(),
                                                raw.keyBuffer(),
                                                raw.valueBuffer()),
                                config)
                        .topic(config.get(ArbiterOptions.TOPIC_FILLS))
                        .validator(fillValidator)
                        .eventTime(sourced -> sourced.getFill().getTime().toEpochMilli())
                        .uid(JobUids.SOURCE_FILLS)
                        .bounded(bounded)
                        .build(),
                config.get(ArbiterOptions.TOPIC_FILLS));
    }

    /** The books and the control key from the configuration. */
    public static ArbiterPipeline.Governance governance(ArbiterConfig config) {
        String key = config.get(ArbiterOptions.CONTROL_HMAC_KEY);
        return new ArbiterPipeline.Governance(
                ArbiterOptions.books(config.get(ArbiterOptions.BOOKS)),
                key == null || key.isEmpty() ? null : key,
                config.get(ArbiterOptions.DATA_QUALITY_WINDOW));
    }

    /** The whole production job on {@code env}: every input and output from the configuration. */
    public static void defineJob(
            org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env,
            ArbiterConfig config,
            boolean bounded) {
        io.arbiter.operators.policy.Policy policy = config.policy();
        ArbiterPipeline.define(
                env,
                policy,
                scoring(config, policy),
                governance(config),
                inputs(config, bounded),
                outputs(config));
    }

    /** The scoring operator's settings from the configuration and the policy. */
    public static ScoringSettings scoring(
            ArbiterConfig config, io.arbiter.operators.policy.Policy policy) {
        return new ScoringSettings(
                config.get(ArbiterOptions.MODELS_DIR),
                config.get(ArbiterOptions.BATCH_SIZE),
                config.get(ArbiterOptions.MAX_DELAY),
                config.get(ArbiterOptions.SCORING_DEVICE),
                policy.gates(),
                policy.version(),
                policy.breakers().maxScoringLatency());
    }

    /**
     * Every output of the job, each written in the delivery lane {@code delivery.*} gives its topic
     * and with its deterministic id in the {@code arbiter-id} header ({@link RecordIds}).
     */
    public static ArbiterPipeline.Outputs outputs(ArbiterConfig config) {
        return new ArbiterPipeline.Outputs(
                sink(
                        FeatureVector.class,
                        ArbiterOptions.TOPIC_FEATURES,
                        FeatureVector::getSymbol,
                        vector -> vector.getTime().toEpochMilli(),
                        RecordIds.FEATURES,
                        "features",
                        config),
                sink(
                        ModelSignal.class,
                        ArbiterOptions.TOPIC_SIGNALS,
                        ModelSignal::getSymbol,
                        signal -> signal.getTime().toEpochMilli(),
                        RecordIds.SIGNALS,
                        "signals",
                        config),
                sink(
                        GovernanceEvent.class,
                        ArbiterOptions.TOPIC_GOVERNANCE,
                        GovernanceEvent::getBook,
                        event -> event.getTime().toEpochMilli(),
                        RecordIds.GOVERNANCE,
                        "governance",
                        config),
                sink(
                        AllocationEvent.class,
                        ArbiterOptions.TOPIC_ALLOCATIONS,
                        AllocationEvent::getBook,
                        event -> event.getTime().toEpochMilli(),
                        RecordIds.ALLOCATIONS,
                        "allocations",
                        config),
                sink(
                        TradeIntent.class,
                        ArbiterOptions.TOPIC_INTENTS,
                        TradeIntent::getBook,
                        intent -> intent.getTime().toEpochMilli(),
                        RecordIds.INTENTS,
                        "intents",
                        config),
                sink(
                        DeadLetter.class,
                        ArbiterOptions.TOPIC_DEAD_LETTERS,
                        DeadLetter::getSourceTopic,
                        letter -> letter.getTime().toEpochMilli(),
                        RecordIds.DEAD_LETTERS,
                        "dead-letters",
                        config),
                config.get(ArbiterOptions.FEATURES_PUBLISH_WINDOW));
    }

    private static <T extends SpecificRecordBase> KafkaSink<T> sink(
            Class<T> type,
            ConfigOption<String> topic,
            RecordKey<T> key,
            EventTime<T> time,
            RecordId<T> id,
            String sinkName,
            ArbiterConfig config) {
        return OutputSinks.of(
                type, config.get(topic), key, time, id, sinkName, config.delivery(topic), config);
    }
}
