package io.arbiter.operators.allocation;

/**
 * A cursor over the words of one SplitMix64 key: the random source of one model's draws in one
 * decision. Cheap to create (two longs); the same key always yields the same numbers.
 */
public final class DrawStream {

    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    /** γ⁻¹ mod 2^64, to recover the word count from the running state. */
    private static final long GOLDEN_INVERSE = 0xf1de83e19937733dL;

    private final long key;

    /** key + n·γ after n words: the generator's own running sum, one addition per word. */
    private long state;

    public DrawStream(long key) {
        this.key = key;
        this.state = key;
    }

    /** The next word: {@link SplitMix64#word}(key, n) for the n-th call (from 0). */
    public long nextLong() {
        state += SplitMix64.GOLDEN_GAMMA;
        return SplitMix64.mix(state);
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextUniform() {
        return (nextLong() >>> 11) * TWO_POW_MINUS_53;
    }

    /** Uniform on (0, 1) (never 0, so its logarithm is finite): the midpoints of 2^53 cells. */
    public double nextOpenUniform() {
        return ((nextLong() >>> 11) + 0.5) * TWO_POW_MINUS_53;
    }

    /** Words used so far. */
    public long position() {
        return (state - key) * GOLDEN_INVERSE;
    }
}
