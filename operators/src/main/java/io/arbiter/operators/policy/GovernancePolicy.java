package io.arbiter.operators.policy;

import java.io.Serializable;
import java.time.Duration;

/**
 * The governance rules' thresholds (DOMAIN.md §2).
 *
 * @param minTrades closed round trips in the performance window before the profit-factor rules
 *     apply (and before a model leaves probation)
 * @param pfHalt profit factor below which a model is halted
 * @param pfPerforming profit factor at or above which a model is performing; between {@code pfHalt}
 *     and this it is warned
 * @param modelDrawdownWarn model drawdown above which it is warned
 * @param modelDrawdownHalt model drawdown above which it is halted
 * @param escalationAfter how long a profit factor may stay below {@code pfHalt} before a second,
 *     ERROR event escalates it
 * @param maxModels models one book may hold; registrations beyond are refused, so a book's state is
 *     bounded
 * @param correlation when a pair of models is flagged as too alike
 * @param book the book's capital and drawdown risk scaler
 */
public record GovernancePolicy(
        int minTrades,
        double pfHalt,
        double pfPerforming,
        double modelDrawdownWarn,
        double modelDrawdownHalt,
        Duration escalationAfter,
        int maxModels,
        CorrelationPolicy correlation,
        BookRiskPolicy book)
        implements Serializable {}
