package io.arbiter.jobs.pipeline;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.jobs.kafka.DeadLetterSplitter;
import io.arbiter.jobs.kafka.IngestSource;
import io.arbiter.operators.features.FeatureFunction;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.FeatureVector;

/**
 * The Arbiter job graph, independent of where records come from and go to: the production entry
 * point plugs Kafka in, tests plug in whatever they need.
 *
 * <pre>
 * market.bars ─► decode/validate ─► keyBy(symbol) FeatureFunction ─► features.vectors
 *                      └─► dlq.records
 * </pre>
 */
public final class ArbiterPipeline {

    private ArbiterPipeline() {}

    /** Where the job reads. */
    public record Inputs(IngestSource<Bar> bars) {}

    /** Where the job writes. */
    public record Outputs(Sink<FeatureVector> features, Sink<DeadLetter> deadLetters) {}

    public static void define(StreamExecutionEnvironment env, Inputs inputs, Outputs outputs) {
        SingleOutputStreamOperator<Bar> bars =
                inputs.bars()
                        .attach(env)
                        .process(new DeadLetterSplitter<Bar>("bars"))
                        .returns(new AvroTypeInfo<>(Bar.class))
                        .uid(JobUids.SPLIT_BARS)
                        .name("decode and validate bars");

        DataStream<FeatureVector> features =
                bars.keyBy(Bar::getSymbol)
                        .process(new FeatureFunction())
                        .returns(new AvroTypeInfo<>(FeatureVector.class))
                        .uid(JobUids.FEATURES)
                        .name("features by symbol");

        features.sinkTo(outputs.features()).uid(JobUids.SINK_FEATURES).name("features sink");

        bars.getSideOutput(DeadLetterSplitter.DEAD_LETTERS)
                .sinkTo(outputs.deadLetters())
                .uid(JobUids.SINK_DEAD_LETTERS)
                .name("dead-letter sink");
    }
}
