package io.arbiter.it.pipeline;

import org.apache.flink.test.junit5.MiniClusterExtension;

import io.arbiter.it.flink.TestFlink;
import io.arbiter.it.flink.TestJobs;
import io.arbiter.it.kafka.EmbeddedKafka;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.operators.features.BatchFeatures;
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.FeaturePolicy;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream and the batch CLI compute the same features: the repository's bars go through Kafka
 * and the whole job (interleaved across symbols and shuffled within the allowed lateness, as a real
 * feed delivers them), and through {@link BatchFeatures} from the files; every vector must be
 * equal, value for value and bit for bit.
 */
class StreamBatchFeaturesITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final List<Path> FILES =
            List.of(Path.of("../data/raw/ttrc.csv"), Path.of("../data/bars/usdchf_2h.csv"));

    @Test
    void streamAndBatchProduceIdenticalVectors() throws Exception {
        // While one source subtask has not emitted a watermark yet, the other may push a whole
        // symbol's history into the pending buffer; the policy's cap (10,000) would then
        // dead-letter bars as buffer-full. That safety valve has its own test; here the cap is
        // lifted so the comparison does not depend on how fast each subtask starts.
        Policy defaults = Policy.defaults();
        Policy policy =
                defaults.withFeatures(
                        new FeaturePolicy(
                                defaults.features().regime(),
                                defaults.features().windowBars(),
                                1_000_000));
        List<BarCsv.Row> rows = new ArrayList<>();
        Map<String, FeatureVector> batch = new HashMap<>();
        for (Path file : FILES) {
            BarCsv.Table table = BarCsv.readTable(file, "TTRC", Duration.ZERO);
            List<FeatureVector> vectors = BatchFeatures.compute(table.rows(), policy.features());
            vectors.forEach(v -> batch.put(v.getSymbol() + "@" + v.getTime(), v));
            rows.addAll(table.rows());
        }

        // A feed interleaves symbols by time; neighbours then arrive a little out of order.
        List<Bar> feed = new ArrayList<>(rows.stream().map(BarCsv.Row::bar).toList());
        feed.sort(Comparator.comparing(Bar::getTime).thenComparing(Bar::getSymbol));
        Random random = new Random(11);
        for (int from = 0; from + 4 <= feed.size(); from += 4) {
            Collections.shuffle(feed.subList(from, from + 4), random);
        }
        AvroCodec<Bar> codec = AvroCodec.of(Bar.class);
        String barsTopic = KAFKA.freshTopic("bars", 2);
        String featuresTopic = KAFKA.freshTopic("features", 2);
        String dlqTopic = KAFKA.freshTopic("dlq", 1);
        List<SimpleEntry<byte[], byte[]>> records = new ArrayList<>();
        for (Bar bar : feed) {
            records.add(
                    new SimpleEntry<>(
                            bar.getSymbol().getBytes(StandardCharsets.UTF_8), codec.encode(bar)));
        }
        KAFKA.sendAll(barsTopic, new ArrayList<>(records));

        ArbiterConfig config =
                TestJobs.config(
                        KAFKA,
                        "stream-batch",
                        Map.of(
                                "topics.market-bars",
                                barsTopic,
                                "topics.features",
                                featuresTopic,
                                "topics.dead-letters",
                                dlqTopic,
                                // The whole vector is compared, its window included.
                                "features.publish-window",
                                "true",
                                "checkpointing.interval",
                                "500 ms",
                                // Shuffled neighbours are at most a few days apart.
                                "watermarks.max-out-of-orderness",
                                "10 d"));
        TestJobs.runBounded(config, policy);

        AvroCodec<FeatureVector> vectors = AvroCodec.of(FeatureVector.class);
        List<ConsumerRecord<byte[], byte[]>> out = KAFKA.drainCommitted(featuresTopic);
        AvroCodec<DeadLetter> letters = AvroCodec.of(DeadLetter.class);
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : KAFKA.drainCommitted(dlqTopic)) {
            reasons.add(letters.decode(record.value()).getReason());
        }
        assertThat(reasons).as("nothing late, nothing duplicate").isEmpty();
        assertThat(out).hasSize(rows.size());
        for (ConsumerRecord<byte[], byte[]> record : out) {
            FeatureVector streamed = vectors.decode(record.value());
            FeatureVector expected = batch.get(streamed.getSymbol() + "@" + streamed.getTime());
            assertThat(expected).as("batch vector of %s", streamed.getTime()).isNotNull();
            assertThat(rawBits(streamed.getValues()))
                    .as("%s at %s", streamed.getSymbol(), streamed.getTime())
                    .isEqualTo(rawBits(expected.getValues()));
            assertThat(streamed).isEqualTo(expected);
        }
    }

    private static List<Long> rawBits(List<Double> values) {
        return values.stream().map(Double::doubleToRawLongBits).toList();
    }
}
