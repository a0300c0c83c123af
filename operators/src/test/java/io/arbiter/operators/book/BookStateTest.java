package io.arbiter.operators.book;

import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.arbiter.operators.book.TestBookInputs.BOOK;
import static io.arbiter.operators.book.TestBookInputs.POLICY;
import static io.arbiter.operators.book.TestBookInputs.TWO_MODELS;
import static io.arbiter.operators.book.TestBookInputs.day;
import static io.arbiter.operators.book.TestBookInputs.fill;
import static io.arbiter.operators.book.TestBookInputs.signal;
import static org.assertj.core.api.Assertions.assertThat;

class BookStateTest {

    private static final List<String> SYMBOLS =
            List.of("AA", "BA", "CAT", "DD", "GE", "HD", "IBM", "JNJ", "KO", "MMM");

    private static List<BookInput> barOfSignals(long time) {
        return TestBookInputs.bar(time, SYMBOLS);
    }

    @Test
    void plansABarsSignalsOnceTheWatermarkPassesWhateverTheirArrivalOrder() {
        List<BookInput> inputs = barOfSignals(day(1));
        List<BookInput> reversed = new ArrayList<>(inputs);
        Collections.reverse(reversed);

        RecordingOutput forward = run(inputs, day(0), day(1));
        RecordingOutput backward = run(reversed, day(0), day(1));

        assertThat(forward.intents).isNotEmpty();
        assertThat(forward.intents)
                .extracting(TradeIntent::getTime)
                .containsOnly(java.time.Instant.ofEpochMilli(day(1)));
        assertThat(backward.transcript()).isEqualTo(forward.transcript());
    }

    @Test
    void holdsInputsUntilTheWatermarkPassesTheirTime() {
        BookState book = BookState.open(BOOK, POLICY);
        RecordingOutput out = new RecordingOutput();
        for (BookInput input : barOfSignals(day(1))) {
            book.offer(input, day(0), TWO_MODELS, out);
        }
        assertThat(out.intents).isEmpty();
        assertThat(book.waitingInputs()).isEqualTo(2 * SYMBOLS.size());
        assertThat(book.nextWakeUp()).isEqualTo(day(1));

        book.advance(day(1), TWO_MODELS, out);
        assertThat(book.waitingInputs()).isZero();
        assertThat(out.intents).isNotEmpty();
    }

    @Test
    void aHaltedModelsSignalsAreNeverTraded() {
        BookState book = BookState.open(BOOK, POLICY);
        RecordingOutput out = new RecordingOutput();
        book.offer(signal("good", "AA", 0.7, day(0)), Long.MIN_VALUE, TWO_MODELS, out);
        book.advance(day(0), TWO_MODELS, out);
        book.offer(
                TestBookInputs.command(
                        "c1", CommandType.HALT, "good", "{\"reason\": \"desk review\"}"),
                day(0),
                TWO_MODELS,
                out);
        assertThat(out.events)
                .anySatisfy(
                        e -> {
                            assertThat(e.getKind()).isEqualTo(GovernanceKind.HALT);
                            assertThat(e.getModel()).isEqualTo("good");
                            assertThat(e.getCommandId()).isEqualTo("c1");
                        });
        int before = out.intents.size();

        for (BookInput input : barOfSignals(day(1))) {
            book.offer(input, day(0), TWO_MODELS, out);
        }
        book.advance(day(1), TWO_MODELS, out);

        List<TradeIntent> after = out.intents.subList(before, out.intents.size());
        assertThat(after).isNotEmpty().extracting(TradeIntent::getModel).containsOnly("other");
    }

    @Test
    void aFillBehindTheWatermarkActsAtOnce() {
        BookState book = BookState.open(BOOK, POLICY);
        RecordingOutput out = new RecordingOutput();
        book.advance(day(2), TWO_MODELS, out);
        book.offer(fill("f1", "good", Side.BUY, 3, 2.0, day(1), 7), day(2), TWO_MODELS, out);
        assertThat(out.booked).isEqualTo(1);
        assertThat(book.waitingInputs()).isZero();
    }

    @Test
    void refusesAFillOfAModelTheBookDoesNotHoldWithItsOffset() {
        BookState book = BookState.open(BOOK, POLICY);
        RecordingOutput out = new RecordingOutput();
        book.offer(fill("f1", "stranger", Side.BUY, 3, 2.0, day(1), 41), day(0), TWO_MODELS, out);
        book.advance(day(1), TWO_MODELS, out);
        assertThat(out.refused)
                .singleElement()
                .asString()
                .startsWith("41 ledger:")
                .contains("stranger");
    }

    @Test
    void wakesForTheGovernorOnlyWithinOneTimerPeriodOfItsLastInput() {
        BookState book = BookState.open(BOOK, POLICY);
        RecordingOutput out = new RecordingOutput();
        book.offer(signal("good", "AA", 0.7, day(1)), day(0), TWO_MODELS, out);
        book.advance(day(1), TWO_MODELS, out);
        long period = POLICY.allocation().timerPeriod().toMillis();
        long next = book.nextWakeUp();
        assertThat(next).isGreaterThan(day(1)).isLessThanOrEqualTo(day(1) + period);

        book.advance(day(1) + period, TWO_MODELS, out);
        book.advance(day(1) + 3 * period, TWO_MODELS, out);
        assertThat(book.nextWakeUp()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theFinalWatermarkOfABoundedRunEndsTheBookWithoutRunningItsClockToTheEndOfTime() {
        BookState book = BookState.open(BOOK, POLICY);
        RecordingOutput out = new RecordingOutput();
        book.offer(signal("good", "AA", 0.7, day(1)), day(0), TWO_MODELS, out);
        book.advance(Long.MAX_VALUE, TWO_MODELS, out);
        assertThat(book.waitingInputs()).isZero();
        assertThat(book.nextWakeUp()).isEqualTo(Long.MAX_VALUE);
        // Daily allocations stop a timer period after the last input.
        assertThat(out.allocations)
                .allSatisfy(
                        a -> assertThat(a.getTime().toEpochMilli()).isLessThanOrEqualTo(day(2)));
    }

    @Test
    void aBookRestoredMidStreamDecidesExactlyAsAnUninterruptedOne() throws IOException {
        List<List<BookInput>> days = new ArrayList<>();
        for (int d = 1; d <= 6; d++) {
            List<BookInput> inputs = new ArrayList<>(barOfSignals(day(d)));
            // Every entry of the previous day's intents is filled and closed the next day.
            inputs.add(fill("e" + d, "good", Side.BUY, 10, 2.0, day(d), d * 10));
            inputs.add(
                    fill(
                            "x" + d,
                            "good",
                            Side.SELL,
                            10,
                            d % 2 == 0 ? 2.2 : 1.9,
                            day(d) + 1,
                            d * 10 + 1));
            days.add(inputs);
        }
        RecordingOutput whole = new RecordingOutput();
        BookState uninterrupted = BookState.open(BOOK, POLICY);
        for (int d = 0; d < days.size(); d++) {
            feedDay(uninterrupted, days.get(d), d + 1, whole);
        }

        RecordingOutput split = new RecordingOutput();
        BookState first = BookState.open(BOOK, POLICY);
        for (int d = 0; d < 3; d++) {
            feedDay(first, days.get(d), d + 1, split);
        }
        // Inputs of day 4 wait when the state is saved.
        for (BookInput input : days.get(3)) {
            first.offer(input, day(3), TWO_MODELS, split);
        }
        BookState restored = restore(bytes(first));
        assertThat(bytes(restored)).isEqualTo(bytes(first));
        restored.advance(day(4), TWO_MODELS, split);
        for (int d = 4; d < days.size(); d++) {
            feedDay(restored, days.get(d), d + 1, split);
        }

        assertThat(whole.booked).isPositive();
        assertThat(split.transcript()).isEqualTo(whole.transcript());
        assertThat(bytes(restored)).isEqualTo(bytes(uninterrupted));
    }

    private static void feedDay(
            BookState book, List<BookInput> inputs, int d, RecordingOutput out) {
        for (BookInput input : inputs) {
            book.offer(input, day(d - 1), TWO_MODELS, out);
        }
        book.advance(day(d) + 1, TWO_MODELS, out);
    }

    private static RecordingOutput run(List<BookInput> inputs, long watermark, long until) {
        BookState book = BookState.open(BOOK, POLICY);
        RecordingOutput out = new RecordingOutput();
        for (BookInput input : inputs) {
            book.offer(input, watermark, TWO_MODELS, out);
        }
        book.advance(until, TWO_MODELS, out);
        return out;
    }

    private static byte[] bytes(BookState book) throws IOException {
        return BookStateFixture.bytes(book);
    }

    private static BookState restore(byte[] bytes) throws IOException {
        return BookStateFixture.read(bytes);
    }
}
