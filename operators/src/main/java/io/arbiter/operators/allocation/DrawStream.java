package io.arbiter.operators.allocation;

/**
 * A cursor over the words of one SplitMix64 key: the random source of one model's draws in one
 * decision. Cheap to create (two longs); the same key always yields the same numbers.
 */
public final class DrawStream {

    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private final long key;
    private long counter;

    public DrawStream(long key) {
        this.key = key;
    }

    public long nextLong() {
        return SplitMix64.word(key, counter++);
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
        return counter;
    }
}
