package io.arbiter.operators.performance;

/**
 * Gross profit / |gross loss| with the oracle's edge rules, decided by counts rather than by sums,
 * so a window whose sums carry rounding residue still says "no losses" exactly: no non-zero PnL →
 * NaN; no losses → +Infinity; no wins → 0. Never divides by zero.
 */
public final class ProfitFactor {

    private ProfitFactor() {}

    /**
     * @param grossProfit Σ of the positive PnLs
     * @param grossLoss Σ of the negative PnLs (≤ 0)
     * @param wins how many PnLs were positive
     * @param losses how many were negative
     */
    public static double of(double grossProfit, double grossLoss, long wins, long losses) {
        if (wins == 0 && losses == 0) {
            return Double.NaN;
        }
        if (losses == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (wins == 0) {
            return 0;
        }
        return grossProfit / -grossLoss;
    }
}
