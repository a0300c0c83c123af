package io.arbiter.operators.allocation;

/**
 * Standard normal variates by the ziggurat method of Marsaglia and Tsang ("The Ziggurat Method for
 * Generating Random Variables", J. Stat. Softw. 5(8), 2000) with 256 layers, r = 3.6541528853610088
 * and layer area v = 0.00492867323399 as given there.
 *
 * <p>Unlike the paper's 32-bit version, each attempt takes one 64-bit word: the layer from its
 * lowest 8 bits and a signed 53-bit abscissa from its upper bits, so the two never share a bit.
 * About 99 % of variates cost one word, a table look-up and a multiplication; the rest take the
 * paper's wedge and tail tests. Tables and slow paths use {@link StrictMath}, so the variates are
 * the same on every JVM and platform.
 */
public final class NormalZiggurat {

    static final int LAYERS = 256;
    static final double R = 3.6541528853610088;
    static final double V = 0.00492867323399;

    private static final double M = 0x1.0p52; // |abscissa| < 2^52
    private static final long[] K = new long[LAYERS];
    private static final double[] W = new double[LAYERS];
    private static final double[] F = new double[LAYERS];

    static {
        // Marsaglia & Tsang's zigset, for 256 layers and a 53-bit signed abscissa.
        double dn = R;
        double tn = dn;
        double q = V / StrictMath.exp(-0.5 * dn * dn);
        K[0] = (long) ((dn / q) * M);
        K[1] = 0;
        W[0] = q / M;
        W[LAYERS - 1] = dn / M;
        F[0] = 1.0;
        F[LAYERS - 1] = StrictMath.exp(-0.5 * dn * dn);
        for (int i = LAYERS - 2; i >= 1; i--) {
            dn = StrictMath.sqrt(-2.0 * StrictMath.log(V / dn + StrictMath.exp(-0.5 * dn * dn)));
            K[i + 1] = (long) ((dn / tn) * M);
            tn = dn;
            F[i] = StrictMath.exp(-0.5 * dn * dn);
            W[i] = dn / M;
        }
    }

    private NormalZiggurat() {}

    public static double sample(DrawStream stream) {
        long bits = stream.nextLong();
        int i = (int) bits & (LAYERS - 1);
        long j = bits >> 11;
        if (Math.abs(j) < K[i]) {
            return j * W[i];
        }
        return slow(stream, i, j);
    }

    /** The paper's {@code nfix}: the base strip's tail, the wedges, and retries. */
    private static double slow(DrawStream stream, int i, long j) {
        while (true) {
            double x = j * W[i];
            if (i == 0) {
                double xx;
                double yy;
                do {
                    xx = -StrictMath.log(stream.nextOpenUniform()) / R;
                    yy = -StrictMath.log(stream.nextOpenUniform());
                } while (yy + yy < xx * xx);
                return j > 0 ? R + xx : -R - xx;
            }
            if (F[i] + stream.nextUniform() * (F[i - 1] - F[i]) < StrictMath.exp(-0.5 * x * x)) {
                return x;
            }
            long bits = stream.nextLong();
            i = (int) bits & (LAYERS - 1);
            j = bits >> 11;
            if (Math.abs(j) < K[i]) {
                return j * W[i];
            }
        }
    }

    /** Right edge of layer {@code i} (x_i; x_255 = r), for tests of the tables. */
    static double edge(int i) {
        return W[i] * M;
    }

    /** Density (unnormalised) at the right edge of layer {@code i}, for tests. */
    static double density(int i) {
        return F[i];
    }
}
