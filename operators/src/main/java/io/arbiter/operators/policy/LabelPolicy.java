package io.arbiter.operators.policy;

import java.io.Serializable;

/**
 * How a training row is labelled (first touch): 1 when the take-profit is hit before the stop-loss
 * within the horizon, 0 otherwise. Distances are in ATRs of the entry bar.
 *
 * @param takeProfitAtr take-profit distance above the entry close, in ATR(14)
 * @param stopLossAtr stop-loss distance below the entry close, in ATR(14)
 * @param horizonBars bars after entry within which one must be touched
 */
public record LabelPolicy(double takeProfitAtr, double stopLossAtr, int horizonBars)
        implements Serializable {}
