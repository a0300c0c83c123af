package io.arbiter.operators.allocation;

/**
 * {@code exp}, {@code log1p} and {@code log} in plain double arithmetic, for the inner loop of
 * {@link ProbabilityBest}: a few thousand calls per allocation step.
 *
 * <p>Why not the JDK's: {@link Math#exp} may differ between platforms (it is an intrinsic allowed
 * an ulp of slack), so a replay on another machine could change a share in its last bit; {@link
 * StrictMath#exp} is the same everywhere but, on JDK 17, a native call several times slower than
 * this. Plain Java double arithmetic is exactly specified (JLS §15.4), so these functions give the
 * same bits on every JVM; they are accurate to about one ulp, far below what P(best) needs.
 *
 * <p>Both are table-driven: exp by 2^(j/64) times a short polynomial in the remainder, log1p by
 * ln(1 + j/64) plus a short series. The tables are filled once from {@link StrictMath}, so they too
 * are the same on every platform.
 */
final class PlainMath {

    private static final int EXP_BITS = 6;
    private static final int EXP_SIZE = 1 << EXP_BITS;

    /** 64 / ln 2. */
    private static final double EXP_INV_STEP = EXP_SIZE / 0.6931471805599453;

    /**
     * ln 2 / 64 split in two (Cody and Waite): the high part has 32 significant bits, so n · HI is
     * exact for every |n| < 2^21, and the remainder of x carries no rounding from the reduction.
     * The parts are ln 2's split of fdlibm (0x3fe62e42fee00000, 0x3dea39ef35793c76) over 64.
     */
    private static final double EXP_STEP_HI = 6.93147180369123816490e-01 / EXP_SIZE;

    private static final double EXP_STEP_LO = 1.90821492927058770002e-10 / EXP_SIZE;

    private static final double ROUNDER = 0x1.8p52;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);

    /** exp overflows above this (ln of the largest double) and is 0 below the other. */
    private static final double EXP_MAX = 709.782712893384;

    private static final double EXP_MIN = -745.2;

    /** ln 2 split like its 64th above: {@code e · LN2_HI} is exact for every binary exponent e. */
    private static final double LN2_HI = 6.93147180369123816490e-01;

    private static final double LN2_LO = 1.90821492927058770002e-10;

    private static final long SIGNIFICAND = 0x000f_ffff_ffff_ffffL;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    /** 2^(j/64), j = 0..63. */
    private static final double[] EXP_TABLE = new double[EXP_SIZE];

    private static final int LOG_BITS = 6;
    private static final int LOG_SIZE = 1 << LOG_BITS;

    /** ln(1 + j/64) and 1 / (1 + j/64), j = 0..64 (64: u = 2). */
    private static final double[] LOG_TABLE = new double[LOG_SIZE + 1];

    private static final double[] LOG_INVERSE = new double[LOG_SIZE + 1];

    static {
        for (int j = 0; j < EXP_SIZE; j++) {
            EXP_TABLE[j] = StrictMath.pow(2.0, (double) j / EXP_SIZE);
        }
        for (int j = 0; j <= LOG_SIZE; j++) {
            double c = 1.0 + (double) j / LOG_SIZE;
            LOG_TABLE[j] = StrictMath.log(c);
            LOG_INVERSE[j] = 1.0 / c;
        }
    }

    private PlainMath() {}

    /** e^x; +∞ above about 709.78, 0 below about −745, NaN for NaN. */
    static double exp(double x) {
        if (!(x < EXP_MAX)) {
            return x != x ? x : Double.POSITIVE_INFINITY;
        }
        if (!(x > EXP_MIN)) {
            return 0.0;
        }
        // Round x · 64/ln 2 to the nearest integer n by adding 1.5 · 2^52: the sum's last bits are
        // n (ties to even, as Math.rint, without its call).
        double shifted = x * EXP_INV_STEP + ROUNDER;
        long n = Double.doubleToRawLongBits(shifted) - ROUNDER_BITS;
        double nd = shifted - ROUNDER;
        double r = (x - nd * EXP_STEP_HI) - nd * EXP_STEP_LO;
        // |r| <= ln 2 / 128 = 0.0054: the Taylor series to r^6 is within 4e-17 of e^r - 1.
        double tail = 1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720));
        double p = r + r * r * (0.5 + r * (1.0 / 6 + r * tail));
        double s = EXP_TABLE[(int) (n & (EXP_SIZE - 1))];
        double m = s + s * p;
        long k = n >> EXP_BITS;
        if (k > -1022 && k < 1023) {
            return m * Double.longBitsToDouble((k + 1023) << 52);
        }
        // Results near the ends of the range (subnormal, or the largest binade): scalb rounds
        // once, exactly as specified.
        return Math.scalb(m, (int) k);
    }

    /**
     * ln(1 + q) for q in [0, 1], to full relative precision even for tiny q (where forming 1 + q
     * first would lose q's low digits).
     */
    static double log1p(double q) {
        double u = 1.0 + q; // in [1, 2]; u - 1 is exact
        int j = (int) ((u - 1.0) * LOG_SIZE); // 0..64
        double f = (u - (1.0 + (double) j / LOG_SIZE)) * LOG_INVERSE[j]; // 0 <= f < 1/64
        // ln(1 + f) by its series to f^9 (error below f^10 / 10 < 1e-18), then the rounding of
        // u = 1 + q put back: ln(1 + q) = ln(u) + (q - (u - 1)) / u to first order.
        double high = 1.0 / 6 - f * (1.0 / 7 - f * (1.0 / 8 - f * (1.0 / 9)));
        double low = 1.0 / 2 - f * (1.0 / 3 - f * (1.0 / 4 - f * (1.0 / 5 - f * high)));
        double series = f * (1.0 - f * low);
        double correction = (q - (u - 1.0)) * LOG_INVERSE[j] * (1.0 - f);
        return LOG_TABLE[j] + series + correction;
    }

    /** ln v for v > 0 (−∞ for 0, NaN for negative or NaN, +∞ for +∞). */
    static double log(double v) {
        if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
            return v == 0 ? Double.NEGATIVE_INFINITY : v != v || v < 0 ? Double.NaN : v;
        }
        int shift = 0;
        if (v < Double.MIN_NORMAL) { // subnormal: scale into the normal range first
            v *= 0x1.0p54;
            shift = 54;
        }
        long bits = Double.doubleToRawLongBits(v);
        int exponent = (int) (bits >>> 52) - 1023 - shift;
        // The same significand with exponent 0: in [1, 2).
        double mantissa = Double.longBitsToDouble((bits & SIGNIFICAND) | ONE_BITS);
        return exponent * LN2_HI + (exponent * LN2_LO + log1p(mantissa - 1.0));
    }
}
