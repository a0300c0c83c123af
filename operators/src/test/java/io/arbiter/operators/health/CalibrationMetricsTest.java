package io.arbiter.operators.health;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static io.arbiter.operators.health.CalibrationOracle.SET_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-checkable cases of the metric definitions; the oracle comparison is in the *OracleTests. */
class CalibrationMetricsTest {

    private static final Offset<Double> EXACT = Offset.offset(1e-15);

    /** {@code pairs_C_toy.csv}: ten pairs with three tied at 0.4. */
    private static final double[] TOY_P = {0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.05, 0.4, 0.65, 0.2};

    private static final double[] TOY_Y = {0, 0, 1, 1, 1, 1, 0, 0, 1, 0};

    @Test
    void toySetScoresAsTheReadmeSays() {
        assertThat(CalibrationMetrics.brier(TOY_P, TOY_Y)).isCloseTo(0.13275, EXACT);
        assertThat(CalibrationMetrics.rocAuc(TOY_P, TOY_Y)).isCloseTo(0.88, EXACT);
        assertThat(CalibrationMetrics.expectedCalibrationError(TOY_P, TOY_Y, 10))
                .isCloseTo(0.185, EXACT);
        assertThat(CalibrationMetrics.maximumCalibrationError(TOY_P, TOY_Y, 10))
                .isCloseTo(0.65, EXACT);
        assertThat(CalibrationMetrics.countTiedScores(TOY_P)).isEqualTo(2);
        assertThat(CalibrationMetrics.countPositives(TOY_Y)).isEqualTo(5);
    }

    @Test
    void aucEqualsThePairwiseCountWithTiesAsHalf() {
        double[] p = CalibrationOracle.column(CalibrationOracle.pairsFile(SET_A), "p");
        double[] y = CalibrationOracle.column(CalibrationOracle.pairsFile(SET_A), "y");
        // Coarsen the scores so that many pairs tie.
        double[] coarse = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            coarse[i] = Math.round(p[i] * 50) / 50.0;
        }
        assertThat(CalibrationMetrics.rocAuc(coarse, y)).isCloseTo(pairwiseAuc(coarse, y), EXACT);
        assertThat(CalibrationMetrics.rocAuc(p, y)).isCloseTo(pairwiseAuc(p, y), EXACT);
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        assertThat(CalibrationMetrics.rocAuc(new double[] {0.2, 0.7}, new double[] {1, 1})).isNaN();
    }

    @Test
    void binsAreFoundByMultiplyingNotDividing() {
        // 0.7 / 0.1 = 6.999…, which would put 0.7 in the 7th bin; 10 · 0.7 = 7 puts it in the 8th.
        assertThat(ReliabilityBins.binIndex(0.7, 10)).isEqualTo(7);
        assertThat(ReliabilityBins.binIndex(0.3, 10)).isEqualTo(3);
        assertThat(ReliabilityBins.binIndex(1.0, 10)).isEqualTo(9);
        assertThat(ReliabilityBins.binIndex(0.0, 10)).isZero();
    }

    @Test
    void logLossClipsCertainMisses() {
        double loss = CalibrationMetrics.logLoss(new double[] {0.0, 1.0}, new double[] {1, 1});
        assertThat(loss).isCloseTo(-Math.log(1e-15) / 2, Offset.offset(1e-12));
    }

    @Test
    void rejectsProbabilitiesOutsideTheUnitInterval() {
        assertThatThrownBy(
                        () ->
                                CalibrationMetrics.brier(
                                        new double[] {0.5, 1.5}, new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> CalibrationMetrics.brier(new double[] {0.5}, new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double pairwiseAuc(double[] scores, double[] outcomes) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (outcomes[i] != 1) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (outcomes[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
