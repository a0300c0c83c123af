package io.arbiter.benchmarks.scoring;

import io.arbiter.benchmarks.scoring.ScoringThroughput.Options;
import io.arbiter.benchmarks.scoring.ScoringThroughput.Pipeline;
import io.arbiter.benchmarks.scoring.ScoringThroughput.Report;
import io.arbiter.benchmarks.scoring.ScoringThroughput.Result;
import io.arbiter.schemas.FeatureVector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scoring throughput harness on a few thousand rows with the three shipped models: every
 * pipeline runs, the baseline delivers every vector and scoring every expected signal. Speed is
 * never asserted.
 */
class ScoringThroughputITCase {

    // Tests run with benchmarks/ as working directory.
    private static final Path MODELS = Path.of("../models");

    @BeforeAll
    static void shippedModelsArePresent() {
        Assumptions.assumeTrue(
                Files.isDirectory(MODELS.resolve("gbdt-ttr28"))
                        && Files.isDirectory(MODELS.resolve("logistic-ttr"))
                        && Files.isDirectory(MODELS.resolve("mlp-window")),
                "the shipped models are not in ../models");
    }

    @Test
    void scoresEveryReplayedVectorWithEveryShippedModelAtEachBatchSize() throws Exception {
        // 20 symbols × 150 rows = 3,000 vectors, two source splits of 10 symbols each.
        Options options =
                Options.parse(
                        new String[] {
                            "--rows", "3000",
                            "--symbols", "20",
                            "--parallelism", "2",
                            "--batch-sizes", "1,64",
                            "--warmup-rows", "0",
                            "--models", MODELS.toString()
                        });

        Report report = ScoringThroughput.run(options, false);

        assertThat(report.modelIds())
                .containsExactlyInAnyOrder("gbdt-ttr28", "logistic-ttr", "mlp-window");
        // Every replayed vector is past the lead, so each of the three models scores it.
        assertThat(report.replay().vectors()).hasSize(3000);
        assertThat(report.replay().expectedSignals()).isEqualTo(3 * 3000);
        assertThat(report.results())
                .extracting(Result::pipeline, Result::batchSize)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Pipeline.FEATURES_ONLY, 0),
                        org.assertj.core.groups.Tuple.tuple(Pipeline.SCORING, 1),
                        org.assertj.core.groups.Tuple.tuple(Pipeline.SCORING, 64));
        assertThat(report.results())
                .allSatisfy(
                        result -> {
                            assertThat(result.rows()).isEqualTo(3000);
                            assertThat(result.modelEvents()).isZero();
                            assertThat(result.timing().cpuSeconds()).isPositive();
                            // The first record and the last sink close were both marked.
                            assertThat(result.timing().windowWallSeconds()).isPositive();
                            assertThat(result.timing().windowCpuSeconds()).isNotNaN();
                        });
        assertThat(report.results().get(0).outputs()).isEqualTo(3000);
        assertThat(report.results().get(1).outputs()).isEqualTo(9000);
        assertThat(report.results().get(2).outputs()).isEqualTo(9000);
    }

    @Test
    void laysVectorsOutInOneTimeOrderedBlockPerSourceSplitAfterTheLead() throws Exception {
        Report report =
                ScoringThroughput.run(
                        Options.parse(
                                new String[] {
                                    "--rows", "40",
                                    "--symbols", "4",
                                    "--parallelism", "2",
                                    "--batch-sizes", "8",
                                    "--warmup-rows", "0",
                                    "--models", MODELS.toString()
                                }),
                        false);

        FeatureVector[] vectors = report.replay().vectors();
        assertThat(vectors).hasSize(40);
        // Block 0 holds SYM0000 and SYM0002, block 1 SYM0001 and SYM0003, 10 steps each.
        assertThat(Arrays.copyOfRange(vectors, 0, 20))
                .extracting(FeatureVector::getSymbol)
                .containsOnly("SYM0000", "SYM0002");
        assertThat(Arrays.copyOfRange(vectors, 20, 40))
                .extracting(FeatureVector::getSymbol)
                .containsOnly("SYM0001", "SYM0003");
        for (int block = 0; block < 2; block++) {
            List<Instant> times =
                    Arrays.stream(vectors, block * 20, block * 20 + 20)
                            .map(FeatureVector::getTime)
                            .toList();
            assertThat(times).isSorted();
        }
        // The first replayed row is the lead's bar: lead days after the series' first bar.
        assertThat(vectors[0].getTime())
                .isEqualTo(
                        Instant.parse("2020-01-01T00:00:00Z")
                                .plusSeconds(86_400L * report.replay().leadBars()));
        assertThat(report.replay().leadBars()).isBetween(1, ScoringThroughput.MAX_LEAD_BARS);
    }

    @Test
    void refusesSymbolsThatDoNotSplitEvenlyAcrossTheSources() {
        assertThatThrownBy(
                        () ->
                                Options.parse(
                                        new String[] {
                                            "--symbols", "10",
                                            "--parallelism", "3",
                                            "--models", MODELS.toString()
                                        }))
                .hasMessageContaining("multiple of --parallelism");
    }
}
