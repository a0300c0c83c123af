package io.arbiter.operators.policy;

import java.io.Serializable;

/**
 * The feature engine's settings.
 *
 * @param regime how the volatility regime is read
 * @param windowBars length of the window of normalised features emitted for sequence models (0: no
 *     window)
 * @param maxPendingBars out-of-order bars held per symbol while waiting for the watermark; more are
 *     dead-lettered, so state stays bounded even if the watermark stalls
 */
public record FeaturePolicy(RegimePolicy regime, int windowBars, int maxPendingBars)
        implements Serializable {}
