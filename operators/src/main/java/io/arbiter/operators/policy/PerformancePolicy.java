package io.arbiter.operators.policy;

import java.io.Serializable;

/**
 * How a model's live results are measured (DOMAIN.md §1).
 *
 * @param windowDays length of the rolling event-time window of profit factor, win rate, maximum
 *     drawdown and Sharpe, in days
 * @param sharpeAnnualisation trading days per year: Sharpe = mean/sd of daily returns × sqrt(this)
 */
public record PerformancePolicy(int windowDays, int sharpeAnnualisation) implements Serializable {}
