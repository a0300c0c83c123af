package io.arbiter.jobs.broker;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.kafka.ExactlyOnceSinks;
import io.arbiter.jobs.kafka.IngestSource;
import io.arbiter.jobs.kafka.KafkaIngest;
import io.arbiter.jobs.pipeline.JobUids;
import io.arbiter.operators.broker.TradeIntentValidator;
import io.arbiter.operators.validation.BarValidator;
import io.arbiter.operators.validation.RecordValidator;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.TradeIntent;

import java.util.List;
import java.util.Map;

/**
 * The production connectors of {@link PaperBrokerJob}, from the same {@code conf/arbiter.yaml} as
 * the Arbiter job: {@code topics.intents} and {@code topics.market-bars} in, {@code topics.fills}
 * and {@code topics.dead-letters} out, exactly once.
 */
public final class PaperBrokerWiring {

    /** Appended to {@code job.name}: the broker's consumer group, transactions and Flink name. */
    public static final String JOB_NAME_SUFFIX = "-paper-broker";

    private PaperBrokerWiring() {}

    /**
     * The configuration as the broker job runs it: named {@code <job.name>-paper-broker}, so its
     * consumer group, its transactional ids and its name in the Flink UI never meet the Arbiter
     * job's when both run from one file.
     */
    public static ArbiterConfig brokerConfig(ArbiterConfig config) {
        String name = config.get(ArbiterOptions.JOB_NAME);
        if (name.endsWith(JOB_NAME_SUFFIX)) {
            return config;
        }
        return config.with(Map.of(ArbiterOptions.JOB_NAME.key(), name + JOB_NAME_SUFFIX));
    }

    /** The topics the broker reads and writes (the command checks they exist). */
    public static List<String> topics(ArbiterConfig config) {
        return List.of(
                config.get(ArbiterOptions.TOPIC_INTENTS),
                config.get(ArbiterOptions.TOPIC_BARS),
                config.get(ArbiterOptions.TOPIC_FILLS),
                config.get(ArbiterOptions.TOPIC_DEAD_LETTERS));
    }

    /**
     * The whole broker job on {@code env}. Every connector below runs under {@link #brokerConfig}'s
     * name, whichever configuration is passed.
     *
     * @param bounded stop at the end offsets seen at start (replays and tests)
     */
    public static void defineJob(
            StreamExecutionEnvironment env,
            ArbiterConfig config,
            boolean bounded,
            double slippage,
            double fee) {
        defineJob(env, config, bounded, slippage, fee, new BarValidator());
    }

    /** The same with another bar validator (tests inject failures through it). */
    public static void defineJob(
            StreamExecutionEnvironment env,
            ArbiterConfig config,
            boolean bounded,
            double slippage,
            double fee,
            RecordValidator<Bar> barValidator) {
        PaperBrokerJob.define(
                env,
                intents(config, bounded),
                bars(config, bounded, barValidator),
                fills(config),
                deadLetters(config),
                PaperBrokerJob.terms(slippage, fee),
                config.policy().features().maxPendingBars());
    }

    public static IngestSource<TradeIntent> intents(ArbiterConfig shared, boolean bounded) {
        ArbiterConfig config = brokerConfig(shared);
        return KafkaIngest.of(TradeIntent.class, config)
                .topic(config.get(ArbiterOptions.TOPIC_INTENTS))
                .validator(new TradeIntentValidator())
                .eventTime(intent -> intent.getTime().toEpochMilli())
                .uid(JobUids.BROKER_SOURCE_INTENTS)
                .bounded(bounded)
                .build();
    }

    public static IngestSource<Bar> bars(ArbiterConfig shared, boolean bounded) {
        return bars(shared, bounded, new BarValidator());
    }

    public static IngestSource<Bar> bars(
            ArbiterConfig shared, boolean bounded, RecordValidator<Bar> validator) {
        ArbiterConfig config = brokerConfig(shared);
        return KafkaIngest.of(Bar.class, config)
                .topic(config.get(ArbiterOptions.TOPIC_BARS))
                .validator(validator)
                .eventTime(bar -> bar.getTime().toEpochMilli())
                .uid(JobUids.BROKER_SOURCE_BARS)
                .bounded(bounded)
                .build();
    }

    /** Fills keyed by book, stamped with their own time, exactly once. */
    public static Sink<Fill> fills(ArbiterConfig shared) {
        ArbiterConfig config = brokerConfig(shared);
        return ExactlyOnceSinks.of(
                Fill.class,
                config.get(ArbiterOptions.TOPIC_FILLS),
                Fill::getBook,
                fill -> fill.getTime().toEpochMilli(),
                "fills",
                config);
    }

    /** Refused and stale orders, keyed by their source topic, exactly once. */
    public static Sink<DeadLetter> deadLetters(ArbiterConfig shared) {
        ArbiterConfig config = brokerConfig(shared);
        return ExactlyOnceSinks.of(
                DeadLetter.class,
                config.get(ArbiterOptions.TOPIC_DEAD_LETTERS),
                DeadLetter::getSourceTopic,
                letter -> letter.getTime().toEpochMilli(),
                "dead-letters",
                config);
    }
}
