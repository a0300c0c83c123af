package io.arbiter.jobs.monitor;

import io.arbiter.schemas.ModelAllocation;

/**
 * The performance figures a {@link ModelAllocation} carries next to its share: profit factor over
 * the 30-day window, current drawdown and closed trades in the window. The one place the monitor
 * reads them, so a change in how they travel touches one class.
 *
 * <p>Records written before the fields existed decode with the schema's default, 0: such a model
 * shows PF 0.00, DD 0.00% and 0 trades until its next allocation.
 */
final class AllocationFigures {

    private AllocationFigures() {}

    /** PF(30d): +Infinity without losses, NaN without PnL. */
    static double profitFactor(ModelAllocation allocation) {
        return allocation.getProfitFactor();
    }

    /** Current drawdown as a fraction of peak equity. */
    static double drawdown(ModelAllocation allocation) {
        return allocation.getDrawdown();
    }

    /** Closed round trips in the window. */
    static int closedTrades(ModelAllocation allocation) {
        return allocation.getClosedTrades();
    }
}
