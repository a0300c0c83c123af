package io.arbiter.operators.policy;

import java.io.Serializable;

/**
 * When two models' signals are too alike (DOMAIN.md §2).
 *
 * @param flagAbove a pair correlation above this flags both models; the newer one is cut to the
 *     start share until an approval
 * @param minObservations aligned (symbol, bar time) observations a correlation needs before it may
 *     flag: a correlation of a handful of points is noise
 */
public record CorrelationPolicy(double flagAbove, int minObservations) implements Serializable {}
