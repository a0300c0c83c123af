package io.arbiter.operators.policy;

import java.io.Serializable;

/**
 * The book's equity and its drawdown risk scaler (DOMAIN.md §2): above {@code scaleAbove} drawdown
 * every position size is multiplied by {@code riskScaler}; the scaler is lifted only once the
 * drawdown is back below {@code restoreBelow}. The gap between the two is the hysteresis that keeps
 * the scaler from flapping.
 *
 * @param capital the book's starting capital; equity = capital + Σ net PnL of its models
 * @param scaleAbove book drawdown above which sizing is cut
 * @param restoreBelow book drawdown below which the cut is lifted (less than {@code scaleAbove})
 * @param riskScaler the sizing multiplier while cut, in (0, 1]
 */
public record BookRiskPolicy(
        double capital, double scaleAbove, double restoreBelow, double riskScaler)
        implements Serializable {}
