package io.arbiter.operators.policy;

import java.io.Serializable;

/**
 * Promotion gates (DOMAIN.md §4) the allocator uses. A model "scales as a winner" when its profit
 * factor is at least {@link GovernancePolicy#pfPerforming()} and its maximum drawdown over the
 * window is at most {@code scaleMaxDrawdown}: it may then grow beyond the bandit flow toward its
 * cap.
 *
 * @param scaleMaxDrawdown the largest maximum drawdown (performance window) of a winner
 */
public record PromotionPolicy(double scaleMaxDrawdown) implements Serializable {}
