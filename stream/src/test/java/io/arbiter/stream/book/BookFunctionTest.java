package io.arbiter.stream.book;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

import io.arbiter.operators.book.BookInput;
import io.arbiter.operators.book.TestBookInputs;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.stream.ingest.DeadLetterOutput;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;

import static io.arbiter.operators.book.TestBookInputs.BOOK;
import static io.arbiter.operators.book.TestBookInputs.POLICY;
import static io.arbiter.operators.book.TestBookInputs.TWO_MODELS;
import static io.arbiter.operators.book.TestBookInputs.day;
import static io.arbiter.operators.book.TestBookInputs.fill;
import static io.arbiter.operators.book.TestBookInputs.signal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The book's operator under Flink's harness: what it emits and when, its timers and keyed state,
 * and a snapshot and restore in the middle of the stream.
 */
class BookFunctionTest {

    private static final List<String> SYMBOLS = List.of("AA", "BA", "CAT", "DD", "GE", "HD");

    private static KeyedOneInputStreamOperatorTestHarness<String, BookInput, GovernanceEvent>
            harness() throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new BookFunction(POLICY, TWO_MODELS, Set.of(BOOK), "exec.fills")),
                        BookInput::book,
                        Types.STRING);
        return harness;
    }

    private static List<BookInput> bar(long time) {
        return TestBookInputs.bar(time, SYMBOLS);
    }

    @Test
    void emitsABarsIntentsAndAllocationsOnlyOnceTheWatermarkPassesItWithOneStatePerBook()
            throws Exception {
        try (var harness = harness()) {
            harness.open();
            for (BookInput input : bar(day(1))) {
                harness.processElement(new StreamRecord<>(input, input.time()));
            }
            assertThat(sizeOf(harness.getSideOutput(BookFunction.INTENTS))).isZero();
            assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the bar's time
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // one state per book

            harness.processWatermark(new Watermark(day(1)));

            assertThat(values(harness.getSideOutput(BookFunction.INTENTS))).isNotEmpty();
            // The models registered on the book's first input: journal and first allocation.
            assertThat(harness.extractOutputValues())
                    .extracting(GovernanceEvent::getRuleId)
                    .contains("command.register-model");
            assertThat(values(harness.getSideOutput(BookFunction.ALLOCATIONS))).isNotEmpty();
            // Next: the governor's daily timer, within a timer period of the last input.
            assertThat(harness.numEventTimeTimers()).isEqualTo(1);
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void aWatermarkThatPassesManyBarsAtOnceActsOnEveryOneOfThemInTimeOrder() throws Exception {
        try (var harness = harness()) {
            harness.open();
            for (int d = 1; d <= 5; d++) {
                for (BookInput input : bar(day(d) + 1)) {
                    harness.processElement(new StreamRecord<>(input, input.time()));
                }
            }
            harness.processWatermark(new Watermark(day(5) + 1));

            assertThat(values(harness.getSideOutput(BookFunction.INTENTS))).isNotEmpty();
            // The daily allocations between the bars ran too, in order.
            assertThat(values(harness.getSideOutput(BookFunction.ALLOCATIONS)))
                    .extracting(a -> a.getTime().toEpochMilli())
                    .isSorted()
                    .contains(day(2), day(3), day(4), day(5));
            assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the next daily allocation
        }
    }

    @Test
    void runsTheDailyAllocationOnTheGovernorsTimerAndStopsWhenInputsStop() throws Exception {
        try (var harness = harness()) {
            harness.open();
            for (BookInput input : bar(day(1))) {
                harness.processElement(new StreamRecord<>(input, input.time()));
            }
            harness.processWatermark(new Watermark(day(1)));
            int before = sizeOf(harness.getSideOutput(BookFunction.ALLOCATIONS));

            harness.processWatermark(new Watermark(day(3)));

            List<AllocationEvent> allocations =
                    values(harness.getSideOutput(BookFunction.ALLOCATIONS));
            assertThat(allocations).hasSizeGreaterThan(before);
            assertThat(allocations.get(before).getTime().toEpochMilli()).isGreaterThan(day(1));
            // Nothing came in for more than a timer period: the book no longer wakes itself.
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aHaltCommandActsOnArrivalAndTheModelNoLongerTrades() throws Exception {
        try (var harness = harness()) {
            harness.open();
            BookInput first = signal("good", "AA", 0.7, day(0));
            harness.processElement(new StreamRecord<>(first, first.time()));
            harness.processWatermark(new Watermark(day(0)));
            harness.processElement(
                    new StreamRecord<>(
                            TestBookInputs.command(
                                    "c1", CommandType.HALT, "good", "{\"reason\": \"review\"}")));
            assertThat(harness.extractOutputValues())
                    .anySatisfy(
                            e -> {
                                assertThat(e.getKind()).isEqualTo(GovernanceKind.HALT);
                                assertThat(e.getCommandId()).isEqualTo("c1");
                            });
            int before = sizeOf(harness.getSideOutput(BookFunction.INTENTS));

            for (BookInput input : bar(day(1))) {
                harness.processElement(new StreamRecord<>(input, input.time()));
            }
            harness.processWatermark(new Watermark(day(1)));

            List<TradeIntent> intents = values(harness.getSideOutput(BookFunction.INTENTS));
            assertThat(intents.subList(before, intents.size()))
                    .isNotEmpty()
                    .extracting(TradeIntent::getModel)
                    .containsOnly("other");
        }
    }

    @Test
    void deadLettersAFillOfAnotherBookOrModelWithItsOffset() throws Exception {
        try (var harness = harness()) {
            harness.open();
            BookInput stranger = fill("f1", "stranger", Side.BUY, 3, 2.0, day(1), 41);
            BookInput.FillInput ours =
                    (BookInput.FillInput) fill("f2", "good", Side.BUY, 3, 2.0, day(1), 42);
            BookInput otherBook = new BookInput.FillInput("elsewhere", ours.fill());
            harness.processElement(new StreamRecord<>(stranger, stranger.time()));
            harness.processElement(new StreamRecord<>(otherBook, otherBook.time()));
            harness.processWatermark(new Watermark(day(1)));

            List<DeadLetter> letters = values(harness.getSideOutput(DeadLetterOutput.TAG));
            assertThat(letters)
                    .extracting(DeadLetter::getOffset, DeadLetter::getErrorClass)
                    .containsExactlyInAnyOrder(
                            Tuple.tuple(41L, "ledger"), Tuple.tuple(42L, "unknown-book"));
            assertThat(letters)
                    .allSatisfy(l -> assertThat(l.getSourceTopic()).isEqualTo("exec.fills"));
            // The bytes the source read, not the fill encoded again.
            assertThat(letters)
                    .extracting(l -> StandardCharsets.UTF_8.decode(l.getValue()).toString())
                    .containsExactlyInAnyOrder("raw f1", "raw f2");
        }
    }

    @Test
    void aBookSnapshottedAndRestoredMidStreamEmitsExactlyWhatAnUninterruptedOneEmits()
            throws Exception {
        List<List<BookInput>> days = new ArrayList<>();
        for (int d = 1; d <= 6; d++) {
            List<BookInput> inputs = new ArrayList<>(bar(day(d)));
            inputs.add(fill("e" + d, "good", Side.BUY, 10, 2.0, day(d), d * 10L));
            double exit = d % 2 == 0 ? 2.2 : 1.9;
            inputs.add(fill("x" + d, "good", Side.SELL, 10, exit, day(d) + 1, d * 10L + 1));
            days.add(inputs);
        }
        Transcript uninterrupted = new Transcript();
        try (var harness = harness()) {
            harness.open();
            for (int d = 0; d < days.size(); d++) {
                feedDay(harness, days.get(d), d + 1);
            }
            uninterrupted.add(harness);
        }

        Transcript resumed = new Transcript();
        OperatorSubtaskState snapshot;
        try (var first = harness()) {
            first.open();
            for (int d = 0; d < 3; d++) {
                feedDay(first, days.get(d), d + 1);
            }
            for (BookInput input : days.get(3)) { // day 4's inputs wait in the snapshot
                first.processElement(new StreamRecord<>(input, input.time()));
            }
            snapshot = first.snapshot(1L, 1L);
            resumed.add(first);
        }
        try (var second = harness()) {
            second.initializeState(snapshot);
            second.open();
            assertThat(second.numKeyedStateEntries()).isEqualTo(1);
            assertThat(second.numEventTimeTimers()).isPositive(); // the waiting inputs' time
            second.processWatermark(new Watermark(day(4) + 1));
            for (int d = 4; d < days.size(); d++) {
                feedDay(second, days.get(d), d + 1);
            }
            resumed.add(second);
        }
        assertThat(uninterrupted.intents).isNotEmpty();
        assertThat(uninterrupted.events).isNotEmpty();
        assertThat(resumed.events).isEqualTo(uninterrupted.events);
        assertThat(resumed.allocations).isEqualTo(uninterrupted.allocations);
        assertThat(resumed.intents).isEqualTo(uninterrupted.intents);
        assertThat(resumed.deadLetters).isEqualTo(uninterrupted.deadLetters);
    }

    private static void feedDay(
            KeyedOneInputStreamOperatorTestHarness<String, BookInput, GovernanceEvent> harness,
            List<BookInput> inputs,
            int d)
            throws Exception {
        for (BookInput input : inputs) {
            harness.processElement(new StreamRecord<>(input, input.time()));
        }
        harness.processWatermark(new Watermark(day(d) + 1));
    }

    /** Journal, allocations, intents and dead letters, as text, each kind in emission order. */
    private static final class Transcript {
        final List<String> events = new ArrayList<>();
        final List<String> allocations = new ArrayList<>();
        final List<String> intents = new ArrayList<>();
        final List<String> deadLetters = new ArrayList<>();

        void add(
                KeyedOneInputStreamOperatorTestHarness<String, BookInput, GovernanceEvent>
                        harness) {
            harness.extractOutputValues().forEach(e -> events.add(e.toString()));
            values(harness.getSideOutput(BookFunction.ALLOCATIONS))
                    .forEach(a -> allocations.add(a.toString()));
            values(harness.getSideOutput(BookFunction.INTENTS))
                    .forEach(i -> intents.add(i.toString()));
            values(harness.getSideOutput(DeadLetterOutput.TAG))
                    .forEach(l -> deadLetters.add(l.toString()));
        }
    }

    private static <T> List<T> values(Queue<StreamRecord<T>> records) {
        List<T> values = new ArrayList<>();
        if (records != null) {
            records.forEach(r -> values.add(r.getValue()));
        }
        return values;
    }

    private static int sizeOf(Queue<?> records) {
        return records == null ? 0 : records.size();
    }
}
