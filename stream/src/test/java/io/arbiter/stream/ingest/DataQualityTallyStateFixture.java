package io.arbiter.stream.ingest;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.apache.flink.types.Either;

import io.arbiter.operators.ingest.DeadLetters;
import io.arbiter.operators.ingest.RawRecord;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DataQuality;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.SourcedBar;
import io.arbiter.stream.state.StateFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The data-quality tally's keyed state in the middle of windows, for its fixture: a Flink operator
 * snapshot ({@link OperatorSnapshotUtil}), since the state is three {@code ValueState<Long>} whose
 * layout is Flink's. Partition 0 is three records into a window of five with a valid bar seen,
 * partition 1 two records in with none valid yet, partition 2 one full window behind it. The
 * continuation finishes and starts windows on each and records every tally.
 *
 * <p>{@code state/data-quality-tally/v1.snapshot} and {@code v1-continuation.txt} were written by
 * {@link #main} on the code of commit 3fd6030 (state unchanged since the tally was introduced).
 * They are never regenerated.
 *
 * <pre>{@code
 * java -cp "stream/target/test-classes:stream/target/classes:$(cat stream/cp.txt)" \
 *     io.arbiter.stream.ingest.DataQualityTallyStateFixture stream/src/test/resources/state
 * }</pre>
 *
 * (class path as in {@code SymbolFeaturesStateFixture}).
 */
final class DataQualityTallyStateFixture {

    static final String SNAPSHOT_V1 = "/state/data-quality-tally/v1.snapshot";
    static final String CONTINUATION_V1 = "/state/data-quality-tally/v1-continuation.txt";

    private static final Instant DAY0 = Instant.parse("2001-03-01T00:00:00Z");

    private DataQualityTallyStateFixture() {}

    static KeyedOneInputStreamOperatorTestHarness<
                    Integer, Either<DeadLetter, SourcedBar>, DataQuality>
            harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DataQualityTally(5)),
                DataQualityTally::partitionOf,
                Types.INT);
    }

    static OperatorSubtaskState richSnapshot() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processElement(valid(0, 4), 0);
            harness.processElement(refused(0), 0);
            harness.processElement(valid(0, 2), 0);
            harness.processElement(refused(1), 0);
            harness.processElement(refused(1), 0);
            for (int day = 0; day < 5; day++) {
                harness.processElement(day == 3 ? refused(2) : valid(2, day), 0);
            }
            harness.processElement(valid(2, 9), 0);
            if (harness.extractOutputValues().size() != 1) {
                throw new IllegalStateException(
                        "partition 2 closes one window before the snapshot");
            }
            return harness.snapshot(1L, 1L);
        }
    }

    static List<String> continuation(OperatorSubtaskState snapshot) throws Exception {
        List<String> lines = new ArrayList<>();
        try (var harness = harness()) {
            harness.initializeState(snapshot);
            harness.open();
            harness.processElement(refused(0), 0);
            harness.processElement(valid(0, 3), 0); // closes partition 0's window
            for (int i = 0; i < 3; i++) {
                harness.processElement(refused(1), 0); // closes 1's window: nothing to stamp
            }
            harness.processElement(valid(1, 7), 0);
            for (int i = 0; i < 4; i++) {
                harness.processElement(refused(2), 0); // closes 2's window with its old stamp
            }
            for (int i = 0; i < 4; i++) {
                harness.processElement(refused(1), 0);
            }
            for (DataQuality tally : harness.extractOutputValues()) {
                lines.add("tally " + tally);
            }
        }
        return lines;
    }

    private static Either<DeadLetter, SourcedBar> valid(int partition, int day) {
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
        return Either.Right(new SourcedBar(bar, partition, (long) day, null, null));
    }

    private static Either<DeadLetter, SourcedBar> refused(int partition) {
        return Either.Left(
                DeadLetters.of(
                        new RawRecord("market.bars", partition, 9, 0, null, new byte[] {1}),
                        DeadLetters.STAGE_DECODE,
                        "test",
                        "not a bar"));
    }

    /** Writes the snapshot and its continuation under the folder given as the only argument. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).resolve("data-quality-tally");
        Files.createDirectories(dir);
        OperatorSubtaskState snapshot = richSnapshot();
        OperatorSnapshotUtil.writeStateHandle(snapshot, dir.resolve("v1.snapshot").toString());
        StateFixtures.writeLines(dir.resolve("v1-continuation.txt"), continuation(snapshot));
    }
}
