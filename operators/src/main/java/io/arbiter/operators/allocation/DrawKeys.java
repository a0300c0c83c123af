package io.arbiter.operators.allocation;

import java.nio.charset.StandardCharsets;

/**
 * The key of one model's Thompson draws in one decision: a function of (policy seed, book, model,
 * decision event time) only, so a replay of the same inputs redraws the same numbers, and two
 * models or two decisions never share a stream.
 *
 * <p>{@code key = mix(mix(mix(mix(seed) ^ fnv(book)) ^ fnv(model)) ^ time)}, where {@code mix} is
 * the SplitMix64 finaliser and {@code fnv} is 64-bit FNV-1a over the UTF-8 bytes (both fixed by
 * their published definitions, never by a JVM's {@code hashCode}).
 */
public final class DrawKeys {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private DrawKeys() {}

    public static long of(long seed, String book, String model, long decisionTime) {
        long h = SplitMix64.mix(seed);
        h = SplitMix64.mix(h ^ fnv1a64(book));
        h = SplitMix64.mix(h ^ fnv1a64(model));
        return SplitMix64.mix(h ^ decisionTime);
    }

    /** 64-bit FNV-1a of the text's UTF-8 bytes. */
    public static long fnv1a64(String text) {
        long h = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }
}
