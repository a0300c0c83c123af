package io.arbiter.jobs.demo;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StopRequestTest {

    private long now;
    private final StopRequest stop = new StopRequest(() -> now);

    @Test
    void withoutCtrlCTheDrainIsNeverAbandoned() {
        stop.drainStarts();
        now = Duration.ofHours(1).toNanos();
        assertThat(stop.pressed()).isFalse();
        assertThat(stop.drainAbandoned()).isFalse();
    }

    @Test
    void ctrlCThatEndsTheFeedLeavesTheDrainABoundedShare() {
        stop.press();
        stop.drainStarts();
        now = StopRequest.DRAIN_AFTER_CTRL_C.minusMillis(1).toNanos();
        assertThat(stop.drainAbandoned()).isFalse();
        now = StopRequest.DRAIN_AFTER_CTRL_C.toNanos();
        assertThat(stop.drainAbandoned()).isTrue();
    }

    @Test
    void ctrlCDuringTheDrainAbandonsItAtOnce() {
        stop.drainStarts();
        now = Duration.ofSeconds(5).toNanos();
        stop.press();
        assertThat(stop.drainAbandoned()).isTrue();
    }
}
