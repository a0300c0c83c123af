package io.arbiter.operators.allocation;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
 * Vigna's {@code splitmix64.c}) used as a counter-based generator: the {@code n}-th word of the
 * stream keyed by {@code key} is {@code mix(key + (n + 1) · γ)}, a pure function of the key and the
 * counter. Nothing needs to be stored to redo a draw, and any word can be computed directly.
 *
 * <p>Word {@code n} of key {@code k} equals the {@code (n + 1)}-th output of {@code splitmix64.c}
 * seeded with {@code k}, and of {@link java.util.SplittableRandom#nextLong()} for {@code new
 * SplittableRandom(k)}.
 */
public final class SplitMix64 {

    /** The golden-ratio increment γ = 0x9e3779b97f4a7c15 (odd, 2^64 / φ). */
    public static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private SplitMix64() {}

    /** The SplitMix64 finaliser (Stafford's variant 13 of MurmurHash3's fmix64): a bijection. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Word {@code counter} (from 0) of the stream keyed by {@code key}. */
    public static long word(long key, long counter) {
        return mix(key + (counter + 1) * GOLDEN_GAMMA);
    }
}
