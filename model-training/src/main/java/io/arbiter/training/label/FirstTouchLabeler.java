package io.arbiter.training.label;

import io.arbiter.operators.policy.LabelPolicy;

/**
 * The first-touch label of DOMAIN.md §8 / conf/policy.yaml {@code labels}: enter at bar t's close;
 * the row is a win (1) when a later bar within {@code horizonBars} reaches {@code close + tp·ATR}
 * with its high before any bar reaches {@code close − sl·ATR} with its low, and a loss (0) when the
 * stop comes first or neither is touched within the horizon. ATR is the entry bar's ATR(14) from
 * the feature engine.
 *
 * <p>A bar whose range touches both levels counts as the stop: bars carry no intraday order, so the
 * conservative reading is the one a real stop order would suffer. Rows without a defined ATR, and
 * rows whose horizon runs past the last bar, get no label ({@link #NO_LABEL}): a row labelled from
 * a truncated horizon would be biased towards "neither", and walk-forward folds purge on the full
 * horizon.
 *
 * <pre>{@code
 * int[] labels = new FirstTouchLabeler(policy.labels()).label(high, low, close, atr);
 * }</pre>
 */
public final class FirstTouchLabeler {

    /** No label: ATR undefined at entry, or the horizon runs past the data. */
    public static final int NO_LABEL = -1;

    private final double takeProfitAtr;
    private final double stopLossAtr;
    private final int horizonBars;

    public FirstTouchLabeler(LabelPolicy policy) {
        this(policy.takeProfitAtr(), policy.stopLossAtr(), policy.horizonBars());
    }

    public FirstTouchLabeler(double takeProfitAtr, double stopLossAtr, int horizonBars) {
        if (!(takeProfitAtr > 0 && stopLossAtr > 0 && horizonBars >= 1)) {
            throw new IllegalArgumentException(
                    "take-profit and stop-loss must be positive and the horizon at least 1 bar");
        }
        this.takeProfitAtr = takeProfitAtr;
        this.stopLossAtr = stopLossAtr;
        this.horizonBars = horizonBars;
    }

    public int horizonBars() {
        return horizonBars;
    }

    /**
     * Labels every bar of one symbol's series in time order.
     *
     * @return per bar 1, 0 or {@link #NO_LABEL}
     */
    public int[] label(double[] high, double[] low, double[] close, double[] atr) {
        int n = close.length;
        if (high.length != n || low.length != n || atr.length != n) {
            throw new IllegalArgumentException("high, low, close and atr must have equal lengths");
        }
        int[] labels = new int[n];
        for (int t = 0; t < n; t++) {
            labels[t] = labelAt(t, high, low, close, atr);
        }
        return labels;
    }

    private int labelAt(int t, double[] high, double[] low, double[] close, double[] atr) {
        if (!(atr[t] > 0) || t + horizonBars >= close.length) {
            return NO_LABEL;
        }
        double target = close[t] + takeProfitAtr * atr[t];
        double stop = close[t] - stopLossAtr * atr[t];
        for (int k = t + 1; k <= t + horizonBars; k++) {
            if (low[k] <= stop) {
                return 0; // checked first: a bar touching both is a stop
            }
            if (high[k] >= target) {
                return 1;
            }
        }
        return 0;
    }
}
