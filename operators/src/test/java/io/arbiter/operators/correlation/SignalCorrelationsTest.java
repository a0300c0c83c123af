package io.arbiter.operators.correlation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SignalCorrelationsTest {

    private static final long BEGINNING = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
    private static final long ONE_MINUTE = Duration.ofMinutes(1).toMillis();
    private static final long ONE_DAY = Duration.ofDays(1).toMillis();

    private static SignalCorrelations thirtyDays() {
        return new SignalCorrelations(Duration.ofDays(1), 30, Duration.ofHours(1));
    }

    @Test
    void identicalSignalsCorrelateOneAndNegatedOnesMinusOne() {
        SignalCorrelations book = thirtyDays();
        SplittableRandom random = new SplittableRandom(1);
        List<PairCorrelation> last = List.of();
        for (int bar = 0; bar < 200; bar++) {
            long time = BEGINNING + bar * ONE_MINUTE;
            double p = random.nextDouble();
            book.observe("alpha", "AAPL", time, p);
            book.observe("beta", "AAPL", time, p);
            last = book.observe("gamma", "AAPL", time, 1 - p);
        }
        assertThat(last).hasSize(2);
        assertThat(book.pairs())
                .extracting(PairCorrelation::first, PairCorrelation::second)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alpha", "beta"),
                        org.assertj.core.groups.Tuple.tuple("alpha", "gamma"),
                        org.assertj.core.groups.Tuple.tuple("beta", "gamma"));
        List<PairCorrelation> pairs = book.pairs();
        assertThat(pairs.get(0).correlation()).isCloseTo(1, within(1e-12));
        assertThat(pairs.get(1).correlation()).isCloseTo(-1, within(1e-12));
        assertThat(pairs.get(2).correlation()).isCloseTo(-1, within(1e-12));
        assertThat(pairs.get(0).observations()).isEqualTo(200);
    }

    @Test
    void independentSignalsCorrelateNearZero() {
        SignalCorrelations book = thirtyDays();
        SplittableRandom a = new SplittableRandom(10);
        SplittableRandom b = new SplittableRandom(20);
        for (int bar = 0; bar < 5_000; bar++) {
            long time = BEGINNING + bar * ONE_MINUTE;
            book.observe("alpha", "AAPL", time, a.nextDouble());
            book.observe("beta", "AAPL", time, b.nextDouble());
        }
        // Standard error of r for 5,000 independent pairs is about 1/sqrt(5000) = 0.014.
        assertThat(Math.abs(book.pairs().get(0).correlation())).isLessThan(0.05);
    }

    @Test
    void onlySignalsOfTheSameSymbolAndBarTimeAreAligned() {
        SignalCorrelations book = thirtyDays();
        assertThat(book.observe("alpha", "AAPL", BEGINNING, 0.6)).isEmpty();
        assertThat(book.observe("beta", "MSFT", BEGINNING, 0.6)).isEmpty();
        assertThat(book.observe("beta", "AAPL", BEGINNING + ONE_MINUTE, 0.6)).isEmpty();
        List<PairCorrelation> pair = book.observe("beta", "AAPL", BEGINNING, 0.7);
        assertThat(pair).hasSize(1);
        assertThat(pair.get(0).observations()).isEqualTo(1);
        assertThat(pair.get(0).correlation()).as("one observation").isNaN();
        // The model that sorts first gives x, whichever arrived first.
        book.observe("beta", "AAPL", BEGINNING + 2 * ONE_MINUTE, 0.9);
        book.observe("alpha", "AAPL", BEGINNING + 2 * ONE_MINUTE, 0.1);
        book.observe("alpha", "AAPL", BEGINNING + 3 * ONE_MINUTE, 0.5);
        // alpha (x): 0.6, 0.1, 0.5; beta (y): 0.7, 0.9, 0.6 — alpha low when beta high.
        assertThat(
                        book.observe("beta", "AAPL", BEGINNING + 3 * ONE_MINUTE, 0.6)
                                .get(0)
                                .correlation())
                .isNegative();
    }

    @Test
    void observationsOlderThanTheWindowAreForgottenAndSoAreIdlePairs() {
        SignalCorrelations book = thirtyDays();
        // Day 0: perfectly correlated; day 20: perfectly anti-correlated.
        for (int i = 0; i < 10; i++) {
            book.observe("alpha", "AAPL", BEGINNING + i * ONE_MINUTE, i);
            book.observe("beta", "AAPL", BEGINNING + i * ONE_MINUTE, i);
        }
        for (int i = 0; i < 10; i++) {
            long later = BEGINNING + 20 * ONE_DAY + i * ONE_MINUTE;
            book.observe("alpha", "AAPL", later, i);
            book.observe("beta", "AAPL", later, -i);
        }
        assertThat(book.pairs().get(0).observations()).isEqualTo(20);
        assertThat(book.pairs().get(0).correlation()).isCloseTo(0, within(1e-12));

        book.observe("gamma", "MSFT", BEGINNING + 30 * ONE_DAY, 0.5); // day 0 leaves the window
        assertThat(book.pairs().get(0).observations()).isEqualTo(10);
        assertThat(book.pairs().get(0).correlation()).isCloseTo(-1, within(1e-12));

        book.observe("gamma", "MSFT", BEGINNING + 50 * ONE_DAY, 0.5); // day 20 leaves too
        assertThat(book.pairs()).isEmpty();
    }

    @Test
    void signalsWaitForPartnersOnlyWithinTheHorizon() {
        SignalCorrelations book = thirtyDays(); // one hour
        book.observe("alpha", "AAPL", BEGINNING, 0.5);
        book.observe("alpha", "AAPL", BEGINNING + 59 * ONE_MINUTE, 0.5);
        assertThat(book.pendingSignals()).isEqualTo(2);

        book.observe("alpha", "AAPL", BEGINNING + 61 * ONE_MINUTE, 0.5);
        assertThat(book.pendingSignals()).as("the first one expired").isEqualTo(2);
        assertThat(book.observe("beta", "AAPL", BEGINNING, 0.5)).as("too late").isEmpty();
        assertThat(book.ignored()).isEqualTo(1);
        assertThat(book.observe("beta", "AAPL", BEGINNING + 59 * ONE_MINUTE, 0.5)).hasSize(1);
    }

    @Test
    void repeatedAndNonFiniteSignalsAreIgnoredAndCounted() {
        SignalCorrelations book = thirtyDays();
        book.observe("alpha", "AAPL", BEGINNING, 0.5);
        assertThat(book.observe("alpha", "AAPL", BEGINNING, 0.9)).isEmpty();
        assertThat(book.observe("beta", "AAPL", BEGINNING, Double.NaN)).isEmpty();
        assertThat(book.ignored()).isEqualTo(2);
        assertThat(book.observe("beta", "AAPL", BEGINNING, 0.4)).hasSize(1);
        assertThat(book.pendingSignals()).isEqualTo(2);
    }

    @Test
    void aRestoredBookContinuesExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(12);
        String[] models = {"alpha", "beta", "gamma"};
        String[] symbols = {"AAPL", "MSFT"};
        SignalCorrelations uninterrupted = thirtyDays();
        SignalCorrelations restored = thirtyDays();
        for (int i = 0; i < 3_000; i++) {
            if (i == 10 || i == 1_500) {
                restored =
                        StateBytes.read(
                                StateBytes.of(restored::writeTo), SignalCorrelations::readFrom);
            }
            long time = BEGINNING + (i / 6) * 30 * ONE_MINUTE;
            String model = models[random.nextInt(3)];
            String symbol = symbols[random.nextInt(2)];
            double value = random.nextDouble();
            assertThat(restored.observe(model, symbol, time, value))
                    .isEqualTo(uninterrupted.observe(model, symbol, time, value));
        }
        assertThat(StateBytes.of(restored::writeTo))
                .isEqualTo(StateBytes.of(uninterrupted::writeTo));
        assertThat(restored.pairs()).isEqualTo(uninterrupted.pairs());
    }
}
