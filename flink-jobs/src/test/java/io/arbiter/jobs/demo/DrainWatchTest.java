package io.arbiter.jobs.demo;

import io.arbiter.jobs.demo.DrainWatch.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DrainWatchTest {

    private long now;
    private final DrainWatch watch =
            new DrainWatch(Duration.ofSeconds(60), Duration.ofMinutes(10), () -> now);

    private void at(int seconds) {
        now = Duration.ofSeconds(seconds).toNanos();
    }

    @Test
    void keepsWaitingWellPastTheQuietLimitWhileTheCountsMove() {
        // A slow machine: the job reads 1,000 bars every 50 s, for 5 minutes.
        for (int t = 0; t <= 300; t += 50) {
            at(t);
            assertThat(watch.observe(false, t * 20L, 0)).as("t=%d s", t).isEqualTo(Verdict.WAITING);
        }
    }

    @Test
    void givesUpOnlyAfterTheQuietLimitWithoutAnyCountMoving() {
        at(0);
        assertThat(watch.observe(false, 10, 5)).isEqualTo(Verdict.WAITING);
        at(30);
        // Only the second count moved: that is progress too.
        assertThat(watch.observe(false, 10, 6)).isEqualTo(Verdict.WAITING);
        at(89);
        assertThat(watch.observe(false, 10, 6)).isEqualTo(Verdict.WAITING);
        assertThat(watch.sinceProgress()).isEqualTo(Duration.ofSeconds(59));
        at(90);
        assertThat(watch.observe(false, 10, 6)).isEqualTo(Verdict.STALLED);
    }

    @Test
    void givesUpAtTheOverallBoundEvenWhileCountsMove() {
        for (int t = 0; t < 600; t += 10) {
            at(t);
            assertThat(watch.observe(false, t)).isEqualTo(Verdict.WAITING);
        }
        at(600);
        assertThat(watch.observe(false, 600)).isEqualTo(Verdict.OUT_OF_TIME);
    }

    @Test
    void theConditionWinsWhenItHolds() {
        at(0);
        watch.observe(false, 1);
        at(3_600);
        assertThat(watch.observe(true, 1)).isEqualTo(Verdict.REACHED);
    }
}
