package io.arbiter.operators.allocation;

/**
 * The m-point Gauss–Legendre rule on [−1, 1] (m even): nodes, weights, and the integrals of the
 * interpolating polynomial from −1 up to each node.
 *
 * <p>The rule integrates polynomials of degree up to 2m − 1 exactly, which is why a panel of it
 * gives the integral of a smooth density to near machine precision. The integration matrix gives,
 * from the same m density values, the CDF at every node of the panel (exact for degree up to m −
 * 1), so the allocator needs no incomplete-beta evaluation inside its grid.
 *
 * <p>Computed once at class loading by Newton's method on the Legendre recurrence, in plain double
 * arithmetic with {@link StrictMath}: the same numbers on every platform.
 */
final class GaussLegendre {

    final int size;
    final double[] nodes;
    final double[] weights;

    /**
     * The integration matrix S (S_kl = ∫ from −1 to node k of the Lagrange polynomial of node l)
     * folded by the rule's symmetry: with k' = m − 1 − k, S_k'l' = w_l − S_kl, so for the first
     * half of the nodes {@code even[l·h + k]} = (S_kl + S_kl') / 2 and {@code odd[l·h + k]} = (S_kl
     * − S_kl') / 2 (h = m / 2) act on the sums and differences of mirrored values and give all m
     * partial integrals in m²/2 multiplications instead of m².
     */
    private final double[] even;

    private final double[] odd;

    GaussLegendre(int size) {
        if (size < 2 || size % 2 != 0) {
            throw new IllegalArgumentException("an even number of nodes: " + size);
        }
        this.size = size;
        this.nodes = new double[size];
        this.weights = new double[size];
        for (int k = 0; k < size; k++) {
            // Tricomi's initial guess for the k-th largest root; Newton converges in a few steps.
            double t = StrictMath.cos(Math.PI * (k + 0.75) / (size + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double[] p = legendre(t, size);
                derivative = size * (t * p[size] - p[size - 1]) / (t * t - 1.0);
                double step = p[size] / derivative;
                t -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            double[] p = legendre(t, size);
            derivative = size * (t * p[size] - p[size - 1]) / (t * t - 1.0);
            // Ascending order: the guess above walks the roots from the largest down.
            nodes[size - 1 - k] = t;
            weights[size - 1 - k] = 2.0 / ((1.0 - t * t) * derivative * derivative);
        }
        double[][] at = new double[size][];
        for (int k = 0; k < size; k++) {
            at[k] = legendre(nodes[k], size);
        }
        double[][] matrix = new double[size][size];
        for (int k = 0; k < size; k++) {
            for (int l = 0; l < size; l++) {
                // Lagrange basis of node l in Legendre terms: w_l Σ_d (2d + 1)/2 P_d(t_l) P_d(t),
                // and ∫_{−1}^{t} P_d = (P_{d+1}(t) − P_{d−1}(t)) / (2d + 1) for d ≥ 1.
                double sum = (nodes[k] + 1.0) / 2;
                for (int d = 1; d < size; d++) {
                    sum += at[l][d] * (at[k][d + 1] - at[k][d - 1]) / 2;
                }
                matrix[k][l] = weights[l] * sum;
            }
        }
        int half = size / 2;
        this.even = new double[half * half];
        this.odd = new double[half * half];
        for (int k = 0; k < half; k++) {
            for (int l = 0; l < half; l++) {
                even[l * half + k] = (matrix[k][l] + matrix[k][size - 1 - l]) / 2;
                odd[l * half + k] = (matrix[k][l] - matrix[k][size - 1 - l]) / 2;
            }
        }
    }

    /**
     * Integrates 16 values at the nodes, {@code values[from]} to {@code values[from + 15]}: the
     * integrals from −1 up to each node go to {@code partial[from]} onward, and the integral over
     * [−1, 1] is returned.
     *
     * <p>Written out for the 16-point rule, with the 16 running sums in locals: the kernel of the
     * allocator, run once per posterior and panel, and a third faster than the same sums kept in an
     * array (C2 vectorises neither form). The order of every addition is fixed, so the result is
     * the same on every JVM.
     */
    double integrate(double[] values, int from, double[] partial) {
        if (size != 16) {
            throw new IllegalStateException("integrate is written out for 16 nodes");
        }
        double e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0, e7 = 0;
        double o0 = 0, o1 = 0, o2 = 0, o3 = 0, o4 = 0, o5 = 0, o6 = 0, o7 = 0;
        double total = 0;
        for (int l = 0; l < 8; l++) {
            double low = values[from + l];
            double high = values[from + 15 - l];
            double sum = low + high;
            double difference = low - high;
            total += weights[l] * sum;
            int c = l * 8;
            e0 += even[c] * sum;
            e1 += even[c + 1] * sum;
            e2 += even[c + 2] * sum;
            e3 += even[c + 3] * sum;
            e4 += even[c + 4] * sum;
            e5 += even[c + 5] * sum;
            e6 += even[c + 6] * sum;
            e7 += even[c + 7] * sum;
            o0 += odd[c] * difference;
            o1 += odd[c + 1] * difference;
            o2 += odd[c + 2] * difference;
            o3 += odd[c + 3] * difference;
            o4 += odd[c + 4] * difference;
            o5 += odd[c + 5] * difference;
            o6 += odd[c + 6] * difference;
            o7 += odd[c + 7] * difference;
        }
        // Node k takes E_k + O_k, its mirror 15 − k the total less E_k − O_k.
        partial[from] = e0 + o0;
        partial[from + 15] = total - (e0 - o0);
        partial[from + 1] = e1 + o1;
        partial[from + 14] = total - (e1 - o1);
        partial[from + 2] = e2 + o2;
        partial[from + 13] = total - (e2 - o2);
        partial[from + 3] = e3 + o3;
        partial[from + 12] = total - (e3 - o3);
        partial[from + 4] = e4 + o4;
        partial[from + 11] = total - (e4 - o4);
        partial[from + 5] = e5 + o5;
        partial[from + 10] = total - (e5 - o5);
        partial[from + 6] = e6 + o6;
        partial[from + 9] = total - (e6 - o6);
        partial[from + 7] = e7 + o7;
        partial[from + 8] = total - (e7 - o7);
        return total;
    }

    /** P_0(t) … P_n(t) by Bonnet's recurrence. */
    private static double[] legendre(double t, int n) {
        double[] p = new double[n + 1];
        p[0] = 1.0;
        p[1] = t;
        for (int d = 1; d < n; d++) {
            p[d + 1] = ((2 * d + 1) * t * p[d] - d * p[d - 1]) / (d + 1);
        }
        return p;
    }
}
