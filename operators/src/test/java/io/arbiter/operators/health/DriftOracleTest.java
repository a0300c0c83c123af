package io.arbiter.operators.health;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PSI and KS of each feature in {@code drift_features_long.csv} against {@code drift_metrics.csv}
 * and {@code psi_bins.csv}. As the oracle did: per feature, NaNs dropped (the file has none left),
 * the first floor(m/2) values are the reference and the rest the current sample.
 */
class DriftOracleTest {

    private static final double TOLERANCE = 1e-9;

    /** One feature's two samples, split by the oracle's rule. */
    record Samples(double[] reference, double[] actual) {

        static Samples of(String feature) {
            List<CalibrationOracle.Row> rows =
                    CalibrationOracle.rows("drift_features_long.csv").stream()
                            .filter(row -> row.text("feature").equals(feature))
                            .toList();
            double[] values = rows.stream().mapToDouble(row -> row.number("value")).toArray();
            int referenceSize = values.length / 2;
            for (int i = 0; i < rows.size(); i++) {
                String half = i < referenceSize ? "ref" : "act";
                assertThat(rows.get(i).text("half")).as(feature + " row " + i).isEqualTo(half);
            }
            return new Samples(
                    Arrays.copyOfRange(values, 0, referenceSize),
                    Arrays.copyOfRange(values, referenceSize, values.length));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsi14", "volume", "close_logret", "close"})
    void psiAndKsMatchDriftMetrics(String feature) {
        Samples samples = Samples.of(feature);
        CalibrationOracle.Row expected =
                CalibrationOracle.rows("drift_metrics.csv").stream()
                        .filter(row -> row.text("feature").equals(feature))
                        .findFirst()
                        .orElseThrow();

        PopulationStability psi = PopulationStability.of(samples.reference(), samples.actual());
        KolmogorovSmirnov ks = KolmogorovSmirnov.of(samples.reference(), samples.actual());

        assertThat((double) ks.referenceSize()).isEqualTo(expected.number("n_ref"));
        assertThat((double) ks.actualSize()).isEqualTo(expected.number("n_act"));
        assertThat((double) psi.emptyReferenceBins())
                .isEqualTo(expected.number("n_empty_bins_ref"));
        assertThat((double) psi.emptyActualBins()).isEqualTo(expected.number("n_empty_bins_act"));
        RelativeErrors errors = new RelativeErrors(feature + " drift_metrics.csv", TOLERANCE);
        errors.check("psi", psi.psi(), expected.number("psi"));
        errors.check("ks_D", ks.statistic(), expected.number("ks_D"));
        errors.report();
        RelativeErrors pValue = new RelativeErrors(feature + " ks_p_value", 1e-9);
        pValue.check("ks_p_value", ks.asymptoticPValue(), expected.number("ks_p_value"));
        pValue.report();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsi14", "volume", "close_logret", "close"})
    void everyBinMatchesPsiBins(String feature) {
        Samples samples = Samples.of(feature);
        List<CalibrationOracle.Row> expectedBins =
                CalibrationOracle.rows("psi_bins.csv").stream()
                        .filter(row -> row.text("feature").equals(feature))
                        .toList();

        List<PopulationStability.Bin> bins =
                PopulationStability.of(samples.reference(), samples.actual()).bins();

        assertThat(bins).hasSize(expectedBins.size());
        RelativeErrors errors = new RelativeErrors(feature + " psi_bins.csv", TOLERANCE);
        for (int b = 0; b < bins.size(); b++) {
            PopulationStability.Bin bin = bins.get(b);
            CalibrationOracle.Row expected = expectedBins.get(b);
            String name = "bin " + bin.number();
            assertThat((double) bin.number()).isEqualTo(expected.number("bin"));
            assertThat((double) bin.referenceCount())
                    .as(name + " ref_count")
                    .isEqualTo(expected.number("ref_count"));
            assertThat((double) bin.actualCount())
                    .as(name + " act_count")
                    .isEqualTo(expected.number("act_count"));
            errors.check(name + " lower", bin.lower(), expected.number("lower"));
            errors.check(name + " upper", bin.upper(), expected.number("upper"));
            errors.check(
                    name + " ref_prop", bin.referenceProportion(), expected.number("ref_prop"));
            errors.check(name + " act_prop", bin.actualProportion(), expected.number("act_prop"));
            errors.check(
                    name + " ref_prop_eps",
                    bin.referenceProportionUsed(),
                    expected.number("ref_prop_eps"));
            errors.check(
                    name + " act_prop_eps",
                    bin.actualProportionUsed(),
                    expected.number("act_prop_eps"));
            errors.check(name + " psi_term", bin.term(), expected.number("psi_term"));
        }
        errors.report();
    }
}
