package io.arbiter.operators.allocation;

/** How the allocator treats a model, decided by governance before the shares are computed. */
public enum Tier {
    /** No traffic: halted, retired, paused by a breaker, or its book is stopped. No draws. */
    OFF,
    /**
     * The fixed start share: unproven (in probation), or the newer of a flagged pair until
     * approved.
     */
    FIXED,
    /** Proven: shares the bandit flow with the other proven models by P(best). */
    BANDIT,
    /**
     * Proven and passing the scale-a-winner gate: takes the larger of its bandit share and P(best)
     * × its cap, so it grows toward the cap as it becomes the clear best.
     */
    WINNER
}
