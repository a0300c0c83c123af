package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * The watermarks of an input that acts on arrival and has no place in event time (control commands:
 * people's decisions, stamped with the wall clock): none. The input is idle from the first second,
 * so wherever it meets market data the market's watermark alone decides, with no wait for the
 * idleness timeout of an empty topic; its records still flow and act on arrival.
 *
 * <p>It used to emit a watermark just below the end of time instead. That decided nothing while
 * market data flowed, but once every other input of an operator was idle (a quiet market for {@code
 * watermarks.idleness}, or the end of a replay) it alone was left and took event time to the end:
 * the books fired their next-day timers and wrote allocation events stamped in the future, which
 * the broker refuses (more than {@code log.message.timestamp.after.max.ms} ahead), so the job
 * failed and restarted; and the planner scheduled every later signal at the end of time, so none
 * became an intent. An idle input is left out instead: when all inputs are idle an operator keeps
 * the highest watermark its inputs reached.
 */
final class NeverHoldsBack<T> implements WatermarkGenerator<T> {

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.markIdle();
    }
}
