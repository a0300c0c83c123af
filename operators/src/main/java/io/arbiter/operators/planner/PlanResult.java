package io.arbiter.operators.planner;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.TradeIntent;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one planning step decided: the intents, best first, every rejected candidate, and the book's
 * gates that moved under the coverage rule before the step.
 *
 * @param intents the trade intents, in rank order
 * @param rejected rejected candidates counted by reason (every reason present, zeros included)
 * @param rejections each rejected candidate with its reason and the numbers behind it
 * @param gateSteps one governance event per gate that stepped (gov.events)
 */
public record PlanResult(
        List<TradeIntent> intents,
        Map<RejectReason, Integer> rejected,
        List<Rejection> rejections,
        List<GovernanceEvent> gateSteps) {

    public PlanResult {
        intents = List.copyOf(intents);
        gateSteps = List.copyOf(gateSteps);
        rejections = List.copyOf(rejections);
        rejected = Collections.unmodifiableMap(new EnumMap<>(rejected));
    }

    static PlanResult of(List<TradeIntent> intents, List<Rejection> rejections) {
        return of(intents, rejections, List.of());
    }

    static PlanResult of(
            List<TradeIntent> intents,
            List<Rejection> rejections,
            List<GovernanceEvent> gateSteps) {
        Map<RejectReason, Integer> counts = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            counts.put(reason, 0);
        }
        for (Rejection rejection : rejections) {
            counts.merge(rejection.reason(), 1, Integer::sum);
        }
        return new PlanResult(intents, counts, rejections, gateSteps);
    }

    /** Rejected candidates with {@code reason}. */
    public int rejected(RejectReason reason) {
        return rejected.getOrDefault(reason, 0);
    }
}
