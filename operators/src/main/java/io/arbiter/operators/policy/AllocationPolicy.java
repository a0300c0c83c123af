package io.arbiter.operators.policy;

import java.io.Serializable;
import java.time.Duration;

/**
 * Thompson-sampling allocation of a book's traffic (DOMAIN.md §3).
 *
 * @param seed the policy seed; with the book, the model, the symbol and the bar time it seeds the
 *     planner's routing draws, so a replay routes every candidate the same way (P(best) is exact
 *     and needs no draws; {@code allocation.draws} is retired)
 * @param priorAlpha Beta prior α of a model registered without one
 * @param priorBeta Beta prior β of a model registered without one
 * @param startShare the fixed share of an unproven model (and of a correlation-flagged one until
 *     approved)
 * @param capWithoutApproval the most one model may get without an APPROVE_ALLOCATION command
 * @param banditFlowMin lower end of the target total bandit flow (share of the book)
 * @param banditFlowMax upper end of it: the fixed and bandit shares together never exceed it
 * @param discount factor in (0, 1] by which a model's posterior counts decay toward its prior on
 *     each of its closed trades, for non-stationary models; 1 means off
 * @param timerPeriod event-time period of the allocation timer (aligned to the epoch, so daily
 *     means at 00:00 UTC)
 * @param baselineModel the book's incumbent (DOMAIN.md, "baseline model"): it takes the decision
 *     flow the bandit does not route, 1 − the other models' shares; null when the book has none
 *     (that flow is then not traded)
 */
public record AllocationPolicy(
        long seed,
        double priorAlpha,
        double priorBeta,
        double startShare,
        double capWithoutApproval,
        double banditFlowMin,
        double banditFlowMax,
        double discount,
        Duration timerPeriod,
        String baselineModel)
        implements Serializable {

    /** Whether posteriors forget: a discount below 1. */
    public boolean discounting() {
        return discount < 1.0;
    }

    /** Whether {@code model} is the book's baseline model. */
    public boolean isBaseline(String model) {
        return baselineModel != null && baselineModel.equals(model);
    }

    /** These settings with another baseline model (null: none). */
    public AllocationPolicy withBaselineModel(String model) {
        return new AllocationPolicy(
                seed,
                priorAlpha,
                priorBeta,
                startShare,
                capWithoutApproval,
                banditFlowMin,
                banditFlowMax,
                discount,
                timerPeriod,
                model);
    }
}
