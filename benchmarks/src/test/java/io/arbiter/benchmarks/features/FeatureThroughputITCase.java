package io.arbiter.benchmarks.features;

import io.arbiter.benchmarks.features.FeatureThroughput.Options;
import io.arbiter.benchmarks.features.FeatureThroughput.Pipeline;
import io.arbiter.benchmarks.features.FeatureThroughput.Result;
import io.arbiter.schemas.SourcedBar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The throughput harness on a tiny input: both pipelines run and every bar gives one record. */
class FeatureThroughputITCase {

    @Test
    void runsBothPipelinesOverEveryBarWithoutGenericTypes() throws Exception {
        Options options =
                Options.parse(
                        new String[] {
                            "--bars",
                            "4000",
                            "--symbols",
                            "20",
                            "--parallelism",
                            "2",
                            "--warmup-bars",
                            "0"
                        });

        List<Result> results = FeatureThroughput.run(options, false);

        assertThat(results)
                .extracting(Result::pipeline)
                .containsExactly(Pipeline.FEATURES, Pipeline.PASS_THROUGH);
        assertThat(results)
                .allSatisfy(
                        result -> {
                            assertThat(result.bars()).isEqualTo(4000);
                            assertThat(result.outputs()).isEqualTo(4000);
                            assertThat(result.deadLetters()).isZero();
                            assertThat(result.cpuSeconds()).isPositive();
                        });
    }

    @Test
    void laysBarsOutInOneTimeOrderedBlockPerSourceSplit() {
        SyntheticBars bars = SyntheticBars.generate(4, 3, 1);

        SourcedBar[] blocks = FeatureThroughput.partitionBlocks(bars, 2);

        assertThat(blocks)
                .extracting(b -> b.getBar().getSymbol())
                .containsExactly(
                        "SYM0000", "SYM0002", "SYM0000", "SYM0002", "SYM0000", "SYM0002", "SYM0001",
                        "SYM0003", "SYM0001", "SYM0003", "SYM0001", "SYM0003");
        assertThat(blocks).extracting(SourcedBar::getPartition).containsOnly(0, 1);
    }

    @Test
    void refusesSymbolsThatDoNotSplitEvenlyAcrossTheSources() {
        assertThatThrownBy(
                        () ->
                                Options.parse(
                                        new String[] {"--symbols", "1000", "--parallelism", "3"}))
                .hasMessageContaining("multiple of --parallelism");
    }
}
