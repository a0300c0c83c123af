package io.arbiter.jobs.pipeline;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

import io.arbiter.jobs.kafka.DeadLetterSplitter;
import io.arbiter.jobs.kafka.IngestSource;
import io.arbiter.models.registry.ManifestCatalogue;
import io.arbiter.models.signals.ScoringSettings;
import io.arbiter.operators.book.BookInput;
import io.arbiter.operators.book.ModelReport;
import io.arbiter.operators.features.WindowlessVector;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.DataQuality;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.SourcedBar;
import io.arbiter.schemas.SourcedCommand;
import io.arbiter.schemas.SourcedFill;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.stream.book.BookFunction;
import io.arbiter.stream.book.BookInputTypeInfo;
import io.arbiter.stream.control.CommandVerification;
import io.arbiter.stream.features.FeatureFunction;
import io.arbiter.stream.ingest.DataQualityTally;
import io.arbiter.stream.ingest.DeadLetterOutput;
import io.arbiter.stream.models.ExternalRegimeJoin;
import io.arbiter.stream.models.ExternalSignalGate;
import io.arbiter.stream.models.ModelReportOutput;
import io.arbiter.stream.models.ScoringOperator;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The Arbiter job graph, independent of where records come from and go to: the production entry
 * point plugs Kafka in, tests plug in whatever they need.
 *
 * <pre>
 * market.bars ─► decode/validate ─► keyBy(symbol) FeatureFunction ─► features.vectors (no window
 *                      │                         │                  unless features.publish-window)
 *                      │                         ├─► ScoringOperator ◄─┐ ─► signals.scored
 *                      │                         └─► keyBy(symbol) ExternalRegimeJoin
 * signals.external ─► decode/validate ──────────────────┘   └─► ExternalSignalGate ─► signals.scored
 * control.commands ─► decode ─► keyBy(book) CommandVerification ─► (models) ┘     (SECURITY events)
 * exec.fills ─► decode ─┐   {fills, signals, verified commands, model reports, data quality}
 *                       └─► keyBy(book) BookFunction: one event-time buffer → ledger → performance
 *                              → correlation → governor → Thompson allocator → trade planner
 *                              ─► gov.events, alloc.events, orders.intents
 * market.bars (valid and refused) ─► keyBy(partition) DataQualityTally ─► books (breaker)
 * every refused or unusable record ─► dlq.records
 * </pre>
 *
 * <p>Inside the job, the books' inputs travel as typed {@link BookInput}s with their own Flink
 * serializer ({@link BookInputTypeInfo}); Avro is for the Kafka edge.
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
            IngestSource<SourcedCommand> commands,
            String commandsTopic,
            IngestSource<SourcedFill> fills,
            String fillsTopic) {}

    /**
     * Where the job writes.
     *
     * @param publishWindow whether the features sink gets each vector's window (off: an empty
     *     window, {@link WindowlessVector})
     */
    public record Outputs(
            Sink<FeatureVector> features,
            Sink<ModelSignal> signals,
            Sink<GovernanceEvent> governance,
            Sink<AllocationEvent> allocations,
            Sink<TradeIntent> intents,
            Sink<DeadLetter> deadLetters,
            boolean publishWindow) {}

    /**
     * What the job decides with besides the policy.
     *
     * @param books the books it governs
     * @param controlKey the control commands' HMAC secret; null when none is configured (every
     *     command is then refused)
     * @param dataQualityWindow market-data records per data-quality window
     */
    public record Governance(SortedSet<String> books, String controlKey, int dataQualityWindow) {}

    public static void define(
            StreamExecutionEnvironment env,
            Policy policy,
            ScoringSettings scoring,
            Governance governance,
            Inputs inputs,
            Outputs outputs) {
        DataStream<Either<DeadLetter, SourcedBar>> rawBars = inputs.bars().attach(env);
        SingleOutputStreamOperator<SourcedBar> bars = validBars(rawBars);
        SingleOutputStreamOperator<FeatureVector> features =
                features(bars, policy, inputs.barsTopic());
        publishFeatures(features, outputs);

        SingleOutputStreamOperator<SourcedCommand> commands =
                inputs.commands()
                        .attach(env)
                        .process(new DeadLetterSplitter<SourcedCommand>("commands"))
                        .returns(new AvroTypeInfo<>(SourcedCommand.class))
                        .uid(JobUids.SPLIT_COMMANDS)
                        .name("decode control commands");
        SingleOutputStreamOperator<ControlCommand> verified =
                commands.keyBy(sourced -> sourced.getCommand().getBook())
                        .process(
                                new CommandVerification(
                                        governance.controlKey(),
                                        policy.commands().maxAge(),
                                        policy.version(),
                                        inputs.commandsTopic()))
                        .returns(new AvroTypeInfo<>(ControlCommand.class))
                        .uid(JobUids.VERIFY_COMMANDS)
                        .name("verify control commands");

        SingleOutputStreamOperator<ModelSignal> scored =
                features.connect(verified.broadcast())
                        .transform(
                                "score models",
                                new AvroTypeInfo<>(ModelSignal.class),
                                new ScoringOperator(scoring))
                        .uid(JobUids.SCORING);

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
                        .connect(verified.broadcast(ExternalSignalGate.REGISTRATIONS))
                        .process(new ExternalSignalGate(scoring))
                        .returns(new AvroTypeInfo<>(ModelSignal.class))
                        .uid(JobUids.EXTERNAL_GATE)
                        .name("calibrate and gate external signals");

        DataStream<ModelSignal> signals = scored.union(gated);
        signals.sinkTo(outputs.signals()).uid(JobUids.SINK_SIGNALS).name("signals sink");
        DataStream<GovernanceEvent> modelEvents =
                scored.getSideOutput(ScoringOperator.MODEL_EVENTS)
                        .union(gated.getSideOutput(ExternalSignalGate.MODEL_EVENTS));

        SingleOutputStreamOperator<SourcedFill> fills =
                inputs.fills()
                        .attach(env)
                        .process(new DeadLetterSplitter<SourcedFill>("fills"))
                        .returns(new AvroTypeInfo<>(SourcedFill.class))
                        .uid(JobUids.SPLIT_FILLS)
                        .name("decode fills");
        DataStream<DataQuality> quality =
                rawBars.keyBy(DataQualityTally::partitionOf)
                        .process(new DataQualityTally(governance.dataQualityWindow()))
                        .returns(new AvroTypeInfo<>(DataQuality.class))
                        .uid(JobUids.DATA_QUALITY)
                        .name("data quality of bars");
        TreeSet<String> books = new TreeSet<>(governance.books());
        DataStream<BookInput> fillInputs =
                fills.map(f -> (BookInput) new BookInput.FillInput(f.getFill().getBook(), f))
                        .returns(BookInputTypeInfo.INSTANCE)
                        .uid(JobUids.BOOK_FILLS)
                        .name("fills to books");
        DataStream<BookInput> signalInputs =
                signals.flatMap(ToBooks.every(books, BookInput.SignalInput::new))
                        .returns(BookInputTypeInfo.INSTANCE)
                        .uid(JobUids.BOOK_SIGNALS)
                        .name("signals to books");
        DataStream<ModelReport> modelReports =
                scored.getSideOutput(ModelReportOutput.TAG)
                        .union(gated.getSideOutput(ModelReportOutput.TAG));
        SingleOutputStreamOperator<GovernanceEvent> decisions =
                fillInputs
                        .union(
                                signalInputs,
                                otherBookInputs(books, verified, modelReports, quality))
                        .keyBy(BookInput::book)
                        .process(
                                new BookFunction(
                                        policy,
                                        new ManifestCatalogue(scoring.modelsDirectory()),
                                        governance.books(),
                                        inputs.fillsTopic()))
                        .returns(new AvroTypeInfo<>(GovernanceEvent.class))
                        .uid(JobUids.BOOKS)
                        .name("books: ledger, performance, governor, allocator, planner");
        decisions
                .getSideOutput(BookFunction.INTENTS)
                .sinkTo(outputs.intents())
                .uid(JobUids.SINK_INTENTS)
                .name("intents sink");
        decisions
                .union(modelEvents, verified.getSideOutput(CommandVerification.SECURITY_EVENTS))
                .sinkTo(outputs.governance())
                .uid(JobUids.SINK_GOVERNANCE)
                .name("governance sink");
        decisions
                .getSideOutput(BookFunction.ALLOCATIONS)
                .sinkTo(outputs.allocations())
                .uid(JobUids.SINK_ALLOCATIONS)
                .name("allocations sink");
        bars.getSideOutput(DeadLetterOutput.TAG)
                .union(
                        features.getSideOutput(DeadLetterOutput.TAG),
                        commands.getSideOutput(DeadLetterOutput.TAG),
                        verified.getSideOutput(DeadLetterOutput.TAG),
                        external.getSideOutput(DeadLetterOutput.TAG),
                        fills.getSideOutput(DeadLetterOutput.TAG),
                        decisions.getSideOutput(DeadLetterOutput.TAG))
                .sinkTo(outputs.deadLetters())
                .uid(JobUids.SINK_DEAD_LETTERS)
                .name("dead-letter sink");
    }

    /**
     * The bars that decode and pass validation; the others leave through the {@link
     * DeadLetterOutput#TAG} side output. The first step of the job (benchmarks reuse it).
     */
    public static SingleOutputStreamOperator<SourcedBar> validBars(
            DataStream<Either<DeadLetter, SourcedBar>> rawBars) {
        return rawBars.process(new DeadLetterSplitter<SourcedBar>("bars"))
                .returns(new AvroTypeInfo<>(SourcedBar.class))
                .uid(JobUids.SPLIT_BARS)
                .name("decode and validate bars");
    }

    /**
     * The vectors to {@code features.vectors}: without their window unless the outputs publish it
     * (benchmarks reuse it).
     */
    public static void publishFeatures(DataStream<FeatureVector> features, Outputs outputs) {
        DataStream<FeatureVector> published =
                outputs.publishWindow()
                        ? features
                        : features.map(WindowlessVector::of)
                                .returns(new AvroTypeInfo<>(FeatureVector.class))
                                .uid(JobUids.FEATURES_WITHOUT_WINDOW)
                                .name("features without window");
        published.sinkTo(outputs.features()).uid(JobUids.SINK_FEATURES).name("features sink");
    }

    /** One feature vector per admitted bar, keyed by symbol (benchmarks reuse it). */
    public static SingleOutputStreamOperator<FeatureVector> features(
            DataStream<SourcedBar> bars, Policy policy, String barsTopic) {
        return bars.keyBy(sourced -> sourced.getBar().getSymbol())
                .process(new FeatureFunction(policy.features(), barsTopic))
                .returns(new AvroTypeInfo<>(FeatureVector.class))
                .uid(JobUids.FEATURES)
                .name("features by symbol");
    }

    /**
     * What a book hears besides fills and signals: its verified commands (book "*": all books),
     * every model report and every data-quality window (models and market data serve all books).
     */
    private static DataStream<BookInput> otherBookInputs(
            SortedSet<String> books,
            DataStream<ControlCommand> commands,
            DataStream<ModelReport> reports,
            DataStream<DataQuality> quality) {
        DataStream<BookInput> fromCommands =
                commands.flatMap(
                                ToBooks.named(
                                        books,
                                        ControlCommand::getBook,
                                        BookInput.CommandInput::new))
                        .returns(BookInputTypeInfo.INSTANCE)
                        .uid(JobUids.BOOK_COMMANDS)
                        .name("commands to books");
        DataStream<BookInput> fromReports =
                reports.flatMap(ToBooks.every(books, BookInput.ReportInput::new))
                        .returns(BookInputTypeInfo.INSTANCE)
                        .uid(JobUids.BOOK_MODEL_REPORTS)
                        .name("model reports to books");
        DataStream<BookInput> fromQuality =
                quality.flatMap(ToBooks.every(books, BookInput.QualityInput::new))
                        .returns(BookInputTypeInfo.INSTANCE)
                        .uid(JobUids.BOOK_DATA_QUALITY)
                        .name("data quality to books");
        return fromCommands.union(fromReports, fromQuality);
    }
}
