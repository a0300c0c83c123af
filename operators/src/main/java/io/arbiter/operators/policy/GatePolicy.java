package io.arbiter.operators.policy;

import io.arbiter.schemas.Regime;

import java.io.Serializable;

/**
 * The calibrated-probability thresholds a signal must reach, per volatility regime (DOMAIN.md §5).
 * A signal in an unknown regime never passes. With the coverage rule on, these are the starting
 * gates of each book and model, and the highest they may move back to.
 *
 * @param coverage how a book's gates move toward the desk's coverage band
 */
public record GatePolicy(double lowVol, double medVol, double highVol, CoveragePolicy coverage)
        implements Serializable {

    /** The threshold for {@code regime}; NaN for UNKNOWN (nothing passes a NaN threshold). */
    public double threshold(Regime regime) {
        return switch (regime) {
            case LOW_VOL -> lowVol;
            case MED_VOL -> medVol;
            case HIGH_VOL -> highVol;
            default -> Double.NaN;
        };
    }
}
