package io.arbiter.operators.ledger;

import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.arbiter.operators.ledger.TestFills.BEGINNING;
import static io.arbiter.operators.ledger.TestFills.BOOK;
import static io.arbiter.operators.ledger.TestFills.MODEL;
import static io.arbiter.operators.ledger.TestFills.ONE_HOUR_LATER;
import static io.arbiter.operators.ledger.TestFills.THREE_HOURS_LATER;
import static io.arbiter.operators.ledger.TestFills.TWO_HOURS_LATER;
import static io.arbiter.operators.ledger.TestFills.buy;
import static io.arbiter.operators.ledger.TestFills.ledger;
import static io.arbiter.operators.ledger.TestFills.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FifoLedgerTest {

    private static final double EPS = 1e-12;

    @Test
    void closesALongRoundTripNetOfBothFees() {
        FifoLedger ledger = ledger();

        assertThat(ledger.apply(buy("f1", "AAPL", 10, 100, 1.0, BEGINNING)).closed()).isEmpty();
        List<RoundTrip> closed =
                ledger.apply(sell("f2", "AAPL", 10, 110, 1.1, ONE_HOUR_LATER)).closed();

        assertThat(closed).hasSize(1);
        RoundTrip trip = closed.get(0);
        assertThat(trip.book()).isEqualTo(BOOK);
        assertThat(trip.model()).isEqualTo(MODEL);
        assertThat(trip.modelVersion()).isEqualTo("v1");
        assertThat(trip.symbol()).isEqualTo("AAPL");
        assertThat(trip.direction()).isEqualTo(Direction.LONG);
        assertThat(trip.qty()).isEqualTo(10);
        assertThat(trip.entryPrice()).isEqualTo(100);
        assertThat(trip.exitPrice()).isEqualTo(110);
        // (110 - 100) * 10 = 100 gross; fees 1.0 + 1.1 = 2.1; net 97.9 on 1000 of notional.
        assertThat(trip.grossPnl()).isCloseTo(100, within(EPS));
        assertThat(trip.fees()).isCloseTo(2.1, within(EPS));
        assertThat(trip.netPnl()).isCloseTo(97.9, within(EPS));
        assertThat(trip.returnOnNotional()).isCloseTo(0.0979, within(EPS));
        assertThat(trip.entryInstant()).isEqualTo(BEGINNING);
        assertThat(trip.exitInstant()).isEqualTo(ONE_HOUR_LATER);
        assertThat(trip.holdingMillis()).isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(trip.entryFillId()).isEqualTo("f1");
        assertThat(trip.exitFillId()).isEqualTo("f2");
        assertThat(trip.exitFills()).isEqualTo(1);
        assertThat(trip.isWin()).isTrue();
        assertThat(ledger.openUnits("AAPL")).isZero();
        assertThat(ledger.openSymbols()).isZero();
    }

    @Test
    void closesAShortWhenBoughtBack() {
        FifoLedger ledger = ledger();

        ledger.apply(sell("f1", "MSFT", 10, 50, 0.5, BEGINNING));
        assertThat(ledger.openUnits("MSFT")).isEqualTo(-10);
        RoundTrip trip =
                ledger.apply(buy("f2", "MSFT", 10, 45, 0.45, ONE_HOUR_LATER)).closed().get(0);

        // Short 10 from 50 to 45: gross 50, fees 0.95, net 49.05 on 500 of notional.
        assertThat(trip.direction()).isEqualTo(Direction.SHORT);
        assertThat(trip.grossPnl()).isCloseTo(50, within(EPS));
        assertThat(trip.fees()).isCloseTo(0.95, within(EPS));
        assertThat(trip.netPnl()).isCloseTo(49.05, within(EPS));
        assertThat(trip.returnOnNotional()).isCloseTo(0.0981, within(EPS));
    }

    @Test
    void aLotClosedByTwoPartialExitsIsOneRoundTripAtTheirQuantityWeightedPrice() {
        FifoLedger ledger = ledger();
        ledger.apply(buy("f1", "AAPL", 10, 100, 2.0, BEGINNING));

        FillOutcome partial = ledger.apply(sell("f2", "AAPL", 4, 105, 0.4, ONE_HOUR_LATER));
        assertThat(partial.isApplied()).isTrue();
        assertThat(partial.closed()).isEmpty();
        assertThat(ledger.openUnits("AAPL")).isCloseTo(6, within(EPS));

        RoundTrip trip =
                ledger.apply(sell("f3", "AAPL", 6, 110, 0.6, TWO_HOURS_LATER)).closed().get(0);
        // gross 4 * 5 + 6 * 10 = 80; exit price (4 * 105 + 6 * 110) / 10 = 108;
        // fees 2.0 + 0.4 + 0.6 = 3.0; net 77.
        assertThat(trip.qty()).isEqualTo(10);
        assertThat(trip.exitPrice()).isCloseTo(108, within(EPS));
        assertThat(trip.grossPnl()).isCloseTo(80, within(EPS));
        assertThat(trip.fees()).isCloseTo(3.0, within(EPS));
        assertThat(trip.netPnl()).isCloseTo(77, within(EPS));
        assertThat(trip.exitFills()).isEqualTo(2);
        assertThat(trip.exitFillId()).isEqualTo("f3");
        assertThat(trip.exitInstant()).isEqualTo(TWO_HOURS_LATER);
    }

    @Test
    void oneExitClosingTwoLotsCompletesTwoRoundTripsOldestFirstAndSplitsItsFee() {
        FifoLedger ledger = ledger();
        ledger.apply(buy("f1", "AAPL", 5, 100, 0.5, BEGINNING));
        Fill second = buy("f2", "AAPL", 5, 102, 0.5, ONE_HOUR_LATER);
        second.setModelVersion("v2");
        ledger.apply(second);

        List<RoundTrip> closed =
                ledger.apply(sell("f3", "AAPL", 10, 101, 1.0, TWO_HOURS_LATER)).closed();

        assertThat(closed).extracting(RoundTrip::entryFillId).containsExactly("f1", "f2");
        assertThat(closed).extracting(RoundTrip::modelVersion).containsExactly("v1", "v2");
        // Lot 1: 5 * (101 - 100) = 5 gross, fees 0.5 + 1.0 * 5/10 = 1.0, net 4.
        assertThat(closed.get(0).netPnl()).isCloseTo(4, within(EPS));
        // Lot 2: 5 * (101 - 102) = -5 gross, fees 0.5 + 0.5 = 1.0, net -6.
        assertThat(closed.get(1).grossPnl()).isCloseTo(-5, within(EPS));
        assertThat(closed.get(1).fees()).isCloseTo(1.0, within(EPS));
        assertThat(closed.get(1).netPnl()).isCloseTo(-6, within(EPS));
        assertThat(closed.get(1).isWin()).isFalse();
    }

    @Test
    void aFillLargerThanThePositionClosesItAndOpensTheOtherSideWithTheRest() {
        FifoLedger ledger = ledger();
        ledger.apply(buy("f1", "EURUSD", 10, 100, 1.0, BEGINNING));

        List<RoundTrip> closed =
                ledger.apply(sell("f2", "EURUSD", 15, 98, 1.5, ONE_HOUR_LATER)).closed();

        // Closes 10 of 15: exit fee share 1.5 * 10/15 = 1.0; gross 10 * (98 - 100) = -20;
        // fees 1.0 + 1.0 = 2; net -22.
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).netPnl()).isCloseTo(-22, within(EPS));
        assertThat(ledger.openUnits("EURUSD")).isCloseTo(-5, within(EPS));

        RoundTrip shortTrip =
                ledger.apply(buy("f3", "EURUSD", 5, 96, 0.5, TWO_HOURS_LATER)).closed().get(0);
        // Short 5 from 98 (entry fee 1.5 * 5/15 = 0.5) to 96 (fee 0.5): gross 10, fees 1, net 9,
        // return 9 / (98 * 5).
        assertThat(shortTrip.direction()).isEqualTo(Direction.SHORT);
        assertThat(shortTrip.entryFillId()).isEqualTo("f2");
        assertThat(shortTrip.entryPrice()).isEqualTo(98);
        assertThat(shortTrip.qty()).isCloseTo(5, within(EPS));
        assertThat(shortTrip.fees()).isCloseTo(1.0, within(EPS));
        assertThat(shortTrip.netPnl()).isCloseTo(9, within(EPS));
        assertThat(shortTrip.returnOnNotional()).isCloseTo(9.0 / 490, within(EPS));
        assertThat(ledger.openSymbols()).isZero();
    }

    @Test
    void fractionalExitsThatSumToTheLotCloseItDespiteRounding() {
        FifoLedger ledger = ledger();
        ledger.apply(buy("f1", "BTC", 0.3, 100, 0, BEGINNING));
        ledger.apply(sell("f2", "BTC", 0.1, 101, 0, ONE_HOUR_LATER));

        // 0.3 - 0.1 - 0.2 is 2.8e-17 in doubles, not 0.
        List<RoundTrip> closed =
                ledger.apply(sell("f3", "BTC", 0.2, 102, 0, TWO_HOURS_LATER)).closed();

        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).grossPnl()).isCloseTo(0.1 * 1 + 0.2 * 2, within(EPS));
        assertThat(ledger.openSymbols()).isZero();
        assertThat(ledger.openLots()).isZero();
    }

    @Test
    void symbolsKeepSeparateLots() {
        FifoLedger ledger = ledger();
        ledger.apply(buy("f1", "AAPL", 1, 100, 0, BEGINNING));
        ledger.apply(sell("f2", "MSFT", 2, 50, 0, BEGINNING));

        assertThat(ledger.apply(buy("f3", "AAPL", 1, 101, 0, ONE_HOUR_LATER)).closed()).isEmpty();
        assertThat(ledger.openUnits("AAPL")).isEqualTo(2);
        assertThat(ledger.openUnits("MSFT")).isEqualTo(-2);
        assertThat(ledger.openLots()).isEqualTo(3);
    }

    @Test
    void ignoresAndCountsARedeliveredFill() {
        FifoLedger ledger = ledger();
        Fill entry = buy("f1", "AAPL", 10, 100, 1, BEGINNING);
        ledger.apply(entry);

        FillOutcome again = ledger.apply(entry);

        assertThat(again.status()).isEqualTo(FillOutcome.Status.DUPLICATE);
        assertThat(again.closed()).isEmpty();
        assertThat(ledger.duplicates()).isEqualTo(1);
        assertThat(ledger.openUnits("AAPL")).isEqualTo(10);
        // A redelivered exit does not close a second lot.
        ledger.apply(buy("f2", "AAPL", 10, 100, 1, ONE_HOUR_LATER));
        Fill exit = sell("f3", "AAPL", 10, 105, 1, TWO_HOURS_LATER);
        assertThat(ledger.apply(exit).closed()).hasSize(1);
        assertThat(ledger.apply(exit).status()).isEqualTo(FillOutcome.Status.DUPLICATE);
        assertThat(ledger.openUnits("AAPL")).isEqualTo(10);
        assertThat(ledger.duplicates()).isEqualTo(2);
    }

    @Test
    void forgetsFillIdsBeyondTheHorizonAndRejectsFillsThatOld() {
        FifoLedger ledger = new FifoLedger(BOOK, MODEL, Duration.ofHours(24));
        // One fill an hour for ten days: only about a day of ids is remembered.
        for (int hour = 0; hour < 240; hour++) {
            Side side = hour % 2 == 0 ? Side.BUY : Side.SELL;
            ledger.apply(
                    TestFills.fill(
                            "f" + hour,
                            "AAPL",
                            side,
                            1,
                            100,
                            0,
                            BEGINNING.plus(Duration.ofHours(hour))));
        }
        // Hours 215..239 are within 24 h of hour 239.
        assertThat(ledger.rememberedFillIds()).isEqualTo(25);

        FillOutcome late = ledger.apply(buy("late", "AAPL", 1, 100, 0, BEGINNING));
        assertThat(late.status()).isEqualTo(FillOutcome.Status.REJECTED);
        assertThat(late.reason()).contains("duplicate horizon");
        // At the edge of the horizon a fill is still accepted, and a redelivery is recognised.
        Fill edge = buy("edge", "AAPL", 1, 100, 0, BEGINNING.plus(Duration.ofHours(215)));
        assertThat(ledger.apply(edge).isApplied()).isTrue();
        assertThat(ledger.apply(edge).status()).isEqualTo(FillOutcome.Status.DUPLICATE);
    }

    @Test
    void rejectsUnbookableFillsWithAReasonInsteadOfThrowing() {
        FifoLedger ledger = ledger();
        assertRejected(ledger, buy("f", "AAPL", 0, 100, 0, BEGINNING), "quantity 0.0");
        assertRejected(ledger, buy("f", "AAPL", -1, 100, 0, BEGINNING), "quantity -1.0");
        assertRejected(ledger, buy("f", "AAPL", Double.NaN, 100, 0, BEGINNING), "quantity NaN");
        assertRejected(
                ledger,
                buy("f", "AAPL", Double.POSITIVE_INFINITY, 100, 0, BEGINNING),
                "quantity Infinity");
        assertRejected(ledger, buy("f", "AAPL", 1, Double.NaN, 0, BEGINNING), "price NaN");
        assertRejected(ledger, buy("f", "AAPL", 1, 0, 0, BEGINNING), "price 0.0");
        assertRejected(ledger, buy("f", "AAPL", 1, 100, -0.5, BEGINNING), "fee -0.5");
        assertRejected(ledger, buy("f", "AAPL", 1, 100, Double.NaN, BEGINNING), "fee NaN");
        assertRejected(ledger, buy("", "AAPL", 1, 100, 0, BEGINNING), "fill id");
        assertRejected(ledger, buy("f", " ", 1, 100, 0, BEGINNING), "symbol");
        assertRejected(
                ledger,
                TestFills.fill("f", "AAPL", Side.UNKNOWN, 1, 100, 0, BEGINNING),
                "side UNKNOWN");
        Fill otherModel = buy("f", "AAPL", 1, 100, 0, BEGINNING);
        otherModel.setModel("mlp");
        assertRejected(ledger, otherModel, "model 'mlp'");
        Fill otherBook = buy("f", "AAPL", 1, 100, 0, BEGINNING);
        otherBook.setBook("book-2");
        assertRejected(ledger, otherBook, "book 'book-2'");
        assertRejected(ledger, null, "no fill");

        // Nothing was booked or remembered: the id "f" is still free.
        assertThat(ledger.openSymbols()).isZero();
        assertThat(ledger.rememberedFillIds()).isZero();
        assertThat(ledger.apply(buy("f", "AAPL", 1, 100, 0, BEGINNING)).isApplied()).isTrue();
    }

    @Test
    void aRestoredLedgerContinuesExactlyLikeAnUninterruptedOne() throws Exception {
        List<Fill> fills =
                List.of(
                        buy("f1", "AAPL", 5, 100, 0.5, BEGINNING),
                        sell("f2", "MSFT", 3, 50, 0.3, BEGINNING),
                        buy("f3", "AAPL", 5, 102, 0.5, ONE_HOUR_LATER),
                        sell("f4", "AAPL", 7, 101, 0.7, TWO_HOURS_LATER),
                        buy("f5", "MSFT", 4, 49, 0.4, TWO_HOURS_LATER),
                        sell("f6", "AAPL", 3, 103, 0.3, THREE_HOURS_LATER),
                        sell("f7", "MSFT", 1, 48, 0.1, THREE_HOURS_LATER),
                        buy("f1", "AAPL", 5, 100, 0.5, BEGINNING));
        for (int cut = 0; cut <= fills.size(); cut++) {
            FifoLedger uninterrupted = ledger();
            FifoLedger restored = ledger();
            for (int i = 0; i < fills.size(); i++) {
                if (i == cut) {
                    restored = TestFills.restore(TestFills.bytes(restored));
                }
                FillOutcome expected = uninterrupted.apply(fills.get(i));
                assertThat(restored.apply(fills.get(i)))
                        .as("cut %d fill %d", cut, i)
                        .isEqualTo(expected);
            }
            assertThat(TestFills.bytes(restored)).isEqualTo(TestFills.bytes(uninterrupted));
            assertThat(restored.duplicates()).isEqualTo(1);
        }
    }

    @Test
    void aCorruptSnapshotFailsWithAnIoException() throws Exception {
        byte[] bytes = TestFills.bytes(ledger());
        bytes[0] = 9;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestFills.restore(bytes))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("format");
    }

    private static void assertRejected(FifoLedger ledger, Fill fill, String reasonPart) {
        FillOutcome outcome = ledger.apply(fill);
        assertThat(outcome.status())
                .as(String.valueOf(fill))
                .isEqualTo(FillOutcome.Status.REJECTED);
        assertThat(outcome.reason()).contains(reasonPart);
        assertThat(outcome.closed()).isEmpty();
    }
}
