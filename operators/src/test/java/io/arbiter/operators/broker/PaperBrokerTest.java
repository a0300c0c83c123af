package io.arbiter.operators.broker;

import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.arbiter.operators.broker.TestOrders.BOOK;
import static io.arbiter.operators.broker.TestOrders.MODEL;
import static io.arbiter.operators.broker.TestOrders.SYMBOL;
import static io.arbiter.operators.broker.TestOrders.TERMS;
import static io.arbiter.operators.broker.TestOrders.bar;
import static io.arbiter.operators.broker.TestOrders.buy;
import static io.arbiter.operators.broker.TestOrders.day;
import static io.arbiter.operators.broker.TestOrders.intent;
import static io.arbiter.operators.broker.TestOrders.quiet;
import static io.arbiter.operators.broker.TestOrders.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed fills at the desk's terms: slippage 0.1 % (a buy pays × 1.001, a sell gets × 0.999)
 * and fee 0.1 % of the fill's notional. Longs have take-profit 110 and stop-loss 95, shorts
 * take-profit 90 and stop-loss 105.
 */
class PaperBrokerTest {

    private final PaperBroker broker = new PaperBroker(SYMBOL);
    private final TestOrders.Recorder out = new TestOrders.Recorder();

    @Test
    void entersAtTheNextBarsOpenPayingSlippageAndFee() {
        assertThat(broker.onIntent(buy("i1", day(0), 10, 5).build(), TERMS))
                .isEqualTo(IntentAdmission.QUEUED);
        broker.onBar(bar(day(1), 100, 101, 99, 100.5), TERMS, out);

        assertThat(out.fills).hasSize(1);
        Fill entry = out.fills.get(0);
        // 100 × 1.001 = 100.1; fee 0.001 × 100.1 × 10 = 1.001
        assertFill(entry, "i1-entry", Side.BUY, 10, 100.1, 1.001, day(1));
        assertThat(entry.getOrderId()).isEqualTo("i1");
        assertThat(entry.getBook()).isEqualTo(BOOK);
        assertThat(entry.getModel()).isEqualTo(MODEL);
        assertThat(entry.getModelVersion()).isEqualTo("3");
        assertThat(entry.getSymbol()).isEqualTo(SYMBOL);
        assertThat(broker.openCount()).isEqualTo(1);
        assertThat(broker.queuedCount()).isZero();
    }

    @Test
    void anOrderDecidedAtABarsTimeWaitsForTheNextBarWhicheverArrivesFirst() {
        // The decision was made at the close of the day-1 bar: that bar's open is in the past.
        broker.onBar(quiet(day(1)), TERMS, out);
        broker.onIntent(buy("after", day(1), 1, 5).build(), TERMS);
        PaperBroker other = new PaperBroker(SYMBOL);
        other.onIntent(buy("before", day(1), 1, 5).build(), TERMS);
        other.onBar(quiet(day(1)), TERMS, out);
        assertThat(out.fills).isEmpty();

        broker.onBar(bar(day(2), 102, 103, 101, 102), TERMS, out);
        other.onBar(bar(day(2), 102, 103, 101, 102), TERMS, out);
        // 102 × 1.001 = 102.102 for both
        assertThat(out.fills).hasSize(2);
        assertThat(out.fills)
                .allSatisfy(f -> assertThat(f.getPrice()).isCloseTo(102.102, within(1e-9)));
    }

    @Test
    void exitsAtTheTakeProfitWhenTheHighReachesIt() {
        broker.onIntent(buy("i1", day(0), 10, 5).build(), TERMS);
        broker.onBar(quiet(day(1)), TERMS, out);
        broker.onBar(bar(day(2), 105, 110.5, 100, 108), TERMS, out);

        assertThat(out.fills).hasSize(2);
        // 110 × 0.999 = 109.89; fee 0.001 × 109.89 × 10 = 1.0989
        assertFill(out.fills.get(1), "i1-exit", Side.SELL, 10, 109.89, 1.0989, day(2));
        assertThat(out.fills.get(1).getOrderId()).isEqualTo("i1");
        assertThat(broker.openCount()).isZero();
    }

    @Test
    void exitsAtTheStopLossWhenTheLowReachesIt() {
        broker.onIntent(buy("i1", day(0), 10, 5).build(), TERMS);
        broker.onBar(quiet(day(1)), TERMS, out);
        broker.onBar(bar(day(2), 98, 99, 94, 96), TERMS, out);

        // 95 × 0.999 = 94.905; fee 0.001 × 94.905 × 10 = 0.94905
        assertFill(out.fills.get(1), "i1-exit", Side.SELL, 10, 94.905, 0.94905, day(2));
    }

    @Test
    void aBarTouchingBothLevelsCountsAsTheStop() {
        broker.onIntent(buy("i1", day(0), 10, 5).build(), TERMS);
        broker.onBar(quiet(day(1)), TERMS, out);
        broker.onBar(bar(day(2), 100, 111, 94, 105), TERMS, out);

        // low 94 ≤ 95 and high 111 ≥ 110, open 100 between: stop, 95 × 0.999 = 94.905
        assertFill(out.fills.get(1), "i1-exit", Side.SELL, 10, 94.905, 0.94905, day(2));
    }

    @Test
    void aGapThroughTheStopFillsAtTheOpenNotAtTheStop() {
        broker.onIntent(buy("i1", day(0), 10, 5).build(), TERMS);
        broker.onBar(quiet(day(1)), TERMS, out);
        broker.onBar(bar(day(2), 93, 96, 92, 95.5), TERMS, out);

        // open 93 is already below the stop 95: 93 × 0.999 = 92.907; fee 0.92907
        assertFill(out.fills.get(1), "i1-exit", Side.SELL, 10, 92.907, 0.92907, day(2));
    }

    @Test
    void aGapThroughTheTakeProfitFillsAtTheOpenEvenIfTheBarLaterTouchesTheStop() {
        broker.onIntent(buy("i1", day(0), 10, 5).build(), TERMS);
        broker.onBar(quiet(day(1)), TERMS, out);
        broker.onBar(bar(day(2), 112, 113, 94, 96), TERMS, out);

        // The open comes first and is above 110: 112 × 0.999 = 111.888; fee 1.11888
        assertFill(out.fills.get(1), "i1-exit", Side.SELL, 10, 111.888, 1.11888, day(2));
    }

    @Test
    void exitsAtTheCloseOfTheHorizonBarCountingTheEntryBarAsTheFirst() {
        broker.onIntent(buy("i1", day(0), 10, 3).build(), TERMS);
        broker.onBar(quiet(day(1)), TERMS, out); // held 1
        broker.onBar(quiet(day(2)), TERMS, out); // held 2
        assertThat(out.fills).hasSize(1);
        broker.onBar(bar(day(3), 100, 102, 99.5, 101), TERMS, out); // held 3 = horizon

        // close 101 × 0.999 = 100.899; fee 0.001 × 100.899 × 10 = 1.00899
        assertFill(out.fills.get(1), "i1-exit", Side.SELL, 10, 100.899, 1.00899, day(3));
    }

    @Test
    void theEntryBarCanAlsoExitUsingItsRangeAfterTheOpen() {
        TradeIntent tight = intent("i1", day(0), Side.BUY, 10, 110, 99.5, 5).build();
        broker.onIntent(tight, TERMS);
        broker.onBar(bar(day(1), 100, 101, 99, 100.5), TERMS, out);

        // entry 100 × 1.001 = 100.1, then the low 99 reaches the stop 99.5 on the same bar:
        // 99.5 × 0.999 = 99.4005; fee 0.001 × 99.4005 × 10 = 0.994005. Entry first.
        assertThat(out.fillIds()).containsExactly("i1-entry", "i1-exit");
        assertFill(out.fills.get(0), "i1-entry", Side.BUY, 10, 100.1, 1.001, day(1));
        assertFill(out.fills.get(1), "i1-exit", Side.SELL, 10, 99.4005, 0.994005, day(1));
    }

    @Test
    void anEntryBarOpeningBelowTheStopEntersAndExitsAtItsOpen() {
        broker.onIntent(buy("i1", day(0), 10, 5).build(), TERMS);
        broker.onBar(bar(day(1), 94, 96, 93, 95), TERMS, out);

        // entry 94 × 1.001 = 94.094 (fee 0.94094); exit 94 × 0.999 = 93.906 (fee 0.93906)
        assertFill(out.fills.get(0), "i1-entry", Side.BUY, 10, 94.094, 0.94094, day(1));
        assertFill(out.fills.get(1), "i1-exit", Side.SELL, 10, 93.906, 0.93906, day(1));
    }

    @Test
    void aOneBarHorizonExitsAtTheEntryBarsClose() {
        broker.onIntent(buy("i1", day(0), 2, 1).build(), TERMS);
        broker.onBar(bar(day(1), 100, 101, 99, 100.5), TERMS, out);

        // 100.5 × 0.999 = 100.3995; fee 0.001 × 100.3995 × 2 = 0.200799
        assertFill(out.fills.get(1), "i1-exit", Side.SELL, 2, 100.3995, 0.200799, day(1));
    }

    @Test
    void aShortSellsAtTheOpenLessSlippageAndBuysBackAtItsStop() {
        broker.onIntent(sell("s1", day(0), 4, 5).build(), TERMS);
        broker.onBar(quiet(day(1)), TERMS, out);
        broker.onBar(bar(day(2), 103, 106, 102, 104), TERMS, out);

        // entry 100 × 0.999 = 99.9, fee 0.001 × 99.9 × 4 = 0.3996
        assertFill(out.fills.get(0), "s1-entry", Side.SELL, 4, 99.9, 0.3996, day(1));
        // high 106 ≥ stop 105: buy back at 105 × 1.001 = 105.105, fee 0.001 × 105.105 × 4
        // = 0.42042
        assertFill(out.fills.get(1), "s1-exit", Side.BUY, 4, 105.105, 0.42042, day(2));
    }

    @Test
    void aShortTakesProfitWhenTheLowReachesItsTarget() {
        broker.onIntent(sell("s1", day(0), 4, 5).build(), TERMS);
        broker.onBar(quiet(day(1)), TERMS, out);
        broker.onBar(bar(day(2), 95, 96, 89, 91), TERMS, out);

        // low 89 ≤ 90, high 96 < 105: 90 × 1.001 = 90.09; fee 0.001 × 90.09 × 4 = 0.36036
        assertFill(out.fills.get(1), "s1-exit", Side.BUY, 4, 90.09, 0.36036, day(2));
    }

    @Test
    void aShortGappingUpThroughItsStopBuysBackAtTheOpen() {
        broker.onIntent(sell("s1", day(0), 4, 5).build(), TERMS);
        broker.onBar(quiet(day(1)), TERMS, out);
        broker.onBar(bar(day(2), 107, 108, 89, 100), TERMS, out);

        // open 107 ≥ stop 105 (and the low later reaches the target): 107 × 1.001 = 107.107;
        // fee 0.001 × 107.107 × 4 = 0.428428
        assertFill(out.fills.get(1), "s1-exit", Side.BUY, 4, 107.107, 0.428428, day(2));
    }

    @Test
    void ordersWaitForASymbolThatHasNotTradedYet() {
        broker.onIntent(buy("i1", day(0), 1, 5).build(), TERMS);
        broker.expireUpTo(day(3).toEpochMilli(), TERMS, out);
        assertThat(broker.queuedCount()).isEqualTo(1);
        assertThat(out.fills).isEmpty();
        assertThat(out.dropped).isEmpty();

        broker.onBar(quiet(day(3)), TERMS, out);
        assertThat(out.fillIds()).containsExactly("i1-entry");
    }

    @Test
    void anOrderWhoseNextBarComesAfterTheEntryDelayIsDroppedAsStale() {
        broker.onIntent(buy("on-time", day(1), 1, 5).build(), TERMS);
        broker.onIntent(buy("stale", day(0), 1, 5).build(), TERMS);
        // Day 5 is 4 days after day 1 (inclusive: enters) and 5 days after day 0 (beyond 4 days).
        broker.onBar(quiet(day(5)), TERMS, out);

        assertThat(out.fillIds()).containsExactly("on-time-entry");
        assertThat(out.dropped)
                .singleElement()
                .asString()
                .startsWith("stale:STALE:stale: the next");
        assertThat(broker.queuedCount()).isZero();
    }

    @Test
    void eventTimePassingTheDeadlineWithoutABarDropsTheOrder() {
        broker.onIntent(buy("i1", day(0), 1, 5).build(), TERMS);
        broker.expireUpTo(day(4).toEpochMilli() - 1, TERMS, out);
        assertThat(out.dropped).isEmpty();
        assertThat(broker.nextDeadline(TERMS)).isEqualTo(day(4).toEpochMilli());

        broker.expireUpTo(day(4).toEpochMilli(), TERMS, out);
        assertThat(out.dropped).singleElement().asString().startsWith("i1:STALE:");
        assertThat(broker.queuedCount()).isZero();
        assertThat(broker.nextDeadline(TERMS)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesAnOrderBeyondTheQueueBound() {
        for (int i = 0; i < TERMS.maxQueuedIntents(); i++) {
            assertThat(broker.onIntent(buy("i" + i, day(0), 1, 5).build(), TERMS))
                    .isEqualTo(IntentAdmission.QUEUED);
        }
        assertThat(broker.onIntent(buy("one-too-many", day(0), 1, 5).build(), TERMS))
                .isEqualTo(IntentAdmission.QUEUE_FULL);

        broker.onBar(quiet(day(1)), TERMS, out); // entering frees the queue
        assertThat(broker.onIntent(buy("next", day(1), 1, 5).build(), TERMS))
                .isEqualTo(IntentAdmission.QUEUED);
    }

    @Test
    void refusesARepeatedOrderWhileItWaitsOrIsOpen() {
        TradeIntent order = buy("i1", day(0), 1, 5).build();
        broker.onIntent(order, TERMS);
        assertThat(broker.onIntent(order, TERMS)).isEqualTo(IntentAdmission.DUPLICATE);
        broker.onBar(quiet(day(1)), TERMS, out);
        assertThat(broker.onIntent(buy("i1", day(1), 1, 5).build(), TERMS))
                .isEqualTo(IntentAdmission.DUPLICATE);
        assertThat(out.fills).hasSize(1);
    }

    @Test
    void refusesAnOrderOlderThanABarAlreadyProcessed() {
        broker.onBar(quiet(day(2)), TERMS, out);
        assertThat(broker.onIntent(buy("i1", day(1), 1, 5).build(), TERMS))
                .isEqualTo(IntentAdmission.LATE);
        assertThat(broker.onIntent(buy("i2", day(2), 1, 5).build(), TERMS))
                .isEqualTo(IntentAdmission.QUEUED);
    }

    @Test
    void refusesInvalidOrdersAndOrdersOfAnotherSymbol() {
        assertThat(broker.onIntent(buy("zero", day(0), 0, 5).build(), TERMS))
                .isEqualTo(IntentAdmission.INVALID);
        assertThat(
                        broker.onIntent(
                                intent("crossed", day(0), Side.BUY, 1, 95, 110, 5).build(), TERMS))
                .isEqualTo(IntentAdmission.INVALID);
        assertThat(
                        broker.onIntent(
                                intent("nan", day(0), Side.SELL, 1, Double.NaN, 105, 5).build(),
                                TERMS))
                .isEqualTo(IntentAdmission.INVALID);
        assertThat(broker.onIntent(buy("ibm", day(0), 1, 5).setSymbol("IBM").build(), TERMS))
                .isEqualTo(IntentAdmission.INVALID);
        assertThat(broker.queuedCount()).isZero();
    }

    @Test
    void ignoresDuplicateLateAndUnusableBars() {
        broker.onIntent(buy("i1", day(0), 1, 5).build(), TERMS);
        assertThat(broker.onBar(bar(day(1), Double.NaN, 101, 99, 100), TERMS, out))
                .isEqualTo(BarAdmission.UNUSABLE);
        assertThat(broker.onBar(bar(day(1), 100, 99, 101, 100), TERMS, out))
                .isEqualTo(BarAdmission.UNUSABLE);
        assertThat(out.fills).isEmpty();
        assertThat(broker.onBar(quiet(day(2)), TERMS, out)).isEqualTo(BarAdmission.APPLIED);
        assertThat(broker.onBar(bar(day(2), 50, 200, 1, 50), TERMS, out))
                .isEqualTo(BarAdmission.DUPLICATE);
        assertThat(broker.onBar(bar(day(1), 50, 200, 1, 50), TERMS, out))
                .isEqualTo(BarAdmission.LATE);
        // Only the first day-2 bar counted: one entry, no exit from the wild duplicate.
        assertThat(out.fillIds()).containsExactly("i1-entry");
        assertThat(broker.lastBarTime()).isEqualTo(day(2).toEpochMilli());
    }

    @Test
    void entersOrdersOfTheSameTimeByIntentIdWhateverOrderTheyCameIn() {
        broker.onIntent(buy("b", day(0), 1, 5).build(), TERMS);
        broker.onIntent(buy("c", Instant.parse("2024-03-03T12:00:00Z"), 1, 5).build(), TERMS);
        broker.onIntent(buy("a", day(0), 1, 5).build(), TERMS);
        broker.onBar(quiet(day(1)), TERMS, out);
        assertThat(out.fillIds()).containsExactly("c-entry", "a-entry", "b-entry");
    }

    @Test
    void followsTheTermsPassedInNotThoseOfEarlierCalls() {
        PaperBrokerTerms free = new PaperBrokerTerms(0, 0, 3, Duration.ofDays(4));
        broker.onIntent(buy("i1", day(0), 10, 5).build(), TERMS);
        broker.onBar(quiet(day(1)), free, out);
        assertFill(out.fills.get(0), "i1-entry", Side.BUY, 10, 100, 0, day(1));
    }

    private static void assertFill(
            Fill fill, String id, Side side, double qty, double price, double fee, Instant time) {
        assertThat(fill.getFillId()).isEqualTo(id);
        assertThat(fill.getSide()).isEqualTo(side);
        assertThat(fill.getQty()).isEqualTo(qty);
        assertThat(fill.getPrice()).isCloseTo(price, within(1e-9));
        assertThat(fill.getFee()).isCloseTo(fee, within(1e-12));
        assertThat(fill.getTime()).isEqualTo(time);
    }
}
