package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.SignalSide;
import org.junit.jupiter.api.Test;

import static io.arbiter.operators.planner.TestDesk.DAY;
import static io.arbiter.operators.planner.TestDesk.candidate;
import static io.arbiter.operators.planner.TestDesk.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TradeExpectationTest {

    private static final double EXACT = 1e-12;

    @Test
    void theExpectedTimeToHitIsTheBrownianFirstExitTimeCappedAtTheHorizon() {
        // a·b/σ²: 2 × 1 / 1² = 2 bars
        assertThat(ExpectedTimeToHit.bars(2, 1, 1, 10)).isEqualTo(2.0);
        // a smaller σ per ATR takes longer: 2 × 1 / 0.5² = 8 bars
        assertThat(ExpectedTimeToHit.bars(2, 1, 0.5, 10)).isEqualTo(8.0);
        // 3 × 3 / 1 = 9 bars, but the trade is closed after 5
        assertThat(ExpectedTimeToHit.bars(3, 3, 1, 5)).isEqualTo(5.0);
    }

    @Test
    void pricesOneUnitOfALong() {
        Policy p = Policy.defaults();
        TradeExpectation e =
                TradeExpectation.of(
                        candidate("m", "AA").p(0.6).close(50).atr(2).build(),
                        p.labels(),
                        p.planner());

        // TP 50 + 4 = 54, SL 50 − 2 = 48; E = 0.6 × 4 − 0.4 × 2 = 1.6
        assertThat(e.takeProfit()).isEqualTo(54.0);
        assertThat(e.stopLoss()).isEqualTo(48.0);
        assertThat(e.expPnl()).isCloseTo(1.6, within(EXACT));
        // fees 0.0005 × (50 + 0.6 × 54 + 0.4 × 48) = 0.0005 × 101.6 = 0.0508
        assertThat(e.fees()).isCloseTo(0.0508, within(EXACT));
        assertThat(e.expPnlNet()).isCloseTo(1.5492, within(EXACT));
        assertThat(e.etthDays()).isCloseTo(2.0, within(EXACT));
        assertThat(e.expPnlNetPerDay()).isCloseTo(0.7746, within(EXACT));
    }

    @Test
    void followsTheLabelAndEtthSettingsOfThePolicy() {
        Policy p =
                policy(
                        "labels: {take-profit-atr: 1.5, stop-loss-atr: 1.5, horizon-bars: 20}\n"
                                + "planner: {fee-bps: 0, etth: {sigma-per-atr: 0.75}}\n");
        TradeExpectation e =
                TradeExpectation.of(
                        candidate("m", "AA")
                                .p(0.5)
                                .close(10)
                                .atr(1)
                                .side(SignalSide.SHORT)
                                .bar(DAY / 4)
                                .build(),
                        p.labels(),
                        p.planner());

        // TP 10 − 1.5 = 8.5, SL 11.5; E = 0.5 × 1.5 − 0.5 × 1.5 = 0
        assertThat(e.takeProfit()).isEqualTo(8.5);
        assertThat(e.stopLoss()).isEqualTo(11.5);
        assertThat(e.expPnlNet()).isCloseTo(0, within(EXACT));
        // 1.5 × 1.5 / 0.75² = 4 bars of 6 h = 1 day
        assertThat(e.etthDays()).isCloseTo(1.0, within(EXACT));
    }
}
