package io.arbiter.it.broker;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import io.arbiter.it.flink.TestFlink;
import io.arbiter.it.flink.TestJobs;
import io.arbiter.it.kafka.EmbeddedKafka;
import io.arbiter.jobs.broker.PaperBrokerWiring;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.pipeline.JobEnvironment;
import io.arbiter.operators.validation.BarValidator;
import io.arbiter.operators.validation.RecordValidator;
import io.arbiter.operators.validation.Violation;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The paper broker as its own job on a real broker and MiniCluster: orders of two books on
 * orders.intents and bars of two symbols on market.bars give exactly the hand-computed fills on
 * exec.fills (read_committed), keyed by book, once each; a failure injected mid-stream changes
 * nothing. Terms: slippage 0.1 % (a buy pays × 1.001, a sell gets × 0.999), fee 0.1 % of the fill's
 * notional.
 */
class PaperBrokerITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final double SLIPPAGE = 0.001;
    private static final double FEE = 0.001;
    private static final Instant DAY0 = Instant.parse("2024-03-04T00:00:00Z");

    private static String intentsTopic;
    private static String barsTopic;

    @BeforeAll
    static void sendOrdersAndBars() throws Exception {
        AvroCodec<Bar> bars = AvroCodec.of(Bar.class);
        List<SimpleEntry<byte[], byte[]>> barRecords = new ArrayList<>();
        // MSFT: day 1 quiet around 100; day 2 opens 102 and spikes to 111; days 3–5 drift.
        double[][] msft = {
            {100, 101, 99, 100}, // day 0
            {100, 101, 99, 100.5}, // day 1
            {102, 111, 101, 108}, // day 2
            {108, 109, 107, 108.5}, // day 3
            {108.5, 110, 107.5, 109}, // day 4
            {109, 110, 108, 109.5}, // day 5
        };
        // IBM: day 2 gaps down through a stop at 48.
        double[][] ibm = {
            {50, 51, 49, 50}, // day 0
            {50, 51, 49.5, 50.5}, // day 1
            {47, 49, 46, 48}, // day 2
            {48, 49, 47, 48.5}, // day 3
        };
        for (int d = 0; d < msft.length; d++) {
            barRecords.add(record("MSFT", bars.encode(bar("MSFT", d, msft[d]))));
        }
        for (int d = 0; d < ibm.length; d++) {
            barRecords.add(record("IBM", bars.encode(bar("IBM", d, ibm[d]))));
        }
        AvroCodec<TradeIntent> intents = AvroCodec.of(TradeIntent.class);
        List<SimpleEntry<byte[], byte[]>> intentRecords = new ArrayList<>();
        for (TradeIntent intent :
                List.of(
                        intent("desk", "msft-tp", "MSFT", 0, Side.BUY, 10, 110, 95, 5),
                        intent("alpha", "ibm-gap", "IBM", 0, Side.BUY, 5, 60, 48, 10),
                        intent("alpha", "msft-short", "MSFT", 1, Side.SELL, 4, 90, 105, 5),
                        intent("desk", "msft-horizon", "MSFT", 2, Side.BUY, 3, 130, 90, 2),
                        intent("desk", "no-qty", "MSFT", 2, Side.BUY, 0, 130, 90, 2),
                        intent("desk", "msft-last", "MSFT", 5, Side.BUY, 1, 130, 90, 2))) {
            intentRecords.add(record(intent.getBook(), intents.encode(intent)));
        }
        barsTopic = KAFKA.freshTopic("bars", 2);
        intentsTopic = KAFKA.freshTopic("intents", 2);
        KAFKA.sendAll(barsTopic, new ArrayList<>(barRecords));
        KAFKA.sendAll(intentsTopic, new ArrayList<>(intentRecords));
    }

    @Test
    void fillsEveryOrderExactlyAsComputedByHandOnceEach() throws Exception {
        Run run = run("broker-clean", false);

        assertThat(run.fills).hasSize(8);
        // desk msft-tp, long 10 decided day 0: enters at the day-1 open 100 × 1.001 = 100.1,
        // fee 0.001 × 100.1 × 10 = 1.001; the day-2 high 111 reaches the take-profit 110 (the
        // open 102 and the low 101 stay clear of both levels): 110 × 0.999 = 109.89, fee 1.0989.
        assertFill(run, "msft-tp-entry", "desk", Side.BUY, 10, 100.1, 1.001, 1);
        assertFill(run, "msft-tp-exit", "desk", Side.SELL, 10, 109.89, 1.0989, 2);
        // alpha ibm-gap, long 5 decided day 0: enters at the IBM day-1 open 50 × 1.001 = 50.05,
        // fee 0.001 × 50.05 × 5 = 0.25025; day 2 opens at 47, through the stop 48: exits at the
        // open, 47 × 0.999 = 46.953, fee 0.001 × 46.953 × 5 = 0.234765.
        assertFill(run, "ibm-gap-entry", "alpha", Side.BUY, 5, 50.05, 0.25025, 1);
        assertFill(run, "ibm-gap-exit", "alpha", Side.SELL, 5, 46.953, 0.234765, 2);
        // alpha msft-short, short 4 decided day 1: sells at the day-2 open 102 × 0.999 = 101.898,
        // fee 0.001 × 101.898 × 4 = 0.407592; the same bar's high 111 reaches the stop 105: buys
        // back at 105 × 1.001 = 105.105, fee 0.001 × 105.105 × 4 = 0.42042.
        assertFill(run, "msft-short-entry", "alpha", Side.SELL, 4, 101.898, 0.407592, 2);
        assertFill(run, "msft-short-exit", "alpha", Side.BUY, 4, 105.105, 0.42042, 2);
        // desk msft-horizon, long 3 decided day 2, levels 90/130 never touched: enters at the
        // day-3 open 108 × 1.001 = 108.108, fee 0.001 × 108.108 × 3 = 0.324324; held 2 bars,
        // exits at the day-4 close 109 × 0.999 = 108.891, fee 0.001 × 108.891 × 3 = 0.326673.
        assertFill(run, "msft-horizon-entry", "desk", Side.BUY, 3, 108.108, 0.324324, 3);
        assertFill(run, "msft-horizon-exit", "desk", Side.SELL, 3, 108.891, 0.326673, 4);

        // The order without a quantity is refused at the source; the one decided at the last
        // MSFT bar never finds its next bar and is dropped, stale, when the input ends.
        assertThat(run.deadLetters).hasSize(2);
        DeadLetter invalid = letter(run, "validate");
        assertThat(invalid.getSourceTopic()).isEqualTo(intentsTopic);
        assertThat(invalid.getReason()).contains("qty");
        DeadLetter stale = letter(run, "paper-broker");
        assertThat(stale.getErrorClass()).isEqualTo("stale");
        assertThat(stale.getReason()).endsWith("before the input ended");
        assertThat(AvroCodec.of(TradeIntent.class).decode(stale.getValue().array()).getIntentId())
                .isEqualTo("msft-last");
    }

    @Test
    void aFailureMidStreamNeitherDuplicatesNorLosesAFill() throws Exception {
        Run clean = run("broker-clean-2", false);
        Run crashed = run("broker-crash", true);

        assertThat(CrashOnceOnBar.armed).as("the injected failure happened").isFalse();
        assertThat(crashed.fills).hasSize(8);
        assertThat(crashed.fillsById()).isEqualTo(clean.fillsById());
        assertThat(crashed.deadLetters).hasSameSizeAs(clean.deadLetters);
    }

    private record Run(List<Fill> fills, List<DeadLetter> deadLetters) {

        Fill fill(String id) {
            return fills.stream().filter(f -> f.getFillId().equals(id)).findFirst().orElseThrow();
        }

        List<String> fillsById() {
            return fills.stream()
                    .sorted(Comparator.comparing(Fill::getFillId))
                    .map(Fill::toString)
                    .toList();
        }
    }

    private static Run run(String job, boolean crash) throws Exception {
        ArbiterConfig config =
                TestJobs.config(
                        KAFKA,
                        job,
                        Map.of(
                                "topics.intents", intentsTopic,
                                "topics.market-bars", barsTopic,
                                "checkpointing.interval", "100 ms",
                                "flink.restart-strategy.type", "fixed-delay",
                                "flink.restart-strategy.fixed-delay.attempts", "3",
                                "flink.restart-strategy.fixed-delay.delay", "100 ms"));
        ArbiterConfig broker = PaperBrokerWiring.brokerConfig(config);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        JobEnvironment.flinkConfiguration(broker));
        CrashOnceOnBar.armed.set(crash);
        PaperBrokerWiring.defineJob(env, broker, true, SLIPPAGE, FEE, new CrashOnceOnBar());
        env.execute();

        List<ConsumerRecord<byte[], byte[]>> records =
                KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_FILLS));
        AvroCodec<Fill> fills = AvroCodec.of(Fill.class);
        List<Fill> decoded = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Fill fill = fills.decode(record.value());
            // Keyed by book, stamped with the fill's own time.
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(fill.getBook());
            assertThat(record.timestamp()).isEqualTo(fill.getTime().toEpochMilli());
            decoded.add(fill);
        }
        // Exactly once: no fill id twice.
        assertThat(decoded.stream().map(Fill::getFillId).distinct()).hasSize(decoded.size());
        AvroCodec<DeadLetter> letters = AvroCodec.of(DeadLetter.class);
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record :
                KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_DEAD_LETTERS))) {
            deadLetters.add(letters.decode(record.value()));
        }
        return new Run(decoded, deadLetters);
    }

    /** Accepts bars as the production validator does, but throws once at MSFT's day-3 bar. */
    static final class CrashOnceOnBar implements RecordValidator<Bar> {
        private static final long serialVersionUID = 1L;
        // Static: it must survive the task restart it causes (same JVM).
        static final AtomicBoolean armed = new AtomicBoolean();

        @Override
        public List<Violation> validate(Bar bar) {
            if (bar.getSymbol().equals("MSFT")
                    && bar.getTime().equals(day(3))
                    && armed.compareAndSet(true, false)) {
                throw new IllegalStateException("injected failure");
            }
            return new BarValidator().validate(bar);
        }
    }

    private static void assertFill(
            Run run,
            String id,
            String book,
            Side side,
            double qty,
            double price,
            double fee,
            int day) {
        Fill fill = run.fill(id);
        assertThat(fill.getOrderId()).isEqualTo(id.substring(0, id.lastIndexOf('-')));
        assertThat(fill.getBook()).isEqualTo(book);
        assertThat(fill.getModel()).isEqualTo(book + "-model");
        assertThat(fill.getModelVersion()).isEqualTo("7");
        assertThat(fill.getSymbol()).isEqualTo(id.startsWith("ibm") ? "IBM" : "MSFT");
        assertThat(fill.getSide()).isEqualTo(side);
        assertThat(fill.getQty()).isEqualTo(qty);
        assertThat(fill.getPrice()).as(id + " price").isCloseTo(price, within(1e-9));
        assertThat(fill.getFee()).as(id + " fee").isCloseTo(fee, within(1e-12));
        assertThat(fill.getTime()).isEqualTo(day(day));
    }

    private static DeadLetter letter(Run run, String stage) {
        return run.deadLetters.stream()
                .filter(l -> l.getStage().equals(stage))
                .findFirst()
                .orElseThrow();
    }

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    private static Bar bar(String symbol, int day, double[] ohlc) {
        return Bar.newBuilder()
                .setSymbol(symbol)
                .setTime(day(day))
                .setIntervalMillis(Duration.ofDays(1).toMillis())
                .setOpen(ohlc[0])
                .setHigh(ohlc[1])
                .setLow(ohlc[2])
                .setClose(ohlc[3])
                .setVolume(1000)
                .build();
    }

    private static TradeIntent intent(
            String book,
            String id,
            String symbol,
            int day,
            Side side,
            long qty,
            double takeProfit,
            double stopLoss,
            int horizonBars) {
        return TradeIntent.newBuilder()
                .setIntentId(id)
                .setBook(book)
                .setTime(day(day))
                .setSymbol(symbol)
                .setSide(side)
                .setRegime(Regime.MED_VOL)
                .setPWinCal(0.7)
                .setEntryPrice(100)
                .setQty(qty)
                .setCash(100.0 * qty)
                .setExpPnl(1)
                .setExpPnlNet(0.8)
                .setEtthDays(2)
                .setExpPnlPerDay(0.4)
                .setTakeProfit(takeProfit)
                .setStopLoss(stopLoss)
                .setHorizonBars(horizonBars)
                .setModel(book + "-model")
                .setModelVersion("7")
                .setTrafficShare(0.011)
                .setRiskScaler(1.0)
                .build();
    }

    private static SimpleEntry<byte[], byte[]> record(String key, byte[] value) {
        return new SimpleEntry<>(key.getBytes(StandardCharsets.UTF_8), value);
    }
}
