package io.arbiter.operators.health;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.arbiter.operators.health.CalibrationOracle.SET_A;
import static io.arbiter.operators.health.CalibrationOracle.SET_C;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ece_bins.csv} bin by bin, and each pair's {@code ece_bin} in the pairs files: the bins of
 * {@link ReliabilityBins} are the oracle's, empty ones included (NaN means where R wrote NaN).
 */
class ReliabilityBinsOracleTest {

    private static final int BINS = 10;

    @ParameterizedTest
    @ValueSource(strings = {SET_A, SET_C})
    void everyBinMatchesTheOracle(String set) {
        String pairs = CalibrationOracle.pairsFile(set);
        ReliabilityBins computed =
                ReliabilityBins.of(
                        CalibrationOracle.column(pairs, "p"),
                        CalibrationOracle.column(pairs, "y"),
                        BINS);
        List<CalibrationOracle.Row> oracle =
                CalibrationOracle.rows("ece_bins.csv").stream()
                        .filter(row -> row.text("set").equals(set))
                        .toList();

        assertThat(computed.bins()).hasSize(oracle.size());
        RelativeErrors errors = new RelativeErrors(set + " ece_bins.csv", 1e-9);
        for (int b = 0; b < BINS; b++) {
            ReliabilityBins.Bin bin = computed.bins().get(b);
            CalibrationOracle.Row expected = oracle.get(b);
            String name = "bin " + bin.number();
            assertThat((double) bin.number()).as(name).isEqualTo(expected.number("bin"));
            assertThat((double) bin.count()).as(name + " n").isEqualTo(expected.number("n"));
            errors.check(name + " lower", bin.lower(), expected.number("lower"));
            errors.check(name + " upper", bin.upper(), expected.number("upper"));
            errors.check(name + " mean_p", bin.meanProbability(), expected.number("mean_p"));
            errors.check(name + " frac_pos", bin.fractionPositive(), expected.number("frac_pos"));
            errors.check(name + " abs_gap", bin.absoluteGap(), expected.number("abs_gap"));
            errors.check(name + " weight", computed.weight(bin), expected.number("weight"));
        }
        errors.report();
    }

    @ParameterizedTest
    @ValueSource(strings = {SET_A, SET_C})
    void everyPairFallsInTheOraclesBin(String set) {
        String pairs = CalibrationOracle.pairsFile(set);
        double[] p = CalibrationOracle.column(pairs, "p");
        double[] oracleBin = CalibrationOracle.column(pairs, "ece_bin");
        for (int i = 0; i < p.length; i++) {
            assertThat(ReliabilityBins.binIndex(p[i], BINS) + 1.0)
                    .as("row %d, p = %s", i + 1, p[i])
                    .isEqualTo(oracleBin[i]);
        }
    }
}
