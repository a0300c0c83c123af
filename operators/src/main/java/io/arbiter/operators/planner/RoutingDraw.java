package io.arbiter.operators.planner;

import io.arbiter.operators.allocation.DrawKeys;
import io.arbiter.operators.allocation.SplitMix64;

/**
 * The uniform number that decides whether a candidate trade is routed to its model (DOMAIN.md,
 * "traffic"): a pure function of (policy seed, book, model, symbol, bar time), so a replay routes
 * every candidate the same way and a model's routing never depends on which other models signalled.
 *
 * <p>{@code key = mix(mix(mix(mix(mix(seed) ^ fnv(book)) ^ fnv(model)) ^ fnv(symbol)) ^ time)} with
 * the SplitMix64 finaliser and 64-bit FNV-1a ({@link DrawKeys}); the draw is the key's top 53 bits
 * as a double in [0, 1). A candidate is routed when its draw is below its model's share, so it is
 * routed with probability equal to the share: its propensity.
 */
final class RoutingDraw {

    /** 2^-53: the spacing of doubles in [0.5, 1), so every 53-bit integer maps exactly. */
    private static final double UNIT = 0x1.0p-53;

    private RoutingDraw() {}

    static double of(long seed, String book, String model, String symbol, long barTime) {
        long h = SplitMix64.mix(seed);
        h = SplitMix64.mix(h ^ DrawKeys.fnv1a64(book));
        h = SplitMix64.mix(h ^ DrawKeys.fnv1a64(model));
        h = SplitMix64.mix(h ^ DrawKeys.fnv1a64(symbol));
        return (SplitMix64.mix(h ^ barTime) >>> 11) * UNIT;
    }

    /** Whether a candidate with this draw is routed to a model with {@code share}. */
    static boolean routed(double draw, double share) {
        return draw < share;
    }
}
