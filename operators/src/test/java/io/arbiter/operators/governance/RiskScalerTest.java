package io.arbiter.operators.governance;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.Severity;
import org.junit.jupiter.api.Test;

import static io.arbiter.operators.governance.TestBook.BEGINNING;
import static io.arbiter.operators.governance.TestBook.MINUTE;
import static io.arbiter.operators.governance.TestBook.governorWith;
import static io.arbiter.operators.governance.TestBook.ofKind;
import static io.arbiter.operators.governance.TestBook.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * DOMAIN.md §2: book drawdown above 4 % cuts all sizing to 0.7 until it recovers below 2.5 %.
 * Capital 1000; drawdowns below are (peak − equity) / peak of the book's equity curve.
 */
class RiskScalerTest {

    @Test
    void cutsAllSizingByThirtyPercentWhenBookDrawdownExceedsFourPercent() {
        BookGovernor g = governorWith("gbdt");
        g.onRoundTrip(BEGINNING, "gbdt", 100); // peak 1100
        // 1100 − 44 = 1056: drawdown 44 / 1100 = 4 % exactly, not above.
        assertThat(
                        ofKind(
                                g.onRoundTrip(BEGINNING + MINUTE, "gbdt", -44),
                                GovernanceKind.RISK_SCALE))
                .isEmpty();
        // 1055: 45 / 1100 = 4.09 %.
        Decision d = g.onRoundTrip(BEGINNING + 2 * MINUTE, "gbdt", -1);
        GovernanceEvent cut = ofKind(d, GovernanceKind.RISK_SCALE).get(0);
        assertThat(cut.getRuleId()).isEqualTo(RuleIds.BOOK_RISK_SCALE);
        assertThat(cut.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(cut.getModel()).isNull();
        assertThat(cut.getMetrics().get("bookDrawdown")).isCloseTo(45.0 / 1100, within(1e-15));
        assertThat(cut.getMetrics())
                .containsEntry("equity", 1055.0)
                .containsEntry("peakEquity", 1100.0);
        assertThat(cut.getThresholds())
                .containsEntry("governance.book.scale-above", 0.04)
                .containsEntry("governance.book.restore-below", 0.025)
                .containsEntry("governance.book.risk-scaler", 0.7);
        assertThat(g.riskScaler()).isEqualTo(0.7);
        assertThat(d.allocation().getRiskScaler()).isEqualTo(0.7);
        // gbdt on probation keeps its 1.1 % of the flow: the scaler sizes trades, not traffic.
        assertThat(d.allocation().getAllocations().get(0).getShare()).isEqualTo(0.011);
    }

    @Test
    void keepsTheCutBetweenTwoAndAHalfAndFourPercentWithoutFlapping() {
        BookGovernor g = governorWith("gbdt");
        long t = BEGINNING;
        g.onRoundTrip(t, "gbdt", 100); // peak 1100
        g.onRoundTrip(t += MINUTE, "gbdt", -45); // 1055: 4.09 %, cut
        // Drawdown wanders between the thresholds: 3.2 %, 3.6 %, 2.7 %, 3.9 %: no event at all.
        for (double pnl : new double[] {10, -5, 10, -13}) {
            assertThat(ofKind(g.onRoundTrip(t += MINUTE, "gbdt", pnl), GovernanceKind.RISK_SCALE))
                    .isEmpty();
            assertThat(g.riskScaler()).isEqualTo(0.7);
        }
        // Equity 1057; +16 → 1073: 27 / 1100 = 2.45 % < 2.5 %: restored.
        GovernanceEvent restored = only(filter(g.onRoundTrip(t += MINUTE, "gbdt", 16)));
        assertThat(restored.getSeverity()).isEqualTo(Severity.INFO);
        assertThat(g.riskScaler()).isEqualTo(1.0);
        // And wandering back up to 3.9 % does not cut again.
        assertThat(ofKind(g.onRoundTrip(t += MINUTE, "gbdt", -16), GovernanceKind.RISK_SCALE))
                .isEmpty();
        assertThat(g.riskScaler()).isEqualTo(1.0);
    }

    private static Decision filter(Decision d) {
        return new Decision(ofKind(d, GovernanceKind.RISK_SCALE), d.allocation());
    }
}
