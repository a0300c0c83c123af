package io.arbiter.operators.allocation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** P(best) from Thompson draws against SciPy's numerical integrals (oracles/allocation). */
class ProbabilityBestTest {

    @Test
    void twoArmEstimateMatchesTheIntegratedProbabilityThatOneBetaExceedsTheOther() {
        int draws = 200_000;
        for (String[] row : AllocationOracle.rows("beta_p_greater.csv")) {
            double p = Double.parseDouble(row[4]);
            double[] estimate =
                    estimate(
                            draws,
                            31,
                            new double[] {num(row[0]), num(row[1])},
                            new double[] {num(row[2]), num(row[3])});
            // Binomial standard error of a share of `draws` rounds; five of them.
            double tolerance = 5 * Math.sqrt(p * (1 - p) / draws) + 1e-9;
            assertThat(estimate[0])
                    .as("P(Beta(%s,%s) > Beta(%s,%s))", row[0], row[1], row[2], row[3])
                    .isCloseTo(p, within(tolerance));
            assertThat(estimate[0] + estimate[1]).isEqualTo(1.0);
        }
    }

    @Test
    void theDesksThousandDrawsLandWithinSamplingErrorOfTheIntegral() {
        // K = 1,000 (allocation.draws): the estimate's standard error is sqrt(p(1−p)/1000).
        for (String[] row : AllocationOracle.rows("beta_p_greater.csv")) {
            double p = Double.parseDouble(row[4]);
            for (long seed = 1; seed <= 20; seed++) {
                double[] estimate =
                        estimate(
                                1000,
                                seed,
                                new double[] {num(row[0]), num(row[1])},
                                new double[] {num(row[2]), num(row[3])});
                assertThat(estimate[0]).isCloseTo(p, within(4.5 * Math.sqrt(p * (1 - p) / 1000)));
            }
        }
    }

    @Test
    void fourArmEstimateMatchesTheIntegratedProbabilityOfBeingBest() {
        var rows = AllocationOracle.rows("beta_p_best.csv");
        double[][] params = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            params[i] = new double[] {num(rows.get(i)[0]), num(rows.get(i)[1])};
        }
        int draws = 200_000;
        double[] estimate = estimate(draws, 5, params);
        for (int i = 0; i < rows.size(); i++) {
            double p = num(rows.get(i)[2]);
            assertThat(estimate[i]).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / draws)));
        }
    }

    @Test
    void aClearlyBetterPosteriorGetsMostOfTheProbability() {
        // 60 wins in 80 trades against 30 in 80: the first is best in nearly every round.
        double[] p = estimate(1000, 9, new double[] {61, 21}, new double[] {31, 51});
        assertThat(p[0]).isGreaterThan(0.99);
    }

    @Test
    void noArmsGiveNoProbabilities() {
        assertThat(ProbabilityBest.estimate(new BetaSampler[0], new DrawStream[0], 10)).isEmpty();
    }

    private static double[] estimate(int draws, long seed, double[]... params) {
        BetaSampler[] arms = new BetaSampler[params.length];
        DrawStream[] streams = new DrawStream[params.length];
        for (int i = 0; i < params.length; i++) {
            arms[i] = new BetaSampler(params[i][0], params[i][1]);
            streams[i] = new DrawStream(DrawKeys.of(seed, "book", "arm-" + i, 0));
        }
        return ProbabilityBest.estimate(arms, streams, draws);
    }

    private static double num(String s) {
        return Double.parseDouble(s);
    }
}
