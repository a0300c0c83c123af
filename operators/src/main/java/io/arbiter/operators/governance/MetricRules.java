package io.arbiter.operators.governance;

import io.arbiter.operators.policy.Policy;

/**
 * Which of the metric-driven rules a model's snapshot breaches (DOMAIN.md §2 and §7), as plain
 * facts; {@link ModelRules} turns them into transitions. NaN metrics breach nothing.
 *
 * @param proven enough closed trades in the window for the profit-factor rules ({@code
 *     governance.min-trades})
 * @param pfBelowFloor proven and PF below {@code governance.pf-halt}: halt, and the escalation
 *     clock runs
 * @param pfWarn proven and PF in [pf-halt, pf-performing)
 * @param performing proven and PF at or above {@code governance.pf-performing}
 * @param ddHalt drawdown above {@code governance.model-drawdown-halt}
 * @param ddWarn drawdown above {@code governance.model-drawdown-warn}
 * @param accuracyHalt at least {@code breakers.min-accuracy-trades} and win rate below {@code
 *     breakers.min-accuracy}
 * @param winner performing with a window max drawdown at or below {@code
 *     promotion.scale-max-drawdown}: may scale
 */
record MetricRules(
        boolean proven,
        boolean pfBelowFloor,
        boolean pfWarn,
        boolean performing,
        boolean ddHalt,
        boolean ddWarn,
        boolean accuracyHalt,
        boolean winner) {

    static MetricRules judge(ModelMetrics m, Policy policy) {
        var g = policy.governance();
        var b = policy.breakers();
        boolean proven = m.closedTrades() >= g.minTrades();
        double pf = m.profitFactor();
        boolean performing = proven && pf >= g.pfPerforming();
        return new MetricRules(
                proven,
                proven && pf < g.pfHalt(),
                proven && pf >= g.pfHalt() && pf < g.pfPerforming(),
                performing,
                m.drawdown() > g.modelDrawdownHalt(),
                m.drawdown() > g.modelDrawdownWarn(),
                m.closedTrades() >= b.minAccuracyTrades() && m.winRate() < b.minAccuracy(),
                performing && m.maxDrawdown() <= policy.promotion().scaleMaxDrawdown());
    }
}
