package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.arbiter.operators.planner.TestDesk.BOOK;
import static io.arbiter.operators.planner.TestDesk.NO_EXPOSURE_LIMITS;
import static io.arbiter.operators.planner.TestDesk.allocation;
import static io.arbiter.operators.planner.TestDesk.candidate;
import static io.arbiter.operators.planner.TestDesk.day;
import static io.arbiter.operators.planner.TestDesk.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How one trade is priced and sized, and the guardrails a single step runs into. */
class TradePlannerSizingTest {

    private static final double EXACT = 1e-12;

    private static TradePlanner planner(Policy policy, Object... lines) {
        TradePlanner planner = new TradePlanner(BOOK, policy);
        planner.onAllocation(allocation(day(0), 1.0, lines));
        return planner;
    }

    @Test
    void sizesATradeAtTheTargetTimesRiskScalerAndPricesItsExpectation() {
        TradePlanner planner = planner(TestDesk.TARGET_50, "gbdt", ModelState.ACTIVE, 1.0);

        PlanResult plan = planner.plan(day(0), List.of(candidate("gbdt", "MSFT").build()));

        assertThat(plan.intents()).hasSize(1);
        TradeIntent intent = plan.intents().get(0);
        assertThat(intent.getIntentId()).isEqualTo("desk|gbdt|MSFT|" + day(0));
        assertThat(intent.getBook()).isEqualTo(BOOK);
        assertThat(intent.getTime()).isEqualTo(Instant.ofEpochMilli(day(0)));
        assertThat(intent.getSide()).isEqualTo(Side.BUY);
        assertThat(intent.getRegime()).isEqualTo(Regime.MED_VOL);
        assertThat(intent.getPWinCal()).isEqualTo(0.7);
        // wanted = 50 × 1.0 = 50; floor(50 / 20) = 2 units
        assertThat(intent.getQty()).isEqualTo(2);
        assertThat(intent.getEntryPrice()).isEqualTo(20.0);
        assertThat(intent.getCash()).isEqualTo(40.0);
        // take-profit 20 + 2 × 0.5 = 21, stop-loss 20 − 1 × 0.5 = 19.5
        assertThat(intent.getTakeProfit()).isCloseTo(21.0, within(EXACT));
        assertThat(intent.getStopLoss()).isCloseTo(19.5, within(EXACT));
        assertThat(intent.getHorizonBars()).isEqualTo(10);
        // per unit: 0.7 × 1 − 0.3 × 0.5 = 0.55; × 2 = 1.10
        assertThat(intent.getExpPnl()).isCloseTo(1.10, within(EXACT));
        // fees per unit: 0.0005 × (20 + 0.7 × 21 + 0.3 × 19.5) = 0.0005 × 40.55 = 0.020275
        // net: 2 × (0.55 − 0.020275) = 1.05945
        assertThat(intent.getExpPnlNet()).isCloseTo(1.05945, within(EXACT));
        // ETTH: 2 × 1 / 1² = 2 bars of 1 day
        assertThat(intent.getEtthDays()).isCloseTo(2.0, within(EXACT));
        assertThat(intent.getExpPnlPerDay()).isCloseTo(0.529725, within(EXACT));
        assertThat(intent.getModel()).isEqualTo("gbdt");
        assertThat(intent.getModelVersion()).isEqualTo("v1");
        assertThat(intent.getTrafficShare()).isEqualTo(1.0);
        assertThat(intent.getPropensity()).isEqualTo(1.0);
        assertThat(intent.getRiskScaler()).isEqualTo(1.0);
        assertThat(plan.rejections()).isEmpty();
    }

    @Test
    void theRiskScalerShrinksTheTradeSize() {
        TradePlanner planner = new TradePlanner(BOOK, TestDesk.TARGET_50);
        planner.onAllocation(allocation(day(0), 0.7, "gbdt", ModelState.ACTIVE, 1.0));

        PlanResult plan = planner.plan(day(0), List.of(candidate("gbdt", "MSFT").build()));

        // wanted = 50 × 0.7 = 35; floor(35 / 20) = 1 unit
        assertThat(plan.intents()).singleElement().satisfies(i -> assertThat(i.getQty()).isOne());
        assertThat(plan.intents().get(0).getRiskScaler()).isEqualTo(0.7);
    }

    @Test
    void aShortSignalSellsWithItsTakeProfitBelowTheEntry() {
        TradePlanner planner = planner(TestDesk.TARGET_50, "gbdt", ModelState.ACTIVE, 1.0);

        PlanResult plan =
                planner.plan(
                        day(0), List.of(candidate("gbdt", "MSFT").side(SignalSide.SHORT).build()));

        TradeIntent intent = plan.intents().get(0);
        assertThat(intent.getSide()).isEqualTo(Side.SELL);
        assertThat(intent.getQty()).isEqualTo(2);
        // take-profit 20 − 2 × 0.5 = 19, stop-loss 20 + 0.5 = 20.5
        assertThat(intent.getTakeProfit()).isCloseTo(19.0, within(EXACT));
        assertThat(intent.getStopLoss()).isCloseTo(20.5, within(EXACT));
        // fees per unit 0.0005 × (20 + 0.7 × 19 + 0.3 × 20.5) = 0.0005 × 39.45 = 0.019725
        // net: 2 × (0.55 − 0.019725) = 1.06055
        assertThat(intent.getExpPnlNet()).isCloseTo(1.06055, within(EXACT));
    }

    @Test
    void aSignalOfUnknownBarLengthIsTimedWithTheDefaultBar() {
        TradePlanner planner =
                planner(
                        policy("planner: {etth: {default-bar-interval: \"4 h\"}}"),
                        "gbdt",
                        ModelState.ACTIVE,
                        1.0);

        PlanResult plan = planner.plan(day(0), List.of(candidate("gbdt", "MSFT").bar(0).build()));

        // 2 bars of 4 h = 8 h = 1/3 day
        assertThat(plan.intents().get(0).getEtthDays()).isCloseTo(1.0 / 3, within(EXACT));
    }

    @Test
    void rejectsATradeWhoseTargetBuysNoWholeUnit() {
        TradePlanner planner = planner(TestDesk.TARGET_50, "gbdt", ModelState.ACTIVE, 1.0);

        // wanted 50 < one unit at 60
        PlanResult plan =
                planner.plan(day(0), List.of(candidate("gbdt", "MSFT").close(60).atr(1).build()));

        assertThat(plan.intents()).isEmpty();
        assertThat(plan.rejected(RejectReason.GUARDRAIL)).isOne();
        assertThat(plan.rejections().get(0).detail()).startsWith("per-trade target");
    }

    @Test
    void rejectsATradeWhoseFeesEatItsExpectedPnl() {
        TradePlanner planner = planner(Policy.defaults(), "gbdt", ModelState.ACTIVE, 1.0);

        // gross per unit 0.34 × 1 − 0.66 × 0.5 = 0.01 > 0, but fees
        // 0.0005 × (20 + 0.34 × 21 + 0.66 × 19.5) = 0.020005 leave −0.010005
        PlanResult plan = planner.plan(day(0), List.of(candidate("gbdt", "MSFT").p(0.34).build()));

        assertThat(plan.intents()).isEmpty();
        assertThat(plan.rejected(RejectReason.GUARDRAIL)).isOne();
        assertThat(plan.rejections().get(0).detail()).contains("-0.010005 is not positive");
    }

    @Test
    void capsTheBookAtItsAccountCash() {
        TradePlanner planner =
                planner(
                        policy("planner:\n  per-trade-target: 400\n" + NO_EXPOSURE_LIMITS),
                        "gbdt",
                        ModelState.ACTIVE,
                        1.0);

        PlanResult plan =
                planner.plan(
                        day(0),
                        List.of(
                                candidate("gbdt", "CAT").close(100).atr(2).build(),
                                candidate("gbdt", "BA").close(100).atr(2).build(),
                                candidate("gbdt", "AXP").close(100).atr(2).build(),
                                candidate("gbdt", "AA").close(100).atr(2).build()));

        // Equal candidates go in symbol order. A unit costs 100 × 1.0005 = 100.05 of cash.
        // AA 4 units (400.2 committed), AXP 4 (800.4), BA: 199.6 left buys 1 (900.45),
        // CAT: 99.55 left buys none.
        assertThat(plan.intents())
                .extracting(TradeIntent::getSymbol)
                .containsExactly("AA", "AXP", "BA");
        assertThat(plan.intents()).extracting(TradeIntent::getQty).containsExactly(4L, 4L, 1L);
        assertThat(plan.rejections())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.candidate().symbol()).isEqualTo("CAT");
                            assertThat(r.reason()).isEqualTo(RejectReason.GUARDRAIL);
                            assertThat(r.detail()).startsWith("account cash left 99.55");
                        });
        assertThat(planner.cashCommitted()).isCloseTo(900.45, within(1e-9));
    }

    @Test
    void rejectsTheTradeBeyondTheMaximumOfOpenPositions() {
        TradePlanner planner =
                planner(
                        policy(
                                "planner:\n  per-trade-target: 50\n  max-open-positions: 3\n"
                                        + NO_EXPOSURE_LIMITS),
                        "gbdt",
                        ModelState.ACTIVE,
                        1.0);

        PlanResult plan =
                planner.plan(
                        day(0),
                        List.of(
                                candidate("gbdt", "AA").build(),
                                candidate("gbdt", "AXP").build(),
                                candidate("gbdt", "BA").build(),
                                candidate("gbdt", "CAT").build()));

        assertThat(plan.intents()).hasSize(3);
        assertThat(plan.rejections())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.candidate().symbol()).isEqualTo("CAT");
                            assertThat(r.reason()).isEqualTo(RejectReason.GUARDRAIL);
                            assertThat(r.detail())
                                    .isEqualTo("max open positions: 3 of 3 open or pending");
                        });
    }

    @Test
    void rejectsAThirdPositionInOneTickerAcrossModels() {
        TradePlanner planner =
                planner(
                        TestDesk.TARGET_50,
                        "m1",
                        ModelState.ACTIVE,
                        1.0,
                        "m2",
                        ModelState.ACTIVE,
                        1.0,
                        "m3",
                        ModelState.ACTIVE,
                        1.0);

        PlanResult plan =
                planner.plan(
                        day(0),
                        List.of(
                                candidate("m3", "MSFT").build(),
                                candidate("m1", "MSFT").build(),
                                candidate("m2", "MSFT").build()));

        assertThat(plan.intents()).extracting(TradeIntent::getModel).containsExactly("m1", "m2");
        assertThat(plan.rejections())
                .singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("max per ticker: 2 of 2 in MSFT"));
    }

    @Test
    void trimsATradeToTheRoomLeftInItsTicker() {
        TradePlanner planner = new TradePlanner(BOOK, Policy.defaults());
        planner.onAllocation(
                allocation(
                        day(0), 0.4, "m1", ModelState.ACTIVE, 1.0, "m2", ModelState.ACTIVE, 1.0));

        // m1 under a risk scaler of 0.4: 250 × 0.4 = 100 buys 3 units at 30 (90)
        PlanResult first =
                planner.plan(day(0), List.of(candidate("m1", "MSFT").close(30).atr(1).build()));
        planner.onAllocation(
                allocation(
                        day(1), 1.0, "m1", ModelState.ACTIVE, 1.0, "m2", ModelState.ACTIVE, 1.0));
        // m2 wants 250 (8 units), but MSFT may take 250 − 90 = 160 more: 5 units (150)
        PlanResult second =
                planner.plan(
                        day(1),
                        List.of(candidate("m2", "MSFT").at(day(1)).close(30).atr(1).build()));

        assertThat(first.intents().get(0).getQty()).isEqualTo(3);
        assertThat(second.intents().get(0).getQty()).isEqualTo(5);
    }

    @Test
    void rejectsATradeWhoseTickerIsFull() {
        TradePlanner planner =
                planner(
                        Policy.defaults(),
                        "m1",
                        ModelState.ACTIVE,
                        1.0,
                        "m2",
                        ModelState.ACTIVE,
                        1.0);

        // m1: 8 units at 30 = 240 of the 250 MSFT may hold
        planner.plan(day(0), List.of(candidate("m1", "MSFT").close(30).atr(1).build()));
        PlanResult plan =
                planner.plan(
                        day(1),
                        List.of(candidate("m2", "MSFT").at(day(1)).close(30).atr(1).build()));

        assertThat(plan.intents()).isEmpty();
        assertThat(plan.rejected(RejectReason.EXPOSURE)).isOne();
        assertThat(plan.rejections().get(0).detail())
                .startsWith("single-ticker exposure room 10.0000");
    }

    @Test
    void trimsToTheTopFiveRoomCountingOnlyTheFiveLargestTickers() {
        TradePlanner planner =
                planner(
                        policy(
                                "planner:\n"
                                        + "  per-trade-target: 120\n"
                                        + "  exposure: {single-ticker: 1.0, sector: 1.0}\n"),
                        "gbdt",
                        ModelState.ACTIVE,
                        1.0);

        PlanResult plan =
                planner.plan(
                        day(0),
                        List.of(
                                candidate("gbdt", "AA").close(10).build(),
                                candidate("gbdt", "AXP").close(10).build(),
                                candidate("gbdt", "BA").close(10).build(),
                                candidate("gbdt", "CAT").close(10).build(),
                                candidate("gbdt", "DD").close(10).build(),
                                candidate("gbdt", "GE").close(10).build()));

        // AA..CAT 12 units (120) each: 480. DD may add 500 − 480 = 20: 2 units. GE: the four
        // largest others sum 480 and the fifth is 20, so GE may also grow to 20: 2 units; the top
        // five are then 4 × 120 + 20 = 500.
        assertThat(plan.intents())
                .extracting(TradeIntent::getQty)
                .containsExactly(12L, 12L, 12L, 12L, 2L, 2L);
    }

    @Test
    void rejectsATradeWhenTheTopFiveAreFull() {
        TradePlanner planner =
                planner(
                        policy(
                                "planner:\n"
                                        + "  per-trade-target: 125\n"
                                        + "  exposure: {single-ticker: 1.0, sector: 1.0}\n"),
                        "gbdt",
                        ModelState.ACTIVE,
                        1.0);

        PlanResult plan =
                planner.plan(
                        day(0),
                        List.of(
                                candidate("gbdt", "AA").close(12.5).build(),
                                candidate("gbdt", "AXP").close(12.5).build(),
                                candidate("gbdt", "BA").close(12.5).build(),
                                candidate("gbdt", "CAT").close(12.5).build(),
                                candidate("gbdt", "DD").close(12.5).build()));

        // Four tickers of 10 units × 12.5 = 125 fill the top-five limit of 500.
        assertThat(plan.intents()).hasSize(4);
        assertThat(plan.rejections())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.candidate().symbol()).isEqualTo("DD");
                            assertThat(r.reason()).isEqualTo(RejectReason.EXPOSURE);
                            assertThat(r.detail()).startsWith("top-five exposure room 0.0000");
                        });
    }

    @Test
    void capsEachSectorAtItsShareOfTheAccount() {
        TradePlanner planner =
                planner(
                        policy("planner:\n  exposure: {single-ticker: 1.0, top-five: 1.0}\n"),
                        "gbdt",
                        ModelState.ACTIVE,
                        1.0);

        PlanResult plan =
                planner.plan(
                        day(0),
                        List.of(
                                candidate("gbdt", "XOM").close(10).build(),
                                candidate("gbdt", "MSFT").close(10).build(),
                                candidate("gbdt", "INTC").close(10).build(),
                                candidate("gbdt", "IBM").close(10).build()));

        // Information technology may hold 400: IBM 25 units (250), INTC the 150 left (15),
        // MSFT none. Energy is another sector: XOM 25 units.
        assertThat(plan.intents())
                .extracting(TradeIntent::getSymbol)
                .containsExactly("IBM", "INTC", "XOM");
        assertThat(plan.intents()).extracting(TradeIntent::getQty).containsExactly(25L, 15L, 25L);
        assertThat(plan.rejections())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.candidate().symbol()).isEqualTo("MSFT");
                            assertThat(r.reason()).isEqualTo(RejectReason.EXPOSURE);
                            assertThat(r.detail()).startsWith("sector exposure room 0.0000");
                        });
    }

    @Test
    void unmappedSymbolsShareOneSector() {
        TradePlanner planner =
                planner(
                        policy("planner:\n  exposure: {single-ticker: 1.0, top-five: 1.0}\n"),
                        "gbdt",
                        ModelState.ACTIVE,
                        1.0);

        PlanResult plan =
                planner.plan(
                        day(0),
                        List.of(
                                candidate("gbdt", "ZZA").close(10).build(),
                                candidate("gbdt", "ZZB").close(10).build()));

        // "other" may hold 400: ZZA 250, ZZB the 150 left.
        assertThat(plan.intents()).extracting(TradeIntent::getQty).containsExactly(25L, 15L);
    }
}
