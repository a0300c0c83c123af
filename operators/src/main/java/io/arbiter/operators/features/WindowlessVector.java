package io.arbiter.operators.features;

import io.arbiter.schemas.FeatureVector;

import java.nio.ByteBuffer;

/**
 * A feature vector as {@code features.vectors} carries it by default: every field but the window.
 *
 * <p>The window (64 bars × the window's features, ~2 KiB of packed floats) is what the sequence
 * models score inside the job; on the topic it was 90 % of each record's bytes and no consumer of
 * the topic needs it (a consumer that does sets {@code features.publish-window: true}). {@code
 * windowFeatures} still names the feature set's window width, so an empty window on the topic reads
 * as "not published", not as "this feature set has no window".
 */
public final class WindowlessVector {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private WindowlessVector() {}

    /**
     * A new vector sharing {@code vector}'s fields but its window; {@code vector} itself is left as
     * it is, since the scoring operator may hold the same instance (object reuse is on).
     */
    public static FeatureVector of(FeatureVector vector) {
        return new FeatureVector(
                vector.getSymbol(),
                vector.getTime(),
                vector.getClose(),
                vector.getFeatureSet(),
                vector.getValues(),
                vector.getRegime(),
                vector.getWindowFeatures(),
                EMPTY.duplicate());
    }
}
