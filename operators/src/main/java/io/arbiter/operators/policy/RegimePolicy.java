package io.arbiter.operators.policy;

import java.io.Serializable;
import java.util.List;

/**
 * How a symbol's volatility regime is read from its ATR% (DOMAIN.md §5): against the symbol's own
 * rolling history (percentiles) or against fixed cut points.
 *
 * @param windowBars ATR% values kept per symbol for the percentiles
 * @param minHistoryBars defined ATR% values needed before a regime is named (UNKNOWN before)
 * @param lowPercentile at or below this percentile of the window: low_vol
 * @param highPercentile above this: high_vol; in between: med_vol
 * @param cutPoints fixed ATR% cut points [low, high] used instead of percentiles; empty for none
 */
public record RegimePolicy(
        int windowBars,
        int minHistoryBars,
        double lowPercentile,
        double highPercentile,
        List<Double> cutPoints)
        implements Serializable {

    public RegimePolicy {
        cutPoints = List.copyOf(cutPoints);
    }

    public boolean hasCutPoints() {
        return !cutPoints.isEmpty();
    }
}
