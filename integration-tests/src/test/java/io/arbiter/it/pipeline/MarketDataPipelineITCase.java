package io.arbiter.it.pipeline;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.test.junit5.MiniClusterExtension;

import io.arbiter.it.flink.TestFlink;
import io.arbiter.it.flink.TestJobs;
import io.arbiter.it.kafka.EmbeddedKafka;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.pipeline.ArbiterPipeline;
import io.arbiter.jobs.pipeline.KafkaWiring;
import io.arbiter.operators.features.IndicatorEngine;
import io.arbiter.operators.policy.Policy;
import io.arbiter.operators.validation.BarValidator;
import io.arbiter.operators.validation.RecordValidator;
import io.arbiter.operators.validation.Violation;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The walking skeleton end to end: valid and malformed records on a real broker, the production
 * graph on a MiniCluster, and read_committed consumers counting what came out.
 */
class MarketDataPipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final Instant BEGINNING = Instant.parse("1991-01-02T00:00:00Z");
    private static final List<String> SYMBOLS = List.of("AA", "IBM", "MSFT", "KO");
    private static final int DAYS = 50;

    private static final int ROC1_LOG = IndicatorEngine.COLUMNS.indexOf("roc1_log");

    private final AvroCodec<Bar> bars = AvroCodec.of(Bar.class);

    @Test
    void everyValidBarBecomesOneFeatureVectorAndEveryMalformedRecordOneDeadLetter()
            throws Exception {
        String barsTopic = KAFKA.freshTopic("bars", 2);
        String featuresTopic = KAFKA.freshTopic("features", 2);
        String dlqTopic = KAFKA.freshTopic("dlq", 1);

        // N valid bars, interleaved across symbols as a feed sends them, with M malformed
        // records mixed in: undecodable bytes and Avro-valid bars with invalid values.
        List<SimpleEntry<byte[], byte[]>> records = new ArrayList<>();
        Map<Integer, String> expectedReasonByIndex = new LinkedHashMap<>();
        Map<String, List<Double>> closesBySymbol = new HashMap<>();
        for (int day = 0; day < DAYS; day++) {
            for (int s = 0; s < SYMBOLS.size(); s++) {
                String symbol = SYMBOLS.get(s);
                double close = 10 * (s + 1) + Math.sin(day * 0.3 + s) * 2;
                closesBySymbol.computeIfAbsent(symbol, k -> new ArrayList<>()).add(close);
                records.add(entry(symbol, bars.encode(bar(symbol, day, close))));
            }
            switch (day) {
                case 3 ->
                        malformed(
                                records,
                                expectedReasonByIndex,
                                "MSFT",
                                "{\"symbol\":\"MSFT\"}".getBytes(StandardCharsets.UTF_8),
                                "not a Bar");
                case 7 ->
                        malformed(records, expectedReasonByIndex, "IBM", new byte[0], "not a Bar");
                case 11 -> {
                    byte[] whole = bars.encode(bar("KO", day, 5));
                    malformed(
                            records,
                            expectedReasonByIndex,
                            "KO",
                            Arrays.copyOf(whole, whole.length - 4),
                            "EOFException");
                }
                case 13 ->
                        malformed(
                                records,
                                expectedReasonByIndex,
                                "AA",
                                bars.encode(Bar.newBuilder(bar("AA", day, 10)).setHigh(9).build()),
                                "high: 9.0 is below max(open, close) = 10.0");
                case 17 ->
                        malformed(
                                records,
                                expectedReasonByIndex,
                                "AA",
                                bars.encode(
                                        Bar.newBuilder(bar("AA", day, 10))
                                                .setOpen(Double.NaN)
                                                .build()),
                                "open: is NaN");
                case 19 ->
                        malformed(
                                records,
                                expectedReasonByIndex,
                                "IBM",
                                bars.encode(
                                        Bar.newBuilder(bar("IBM", day, 10)).setVolume(-5).build()),
                                "volume: -5.0 is negative");
                case 23 ->
                        malformed(
                                records,
                                expectedReasonByIndex,
                                "MSFT",
                                bars.encode(
                                        Bar.newBuilder(bar("MSFT", day, 10)).setLow(10.5).build()),
                                "low: 10.5 is above min(open, close) = 10.0");
                case 29 -> {
                    // A valid bar sent twice: the feature engine refuses the second copy.
                    Bar again = bar("KO", day, closesBySymbol.get("KO").get(day));
                    malformed(
                            records,
                            expectedReasonByIndex,
                            "KO",
                            bars.encode(again),
                            "duplicate: a KO bar at " + again.getTime() + " was already received");
                }
                default -> {}
            }
        }
        int valid = DAYS * SYMBOLS.size();
        int duplicates = 1;
        int malformed = expectedReasonByIndex.size() - duplicates;
        List<RecordMetadata> landed = KAFKA.sendAll(barsTopic, new ArrayList<>(records));

        ArbiterConfig config = config("skeleton-it", barsTopic, featuresTopic, dlqTopic, Map.of());
        JobExecutionResult result = TestJobs.runBounded(config, Policy.defaults());

        // The books balance: in = accepted + dead-lettered at the source, and every accepted bar
        // became a vector or a dead letter of the feature engine.
        long in = valid + malformed + duplicates;
        assertThat((Long) result.getAccumulatorResult("bars.in")).isEqualTo(in);
        assertThat((Long) result.getAccumulatorResult("bars.accepted"))
                .isEqualTo(valid + duplicates);
        assertThat((Long) result.getAccumulatorResult("bars.dead-lettered")).isEqualTo(malformed);
        assertThat((Long) result.getAccumulatorResult("features.out")).isEqualTo(valid);
        assertThat((Long) result.getAccumulatorResult("features.duplicate")).isEqualTo(duplicates);
        assertThat((Long) result.getAccumulatorResult("features.late")).isZero();

        List<FeatureVector> features =
                decodeAll(FeatureVector.class, KAFKA.drainCommitted(featuresTopic));
        assertThat(features).hasSize(valid);
        for (String symbol : SYMBOLS) {
            List<FeatureVector> ofSymbol =
                    features.stream().filter(f -> f.getSymbol().equals(symbol)).toList();
            List<Double> closes = closesBySymbol.get(symbol);
            assertThat(ofSymbol).hasSize(DAYS);
            // One symbol lives on one partition, so its vectors keep bar order.
            assertThat(ofSymbol.get(0).getValues().get(ROC1_LOG)).isNaN();
            for (int day = 1; day < DAYS; day++) {
                assertThat(ofSymbol.get(day).getTime())
                        .isEqualTo(BEGINNING.plus(Duration.ofDays(day)));
                assertThat(ofSymbol.get(day).getValues().get(ROC1_LOG))
                        .isCloseTo(Math.log(closes.get(day) / closes.get(day - 1)), within(1e-12));
            }
        }

        List<ConsumerRecord<byte[], byte[]>> dlqRecords = KAFKA.drainCommitted(dlqTopic);
        List<DeadLetter> letters = decodeAll(DeadLetter.class, dlqRecords);
        assertThat(letters).hasSize(malformed + duplicates);
        assertThat(dlqRecords)
                .allSatisfy(
                        r ->
                                assertThat(new String(r.key(), StandardCharsets.UTF_8))
                                        .isEqualTo(barsTopic));
        Map<String, DeadLetter> byPosition = new HashMap<>();
        letters.forEach(l -> byPosition.put(l.getPartition() + "@" + l.getOffset(), l));
        expectedReasonByIndex.forEach(
                (index, reason) -> {
                    RecordMetadata where = landed.get(index);
                    DeadLetter letter = byPosition.get(where.partition() + "@" + where.offset());
                    assertThat(letter)
                            .as("dead letter of record %d at %s", index, where)
                            .isNotNull();
                    assertThat(letter.getSourceTopic()).isEqualTo(barsTopic);
                    assertThat(letter.getReason()).contains(reason);
                    assertThat(bytes(letter.getValue())).isEqualTo(records.get(index).getValue());
                    assertThat(bytes(letter.getKey())).isEqualTo(records.get(index).getKey());
                });
    }

    @Test
    void aCrashedAndRestartedJobNeitherLosesNorDuplicatesAnOutput() throws Exception {
        String barsTopic = KAFKA.freshTopic("bars", 2);
        String featuresTopic = KAFKA.freshTopic("features", 2);
        String dlqTopic = KAFKA.freshTopic("dlq", 1);
        List<SimpleEntry<byte[], byte[]>> records = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            for (String symbol : SYMBOLS) {
                records.add(entry(symbol, bars.encode(bar(symbol, day, 20 + day % 7))));
            }
        }
        KAFKA.sendAll(barsTopic, new ArrayList<>(records));

        ArbiterConfig config =
                config(
                        "crash-it",
                        barsTopic,
                        featuresTopic,
                        dlqTopic,
                        Map.of(
                                "checkpointing.interval", "100 ms",
                                // The exactly-once lane under test (features default to
                                // at-least-once, where a replay may repeat a vector by its id).
                                "delivery.features", "exactly-once",
                                "flink.restart-strategy.type", "fixed-delay",
                                "flink.restart-strategy.fixed-delay.attempts", "3",
                                "flink.restart-strategy.fixed-delay.delay", "100 ms"));
        // The production graph, with a validator that fails the task once, mid-stream: the
        // restarted job resumes from its last checkpoint and the open transactions are aborted.
        CrashOnceValidator.armed.set(true);
        ArbiterPipeline.Inputs inputs =
                KafkaWiring.inputs(config, true, new CrashOnceValidator(DAYS * 3 / 4));
        TestJobs.runBounded(config, Policy.defaults(), inputs);

        assertThat(CrashOnceValidator.armed).as("the injected crash happened").isFalse();
        List<FeatureVector> features =
                decodeAll(FeatureVector.class, KAFKA.drainCommitted(featuresTopic));
        assertThat(features.stream().map(f -> f.getSymbol() + "@" + f.getTime()).distinct())
                .hasSize(DAYS * SYMBOLS.size());
        assertThat(features).hasSize(DAYS * SYMBOLS.size());
        assertThat(KAFKA.drainCommitted(dlqTopic)).isEmpty();
    }

    /** Validates as production does, but throws once when it meets the given day's IBM bar. */
    static final class CrashOnceValidator implements RecordValidator<Bar> {
        private static final long serialVersionUID = 1L;
        // Static on purpose: it must survive the task restart it causes (same JVM).
        static final AtomicBoolean armed = new AtomicBoolean();
        private final int crashDay;
        private final BarValidator production = new BarValidator();

        CrashOnceValidator(int crashDay) {
            this.crashDay = crashDay;
        }

        @Override
        public List<Violation> validate(Bar bar) {
            if (bar.getSymbol().equals("IBM")
                    && bar.getTime().equals(BEGINNING.plus(Duration.ofDays(crashDay)))
                    && armed.compareAndSet(true, false)) {
                throw new IllegalStateException("injected crash");
            }
            return production.validate(bar);
        }
    }

    /** The job's configuration for this test's fresh topics, plus {@code extra}. */
    private static ArbiterConfig config(
            String job, String bars, String features, String dlq, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("topics.market-bars", bars);
        settings.put("topics.features", features);
        settings.put("topics.dead-letters", dlq);
        return TestJobs.config(KAFKA, job, settings);
    }

    private static void malformed(
            List<SimpleEntry<byte[], byte[]>> records,
            Map<Integer, String> expectedReasonByIndex,
            String key,
            byte[] value,
            String reason) {
        expectedReasonByIndex.put(records.size(), reason);
        records.add(entry(key, value));
    }

    private static SimpleEntry<byte[], byte[]> entry(String key, byte[] value) {
        return new SimpleEntry<>(key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static Bar bar(String symbol, int day, double close) {
        return Bar.newBuilder()
                .setSymbol(symbol)
                .setTime(BEGINNING.plus(Duration.ofDays(day)))
                .setIntervalMillis(Duration.ofDays(1).toMillis())
                .setOpen(close)
                .setHigh(close)
                .setLow(close)
                .setClose(close)
                .setVolume(1000)
                .build();
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> List<T> decodeAll(
            Class<T> type, List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        AvroCodec<T> codec = AvroCodec.of(type);
        List<T> decoded = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            decoded.add(codec.decode(record.value()));
        }
        return decoded;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
