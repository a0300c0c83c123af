package io.arbiter.benchmarks.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    private static final Path MODELS = Path.of("models");

    @Test
    void theDefaultRunIsTheIssuesTwoMillionBarsOverAThousandSymbols() {
        BenchOptions options = BenchOptions.parse(new String[0], MODELS);
        assertThat(options.bars()).isEqualTo(2_000_000);
        assertThat(options.symbols()).isEqualTo(1_000);
        assertThat(options.steps()).isEqualTo(2_000);
        assertThat(options.out()).isEqualTo(Path.of("."));
    }

    @Test
    void quickIsATenthOfTheDataAndAShorterLatencyPhase() {
        BenchOptions options =
                BenchOptions.parse(new String[] {"--quick", "--out", "/tmp/x"}, MODELS);
        assertThat(options.bars()).isEqualTo(200_000);
        assertThat(options.latencyMeasured()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.out()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void explicitSizesWinOverQuick() {
        BenchOptions options =
                BenchOptions.parse(
                        new String[] {"--bars", "40_000", "--symbols", "40", "--quick"}, MODELS);
        assertThat(options.bars()).isEqualTo(40_000);
        assertThat(options.steps()).isEqualTo(1_000);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--bars", "1001"}, MODELS))
                .hasMessageContaining("multiple of --symbols");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--frobnicate"}, MODELS))
                .hasMessageContaining("unknown option --frobnicate");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--parallelism", "0"}, MODELS))
                .hasMessageContaining("--parallelism must be at least 1");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--out"}, MODELS))
                .hasMessageContaining("--out needs a value");
    }

    @Test
    void setTakesConfigurationKeysValidatedAsTheJobWould() {
        BenchOptions options =
                BenchOptions.parse(
                        new String[] {
                            "--set", "checkpointing.unaligned=false",
                            "--set", "network.buffer-debloat.enabled = false",
                            "--latency-rate", "2000",
                            "--latency-only"
                        },
                        MODELS);
        assertThat(options.settings())
                .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of(
                                "checkpointing.unaligned", "false",
                                "network.buffer-debloat.enabled", "false"));
        assertThat(options.latencyRate()).isEqualTo(2000);
        assertThat(options.latencyOnly()).isTrue();
        assertThat(
                        PipelineBench.clusterSettings(options)
                                .get(
                                        org.apache.flink.configuration.TaskManagerOptions
                                                .BUFFER_DEBLOAT_ENABLED))
                .isFalse();
        assertThat(BenchOptions.parse(new String[0], MODELS).settings()).isEmpty();
        assertThat(BenchOptions.parse(new String[0], MODELS).latencyRate()).isZero();
    }

    @Test
    void setRefusesUnknownKeysBadValuesAndWhatTheBenchmarkFixes() {
        assertThatThrownBy(
                        () ->
                                BenchOptions.parse(
                                        new String[] {"--set", "checkpointing.unaligend=true"},
                                        MODELS))
                .hasMessageContaining("checkpointing.unaligend: unknown key");
        assertThatThrownBy(
                        () ->
                                BenchOptions.parse(
                                        new String[] {"--set", "network.buffer-timeout=soon"},
                                        MODELS))
                .hasMessageContaining("network.buffer-timeout: cannot read 'soon'");
        assertThatThrownBy(
                        () ->
                                BenchOptions.parse(
                                        new String[] {"--set", "delivery.signals=exactly-once"},
                                        MODELS))
                .hasMessageContaining("the benchmark sets it itself");
        assertThatThrownBy(
                        () ->
                                BenchOptions.parse(
                                        new String[] {"--set", "checkpointing.interval=5 s"},
                                        MODELS))
                .hasMessageContaining("--checkpoint-interval-ms");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--set", "novalue"}, MODELS))
                .hasMessageContaining("--set takes KEY=VALUE");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--latency-only"}, MODELS))
                .hasMessageContaining("--latency-only needs --latency-rate");
    }
}
