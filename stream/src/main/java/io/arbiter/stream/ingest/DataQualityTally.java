package io.arbiter.stream.ingest;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

import io.arbiter.schemas.DataQuality;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.SourcedBar;

import java.time.Instant;

/**
 * Counts valid and refused market-data records in windows of consecutive records of one partition,
 * keyed by partition, for the data-quality breaker (DOMAIN.md §7: fewer than 95 % valid records
 * halts trading). A partition is read in offset order, so the windows, and the event time each is
 * stamped with (its newest valid bar's), are the same in every replay; an undecodable record has no
 * event time of its own. A window without any valid record takes the time of the last one the
 * partition had; before the first valid bar nothing can be stamped, so nothing is emitted.
 */
public final class DataQualityTally
        extends KeyedProcessFunction<Integer, Either<DeadLetter, SourcedBar>, DataQuality> {

    private static final long serialVersionUID = 1L;

    private final int windowRecords;

    private transient ValueState<Long> valid;
    private transient ValueState<Long> total;
    private transient ValueState<Long> newestValidTime;

    /**
     * @param windowRecords records per window
     */
    public DataQualityTally(int windowRecords) {
        if (windowRecords < 1) {
            throw new IllegalArgumentException(
                    "windowRecords must be at least 1: " + windowRecords);
        }
        this.windowRecords = windowRecords;
    }

    /** The partition of a record: the key. */
    public static int partitionOf(Either<DeadLetter, SourcedBar> record) {
        return record.isRight() ? record.right().getPartition() : record.left().getPartition();
    }

    @Override
    public void open(OpenContext context) {
        valid = getRuntimeContext().getState(new ValueStateDescriptor<>("valid", Types.LONG));
        total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", Types.LONG));
        newestValidTime =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("newest-valid-time", Types.LONG));
    }

    @Override
    public void processElement(
            Either<DeadLetter, SourcedBar> record, Context ctx, Collector<DataQuality> out)
            throws Exception {
        long validCount = valueOr(valid.value());
        long totalCount = valueOr(total.value()) + 1;
        if (record.isRight()) {
            validCount++;
            long time = record.right().getBar().getTime().toEpochMilli();
            Long newest = newestValidTime.value();
            newestValidTime.update(newest == null ? time : Math.max(newest, time));
        }
        if (totalCount < windowRecords) {
            valid.update(validCount);
            total.update(totalCount);
            return;
        }
        Long stamp = newestValidTime.value();
        if (stamp != null) {
            out.collect(
                    new DataQuality(
                            ctx.getCurrentKey(),
                            Instant.ofEpochMilli(stamp),
                            validCount,
                            totalCount));
        }
        valid.update(0L);
        total.update(0L);
    }

    private static long valueOr(Long value) {
        return value == null ? 0 : value;
    }
}
