package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NeverHoldsBackTest {

    @Test
    void commandsNeverMoveEventTimeTheyAreIdleFromTheStartWhateverArrives() {
        List<String> emitted = new ArrayList<>();
        WatermarkOutput output =
                new WatermarkOutput() {
                    @Override
                    public void emitWatermark(Watermark watermark) {
                        emitted.add("watermark " + watermark.getTimestamp());
                    }

                    @Override
                    public void markIdle() {
                        emitted.add("idle");
                    }

                    @Override
                    public void markActive() {
                        emitted.add("active");
                    }
                };
        NeverHoldsBack<String> generator = new NeverHoldsBack<>();
        generator.onPeriodicEmit(output);
        generator.onEvent("halt", 1_796_695_660_634L, output);
        generator.onPeriodicEmit(output);
        // No watermark at all: an operator whose other inputs are idle keeps their highest one
        // instead of jumping to the end of time.
        assertThat(emitted).containsExactly("idle", "idle");
    }
}
