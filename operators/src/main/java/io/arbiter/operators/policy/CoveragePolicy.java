package io.arbiter.operators.policy;

import java.io.Serializable;
import java.time.Duration;

/**
 * The desk's coverage rule as a gate that moves (DOMAIN.md §6: coverage outside 15–35 % → "move the
 * gates by 0.02"): per book, model and regime, the share of the model's signals that pass its gate,
 * counted since the gate last moved, steps the gate toward the band.
 *
 * @param enabled whether gates move at all; off, every signal is judged by the policy's thresholds
 * @param min coverage below this lowers the gate by a step
 * @param max coverage above this raises it by a step (never above the policy's threshold)
 * @param step how far one step moves the gate
 * @param every the least event time between two reviews of one gate
 * @param minSignals the signals a review needs; fewer and the gate waits
 */
public record CoveragePolicy(
        boolean enabled, double min, double max, double step, Duration every, int minSignals)
        implements Serializable {}
