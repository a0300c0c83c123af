package io.arbiter.jobs.pipeline;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.jobs.kafka.DeadLetterSplitter;
import io.arbiter.jobs.kafka.IngestSource;
import io.arbiter.models.stream.ExternalRegimeJoin;
import io.arbiter.models.stream.ExternalSignalGate;
import io.arbiter.models.stream.ScoringOperator;
import io.arbiter.models.stream.ScoringSettings;
import io.arbiter.operators.features.FeatureFunction;
import io.arbiter.operators.ingest.DeadLetterOutput;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.ExternalSignal;
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
 *                      │                         ├─► ScoringOperator ◄── control.commands (models)
 *                      │                         │         └─► signals.scored, gov.events
 *                      │                         └─► keyBy(symbol) ExternalRegimeJoin
 * signals.external ─► decode/validate ────────────────────┘   └─► ExternalSignalGate ─► signals.scored
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
    public record Inputs(
            IngestSource<SourcedBar> bars,
            String barsTopic,
            IngestSource<ExternalSignal> externalSignals,
            IngestSource<ControlCommand> commands) {}

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

        SingleOutputStreamOperator<ControlCommand> commands =
                inputs.commands()
                        .attach(env)
                        .process(new DeadLetterSplitter<ControlCommand>("commands"))
                        .returns(new AvroTypeInfo<>(ControlCommand.class))
                        .uid(JobUids.SPLIT_COMMANDS)
                        .name("decode control commands");
        DataStream<ControlCommand> modelCommands = commands.broadcast();
        SingleOutputStreamOperator<ModelSignal> scored =
                features.connect(modelCommands)
                        .transform(
                                "score models",
                                new AvroTypeInfo<>(ModelSignal.class),
                                new ScoringOperator(scoring))
                        .uid(JobUids.SCORING);
        DataStream<ModelSignal> signals = scored;
        DataStream<GovernanceEvent> governance = scored.getSideOutput(ScoringOperator.MODEL_EVENTS);
        DataStream<DeadLetter> deadLetters =
                bars.getSideOutput(DeadLetterOutput.TAG)
                        .union(
                                features.getSideOutput(DeadLetterOutput.TAG),
                                commands.getSideOutput(DeadLetterOutput.TAG));

        SingleOutputStreamOperator<ExternalSignal> external =
                inputs.externalSignals()
                        .attach(env)
                        .process(new DeadLetterSplitter<ExternalSignal>("externalSignals"))
                        .returns(new AvroTypeInfo<>(ExternalSignal.class))
                        .uid(JobUids.SPLIT_EXTERNAL_SIGNALS)
                        .name("decode and validate external signals");
        SingleOutputStreamOperator<ModelSignal> gated =
                features.keyBy(FeatureVector::getSymbol)
                        .connect(external.keyBy(ExternalSignal::getSymbol))
                        .process(new ExternalRegimeJoin())
                        .returns(new AvroTypeInfo<>(ModelSignal.class))
                        .uid(JobUids.EXTERNAL_REGIME)
                        .name("regime of external signals")
                        .connect(commands.broadcast(ExternalSignalGate.REGISTRATIONS))
                        .process(new ExternalSignalGate(scoring))
                        .returns(new AvroTypeInfo<>(ModelSignal.class))
                        .uid(JobUids.EXTERNAL_GATE)
                        .name("calibrate and gate external signals");
        signals = signals.union(gated);
        governance = governance.union(gated.getSideOutput(ExternalSignalGate.MODEL_EVENTS));
        deadLetters = deadLetters.union(external.getSideOutput(DeadLetterOutput.TAG));

        signals.sinkTo(outputs.signals()).uid(JobUids.SINK_SIGNALS).name("signals sink");
        governance
                .sinkTo(outputs.governance())
                .uid(JobUids.SINK_GOVERNANCE)
                .name("governance sink");
        deadLetters
                .sinkTo(outputs.deadLetters())
                .uid(JobUids.SINK_DEAD_LETTERS)
                .name("dead-letter sink");
    }
}
