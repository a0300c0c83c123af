package io.arbiter.jobs.pipeline;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.jobs.kafka.DeadLetterSplitter;
import io.arbiter.jobs.kafka.IngestSource;
import io.arbiter.models.stream.ScoringOperator;
import io.arbiter.models.stream.ScoringSettings;
import io.arbiter.operators.features.FeatureFunction;
import io.arbiter.operators.ingest.DeadLetterOutput;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.SourcedBar;

/**
 * The Arbiter job graph, independent of where records come from and go to: the production entry
 * point plugs Kafka in, tests plug in whatever they need.
 *
 * <pre>
 * market.bars ─► decode/validate ─► keyBy(symbol) FeatureFunction ─► features.vectors
 *                      │                         └─► ScoringOperator ─► signals.scored
 *                      │                                   └─► gov.events (models that fail)
 *                      └──────────────────┴─► dlq.records (undecodable, invalid, duplicate, late)
 * </pre>
 */
public final class ArbiterPipeline {

    private ArbiterPipeline() {}

    /**
     * Where the job reads.
     *
     * @param barsTopic the bars' topic, named in dead letters of later operators
     */
    public record Inputs(IngestSource<SourcedBar> bars, String barsTopic) {}

    /** Where the job writes. */
    public record Outputs(
            Sink<FeatureVector> features,
            Sink<ModelSignal> signals,
            Sink<GovernanceEvent> governance,
            Sink<DeadLetter> deadLetters) {}

    public static void define(
            StreamExecutionEnvironment env,
            Policy policy,
            ScoringSettings scoring,
            Inputs inputs,
            Outputs outputs) {
        SingleOutputStreamOperator<SourcedBar> bars =
                inputs.bars()
                        .attach(env)
                        .process(new DeadLetterSplitter<SourcedBar>("bars"))
                        .returns(new AvroTypeInfo<>(SourcedBar.class))
                        .uid(JobUids.SPLIT_BARS)
                        .name("decode and validate bars");

        SingleOutputStreamOperator<FeatureVector> features =
                bars.keyBy(sourced -> sourced.getBar().getSymbol())
                        .process(new FeatureFunction(policy.features(), inputs.barsTopic()))
                        .returns(new AvroTypeInfo<>(FeatureVector.class))
                        .uid(JobUids.FEATURES)
                        .name("features by symbol");

        features.sinkTo(outputs.features()).uid(JobUids.SINK_FEATURES).name("features sink");

        SingleOutputStreamOperator<ModelSignal> signals =
                features.transform(
                                "score models",
                                new AvroTypeInfo<>(ModelSignal.class),
                                new ScoringOperator(scoring))
                        .uid(JobUids.SCORING);
        signals.sinkTo(outputs.signals()).uid(JobUids.SINK_SIGNALS).name("signals sink");
        signals.getSideOutput(ScoringOperator.MODEL_EVENTS)
                .sinkTo(outputs.governance())
                .uid(JobUids.SINK_GOVERNANCE)
                .name("governance sink");

        bars.getSideOutput(DeadLetterOutput.TAG)
                .union(features.getSideOutput(DeadLetterOutput.TAG))
                .sinkTo(outputs.deadLetters())
                .uid(JobUids.SINK_DEAD_LETTERS)
                .name("dead-letter sink");
    }
}
