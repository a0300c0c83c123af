package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.arbiter.operators.planner.TestDesk.BOOK;
import static io.arbiter.operators.planner.TestDesk.NO_EXPOSURE_LIMITS;
import static io.arbiter.operators.planner.TestDesk.TWO_HOURS;
import static io.arbiter.operators.planner.TestDesk.allocation;
import static io.arbiter.operators.planner.TestDesk.candidate;
import static io.arbiter.operators.planner.TestDesk.day;
import static io.arbiter.operators.planner.TestDesk.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Which candidates may trade at all, and in which order they are served. */
class TradePlannerScreeningTest {

    @Test
    void rejectsEverySignalThatDidNotPassItsGateOrCannotBePriced() {
        // The policy's gate decides alone here (the coverage rule off): AA's BELOW_THRESHOLD is
        // final even at a p the book's own gate would pass (CoverageGatesTest covers that).
        TradePlanner planner =
                new TradePlanner(BOOK, policy("gating: {coverage: {enabled: false}}"));
        planner.onAllocation(allocation(day(0), 1.0, "gbdt", ModelState.ACTIVE, 1.0));

        PlanResult plan =
                planner.plan(
                        day(0),
                        List.of(
                                candidate("gbdt", "AA").gate(GateDecision.BELOW_THRESHOLD).build(),
                                candidate("gbdt", "AXP").gate(GateDecision.NO_CALIBRATOR).build(),
                                candidate("gbdt", "BA").gate(GateDecision.REGIME_UNKNOWN).build(),
                                candidate("gbdt", "C").gate(GateDecision.UNKNOWN).build(),
                                candidate("gbdt", "CAT").side(SignalSide.FLAT).build(),
                                candidate("gbdt", "DD").atr(Double.NaN).build(),
                                candidate("gbdt", "DIS").close(0).build(),
                                candidate("gbdt", "EK").p(Double.NaN).build(),
                                candidate("gbdt", "GE").close(Double.POSITIVE_INFINITY).build()));

        assertThat(plan.intents()).isEmpty();
        assertThat(plan.rejected(RejectReason.GATE)).isEqualTo(9);
        assertThat(plan.rejections())
                .extracting(Rejection::detail)
                .contains(
                        "gate BELOW_THRESHOLD",
                        "side FLAT opens no position",
                        "ATR NaN is not positive",
                        "close 0.0 is not a positive price",
                        "calibrated probability NaN is not in [0, 1]");
    }

    @Test
    void rejectsSignalsOfHaltedOrRetiredModels() {
        TradePlanner planner = new TradePlanner(BOOK, Policy.defaults());
        planner.onAllocation(
                allocation(
                        day(0),
                        1.0,
                        "halted",
                        ModelState.HALTED,
                        0.0,
                        "retired",
                        ModelState.RETIRED,
                        0.0,
                        "active",
                        ModelState.ACTIVE,
                        1.0));

        PlanResult plan =
                planner.plan(
                        day(0),
                        List.of(
                                candidate("halted", "AA").build(),
                                candidate("retired", "AXP").build(),
                                candidate("active", "BA").gate(GateDecision.MODEL_HALTED).build(),
                                candidate("active", "CAT").build()));

        assertThat(plan.intents()).extracting(TradeIntent::getSymbol).containsExactly("CAT");
        assertThat(plan.rejected(RejectReason.HALTED_MODEL)).isEqualTo(3);
        assertThat(plan.rejected())
                .containsEntry(RejectReason.GATE, 0)
                .containsEntry(RejectReason.GUARDRAIL, 0)
                .containsEntry(RejectReason.EXPOSURE, 0);
    }

    @Test
    void aModelWithoutTrafficDoesNotTrade() {
        TradePlanner planner = new TradePlanner(BOOK, Policy.defaults());
        PlanResult beforeAnyAllocation =
                planner.plan(day(0), List.of(candidate("gbdt", "AA").build()));

        planner.onAllocation(allocation(day(0), 1.0, "gbdt", ModelState.PROBATION, 0.0));
        PlanResult zeroShare = planner.plan(day(0), List.of(candidate("gbdt", "AA").build()));
        PlanResult unnamed = planner.plan(day(0), List.of(candidate("other", "AA").build()));

        assertThat(beforeAnyAllocation.rejected(RejectReason.GUARDRAIL)).isOne();
        assertThat(zeroShare.rejections().get(0).detail()).startsWith("no traffic: share 0.0");
        assertThat(unnamed.rejections().get(0).detail())
                .isEqualTo("the book's allocation gives the model no share");
    }

    @Test
    void anOlderOrForeignAllocationDoesNotUndoTheLatest() {
        TradePlanner planner = new TradePlanner(BOOK, Policy.defaults());
        assertThat(planner.onAllocation(allocation(day(2), 1.0, "gbdt", ModelState.HALTED, 0.0)))
                .isTrue();
        // Overtaken in flight: the halt stands.
        assertThat(planner.onAllocation(allocation(day(1), 1.0, "gbdt", ModelState.ACTIVE, 0.2)))
                .isFalse();
        assertThat(
                        planner.onAllocation(
                                allocation(
                                        "other-book", day(3), 1.0, "gbdt", ModelState.ACTIVE, 0.2)))
                .isFalse();

        PlanResult plan = planner.plan(day(3), List.of(candidate("gbdt", "AA").at(day(3)).build()));

        assertThat(plan.rejected(RejectReason.HALTED_MODEL)).isOne();
    }

    @Test
    void ranksByExpectedNetPnlPerDayWhateverTheInputOrder() {
        Policy policy =
                policy(
                        "planner:\n  account-cash: 100\n  per-trade-target: 100\n"
                                + NO_EXPOSURE_LIMITS);
        Candidate weaker = candidate("gbdt", "AA").p(0.65).close(50).atr(1).build();
        Candidate stronger = candidate("gbdt", "AXP").p(0.8).close(50).atr(1).build();

        for (List<Candidate> order :
                List.of(List.of(weaker, stronger), List.of(stronger, weaker))) {
            TradePlanner planner = new TradePlanner(BOOK, policy);
            planner.onAllocation(allocation(day(0), 1.0, "gbdt", ModelState.ACTIVE, 1.0));

            PlanResult plan = planner.plan(day(0), order);

            // Only one unit (50 × 1.0005 = 50.025 of cash) fits twice in 100 less a hair: the
            // stronger candidate (0.8 × 2 − 0.2 × 1 = 1.4 per unit before fees, against 0.95)
            // takes it.
            assertThat(plan.intents()).extracting(TradeIntent::getSymbol).containsExactly("AXP");
            assertThat(plan.intents().get(0).getQty()).isOne();
            assertThat(plan.rejections())
                    .singleElement()
                    .satisfies(r -> assertThat(r.candidate().symbol()).isEqualTo("AA"));
        }
    }

    @Test
    void ranksATradeOnTwoHourBarsAboveTheSameTradeOnDailyBars() {
        Policy policy =
                policy(
                        "planner:\n  account-cash: 100\n  per-trade-target: 100\n"
                                + NO_EXPOSURE_LIMITS);
        TradePlanner planner = new TradePlanner(BOOK, policy);
        planner.onAllocation(allocation(day(0), 1.0, "gbdt", ModelState.ACTIVE, 1.0));

        PlanResult plan =
                planner.plan(
                        day(0),
                        List.of(
                                candidate("gbdt", "AA").close(50).atr(1).build(),
                                candidate("gbdt", "USDCHF")
                                        .close(50)
                                        .atr(1)
                                        .bar(TWO_HOURS)
                                        .build()));

        // The same expected PnL, hit in 2 bars of 2 h (1/6 day) instead of 2 days.
        assertThat(plan.intents()).extracting(TradeIntent::getSymbol).containsExactly("USDCHF");
        assertThat(plan.intents().get(0).getEtthDays()).isCloseTo(1.0 / 6, within(1e-12));
    }

    @Test
    void emitsIntentsBestFirst() {
        TradePlanner planner =
                new TradePlanner(
                        BOOK, policy("planner:\n  per-trade-target: 125\n" + NO_EXPOSURE_LIMITS));
        planner.onAllocation(allocation(day(0), 1.0, "gbdt", ModelState.ACTIVE, 1.0));
        List<Candidate> candidates = new ArrayList<>();
        String[] symbols = {"AA", "AXP", "BA", "C", "CAT", "DD", "DIS"};
        for (int i = 0; i < symbols.length; i++) {
            candidates.add(candidate("gbdt", symbols[i]).p(0.6 + 0.05 * ((i * 3) % 7)).build());
        }

        PlanResult plan = planner.plan(day(0), candidates);

        // Same qty (6 units of 20 for a wanted 125 × 1.0), so the per-day rates of the
        // intents are ordered as their ranking keys.
        assertThat(plan.intents()).extracting(TradeIntent::getQty).containsOnly(6L).hasSize(7);
        assertThat(plan.intents())
                .extracting(TradeIntent::getPWinCal)
                .containsExactly(0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6);
        assertThat(plan.intents())
                .extracting(TradeIntent::getExpPnlPerDay)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void makesOneIntentPerModelSymbolAndBar() {
        TradePlanner planner = new TradePlanner(BOOK, TestDesk.TARGET_50);
        planner.onAllocation(allocation(day(0), 1.0, "gbdt", ModelState.ACTIVE, 1.0));
        Candidate c = candidate("gbdt", "AA").build();

        PlanResult first = planner.plan(day(0), List.of(c, c));
        PlanResult again = planner.plan(day(0), List.of(c));

        assertThat(first.intents()).hasSize(1);
        assertThat(first.rejections())
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.detail())
                                        .isEqualTo(
                                                "intent desk|gbdt|AA|"
                                                        + day(0)
                                                        + " was already made"));
        assertThat(again.intents()).isEmpty();
        assertThat(again.rejected(RejectReason.GUARDRAIL)).isOne();
    }

    @Test
    void aModelDoesNotTakeBothSidesOfOneTicker() {
        TradePlanner planner = new TradePlanner(BOOK, TestDesk.TARGET_50);
        planner.onAllocation(
                allocation(
                        day(0), 1.0, "m1", ModelState.ACTIVE, 1.0, "m2", ModelState.ACTIVE, 1.0));
        planner.plan(day(0), List.of(candidate("m1", "MSFT").build()));

        PlanResult plan =
                planner.plan(
                        day(1),
                        List.of(
                                candidate("m1", "MSFT").at(day(1)).side(SignalSide.SHORT).build(),
                                candidate("m2", "MSFT").at(day(1)).side(SignalSide.SHORT).build()));

        assertThat(plan.intents()).extracting(TradeIntent::getModel).containsExactly("m2");
        assertThat(plan.rejections())
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.detail())
                                        .isEqualTo("the model holds MSFT on the other side (BUY)"));
    }
}
