package io.arbiter.operators.governance;

import io.arbiter.operators.allocation.Percent;
import io.arbiter.operators.policy.CorrelationPolicy;
import io.arbiter.operators.policy.PolicyKey;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.Severity;

import java.util.List;

/**
 * The correlation flag (DOMAIN.md §2): two models whose signals correlate above {@code
 * governance.correlation.flag-above} are both flagged for review, and the newer one is cut to the
 * start share until an APPROVE_ALLOCATION for it. A pair is flagged once while it stays correlated.
 */
final class CorrelationRule {

    private final GovernorState s;

    CorrelationRule(GovernorState state) {
        this.s = state;
    }

    void onCorrelation(
            GovernorStep step,
            ModelRecord a,
            ModelRecord b,
            double correlation,
            long observations) {
        CorrelationPolicy c = s.policy.governance().correlation();
        if (a == b || observations < c.minObservations()) {
            return;
        }
        if (!(correlation > c.flagAbove())) {
            // NaN says nothing about the pair: it neither flags nor clears.
            if (!Double.isNaN(correlation)) {
                s.flaggedPairs.remove(a.model, b.model);
            }
            return;
        }
        if (!s.flaggedPairs.add(a.model, b.model)) {
            return;
        }
        ModelRecord newer = a.newerThan(b) ? a : b;
        ModelRecord older = newer == a ? b : a;
        newer.correlationCut = true;
        for (ModelRecord r : List.of(older, newer)) {
            ModelRecord other = r == newer ? older : newer;
            String what =
                    r == newer
                            ? "the newer of the pair: cut to the start share until an"
                                    + " APPROVE_ALLOCATION for it"
                            : "the older of the pair keeps its traffic";
            step.add(
                    s.entry(
                                    step.time(),
                                    GovernanceKind.FLAG,
                                    Severity.WARNING,
                                    RuleIds.CORRELATION_FLAG)
                            .model(r.model, r.version)
                            .states(r.state, r.state)
                            .reason(
                                    "signals correlate "
                                            + Percent.number(correlation)
                                            + " with "
                                            + other.model
                                            + " over "
                                            + observations
                                            + " observations, above "
                                            + Percent.number(c.flagAbove())
                                            + ": review (blend or reject); "
                                            + what)
                            .metric("correlation", correlation)
                            .metric("observations", observations)
                            .threshold(PolicyKey.GOVERNANCE_CORRELATION_FLAG_ABOVE, c.flagAbove())
                            .threshold(
                                    PolicyKey.GOVERNANCE_CORRELATION_MIN_OBSERVATIONS,
                                    c.minObservations()));
        }
        step.allocate(GovernorStep.TRIGGER_GOVERNANCE);
    }

    /**
     * Forgets the pairs of a model that left the book or started over as a new version. A cut
     * belongs to a flagged pair; with the partner gone or restarted, the next correlation decides
     * again instead of the cut lasting forever.
     */
    void forget(String model) {
        s.flaggedPairs.removeAllOf(model);
        for (ModelRecord r : s.models.values()) {
            if (r.correlationCut && !s.flaggedPairs.anyOf(r.model)) {
                r.correlationCut = false;
            }
        }
    }
}
