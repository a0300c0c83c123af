package io.arbiter.operators.governance;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.arbiter.operators.governance.TestBook.BEGINNING;
import static io.arbiter.operators.governance.TestBook.HOUR;
import static io.arbiter.operators.governance.TestBook.drawdown;
import static io.arbiter.operators.governance.TestBook.governorWith;
import static io.arbiter.operators.governance.TestBook.only;
import static io.arbiter.operators.governance.TestBook.pf;
import static io.arbiter.operators.governance.TestBook.share;
import static io.arbiter.operators.governance.TestBook.winRate;
import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §2's profit-factor and drawdown rules and §7's accuracy breaker, one per test. */
class PerformanceRulesTest {

    @Test
    void haltsModelWhenProfitFactorFallsBelowFloorAfterMinimumTrades() {
        BookGovernor g = governorWith("gbdt");
        Decision d = g.onMetrics(BEGINNING, "gbdt", pf(1.2, 30));

        GovernanceEvent halt = only(d);
        assertThat(halt.getKind()).isEqualTo(GovernanceKind.HALT);
        assertThat(halt.getRuleId()).isEqualTo(RuleIds.PF_HALT);
        assertThat(halt.getFromState()).isEqualTo(ModelState.PROBATION);
        assertThat(halt.getToState()).isEqualTo(ModelState.HALTED);
        assertThat(halt.getModel()).isEqualTo("gbdt");
        assertThat(halt.getModelVersion()).isEqualTo("v1");
        assertThat(halt.getMetrics())
                .containsEntry("profitFactor", 1.2)
                .containsEntry("closedTrades", 30.0);
        assertThat(halt.getThresholds())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("governance.pf-halt", 1.5, "governance.min-trades", 30.0));
        assertThat(halt.getPolicyVersion()).isEqualTo(g.policy().version());
        assertThat(halt.getReason()).contains("1.2000 below 1.5000 after 30 closed trades");
        assertThat(g.state("gbdt")).contains(ModelState.HALTED);
        assertThat(share(d.allocation(), "gbdt").getShare()).isEqualTo(0.0);
    }

    @Test
    void leavesProfitFactorUnjudgedBeforeTheMinimumTradeCount() {
        BookGovernor g = governorWith("gbdt");
        Decision d = g.onMetrics(BEGINNING, "gbdt", pf(0.5, 29));
        assertThat(d.events()).isEmpty();
        assertThat(g.state("gbdt")).contains(ModelState.PROBATION);
    }

    @Test
    void warnsWhenProfitFactorIsBetweenHaltAndPerforming() {
        BookGovernor g = governorWith("gbdt");
        GovernanceEvent warn = only(g.onMetrics(BEGINNING, "gbdt", pf(1.5, 30)));
        assertThat(warn.getKind()).isEqualTo(GovernanceKind.WARN);
        assertThat(warn.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(warn.getRuleId()).isEqualTo(RuleIds.PF_WARN);
        assertThat(warn.getToState()).isEqualTo(ModelState.WARNING);
        assertThat(warn.getThresholds())
                .containsEntry("governance.pf-halt", 1.5)
                .containsEntry("governance.pf-performing", 1.7);
    }

    @Test
    void warnsOnceWhileTheProfitFactorStaysInTheWarnBand() {
        BookGovernor g = governorWith("gbdt");
        g.onMetrics(BEGINNING, "gbdt", pf(1.6, 30));
        assertThat(g.onMetrics(BEGINNING + HOUR, "gbdt", pf(1.55, 31)).events()).isEmpty();
        assertThat(g.state("gbdt")).contains(ModelState.WARNING);
    }

    @Test
    void marksModelPerformingAtOnePointSevenAndLetsItScale() {
        BookGovernor g = governorWith("gbdt");
        Decision d = g.onMetrics(BEGINNING, "gbdt", pf(1.7, 30));
        GovernanceEvent info = only(d);
        assertThat(info.getKind()).isEqualTo(GovernanceKind.INFO);
        assertThat(info.getRuleId()).isEqualTo(RuleIds.PF_PERFORMING);
        assertThat(info.getFromState()).isEqualTo(ModelState.PROBATION);
        assertThat(info.getToState()).isEqualTo(ModelState.ACTIVE);
        // Alone and performing with no drawdown: a winner with P(best) 1, up to the 25 % cap.
        assertThat(share(d.allocation(), "gbdt").getShare()).isEqualTo(0.25);
    }

    @Test
    void returnsFromWarningToActiveWhenTheProfitFactorRecovers() {
        BookGovernor g = governorWith("gbdt");
        g.onMetrics(BEGINNING, "gbdt", pf(1.6, 30));
        GovernanceEvent info = only(g.onMetrics(BEGINNING + HOUR, "gbdt", pf(1.9, 35)));
        assertThat(info.getRuleId()).isEqualTo(RuleIds.PF_PERFORMING);
        assertThat(info.getFromState()).isEqualTo(ModelState.WARNING);
        assertThat(info.getToState()).isEqualTo(ModelState.ACTIVE);
    }

    @Test
    void countsAProfitFactorWithoutLossesAsPerforming() {
        BookGovernor g = governorWith("mlp");
        // +Infinity (no losses) is performing, never a division by zero.
        GovernanceEvent info =
                only(g.onMetrics(BEGINNING, "mlp", pf(Double.POSITIVE_INFINITY, 30)));
        assertThat(info.getToState()).isEqualTo(ModelState.ACTIVE);
        assertThat(info.getMetrics()).containsEntry("profitFactor", Double.POSITIVE_INFINITY);
    }

    @Test
    void anUndefinedProfitFactorTripsNothing() {
        BookGovernor g = governorWith("gbdt");
        // NaN: no PnL in the window (only flat trades).
        Decision d =
                g.onMetrics(BEGINNING, "gbdt", new ModelMetrics(Double.NaN, 40, Double.NaN, 0, 0));
        assertThat(g.state("gbdt")).contains(ModelState.ACTIVE);
        assertThat(d.events())
                .extracting(GovernanceEvent::getRuleId)
                .containsExactly(RuleIds.PROBATION_COMPLETE);
    }

    @Test
    void warnsWhenModelDrawdownExceedsTwoAndAHalfPercent() {
        BookGovernor g = governorWith("gbdt");
        g.onMetrics(BEGINNING, "gbdt", pf(2.0, 30));
        assertThat(g.onMetrics(BEGINNING + HOUR, "gbdt", drawdown(0.025, 31)).events())
                .as("exactly 2.5 %% is not above it")
                .isEmpty();
        GovernanceEvent warn = only(g.onMetrics(BEGINNING + 2 * HOUR, "gbdt", drawdown(0.026, 32)));
        assertThat(warn.getRuleId()).isEqualTo(RuleIds.DD_WARN);
        assertThat(warn.getFromState()).isEqualTo(ModelState.ACTIVE);
        assertThat(warn.getToState()).isEqualTo(ModelState.WARNING);
        assertThat(warn.getMetrics()).containsEntry("drawdown", 0.026);
        assertThat(warn.getThresholds()).containsEntry("governance.model-drawdown-warn", 0.025);
    }

    @Test
    void haltsModelWhenDrawdownExceedsFourPercentEvenOnProbation() {
        BookGovernor g = governorWith("gbdt");
        GovernanceEvent warn = only(g.onMetrics(BEGINNING, "gbdt", drawdown(0.04, 5)));
        assertThat(warn.getRuleId()).as("exactly 4 %% only warns").isEqualTo(RuleIds.DD_WARN);
        assertThat(warn.getToState()).as("still unproven").isEqualTo(ModelState.PROBATION);
        GovernanceEvent halt = only(g.onMetrics(BEGINNING + HOUR, "gbdt", drawdown(0.041, 6)));
        assertThat(halt.getKind()).isEqualTo(GovernanceKind.HALT);
        assertThat(halt.getRuleId()).isEqualTo(RuleIds.DD_HALT);
        assertThat(halt.getThresholds()).containsEntry("governance.model-drawdown-halt", 0.04);
        assertThat(g.state("gbdt")).contains(ModelState.HALTED);
    }

    @Test
    void haltsModelWhenWinRateFallsBelowTheAccuracyFloorAfterEnoughTrades() {
        BookGovernor g = governorWith("gbdt", "mlp");
        assertThat(g.onMetrics(BEGINNING, "gbdt", winRate(0.40, 29)).events()).isEmpty();
        assertThat(g.onMetrics(BEGINNING, "mlp", winRate(0.45, 30)).events())
                .extracting(GovernanceEvent::getRuleId)
                .containsExactly(RuleIds.PF_PERFORMING);
        GovernanceEvent trip = only(g.onMetrics(BEGINNING + HOUR, "gbdt", winRate(0.44, 30)));
        assertThat(trip.getKind()).isEqualTo(GovernanceKind.BREAKER);
        assertThat(trip.getRuleId()).isEqualTo(RuleIds.BREAKER_ACCURACY);
        assertThat(trip.getToState()).isEqualTo(ModelState.HALTED);
        assertThat(trip.getThresholds())
                .containsEntry("breakers.min-accuracy", 0.45)
                .containsEntry("breakers.min-accuracy-trades", 30.0);
    }
}
