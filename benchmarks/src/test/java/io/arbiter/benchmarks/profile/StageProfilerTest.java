package io.arbiter.benchmarks.profile;

import io.arbiter.benchmarks.profile.StageProfile.Share;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StageProfilerTest {

    private static final String BUSY = "busy work (1/1)#0";
    private static final String IDLE = "idle (1/1)#0";

    private static Optional<Share> row(List<Share> shares, String name) {
        return shares.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Test
    void attributesABusyThreadsCpuToTheOperatorItRuns() throws InterruptedException {
        CountDownLatch released = new CountDownLatch(1);
        Thread idle =
                new Thread(
                        () -> {
                            try {
                                released.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        IDLE);
        Thread busy =
                new Thread(
                        new SpinningOperator(Duration.ofMillis(800), Duration.ofMillis(2500)),
                        BUSY);

        StageProfile profile;
        StageProfiler profiler =
                StageProfiler.start(Duration.ofMillis(10), Set.of(BUSY, IDLE)::contains);
        try {
            idle.start();
            busy.start();
            busy.join();
            profile = profiler.stop();
        } finally {
            profiler.close();
            released.countDown();
            idle.join();
        }

        assertThat(row(profile.byThreadGroup(), "busy work"))
                .hasValueSatisfying(s -> assertThat(s.cpuSeconds()).isGreaterThanOrEqualTo(0.5));
        assertThat(row(profile.byThreadGroup(), "idle").map(Share::cpuSeconds).orElse(0.0))
                .isLessThan(0.05);
        Share top = profile.byOperator().get(0);
        assertThat(top.name()).isEqualTo("SpinningOperator");
        assertThat(top.fractionOfProcess()).isGreaterThan(0.3);
        // Scaled to the thread's exact CPU, never beyond it.
        assertThat(top.cpuSeconds())
                .isLessThanOrEqualTo(
                        row(profile.byThreadGroup(), "busy work").get().cpuSeconds() + 1e-9);
        assertThat(profile.samples()).isGreaterThan(20);
        assertThat(profile.samplerCpuSeconds())
                .isGreaterThanOrEqualTo(0)
                .isLessThan(profile.processCpuSeconds());
        assertThat(row(profile.byThreadGroup(), StageProfiler.SAMPLER_THREAD_NAME)).isPresent();
        // The remainder row makes the thread groups account for the whole process.
        assertThat(row(profile.byThreadGroup(), StageProfile.REMAINDER)).isPresent();
        double groups = profile.byThreadGroup().stream().mapToDouble(Share::cpuSeconds).sum();
        assertThat(groups)
                .isCloseTo(
                        profile.processCpuSeconds(),
                        within(0.05 * profile.processCpuSeconds() + 0.02));
        assertThat(profile.byThreadGroup())
                .isSortedAccordingTo((a, b) -> Double.compare(b.cpuSeconds(), a.cpuSeconds()));

        assertThat(profile.toMarkdown())
                .contains("| Thread group | CPU s | Share of process CPU |")
                .contains("| SpinningOperator |");
        assertThat(profile.toText()).contains("SpinningOperator").contains("busy work");
        assertThat(profile.toJsonTree())
                .containsKeys("processCpuSeconds", "samplerCpuSeconds", "wallSeconds", "samples")
                .containsKey("byOperator");
        assertThatThrownBy(profiler::stop).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeStopsTheSamplerAndStopIsThenRefused() {
        StageProfiler profiler = StageProfiler.start(Duration.ofMillis(10));
        assertThat(samplerAlive()).isTrue();

        profiler.close();

        assertThat(samplerAlive()).isFalse();
        assertThatThrownBy(profiler::stop).isInstanceOf(IllegalStateException.class);
        profiler.close(); // a second close is harmless
    }

    private static boolean samplerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(
                        t -> t.getName().equals(StageProfiler.SAMPLER_THREAD_NAME) && t.isAlive());
    }

    @Test
    void ticksSplitEachGroupsExactCpuAndNeverAddAny() {
        Map<String, Long> groupCpu = new HashMap<>();
        groupCpu.put("chain a", 2_000_000_000L);
        groupCpu.put("chain b", 1_000_000_000L);
        groupCpu.put("quiet", 400_000_000L); // CPU, but no sample caught it running
        Map<String, Map<String, Integer>> ticks = new HashMap<>();
        ticks.put("chain a", Map.of("FeatureFunction", 3, "ScoringOperator › ONNX Runtime", 1));
        ticks.put("chain b", Map.of("FeatureFunction", 1));
        ticks.put("ended", Map.of("Kafka client", 50)); // ticks, but no CPU to share out

        List<Share> shares = StageProfiler.operatorShares(groupCpu, ticks, 10.0);

        assertThat(shares)
                .extracting(Share::name)
                .containsExactly(
                        "FeatureFunction",
                        "ScoringOperator › ONNX Runtime",
                        StageProfile.UNSAMPLED);
        assertThat(shares.get(0).cpuSeconds()).isCloseTo(2.5, within(1e-9));
        assertThat(shares.get(0).fractionOfProcess()).isCloseTo(0.25, within(1e-9));
        assertThat(shares.get(1).cpuSeconds()).isCloseTo(0.5, within(1e-9));
        assertThat(shares.get(2).cpuSeconds()).isCloseTo(0.4, within(1e-9));
    }
}
