package io.arbiter.jobs.broker;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.kafka.DeadLetterSplitter;
import io.arbiter.jobs.kafka.IngestSource;
import io.arbiter.jobs.pipeline.JobEnvironment;
import io.arbiter.jobs.pipeline.JobUids;
import io.arbiter.operators.broker.PaperBrokerTerms;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.stream.broker.PaperBrokerFunction;
import io.arbiter.stream.ingest.DeadLetterOutput;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The paper broker as its own Flink job: the stand-in for a real execution service, reading the
 * same two topics a real one would and writing the fills Arbiter learns from.
 *
 * <pre>
 * orders.intents ─► decode/validate ─► keyBy(symbol) ─┐
 *                          │                           ├─► PaperBrokerFunction ─► exec.fills (key book)
 * market.bars ───► decode/validate ─► keyBy(symbol) ─┘        │
 *                          └─► (counted only)                   └─► refused / stale orders ─┐
 * refused orders ───────────────────────────────────────────────────────────────────────────┴► dlq.records
 * </pre>
 *
 * Malformed bars are counted (accumulators {@code bars.*}) but not dead-lettered: the Arbiter job
 * reads the same bars topic and dead-letters each of them already.
 *
 * <p>Entry point of a cluster run: {@code flink run -c io.arbiter.jobs.broker.PaperBrokerJob
 * arbiter-flink-jobs-job.jar --config arbiter.yaml --slippage 0.001 --fee 0.001}.
 */
public final class PaperBrokerJob {

    /**
     * Orders of one symbol that may wait for their entry bar. Not a DOMAIN.md number: a bound on
     * state, here until the policy's {@code paper-broker} section carries it.
     */
    public static final int DEFAULT_MAX_QUEUED_INTENTS = 1000;

    /**
     * Longest wait from decision to entry bar: daily bars resume at most 4 days after a decision (a
     * weekend after a holiday Friday). Not a DOMAIN.md number; see above.
     */
    public static final Duration DEFAULT_MAX_ENTRY_DELAY = Duration.ofDays(4);

    /**
     * Bars per symbol the broker keeps to replay orders that arrive after later bars. Orders are
     * written exactly once, so one becomes visible only at the planner job's next checkpoint
     * ({@code checkpointing.interval}, 10 s in conf/arbiter.yaml) while the broker reads bars
     * straight from their topic; the history must hold the bars a symbol gets in that time. The
     * demo replays 2,000 bars/s: from 1996 on, 30 daily Dow Jones bars and about 12 two-hour USDCHF
     * bars per trading day, so a stock gets about 48 bars/s (480 per 10 s) and USDCHF about 570
     * bars/s (5,700 per 10 s). 8,192 covers both with room (USDCHF about 14 s, a stock minutes), at
     * 40 bytes a bar in a checkpoint (about 64 on the heap): 320 KiB per symbol at most, 10 MiB for
     * the demo's 31 symbols (16 MiB of heap). Live bars of a minute or more need far fewer. Not a
     * DOMAIN.md number: a bound on state.
     */
    public static final int DEFAULT_BAR_HISTORY = 8192;

    /**
     * Records of one symbol held for the watermark; the same bound as the feature engine's default
     * {@code features.max-pending-bars}, which {@link PaperBrokerWiring} reads from the policy.
     */
    public static final int DEFAULT_MAX_PENDING_INPUTS = 10_000;

    private PaperBrokerJob() {}

    /** The slippage and fee given, the waiting-order and bar-history limits at their defaults. */
    public static PaperBrokerTerms terms(double slippage, double fee) {
        return new PaperBrokerTerms(
                slippage,
                fee,
                DEFAULT_MAX_QUEUED_INTENTS,
                DEFAULT_MAX_ENTRY_DELAY,
                DEFAULT_BAR_HISTORY);
    }

    /**
     * The job graph at {@code slippage} and {@code fee} (policy {@code paper-broker}), with the
     * default limits.
     */
    public static void define(
            StreamExecutionEnvironment env,
            IngestSource<TradeIntent> intents,
            IngestSource<Bar> bars,
            Sink<Fill> fills,
            Sink<DeadLetter> deadLetters,
            double slippage,
            double fee) {
        define(
                env,
                intents,
                bars,
                fills,
                deadLetters,
                terms(slippage, fee),
                DEFAULT_MAX_PENDING_INPUTS);
    }

    /**
     * The job graph.
     *
     * @param intents the orders; its name is the topic named in their dead letters
     * @param maxPendingInputs records of one symbol held for the watermark at most
     */
    public static void define(
            StreamExecutionEnvironment env,
            IngestSource<TradeIntent> intents,
            IngestSource<Bar> bars,
            Sink<Fill> fills,
            Sink<DeadLetter> deadLetters,
            PaperBrokerTerms terms,
            int maxPendingInputs) {
        SingleOutputStreamOperator<TradeIntent> orders =
                intents.attach(env)
                        .process(new DeadLetterSplitter<TradeIntent>("intents"))
                        .returns(new AvroTypeInfo<>(TradeIntent.class))
                        .uid(JobUids.BROKER_SPLIT_INTENTS)
                        .name("decode and validate orders");
        SingleOutputStreamOperator<Bar> prices =
                bars.attach(env)
                        .process(new DeadLetterSplitter<Bar>("bars"))
                        .returns(new AvroTypeInfo<>(Bar.class))
                        .uid(JobUids.BROKER_SPLIT_BARS)
                        .name("decode and validate bars");
        SingleOutputStreamOperator<Fill> executions =
                orders.keyBy(TradeIntent::getSymbol)
                        .connect(prices.keyBy(Bar::getSymbol))
                        .process(new PaperBrokerFunction(terms, maxPendingInputs, intents.name()))
                        .returns(new AvroTypeInfo<>(Fill.class))
                        .uid(JobUids.BROKER)
                        .name("paper broker by symbol");
        executions.sinkTo(fills).uid(JobUids.BROKER_SINK_FILLS).name("fills sink");
        orders.getSideOutput(DeadLetterOutput.TAG)
                .union(executions.getSideOutput(DeadLetterOutput.TAG))
                .sinkTo(deadLetters)
                .uid(JobUids.BROKER_SINK_DEAD_LETTERS)
                .name("dead-letter sink");
    }

    /**
     * {@code --config FILE --slippage S --fee F}: the job against the configured Kafka, on the
     * cluster that runs it. Slippage and fee are arguments until the policy's {@code paper-broker}
     * section is wired in.
     */
    public static void main(String[] args) throws Exception {
        Path configFile = null;
        Double slippage = null;
        Double fee = null;
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("argument without a value: " + args[i]);
            }
            switch (args[i]) {
                case "--config" -> configFile = Path.of(args[++i]);
                case "--slippage" -> slippage = Double.parseDouble(args[++i]);
                case "--fee" -> fee = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (slippage == null || fee == null) {
            throw new IllegalArgumentException("--slippage and --fee are required");
        }
        ArbiterConfig config =
                PaperBrokerWiring.brokerConfig(
                        configFile == null
                                ? ArbiterConfig.defaults()
                                : ArbiterConfig.load(configFile, System.getenv()));
        Configuration flink = JobEnvironment.flinkConfiguration(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        PaperBrokerWiring.defineJob(env, config, false, slippage, fee);
        env.execute();
    }
}
