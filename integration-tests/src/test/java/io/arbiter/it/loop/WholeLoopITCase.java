package io.arbiter.it.loop;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import io.arbiter.it.flink.TestJobs;
import io.arbiter.it.kafka.EmbeddedKafka;
import io.arbiter.jobs.broker.PaperBrokerWiring;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.pipeline.ArbiterPipeline;
import io.arbiter.jobs.pipeline.JobEnvironment;
import io.arbiter.jobs.pipeline.KafkaWiring;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.features.BatchFeatures;
import io.arbiter.operators.features.IndicatorEngine;
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.planner.GuardrailAudit;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's whole loop on real bars: the Arbiter job and the paper broker job side by side, two
 * external models trading one book. "oracle" knows each trade's outcome (p 0.9 for a trade that
 * will reach its take-profit first, 0.1 otherwise); "inverted" says the opposite. Through signals,
 * the planner, orders, the broker, fills, the ledger and the governor, the inverted model must be
 * halted by the profit-factor rule with its traffic at 0 while the oracle keeps traffic; every
 * intent must respect the guardrails and every fill must belong to an intent.
 */
class WholeLoopITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(4)
                            .build());

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final Path USDCHF = Path.of("../data/bars/usdchf_2h.csv");
    private static final int BARS = 600;

    // A short regime history so trading starts early; no costs at the broker, the accuracy
    // breaker off (the profit-factor rule is the one that must act on the inverted model), and
    // the planner told its bars are 2 h long (pending orders expire after the horizon's bars).
    // No baseline model: the two models split the book's decision flow half and half on
    // probation (the desk's 1.1 % start share would route too few candidates in 600 bars for the
    // profit-factor rule's 30 closed trades). The book trades one symbol, so its exposure limits
    // let that symbol hold the whole book: up to eight positions of the per-trade target at once.
    private static final String POLICY_YAML =
            String.join(
                    "\n",
                    "version: loop-test",
                    "features:",
                    "  regime:",
                    "    window-bars: 30",
                    "    min-history-bars: 30",
                    "allocation:",
                    "  start-share: 0.5",
                    "  cap-without-approval: 0.5",
                    "  baseline-model: null",
                    "  bandit-flow:",
                    "    min: 0.9",
                    "    max: 1.0",
                    "breakers:",
                    "  min-accuracy: 0.0",
                    "paper-broker:",
                    "  slippage: 0.0",
                    "  fee: 0.0",
                    // Signals carry no bar interval yet: the planner is told these are 2 h bars.
                    "planner:",
                    "  account-cash: 2000",
                    "  max-open-positions: 8",
                    "  max-per-ticker: 8",
                    "  exposure:",
                    "    single-ticker: 1.0",
                    "    top-five: 1.0",
                    "    sector: 1.0",
                    "  etth:",
                    "    default-bar-interval: \"2 h\"",
                    "");

    @TempDir Path dir;

    @Test
    void theInvertedModelIsHaltedByTheProfitFactorRuleAndEveryOrderAndFillIsAccountedFor()
            throws Exception {
        Path policyFile = Files.writeString(dir.resolve("policy.yaml"), POLICY_YAML);
        Policy policy = Policy.load(policyFile);
        Path models = dir.resolve("models");
        for (String id : List.of("inverted", "oracle")) {
            externalModel(models.resolve(id), id);
        }

        List<BarCsv.Row> rows =
                BarCsv.readTable(USDCHF, "USDCHF", Duration.ZERO).rows().subList(0, BARS);
        List<Bar> bars = rows.stream().map(BarCsv.Row::bar).toList();
        List<FeatureVector> vectors = BatchFeatures.compute(rows, policy.features());
        int atr = IndicatorEngine.COLUMNS.indexOf("atr14");

        AvroCodec<Bar> barCodec = AvroCodec.of(Bar.class);
        AvroCodec<ExternalSignal> signalCodec = AvroCodec.of(ExternalSignal.class);
        List<SimpleEntry<byte[], byte[]>> barRecords = new ArrayList<>();
        List<SimpleEntry<byte[], byte[]>> signalRecords = new ArrayList<>();
        Map<java.time.Instant, FeatureVector> vectorAt = new HashMap<>();
        vectors.forEach(v -> vectorAt.put(v.getTime(), v));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            barRecords.add(new SimpleEntry<>(key("USDCHF"), barCodec.encode(bar)));
            FeatureVector vector = vectorAt.get(bar.getTime());
            if (vector == null || vector.getRegime() == Regime.UNKNOWN || i + 1 >= bars.size()) {
                continue;
            }
            Double a = vector.getValues().get(atr);
            if (a == null || !(a > 0)) {
                continue;
            }
            boolean wins = wins(bars, i, a, policy);
            for (String model : List.of("oracle", "inverted")) {
                boolean bullish = model.equals("oracle") == wins;
                signalRecords.add(
                        new SimpleEntry<>(
                                key(model),
                                signalCodec.encode(
                                        ExternalSignal.newBuilder()
                                                .setModel(model)
                                                .setVersion("1")
                                                .setSymbol("USDCHF")
                                                .setTime(bar.getTime())
                                                .setPWin(bullish ? 0.9 : 0.1)
                                                .setSide(SignalSide.LONG)
                                                .build())));
            }
        }

        ArbiterConfig config =
                TestJobs.config(
                        KAFKA,
                        "loop-it",
                        Map.of(
                                "policy.file", policyFile.toString(),
                                "scoring.models-dir", models.toString(),
                                "checkpointing.interval", "200 ms"));
        KAFKA.sendAll(config.get(ArbiterOptions.TOPIC_BARS), new ArrayList<>(barRecords));
        KAFKA.sendAll(
                config.get(ArbiterOptions.TOPIC_EXTERNAL_SIGNALS), new ArrayList<>(signalRecords));

        StreamExecutionEnvironment arbiter =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        JobEnvironment.flinkConfiguration(config));
        ArbiterPipeline.define(
                arbiter,
                policy,
                KafkaWiring.scoring(config, policy),
                KafkaWiring.governance(config),
                KafkaWiring.inputs(config, false),
                KafkaWiring.outputs(config));
        StreamExecutionEnvironment broker =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        JobEnvironment.flinkConfiguration(PaperBrokerWiring.brokerConfig(config)));
        PaperBrokerWiring.defineJob(
                broker, config, false, policy.paperBroker().slippage(), policy.paperBroker().fee());
        JobClient arbiterJob = arbiter.executeAsync("arbiter loop");
        JobClient brokerJob = broker.executeAsync("paper broker loop");

        List<GovernanceEvent> journal = List.of();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                journal =
                        decode(GovernanceEvent.class, config.get(ArbiterOptions.TOPIC_GOVERNANCE));
                if (journal.stream().anyMatch(WholeLoopITCase::invertedHaltedByProfitFactor)) {
                    break;
                }
            }
        } finally {
            arbiterJob.cancel().get();
            brokerJob.cancel().get();
        }

        String counts =
                String.format(
                        "signals %d, intents %d, fills %d, allocations %d, dead letters %d",
                        KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_SIGNALS)).size(),
                        KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_INTENTS)).size(),
                        KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_FILLS)).size(),
                        KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_ALLOCATIONS)).size(),
                        KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_DEAD_LETTERS)).size());
        assertThat(journal)
                .as("the journal (" + counts + ")")
                .anyMatch(WholeLoopITCase::invertedHaltedByProfitFactor)
                .noneMatch(
                        e -> "oracle".equals(e.getModel()) && e.getKind() == GovernanceKind.HALT);

        List<AllocationEvent> allocations =
                decode(AllocationEvent.class, config.get(ArbiterOptions.TOPIC_ALLOCATIONS));
        AllocationEvent last = allocations.get(allocations.size() - 1);
        assertThat(share(last, "inverted")).isZero();
        assertThat(share(last, "oracle")).isPositive();

        List<TradeIntent> intents =
                decode(TradeIntent.class, config.get(ArbiterOptions.TOPIC_INTENTS));
        List<Fill> fills = decode(Fill.class, config.get(ArbiterOptions.TOPIC_FILLS));
        Set<String> intentIds = new HashSet<>();
        intents.forEach(i -> intentIds.add(i.getIntentId()));
        assertThat(fills).isNotEmpty();
        assertThat(fills).allSatisfy(f -> assertThat(intentIds).contains(f.getOrderId()));

        // Every intent against the guardrails. In a replay at full speed an allocation reaches
        // the planner some bars after its event time (it comes back through the broker's fills),
        // so each intent is audited with the allocation it was made under: the latest one before
        // it, with the share and risk scaler the intent says it used for its own model.
        GuardrailAudit audit = new GuardrailAudit("desk", policy);
        List<TradeIntent> inTimeOrder = new ArrayList<>(intents);
        inTimeOrder.sort(Comparator.comparing(TradeIntent::getTime));
        for (TradeIntent intent : inTimeOrder) {
            audit.onAllocation(asUsedBy(intent, allocations));
            assertThat(audit.onIntent(intent)).as(intent.getIntentId()).isEmpty();
        }
        assertThat(audit.intentsChecked()).isEqualTo(intents.size()).isPositive();
    }

    /** The allocation in force before {@code intent}, as the intent says its planner saw it. */
    private static AllocationEvent asUsedBy(TradeIntent intent, List<AllocationEvent> all) {
        AllocationEvent before = null;
        for (AllocationEvent allocation : all) {
            if (!allocation.getTime().isAfter(intent.getTime())) {
                before = allocation;
            }
        }
        AllocationEvent seen = AllocationEvent.newBuilder(before).build();
        seen.setTime(intent.getTime());
        seen.setRiskScaler(intent.getRiskScaler());
        for (ModelAllocation model : seen.getAllocations()) {
            if (model.getModel().equals(intent.getModel())) {
                model.setShare(intent.getTrafficShare());
                model.setState(io.arbiter.schemas.ModelState.PROBATION);
            }
        }
        return seen;
    }

    /** Whether a long entered at the next open reaches close + TP×ATR before close − SL×ATR. */
    private static boolean wins(List<Bar> bars, int i, double atr, Policy policy) {
        double close = bars.get(i).getClose();
        double target = close + policy.labels().takeProfitAtr() * atr;
        double stop = close - policy.labels().stopLossAtr() * atr;
        double entry = bars.get(i + 1).getOpen();
        int last = Math.min(bars.size() - 1, i + policy.labels().horizonBars());
        for (int j = i + 1; j <= last; j++) {
            Bar bar = bars.get(j);
            if (bar.getLow() <= stop) {
                return false; // the stop first, as the broker decides a bar that touches both
            }
            if (bar.getHigh() >= target) {
                return true;
            }
        }
        return bars.get(last).getClose() > entry;
    }

    private static boolean invertedHaltedByProfitFactor(GovernanceEvent e) {
        return "inverted".equals(e.getModel())
                && e.getKind() == GovernanceKind.HALT
                && "pf.halt".equals(e.getRuleId());
    }

    private static long timeOf(Object event) {
        return event instanceof AllocationEvent a
                ? a.getTime().toEpochMilli()
                : ((TradeIntent) event).getTime().toEpochMilli();
    }

    private static double share(AllocationEvent event, String model) {
        return event.getAllocations().stream()
                .filter(a -> a.getModel().equals(model))
                .mapToDouble(ModelAllocation::getShare)
                .findFirst()
                .orElseThrow();
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> List<T> decode(
            Class<T> type, String topic) throws Exception {
        AvroCodec<T> codec = AvroCodec.of(type);
        List<T> decoded = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : KAFKA.drainCommitted(topic)) {
            decoded.add(codec.decode(record.value()));
        }
        return decoded;
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void externalModel(Path directory, String id) throws Exception {
        ModelManifest.Calibrator identity =
                new ModelManifest.Calibrator(
                        ModelManifest.Calibrator.ISOTONIC,
                        null,
                        null,
                        List.of(0.0, 1.0),
                        List.of(0.0, 1.0),
                        0.25);
        new ModelManifest(
                        id,
                        "1",
                        ModelManifest.EXTERNAL,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "P(win)",
                        null,
                        null,
                        null,
                        Map.of("low_vol", identity, "med_vol", identity, "high_vol", identity),
                        null)
                .write(directory);
    }
}
