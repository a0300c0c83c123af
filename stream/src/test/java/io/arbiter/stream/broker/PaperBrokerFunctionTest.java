package io.arbiter.stream.broker;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

import io.arbiter.operators.broker.PaperBrokerTerms;
import io.arbiter.operators.broker.TestOrders;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.schemas.codec.AvroCodec;
import io.arbiter.stream.ingest.DeadLetterOutput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static io.arbiter.operators.broker.TestOrders.TERMS;
import static io.arbiter.operators.broker.TestOrders.bar;
import static io.arbiter.operators.broker.TestOrders.buy;
import static io.arbiter.operators.broker.TestOrders.day;
import static io.arbiter.operators.broker.TestOrders.intent;
import static io.arbiter.operators.broker.TestOrders.quiet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PaperBrokerFunctionTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    @Test
    void holdsOrdersAndBarsUntilTheWatermarkThenFillsInEventTimeOrder() throws Exception {
        try (var harness = harness(TERMS, 100)) {
            harness.open();
            // Arrival order: the day-2 bar, the day-1 bar, then the order decided on day 0.
            price(harness, bar(day(2), 102, 103, 101, 102));
            price(harness, bar(day(1), 100, 101, 99, 100.5));
            order(harness, buy("i1", day(0), 10, 5).build());

            assertThat(harness.extractOutputValues()).isEmpty();
            // A timer whenever the symbol's earliest held record changes: day 2, day 1, day 0.
            assertThat(harness.numEventTimeTimers()).isEqualTo(3);

            harness.processBothWatermarks(new Watermark(day(2).toEpochMilli()));
            List<Fill> fills = harness.extractOutputValues();
            // Entered at the day-1 bar's open, the first bar after the decision: 100 × 1.001.
            assertThat(fills).extracting(Fill::getFillId).containsExactly("i1-entry");
            assertThat(fills.get(0).getPrice()).isCloseTo(100.1, within(1e-9));
            assertThat(fills.get(0).getTime()).isEqualTo(day(1));
            assertThat(harness.numEventTimeTimers()).isZero();
            // The broker's state (one open position) stays; the emptied buffer is cleared.
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void barsGoBeforeOrdersOfTheSameTimeWhicheverArrivesFirst() throws Exception {
        // One waiting order at most. The order decided at the close of the day-1 bar must find
        // the queue freed by that bar, which entered the day-0 order at its open.
        PaperBrokerTerms oneWaiting = new PaperBrokerTerms(0.001, 0.001, 1, Duration.ofDays(4), 32);
        for (boolean orderFirst : new boolean[] {true, false}) {
            try (var harness = harness(oneWaiting, 100)) {
                harness.open();
                order(harness, buy("a", day(0), 1, 5).build());
                if (orderFirst) {
                    order(harness, buy("b", day(1), 1, 5).build());
                    price(harness, quiet(day(1)));
                } else {
                    price(harness, quiet(day(1)));
                    order(harness, buy("b", day(1), 1, 5).build());
                }
                harness.processBothWatermarks(new Watermark(day(1).toEpochMilli()));
                price(harness, quiet(day(2)));
                harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

                assertThat(deadLetters(harness)).as("order first: " + orderFirst).isEmpty();
                assertThat(harness.extractOutputValues())
                        .extracting(Fill::getFillId)
                        .containsExactly("a-entry", "b-entry");
            }
        }
    }

    @Test
    void shuffledArrivalWithinTheWatermarkBoundGivesExactlyTheSortedResult() throws Exception {
        List<Object> sorted = new ArrayList<>(TestOrders.randomWalk("MSFT", 300, 11));
        sorted.addAll(TestOrders.randomWalk("IBM", 300, 12));
        sorted.sort(Comparator.comparingLong(PaperBrokerFunctionTest::timeOf));
        List<Object> shuffled = new ArrayList<>(sorted);
        Random random = new Random(42);
        for (int from = 0; from < shuffled.size(); from += 10) {
            Collections.shuffle(
                    shuffled.subList(from, Math.min(shuffled.size(), from + 10)), random);
        }

        Run straight = runInBlocks(sorted);
        Run mixed = runInBlocks(shuffled);
        assertThat(straight.fills).hasSizeGreaterThan(200);
        assertThat(straight.deadLetters).isNotEmpty(); // orders left when the input ended
        assertThat(mixed.fills.toString()).isEqualTo(straight.fills.toString());
        assertThat(mixed.deadLetters.toString()).isEqualTo(straight.deadLetters.toString());
    }

    @Test
    void deadLettersRefusedOrdersWithTheirReasonAndTheOrderWhole() throws Exception {
        // One bar held: once the day-2 bar is processed, the day-1 bar is gone.
        PaperBrokerTerms oneBar = new PaperBrokerTerms(0.001, 0.001, 3, Duration.ofDays(4), 1);
        try (var harness = harness(oneBar, 100)) {
            harness.open();
            price(harness, quiet(day(1)));
            price(harness, quiet(day(2)));
            harness.processBothWatermarks(new Watermark(day(2).toEpochMilli()));
            TradeIntent crossed = intent("crossed", day(3), Side.BUY, 1, 95, 110, 5).build();
            order(harness, crossed);
            order(harness, buy("late", day(0), 1, 5).build()); // its entry bar, day 1, is gone
            order(harness, buy("a", day(3), 1, 5).build());
            order(harness, buy("a", day(3), 1, 5).build());
            order(harness, buy("b", day(3), 1, 5).build());
            order(harness, buy("c", day(3), 1, 5).build());
            order(harness, buy("d", day(3), 1, 5).build()); // the 4th waiting order: full
            harness.processBothWatermarks(new Watermark(day(3).toEpochMilli()));

            List<DeadLetter> letters = deadLetters(harness);
            // Released in order: late (day 0) at once, then day 3 by id: a, a, b, c, crossed, d.
            assertThat(letters)
                    .extracting(DeadLetter::getErrorClass)
                    .containsExactly("late", "duplicate", "invalid", "queue-full");
            assertThat(letters.get(0).getReason())
                    .isEqualTo(
                            "late: order late of MSFT decided at "
                                    + day(0)
                                    + " arrived after the bar at "
                                    + day(2)
                                    + " was processed, and its entry bar is no longer held (the"
                                    + " broker keeps the last 1 bars of MSFT; orders decided"
                                    + " before "
                                    + day(1)
                                    + " cannot be replayed)");
            assertThat(letters.get(2).getReason())
                    .isEqualTo(
                            "invalid: order crossed of MSFT: stopLoss: stop-loss 110.0 is not"
                                    + " below take-profit 95.0 of a BUY");
            assertThat(letters)
                    .allSatisfy(
                            letter -> {
                                assertThat(letter.getStage()).isEqualTo("paper-broker");
                                assertThat(letter.getSourceTopic()).isEqualTo("orders.intents");
                                assertThat(letter.getPartition()).isEqualTo(-1);
                            });
            AvroCodec<TradeIntent> codec = AvroCodec.of(TradeIntent.class);
            assertThat(codec.decode(letters.get(2).getValue().array())).isEqualTo(crossed);
            assertThat(letters.get(2).getTime()).isEqualTo(day(3));
        }
    }

    @Test
    void ordersArrivingBehindTheWatermarkAfterLaterBarsFillAsIfTheyHadArrivedInTime()
            throws Exception {
        // As in the demo: orders become visible only after the planner's checkpoint, while the
        // bars alone move the watermark. Each order comes 12 bars of its symbol late, long behind
        // the watermark, and is replayed against the 32 bars held.
        List<Object> msft = TestOrders.randomWalk("MSFT", 300, 11);
        List<Object> ibm = TestOrders.randomWalk("IBM", 300, 12);
        List<Object> sorted = new ArrayList<>(msft);
        sorted.addAll(ibm);
        sorted.sort(Comparator.comparingLong(PaperBrokerFunctionTest::timeOf));
        Run inTime = runInBlocks(sorted);

        List<Object> late =
                interleave(TestOrders.delayed(msft, o -> 12), TestOrders.delayed(ibm, o -> 12));
        List<String> fills = new ArrayList<>();
        List<String> letters = new ArrayList<>();
        try (var harness = harness(TERMS, 10_000)) {
            harness.open();
            for (Object event : late) {
                if (event instanceof Bar bar) {
                    price(harness, bar);
                    harness.processBothWatermarks(new Watermark(timeOf(bar)));
                } else {
                    order(harness, (TradeIntent) event);
                }
            }
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            harness.extractOutputValues().forEach(f -> fills.add(f.toString()));
            deadLetters(harness).forEach(l -> letters.add(orderAndClass(l)));
        }
        assertThat(inTime.fills).hasSizeGreaterThan(200);
        assertThat(fills.stream().sorted().toList())
                .isEqualTo(inTime.fills.stream().sorted().toList());
        assertThat(letters.stream().sorted().toList())
                .isEqualTo(inTime.deadLetterClasses.stream().sorted().toList());
    }

    /**
     * Two symbols' records merged by the time of the latest bar seen in each list (an order goes
     * with the bar it came after), each list keeping its own order.
     */
    private static List<Object> interleave(List<Object> first, List<Object> second) {
        record Keyed(long key, Object event) {}
        List<Keyed> keyed = new ArrayList<>();
        for (List<Object> list : List.of(first, second)) {
            long key = Long.MIN_VALUE;
            for (Object event : list) {
                if (event instanceof Bar bar) {
                    key = timeOf(bar);
                }
                keyed.add(new Keyed(key, event));
            }
        }
        keyed.sort(Comparator.comparingLong(Keyed::key)); // stable: each list keeps its order
        return keyed.stream().map(Keyed::event).toList();
    }

    @Test
    void anOrderForASymbolThatNeverTradesIsDroppedOnceEventTimePassesItsDeadline()
            throws Exception {
        try (var harness = harness(TERMS, 100)) {
            harness.open();
            order(harness, buy("ibm", day(0), 1, 5).setSymbol("IBM").build());
            price(harness, quiet(day(1))); // MSFT trades, IBM never does
            harness.processBothWatermarks(new Watermark(day(1).toEpochMilli()));
            // Released to IBM's broker, waiting; one timer at its deadline (day 4).
            assertThat(deadLetters(harness)).isEmpty();
            assertThat(harness.numEventTimeTimers()).isEqualTo(1);

            harness.processBothWatermarks(new Watermark(day(4).toEpochMilli()));
            assertThat(deadLetters(harness))
                    .singleElement()
                    .satisfies(
                            letter -> {
                                assertThat(letter.getErrorClass()).isEqualTo("stale");
                                assertThat(letter.getReason())
                                        .isEqualTo(
                                                "stale: no IBM bar came within PT96H after the"
                                                        + " decision at "
                                                        + day(0));
                            });
            assertThat(harness.numEventTimeTimers()).isZero();
            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void boundsTheRecordsHeldPerSymbolForTheWatermark() throws Exception {
        try (var harness = harness(TERMS, 2)) {
            harness.open();
            order(harness, buy("a", day(0), 1, 5).build());
            price(harness, quiet(day(1)));
            order(harness, buy("b", day(1), 1, 5).build()); // a third held record
            price(harness, quiet(day(2))); // ignored and counted, never dead-lettered
            assertThat(deadLetters(harness))
                    .extracting(DeadLetter::getErrorClass)
                    .containsExactly("buffer-full");
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            assertThat(harness.extractOutputValues())
                    .extracting(Fill::getFillId)
                    .containsExactly("a-entry");
        }
    }

    @Test
    void aRunSnapshottedAndRestoredMidStreamEmitsExactlyWhatAnUninterruptedRunEmits()
            throws Exception {
        List<Object> events = new ArrayList<>(TestOrders.randomWalk("MSFT", 200, 5));
        events.addAll(TestOrders.randomWalk("IBM", 200, 6));
        events.sort(Comparator.comparingLong(PaperBrokerFunctionTest::timeOf));
        Run uninterrupted = runInBlocks(events);

        List<String> resumed = new ArrayList<>();
        List<String> resumedLetters = new ArrayList<>();
        int half = events.size() / 2;
        OperatorSubtaskState snapshot;
        try (var first = harness(TERMS, 10_000)) {
            first.open();
            feedInBlocks(first, events.subList(0, half));
            snapshot = first.snapshot(1L, 1L);
            first.extractOutputValues().forEach(f -> resumed.add(f.toString()));
            deadLetters(first).forEach(l -> resumedLetters.add(l.toString()));
        }
        try (var second = harness(TERMS, 10_000)) {
            second.initializeState(snapshot);
            second.open();
            // Records held for the watermark, waiting orders and their timers survived.
            assertThat(second.numEventTimeTimers()).isPositive();
            feedInBlocks(second, events.subList(half, events.size()));
            second.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            second.extractOutputValues().forEach(f -> resumed.add(f.toString()));
            deadLetters(second).forEach(l -> resumedLetters.add(l.toString()));
        }
        assertThat(sortedBySymbol(resumed)).isEqualTo(uninterrupted.fills);
        assertThat(sortedBySymbol(resumedLetters)).isEqualTo(uninterrupted.deadLetters);
    }

    /**
     * @param deadLetterClasses each dead letter's order id and error class: stale orders give the
     *     same ones however their records interleave, their reason may say how they went stale
     */
    private record Run(
            List<String> fills, List<String> deadLetters, List<String> deadLetterClasses) {}

    /** Feeds records 10 at a time, the watermark 6 days behind the newest after each block. */
    private static Run runInBlocks(List<Object> events) throws Exception {
        try (var harness = harness(TERMS, 10_000)) {
            harness.open();
            feedInBlocks(harness, events);
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            List<String> fills = new ArrayList<>();
            harness.extractOutputValues().forEach(f -> fills.add(f.toString()));
            List<String> letters = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            deadLetters(harness)
                    .forEach(
                            l -> {
                                letters.add(l.toString());
                                classes.add(orderAndClass(l));
                            });
            return new Run(sortedBySymbol(fills), sortedBySymbol(letters), classes);
        }
    }

    private static void feedInBlocks(
            KeyedTwoInputStreamOperatorTestHarness<String, TradeIntent, Bar, Fill> harness,
            List<Object> events)
            throws Exception {
        for (int from = 0; from < events.size(); from += 10) {
            long newest = Long.MIN_VALUE;
            for (Object event : events.subList(from, Math.min(events.size(), from + 10))) {
                if (event instanceof Bar bar) {
                    price(harness, bar);
                } else {
                    order(harness, (TradeIntent) event);
                }
                newest = Math.max(newest, timeOf(event));
            }
            harness.processBothWatermarks(new Watermark(newest - 6 * DAY));
        }
    }

    /**
     * Across symbols the output order follows timer order; within a symbol it is fixed. A stable
     * sort by symbol keeps each symbol's own order.
     */
    private static List<String> sortedBySymbol(List<String> records) {
        List<String> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(r -> r.contains("IBM") ? 0 : 1));
        return sorted;
    }

    private static String orderAndClass(DeadLetter letter) {
        try {
            TradeIntent order = AvroCodec.of(TradeIntent.class).decode(letter.getValue().array());
            return order.getIntentId() + " " + letter.getErrorClass();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long timeOf(Object event) {
        return event instanceof Bar bar
                ? bar.getTime().toEpochMilli()
                : ((TradeIntent) event).getTime().toEpochMilli();
    }

    private static List<DeadLetter> deadLetters(
            KeyedTwoInputStreamOperatorTestHarness<String, TradeIntent, Bar, Fill> harness) {
        List<DeadLetter> letters = new ArrayList<>();
        var side = harness.getSideOutput(DeadLetterOutput.TAG);
        if (side != null) {
            side.forEach(record -> letters.add(record.getValue()));
        }
        return letters;
    }

    private static void order(
            KeyedTwoInputStreamOperatorTestHarness<String, TradeIntent, Bar, Fill> harness,
            TradeIntent intent)
            throws Exception {
        harness.processElement1(new StreamRecord<>(intent, intent.getTime().toEpochMilli()));
    }

    private static void price(
            KeyedTwoInputStreamOperatorTestHarness<String, TradeIntent, Bar, Fill> harness, Bar bar)
            throws Exception {
        harness.processElement2(new StreamRecord<>(bar, bar.getTime().toEpochMilli()));
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, TradeIntent, Bar, Fill> harness(
            PaperBrokerTerms terms, int maxPending) throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(
                        new PaperBrokerFunction(terms, maxPending, "orders.intents")),
                TradeIntent::getSymbol,
                Bar::getSymbol,
                Types.STRING);
    }
}
