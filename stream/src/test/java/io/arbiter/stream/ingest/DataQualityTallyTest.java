package io.arbiter.stream.ingest;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.types.Either;

import io.arbiter.operators.ingest.DeadLetters;
import io.arbiter.operators.ingest.RawRecord;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DataQuality;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.SourcedBar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DataQualityTallyTest {

    private static final Instant DAY0 = Instant.parse("2001-03-01T00:00:00Z");

    @Test
    void countsValidAndRefusedRecordsPerPartitionInWindowsStampedWithTheNewestValidBar()
            throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<
                        Integer, Either<DeadLetter, SourcedBar>, DataQuality>
                harness =
                        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                                new DataQualityTally(4),
                                DataQualityTally::partitionOf,
                                Types.INT)) {
            harness.processElement(Either.Left(letter(0)), 0); // nothing valid yet to stamp
            harness.processElement(Either.Left(letter(0)), 0);
            harness.processElement(Either.Left(letter(0)), 0);
            harness.processElement(Either.Left(letter(0)), 0);
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processElement(Either.Right(bar(0, 1)), 0);
            harness.processElement(Either.Right(bar(1, 1)), 0); // another partition
            harness.processElement(Either.Left(letter(0)), 0);
            harness.processElement(Either.Right(bar(0, 3)), 0);
            harness.processElement(Either.Right(bar(0, 2)), 0);

            // Partition 0's second window: 3 valid of 4, stamped with its newest bar (day 3).
            assertThat(harness.extractOutputValues())
                    .containsExactly(new DataQuality(0, DAY0.plus(Duration.ofDays(3)), 3L, 4L));
        }
    }

    private static SourcedBar bar(int partition, int day) {
        Bar bar =
                Bar.newBuilder()
                        .setSymbol("IBM")
                        .setTime(DAY0.plus(Duration.ofDays(day)))
                        .setIntervalMillis(86_400_000L)
                        .setOpen(1)
                        .setHigh(1)
                        .setLow(1)
                        .setClose(1)
                        .setVolume(1)
                        .build();
        return new SourcedBar(bar, partition, (long) day, null, null);
    }

    private static DeadLetter letter(int partition) {
        return DeadLetters.of(
                new RawRecord("market.bars", partition, 9, 0, null, new byte[] {1}),
                DeadLetters.STAGE_DECODE,
                "test",
                "not a bar");
    }
}
