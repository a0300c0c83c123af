package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.arbiter.operators.planner.TestDesk.BOOK;
import static io.arbiter.operators.planner.TestDesk.NO_EXPOSURE_LIMITS;
import static io.arbiter.operators.planner.TestDesk.allocation;
import static io.arbiter.operators.planner.TestDesk.candidate;
import static io.arbiter.operators.planner.TestDesk.day;
import static io.arbiter.operators.planner.TestDesk.entryOf;
import static io.arbiter.operators.planner.TestDesk.exitOf;
import static io.arbiter.operators.planner.TestDesk.fill;
import static io.arbiter.operators.planner.TestDesk.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How pending intents and fills hold and free the book's room over time. */
class TradePlannerBookTest {

    private static final Policy ONE_POSITION =
            policy(
                    "planner:\n  per-trade-target: 50\n  max-open-positions: 1\n"
                            + "  max-per-ticker: 1\n"
                            + NO_EXPOSURE_LIMITS);

    private static TradePlanner planner(Policy policy) {
        TradePlanner planner = new TradePlanner(BOOK, policy);
        planner.onAllocation(
                allocation(
                        day(0), 1.0, "m1", ModelState.ACTIVE, 1.0, "m2", ModelState.ACTIVE, 1.0));
        return planner;
    }

    private static PlanResult planAt(TradePlanner planner, long time, String symbol) {
        return planner.plan(time, List.of(candidate("m1", symbol).at(time).build()));
    }

    @Test
    void aPendingIntentHoldsItsRoomUntilItsHorizonHasPassed() {
        TradePlanner planner = planner(ONE_POSITION);
        assertThat(planAt(planner, day(0), "AA").intents()).hasSize(1);

        // Horizon: 10 daily bars after day 0, i.e. up to and including day 10.
        PlanResult during = planAt(planner, day(5), "AXP");
        PlanResult atTheEnd = planAt(planner, day(10), "BA");
        PlanResult after = planAt(planner, day(10) + 1, "C");

        assertThat(during.rejections().get(0).detail())
                .isEqualTo("max open positions: 1 of 1 open or pending");
        assertThat(atTheEnd.intents()).isEmpty();
        assertThat(after.intents()).extracting(TradeIntent::getSymbol).containsExactly("C");
    }

    @Test
    void anEntryFillTurnsAPendingIntentIntoAPositionUntilItsExitFreesTheRoom() {
        TradePlanner planner = planner(ONE_POSITION);
        TradeIntent intent = planAt(planner, day(0), "AA").intents().get(0);
        // 2 units at 20 with the 5 bps entry fee still to pay: 40 × 1.0005
        assertThat(planner.cashCommitted()).isCloseTo(40.02, within(1e-12));

        Fill entry = fill("f1", intent.getIntentId(), "m1", "AA", Side.BUY, 2, 20.1, 0.05, day(1));
        assertThat(planner.onFill(entry)).isEqualTo(FillEffect.APPLIED);

        // Filled: 2 × 20.1 + 0.05 of fees; no longer pending, still one position.
        assertThat(planner.pendingIntents()).isZero();
        assertThat(planner.positionsCommitted()).isOne();
        assertThat(planner.cashCommitted()).isCloseTo(40.25, within(1e-12));
        // An open position does not expire with the intent's horizon.
        assertThat(planAt(planner, day(20), "AXP").intents()).isEmpty();

        assertThat(planner.onFill(exitOf(intent, 21, day(20)))).isEqualTo(FillEffect.APPLIED);

        assertThat(planner.positionsCommitted()).isZero();
        assertThat(planner.cashCommitted()).isZero();
        assertThat(planAt(planner, day(20), "AXP").intents()).hasSize(1);
    }

    @Test
    void aPartlyFilledIntentIsStillOnePosition() {
        TradePlanner planner = planner(TestDesk.TARGET_50);
        TradeIntent intent = planAt(planner, day(0), "AA").intents().get(0);

        planner.onFill(fill("f1", intent.getIntentId(), "m1", "AA", Side.BUY, 1, 20, 0.01, day(1)));

        assertThat(planner.pendingIntents()).isOne();
        assertThat(planner.positionsCommitted()).isOne();
        // 1 unit pending at 20 × 1.0005, 1 unit filled at 20 with 0.01 of fee
        assertThat(planner.cashCommitted()).isCloseTo(20.01 + 20.01, within(1e-12));

        planner.onFill(fill("f2", intent.getIntentId(), "m1", "AA", Side.BUY, 1, 20, 0.01, day(1)));

        assertThat(planner.pendingIntents()).isZero();
        assertThat(planner.positionsCommitted()).isOne();
        assertThat(planner.cashCommitted()).isCloseTo(40.02, within(1e-12));
    }

    @Test
    void aRedeliveredExitDoesNotCloseAnotherPosition() {
        TradePlanner planner = planner(TestDesk.TARGET_50);
        TradeIntent first = planAt(planner, day(0), "MSFT").intents().get(0);
        TradeIntent second = planAt(planner, day(1), "MSFT").intents().get(0);
        planner.onFill(entryOf(first, day(1)));
        planner.onFill(entryOf(second, day(2)));

        assertThat(planner.onFill(exitOf(first, 21, day(3)))).isEqualTo(FillEffect.APPLIED);
        assertThat(planner.onFill(exitOf(first, 21, day(3)))).isEqualTo(FillEffect.DUPLICATE);

        assertThat(planner.positionsCommitted()).isOne();
        assertThat(planner.cashCommitted()).isCloseTo(40, within(1e-12));
    }

    @Test
    void anExitNamingNoOrderClosesTheOldestPositionOfItsModelAndSymbol() {
        TradePlanner planner = planner(TestDesk.TARGET_50);
        TradeIntent first = planAt(planner, day(0), "MSFT").intents().get(0);
        TradeIntent second =
                planner.plan(day(1), List.of(candidate("m1", "MSFT").at(day(1)).close(25).build()))
                        .intents()
                        .get(0);
        planner.onFill(entryOf(first, day(1)));
        planner.onFill(entryOf(second, day(2)));

        planner.onFill(fill("x", "broker-exit-7", "m1", "MSFT", Side.SELL, 2, 22, 0, day(3)));

        // first (2 units at 20) is closed; second (2 units at 25, wanted 50) remains.
        assertThat(planner.positionsCommitted()).isOne();
        assertThat(planner.cashCommitted()).isCloseTo(50, within(1e-12));
    }

    @Test
    void fillsOfUnknownOrdersCountAsPositionsToo() {
        TradePlanner planner = planner(ONE_POSITION);

        planner.onFill(fill("manual", "desk-order-1", "m2", "XOM", Side.BUY, 3, 50, 0.1, day(0)));

        assertThat(planner.positionsCommitted()).isOne();
        assertThat(planner.cashCommitted()).isCloseTo(150.1, within(1e-12));
        assertThat(planAt(planner, day(0), "AA").intents()).isEmpty();
    }

    @Test
    void ignoresFillsItCannotUse() {
        TradePlanner planner = planner(TestDesk.TARGET_50);
        Fill ok = fill("f1", "o1", "m1", "AA", Side.BUY, 1, 20, 0, day(40));
        Fill otherBook =
                Fill.newBuilder(fill("f2", "o2", "m1", "AA", Side.BUY, 1, 20, 0, day(40)))
                        .setBook("another")
                        .build();

        assertThat(planner.onFill(ok)).isEqualTo(FillEffect.APPLIED);
        assertThat(planner.onFill(otherBook)).isEqualTo(FillEffect.OTHER_BOOK);
        assertThat(planner.onFill(fill("f3", "o3", "m1", "AA", Side.BUY, 0, 20, 0, day(40))))
                .isEqualTo(FillEffect.INVALID);
        assertThat(
                        planner.onFill(
                                fill("f4", "o4", "m1", "AA", Side.BUY, 1, Double.NaN, 0, day(40))))
                .isEqualTo(FillEffect.INVALID);
        assertThat(planner.onFill(fill("f5", "o5", "m1", "AA", Side.UNKNOWN, 1, 20, 0, day(40))))
                .isEqualTo(FillEffect.INVALID);
        // The fill-id horizon is 30 days: a fill 31 days behind the newest cannot be told from a
        // duplicate any more.
        assertThat(planner.onFill(fill("f6", "o6", "m1", "AA", Side.BUY, 1, 20, 0, day(9))))
                .isEqualTo(FillEffect.TOO_OLD);
        assertThat(planner.onFill(fill("f7", "o7", "m1", "AA", Side.BUY, 1, 20, 0, day(10))))
                .isEqualTo(FillEffect.APPLIED);
        assertThat(planner.positionsCommitted()).isEqualTo(2);
    }

    @Test
    void theClockOnlyMovesForward() {
        TradePlanner planner = planner(TestDesk.TARGET_50);
        planAt(planner, day(3), "AA");
        planner.onFill(fill("late", "o", "m1", "AXP", Side.BUY, 1, 20, 0, day(1)));

        assertThat(planner.clock()).isEqualTo(day(3));
    }
}
