package io.arbiter.operators.allocation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Exact P(best) against SciPy's numerical integrals (oracles/allocation), exact closed forms, and
 * the properties any P(best) has. Observed agreement with the oracles is about 1e-14; the tolerance
 * below is what the allocator promises.
 */
class ProbabilityBestTest {

    private static final double PROMISED = 1e-12;

    @Test
    void twoModelsMatchTheIntegratedProbabilityThatOneBetaExceedsTheOther() {
        for (String[] row : AllocationOracle.rows("beta_p_greater.csv")) {
            double[] p = of(num(row[0]), num(row[1]), num(row[2]), num(row[3]));
            assertThat(p[0])
                    .as("P(Beta(%s,%s) > Beta(%s,%s))", row[0], row[1], row[2], row[3])
                    .isCloseTo(num(row[4]), within(PROMISED));
            assertThat(p[0] + p[1]).isCloseTo(1.0, within(1e-14));
        }
    }

    @Test
    void fourModelsMatchTheIntegratedProbabilityOfBeingBest() {
        List<String[]> rows = AllocationOracle.rows("beta_p_best.csv");
        double[] alpha = new double[rows.size()];
        double[] beta = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            alpha[i] = num(rows.get(i)[0]);
            beta[i] = num(rows.get(i)[1]);
        }
        double[] p = ProbabilityBest.of(alpha, beta);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(p[i]).isCloseTo(num(rows.get(i)[2]), within(PROMISED));
        }
    }

    @Test
    void peakedUShapedJShapedDiscountedAndTenModelSetsMatchTheIntegrals() {
        Map<String, List<String[]>> sets = new LinkedHashMap<>();
        for (String[] row : AllocationOracle.rows("beta_p_best_hard.csv")) {
            sets.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
        }
        assertThat(sets).hasSize(7);
        sets.forEach(
                (name, rows) -> {
                    double[] alpha = new double[rows.size()];
                    double[] beta = new double[rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        alpha[i] = num(rows.get(i)[1]);
                        beta[i] = num(rows.get(i)[2]);
                    }
                    double[] p = ProbabilityBest.of(alpha, beta);
                    for (int i = 0; i < rows.size(); i++) {
                        assertThat(p[i])
                                .as("%s: Beta(%s, %s)", name, alpha[i], beta[i])
                                .isCloseTo(num(rows.get(i)[3]), within(PROMISED));
                    }
                });
    }

    @Test
    void wholeCountsMatchTheClosedFormSumToThirteenDigits() {
        // P(X > Y) for whole parameters is a finite sum of Beta functions (E. Miller, "Formulas
        // for Bayesian A/B testing", 2015), evaluated here in exact rational arithmetic.
        int[][] cases = {
            {36, 17, 1, 1},
            {20, 10, 15, 15},
            {61, 21, 31, 51},
            {5, 5, 6, 4},
            {300, 200, 290, 200},
            {1, 1, 1, 1},
            {2, 40, 3, 39},
            {120, 80, 118, 82}
        };
        for (int[] c : cases) {
            double exact = BetaClosedForms.greater(c[0], c[1], c[2], c[3]);
            assertThat(of(c[0], c[1], c[2], c[3])[0])
                    .as("P(Beta(%d,%d) > Beta(%d,%d))", c[0], c[1], c[2], c[3])
                    .isCloseTo(exact, within(1e-13));
        }
    }

    @Test
    void aPowerPosteriorBeatsAnotherWithProbabilityProportionalToItsExponent() {
        // X ~ Beta(a, 1) has CDF x^a, so P(X > Y) = ∫ a x^(a−1) x^c dx = a / (a + c) for Y ~
        // Beta(c, 1): exact for any a, c, including the J-shaped ones below 1.
        double[][] cases = {{1, 1}, {3.7, 1}, {0.5, 1}, {0.2, 2.5}, {40, 0.3}, {1, 1e-3}};
        for (double[] c : cases) {
            assertThat(of(c[0], 1, c[1], 1)[0])
                    .as("P(Beta(%s,1) > Beta(%s,1))", c[0], c[1])
                    .isCloseTo(c[0] / (c[0] + c[1]), within(1e-13));
            // and mirrored: 1 − X ~ Beta(1, a), so P(Beta(1, a) > Beta(1, c)) = c / (a + c)
            assertThat(of(1, c[0], 1, c[1])[0]).isCloseTo(c[1] / (c[0] + c[1]), within(1e-13));
        }
    }

    @Test
    void identicalPosteriorsShareTheProbabilityEquallyWhateverTheirShape() {
        double[][] shapes = {
            {1, 1, 50},
            {0.5, 0.5, 3},
            {300, 200, 7},
            {36, 17, 20},
            {0.01, 0.02, 4},
            {2, 58, 100},
            {1e-3, 1e-3, 2},
            {1e-6, 1e-6, 3}
        };
        for (double[] s : shapes) {
            int n = (int) s[2];
            double[] alpha = new double[n];
            double[] beta = new double[n];
            Arrays.fill(alpha, s[0]);
            Arrays.fill(beta, s[1]);
            double[] p = ProbabilityBest.of(alpha, beta);
            for (double v : p) {
                assertThat(v)
                        .as("%d × Beta(%s, %s)", n, s[0], s[1])
                        .isCloseTo(1.0 / n, within(1e-13));
            }
        }
    }

    @Test
    void posteriorsOfTensOfThousandsOfTradesStayWithinTheirRoundingFloor() {
        double[] p =
                ProbabilityBest.of(
                        new double[] {1e4, 1e4, 1e4, 1e4, 1e4},
                        new double[] {1e4, 1e4, 1e4, 1e4, 1e4});
        for (double v : p) {
            assertThat(v).isCloseTo(0.2, within(2e-12));
        }
        // 20,000 trades each, 52 % against 51.9 % wins: nearly a coin flip, but not quite.
        double[] close = of(10_400, 9_600, 10_380, 9_620);
        assertThat(close[0]).isBetween(0.5, 1.0);
        assertThat(close[0] + close[1]).isCloseTo(1.0, within(1e-11));
    }

    @Test
    void probabilitiesAreBetweenZeroAndOneAndAddUpToOne() {
        SplittableRandom random = new SplittableRandom(20261121L);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + random.nextInt(trial < 250 ? 12 : 100);
            double[] alpha = new double[n];
            double[] beta = new double[n];
            for (int i = 0; i < n; i++) {
                // Priors from 0.05 to 5, then up to 2,000 trades split at a random win rate.
                double trades =
                        random.nextDouble() < 0.3 ? 0 : StrictMath.pow(2000, random.nextDouble());
                double win = random.nextDouble();
                alpha[i] = StrictMath.pow(100, random.nextDouble()) / 20 + trades * win;
                beta[i] = StrictMath.pow(100, random.nextDouble()) / 20 + trades * (1 - win);
            }
            double[] p = ProbabilityBest.of(alpha, beta);
            double sum = 0;
            for (double v : p) {
                assertThat(v).isBetween(0.0, 1.0 + 1e-15);
                sum += v;
            }
            assertThat(sum).as("trial %d, %d models", trial, n).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void aWinRaisesAModelsProbabilityAndALossLowersIt() {
        double[] alpha = {36, 10, 1, 2};
        double[] beta = {17, 8, 1, 5};
        double base = ProbabilityBest.of(alpha, beta)[1];
        alpha[1] += 1;
        double afterWin = ProbabilityBest.of(alpha, beta)[1];
        alpha[1] -= 1;
        beta[1] += 1;
        double afterLoss = ProbabilityBest.of(alpha, beta)[1];
        assertThat(afterWin).isGreaterThan(base);
        assertThat(afterLoss).isLessThan(base);
    }

    @Test
    void theOrderOfTheModelsDoesNotMatter() {
        double[] alpha = {2, 9, 16, 30, 37, 58, 6};
        double[] beta = {2, 13, 24, 2, 13, 2, 13};
        double[] p = ProbabilityBest.of(alpha, beta);
        int n = alpha.length;
        double[] reversedAlpha = new double[n];
        double[] reversedBeta = new double[n];
        for (int i = 0; i < n; i++) {
            reversedAlpha[i] = alpha[n - 1 - i];
            reversedBeta[i] = beta[n - 1 - i];
        }
        double[] reversed = ProbabilityBest.of(reversedAlpha, reversedBeta);
        for (int i = 0; i < n; i++) {
            assertThat(reversed[n - 1 - i]).isCloseTo(p[i], within(1e-15));
        }
    }

    @Test
    void theSamePosteriorsGiveTheSameBitsEveryTime() {
        double[] alpha = {36, 10, 1, 2, 7.861894039100001};
        double[] beta = {17, 8, 1, 5, 1};
        double[] first = ProbabilityBest.of(alpha, beta);
        double[] second = ProbabilityBest.of(alpha.clone(), beta.clone());
        for (int i = 0; i < first.length; i++) {
            assertThat(Double.doubleToRawLongBits(second[i]))
                    .isEqualTo(Double.doubleToRawLongBits(first[i]));
        }
    }

    @Test
    void aClearlyBetterPosteriorIsAlmostCertainlyBest() {
        // 60 wins in 80 trades against 30 in 80.
        double[] p = of(61, 21, 31, 51);
        assertThat(p[0]).isGreaterThan(0.99999);
        assertThat(p[1]).isGreaterThan(0.0);
    }

    @Test
    void noModelsGiveNoProbabilitiesAndOneModelIsCertainlyBest() {
        assertThat(ProbabilityBest.of(new double[0], new double[0])).isEmpty();
        assertThat(ProbabilityBest.of(new double[] {3}, new double[] {9})).containsExactly(1.0);
    }

    @Test
    void refusesPosteriorsThatAreNotProperBetas() {
        assertThatThrownBy(() -> of(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of(1, Double.NaN, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of(1, 1, Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProbabilityBest.of(new double[2], new double[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] of(double a1, double b1, double a2, double b2) {
        return ProbabilityBest.of(new double[] {a1, a2}, new double[] {b1, b2});
    }

    private static double num(String s) {
        return Double.parseDouble(s);
    }
}
