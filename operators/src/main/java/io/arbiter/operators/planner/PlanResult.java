package io.arbiter.operators.planner;

import io.arbiter.schemas.TradeIntent;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one planning step decided: the intents, best first, and every rejected candidate.
 *
 * @param intents the trade intents, in rank order
 * @param rejected rejected candidates counted by reason (every reason present, zeros included)
 * @param rejections each rejected candidate with its reason and the numbers behind it
 */
public record PlanResult(
        List<TradeIntent> intents,
        Map<RejectReason, Integer> rejected,
        List<Rejection> rejections) {

    public PlanResult {
        intents = List.copyOf(intents);
        rejections = List.copyOf(rejections);
        rejected = Collections.unmodifiableMap(new EnumMap<>(rejected));
    }

    static PlanResult of(List<TradeIntent> intents, List<Rejection> rejections) {
        Map<RejectReason, Integer> counts = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            counts.put(reason, 0);
        }
        for (Rejection rejection : rejections) {
            counts.merge(rejection.reason(), 1, Integer::sum);
        }
        return new PlanResult(intents, counts, rejections);
    }

    /** Rejected candidates with {@code reason}. */
    public int rejected(RejectReason reason) {
        return rejected.getOrDefault(reason, 0);
    }
}
