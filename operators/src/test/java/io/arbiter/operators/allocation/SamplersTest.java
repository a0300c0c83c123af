package io.arbiter.operators.allocation;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The samplers against SciPy's quantiles (oracles/allocation/deciles.csv): about a tenth of the
 * variates must fall between neighbouring deciles. Chi-square with 9 degrees of freedom; 27.88 is
 * its 0.999 quantile. The streams are seeded, so each run tests the same numbers.
 */
class SamplersTest {

    private static final int N = 200_000;
    private static final double CHI2_9_AT_0_999 = 27.877;

    @Test
    void zigguratTablesCloseOnTheirOwnDefinition() {
        // Marsaglia & Tsang: the base strip's right edge is r, and every layer has area v; for
        // the top layer that is x_1 · (1 − f(x_1)) with f(x) = exp(−x²/2).
        assertThat(NormalZiggurat.edge(255)).isEqualTo(NormalZiggurat.R);
        double x1 = NormalZiggurat.edge(1);
        assertThat(x1 * (1 - NormalZiggurat.density(1))).isCloseTo(NormalZiggurat.V, within(1e-11));
        for (int i = 2; i < 256; i++) {
            double area =
                    NormalZiggurat.edge(i)
                            * (NormalZiggurat.density(i - 1) - NormalZiggurat.density(i));
            assertThat(area).as("layer %d", i).isCloseTo(NormalZiggurat.V, within(1e-11));
        }
    }

    @Test
    void normalVariatesFollowTheNormalDeciles() {
        DrawStream stream = new DrawStream(11);
        assertChiSquare(
                () -> NormalZiggurat.sample(stream), AllocationOracle.deciles("normal", 0, 1));
    }

    @Test
    void normalVariatesReachTheTailBeyondTheBaseStripAsOftenAsTheyShould() {
        // P(Z > r) = 1.29016e-4 (SciPy); both tails over 4 million variates: ~1032 expected.
        double tail =
                Double.parseDouble(
                        AllocationOracle.rows("deciles.csv").stream()
                                .filter(r -> r[0].equals("normal-tail"))
                                .findFirst()
                                .orElseThrow()[3]);
        DrawStream stream = new DrawStream(12);
        int n = 4_000_000;
        int beyond = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(NormalZiggurat.sample(stream)) > NormalZiggurat.R) {
                beyond++;
            }
        }
        double expected = 2 * tail * n;
        assertThat((double) beyond).isCloseTo(expected, within(5 * Math.sqrt(expected)));
    }

    @Test
    void gammaVariatesFollowTheGammaDecilesForSmallAndLargeShapes() {
        for (double shape : new double[] {0.3, 1, 2.5, 36}) {
            GammaSampler gamma = new GammaSampler(shape);
            DrawStream stream = new DrawStream(100 + (long) (shape * 10));
            DoubleSupplier draw =
                    gamma.direct()
                            ? () -> gamma.sample(stream)
                            : () -> Math.exp(gamma.logSample(stream));
            assertChiSquare(draw, AllocationOracle.deciles("gamma", shape, 1));
        }
    }

    @Test
    void betaVariatesFollowTheBetaDecilesIncludingParametersBelowOne() {
        double[][] params = {{1, 1}, {36, 17}, {0.5, 0.5}, {2, 30}, {0.2, 3}};
        for (double[] p : params) {
            BetaSampler beta = new BetaSampler(p[0], p[1]);
            DrawStream stream = new DrawStream(200 + (long) (p[0] * 7 + p[1]));
            assertChiSquare(
                    () -> beta.sample(stream), AllocationOracle.deciles("beta", p[0], p[1]));
        }
    }

    @Test
    void betaVariatesHaveTheBetaMeanAndVariance() {
        // Beta(36, 17): mean 36/53 = 0.679245…, variance αβ/((α+β)²(α+β+1)) = 612/151686.
        BetaSampler beta = new BetaSampler(36, 17);
        DrawStream stream = new DrawStream(5);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < N; i++) {
            double x = beta.sample(stream);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / N;
        double variance = sumSq / N - mean * mean;
        double expectedVariance = 612.0 / 151686.0;
        assertThat(mean).isCloseTo(36.0 / 53.0, within(5 * Math.sqrt(expectedVariance / N)));
        assertThat(variance).isCloseTo(expectedVariance, within(0.02 * expectedVariance));
    }

    @Test
    void aTinyShapeNeverUnderflowsToZeroOverZero() {
        BetaSampler beta = new BetaSampler(1e-6, 1e-6);
        DrawStream stream = new DrawStream(9);
        for (int i = 0; i < 10_000; i++) {
            assertThat(beta.sample(stream)).isBetween(0.0, 1.0);
        }
    }

    private static void assertChiSquare(DoubleSupplier draw, double[] deciles) {
        int[] counts = new int[10];
        for (int i = 0; i < N; i++) {
            double x = draw.getAsDouble();
            int bin = 0;
            while (bin < 9 && x > deciles[bin]) {
                bin++;
            }
            counts[bin]++;
        }
        double expected = N / 10.0;
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        assertThat(chi2)
                .as("chi-square of %s", java.util.Arrays.toString(counts))
                .isLessThan(CHI2_9_AT_0_999);
    }
}
