package io.arbiter.benchmarks.scoring;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads one shipped model and scores a few batches of real rows: correctness, not speed. */
class ScoringBenchmarkTest {

    // Tests run with benchmarks/ as working directory.
    private static final Path MODELS = Path.of("../models");
    private static final Path BARS = Path.of("..").resolve(ScoringBenchmark.DEFAULT_BARS);

    @Test
    void scoresRotatingBatchesOfRealRowsWithProbabilities() throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(MODELS.resolve("logistic-ttr")), "no ../models/logistic-ttr");
        Assumptions.assumeTrue(Files.isRegularFile(BARS), "no " + BARS);
        ScoringBenchmark benchmark = new ScoringBenchmark();
        benchmark.modelsDir = MODELS;
        benchmark.barsFile = BARS;
        benchmark.model = "logistic-ttr";
        benchmark.batch = 16;
        benchmark.seed = 42;
        benchmark.setUp();
        try {
            double[] first = benchmark.score();
            double[] second = benchmark.score();
            assertThat(first).hasSize(16);
            assertThat(second).hasSize(16).isNotEqualTo(first);
            for (double p : first) {
                assertThat(p).isBetween(0.0, 1.0);
            }
        } finally {
            benchmark.tearDown();
        }
        assertThat(benchmark.model()).isNull();
    }
}
