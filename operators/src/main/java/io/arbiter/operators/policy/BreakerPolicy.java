package io.arbiter.operators.policy;

import java.io.Serializable;
import java.time.Duration;

/**
 * The book's circuit breakers (DOMAIN.md §7).
 *
 * @param dailyLoss loss of the book's equity since the start of the (UTC) day, as a fraction of the
 *     equity then, above which the book is stopped for the rest of the day
 * @param weeklyLoss the same over the (ISO, UTC) week
 * @param maxTradesPerDay closed round trips one model may make in a day; one more pauses it until
 *     the next day
 * @param minAccuracy win rate over the performance window below which a model is halted
 * @param minAccuracyTrades closed round trips in the window before the accuracy breaker applies
 * @param minValidShare share of valid input records below which the book is halted
 * @param maxScoringLatency scoring latency above which a model is halted
 */
public record BreakerPolicy(
        double dailyLoss,
        double weeklyLoss,
        int maxTradesPerDay,
        double minAccuracy,
        int minAccuracyTrades,
        double minValidShare,
        Duration maxScoringLatency)
        implements Serializable {}
