package io.arbiter.training.dataset;

import io.arbiter.schemas.Regime;

/**
 * One training example: a bar's model input and its first-touch label.
 *
 * @param symbol the bar's symbol
 * @param time the bar's time (epoch ms); the entry is its close
 * @param labelEndTime time of the last bar the label may look at (the horizon's end), which
 *     walk-forward purging compares with a test fold's start
 * @param regime the bar's volatility regime, as the stream names it
 * @param label 1 (take-profit first) or 0
 * @param input the model input, see {@link InputSpec}; NaN where a feature is undefined
 */
public record LabelledRow(
        String symbol, long time, long labelEndTime, Regime regime, int label, float[] input) {}
