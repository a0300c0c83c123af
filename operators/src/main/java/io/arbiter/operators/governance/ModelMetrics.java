package io.arbiter.operators.governance;

/**
 * A model's live results over the performance window (DOMAIN.md §1), as the governor reads them.
 * The ledger's performance snapshot is mapped onto this. NaN means "not defined" (no PnL yet) and
 * never trips a rule.
 *
 * @param profitFactor gross profit / |gross loss| of the window's closed round trips (+Infinity
 *     without losses, NaN without PnL)
 * @param closedTrades closed round trips in the window
 * @param winRate wins / closed trades in the window (the accuracy of the accuracy breaker)
 * @param drawdown current drawdown of the model's equity from its peak, as a fraction of the peak
 * @param maxDrawdown largest drawdown within the window
 */
public record ModelMetrics(
        double profitFactor,
        int closedTrades,
        double winRate,
        double drawdown,
        double maxDrawdown) {}
