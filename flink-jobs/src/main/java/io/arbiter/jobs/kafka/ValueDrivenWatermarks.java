package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.types.Either;

import io.arbiter.schemas.DeadLetter;

import java.time.Duration;

/**
 * Bounded out-of-orderness watermarks driven by valid records only. A dead letter carries its Kafka
 * timestamp (often the wall clock), which must not push event time forward and make the valid bars
 * behind it late.
 */
final class ValueDrivenWatermarks<T> implements WatermarkGenerator<Either<DeadLetter, T>> {

    private final BoundedOutOfOrdernessWatermarks<Either<DeadLetter, T>> delegate;

    ValueDrivenWatermarks(Duration maxOutOfOrderness) {
        this.delegate = new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    @Override
    public void onEvent(Either<DeadLetter, T> event, long eventTimestamp, WatermarkOutput output) {
        if (event.isRight()) {
            delegate.onEvent(event, eventTimestamp, output);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        delegate.onPeriodicEmit(output);
    }
}
