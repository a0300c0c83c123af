package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * The watermarks of an input that acts on arrival and has no place in event time (control commands:
 * people's decisions, stamped with the wall clock): always just below the end of time, so wherever
 * it meets market data the market's watermark alone decides, from the first second, with no wait
 * for the idleness timeout of an empty topic.
 */
final class NeverHoldsBack<T> implements WatermarkGenerator<T> {

    // Long.MAX_VALUE itself means "end of input" to some of Flink; one below never does.
    static final long ALMOST_THE_END = Long.MAX_VALUE - 1;

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(ALMOST_THE_END));
    }
}
