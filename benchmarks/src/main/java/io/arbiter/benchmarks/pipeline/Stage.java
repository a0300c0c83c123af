package io.arbiter.benchmarks.pipeline;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.kafka.ExactlyOnceSinks;
import io.arbiter.jobs.pipeline.ArbiterPipeline;
import io.arbiter.jobs.pipeline.KafkaWiring;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.SourcedBar;
import io.arbiter.stream.ingest.DeadLetterOutput;

import java.util.List;

/**
 * The three jobs the harness measures on the same preloaded topics, each built from the production
 * classes (sources, validation, feature function, exactly-once sinks), so a ratio between them is
 * the cost of what one adds to the other.
 */
public enum Stage {
    /** Kafka → Avro decode (and validation) → Avro encode → Kafka: the floor any job pays. */
    PASSTHROUGH("passthrough") {
        @Override
        void define(StreamExecutionEnvironment env, ArbiterConfig config) {
            SingleOutputStreamOperator<SourcedBar> bars = decodedBars(env, config);
            bars.map(SourcedBar::getBar)
                    .returns(new AvroTypeInfo<>(Bar.class))
                    .uid("bench-unwrap-bars")
                    .name("unwrap bars")
                    .sinkTo(
                            ExactlyOnceSinks.of(
                                    Bar.class,
                                    copiedBarsTopic(config),
                                    Bar::getSymbol,
                                    bar -> bar.getTime().toEpochMilli(),
                                    "bars",
                                    config))
                    .uid("bench-bars-sink")
                    .name("bars sink");
            deadLetters(bars.getSideOutput(DeadLetterOutput.TAG), config);
        }
    },
    /** The passthrough plus the feature engine keyed by symbol. */
    FEATURES("features") {
        @Override
        void define(StreamExecutionEnvironment env, ArbiterConfig config) {
            SingleOutputStreamOperator<SourcedBar> bars = decodedBars(env, config);
            SingleOutputStreamOperator<FeatureVector> features =
                    ArbiterPipeline.features(
                            bars, config.policy(), config.get(ArbiterOptions.TOPIC_BARS));
            ArbiterPipeline.publishFeatures(features, KafkaWiring.outputs(config));
            deadLetters(
                    bars.getSideOutput(DeadLetterOutput.TAG)
                            .union(features.getSideOutput(DeadLetterOutput.TAG)),
                    config);
        }
    },
    /**
     * The whole Arbiter job: features, scoring with the models folder, calibration and gating,
     * books (ledger, governance, allocation), the planner, every sink exactly once.
     */
    FULL("full") {
        @Override
        void define(StreamExecutionEnvironment env, ArbiterConfig config) {
            KafkaWiring.defineJob(env, config, true);
        }

        @Override
        boolean readsFills() {
            return true;
        }
    };

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** The name in tables and {@code bench-results.json}. */
    public String label() {
        return label;
    }

    /**
     * Defines this stage's job on {@code env}; bounded sources, so the job ends at the data's end.
     */
    abstract void define(StreamExecutionEnvironment env, ArbiterConfig config);

    /** Whether fills are among this stage's events (bars always are). */
    boolean readsFills() {
        return false;
    }

    /** The topics whose records are this stage's events. */
    List<String> inputTopics(ArbiterConfig config) {
        return readsFills()
                ? List.of(
                        config.get(ArbiterOptions.TOPIC_BARS),
                        config.get(ArbiterOptions.TOPIC_FILLS))
                : List.of(config.get(ArbiterOptions.TOPIC_BARS));
    }

    /** Where the passthrough writes the bars it read: {@code <job name>.bars.copy}. */
    static String copiedBarsTopic(ArbiterConfig config) {
        return config.get(ArbiterOptions.JOB_NAME) + ".bars.copy";
    }

    private static SingleOutputStreamOperator<SourcedBar> decodedBars(
            StreamExecutionEnvironment env, ArbiterConfig config) {
        DataStream<Either<DeadLetter, SourcedBar>> raw =
                KafkaWiring.inputs(config, true).bars().attach(env);
        return ArbiterPipeline.validBars(raw);
    }

    private static void deadLetters(DataStream<DeadLetter> letters, ArbiterConfig config) {
        letters.sinkTo(KafkaWiring.outputs(config).deadLetters())
                .uid("bench-dead-letters-sink")
                .name("dead-letter sink");
    }
}
