package io.arbiter.operators.health;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.arbiter.operators.health.CalibrationOracle.SET_A;
import static io.arbiter.operators.health.CalibrationOracle.SET_C;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric of {@code calibration_metrics.csv} for sets A and C against {@link
 * CalibrationReport}: counts exactly, scores within 1e-9 relative, Platt coefficients (R's glm
 * stops at a 1e-8 relative change in deviance) within 1e-6 relative.
 */
class CalibrationReportOracleTest {

    private static final double METRIC_TOLERANCE = 1e-9;
    private static final double GLM_TOLERANCE = 1e-6;

    /**
     * Keys about how set A's scores were produced; {@link ModelCoefficientsOracleTest} checks them.
     */
    private static final String MODEL_PREFIX = "model.";

    @ParameterizedTest
    @ValueSource(strings = {SET_A, SET_C})
    void everyMetricOfTheSetMatchesTheOracle(String set) {
        String pairs = CalibrationOracle.pairsFile(set);
        double[] p = CalibrationOracle.column(pairs, "p");
        double[] y = CalibrationOracle.column(pairs, "y");
        Map<String, Number> computed =
                CalibrationReport.of(p, y, CalibrationReport.DEFAULT_BINS).byMetricName();
        Map<String, Double> oracle = CalibrationOracle.metrics(set);

        RelativeErrors metrics = new RelativeErrors(set + " metrics", METRIC_TOLERANCE);
        RelativeErrors platt = new RelativeErrors(set + " platt", GLM_TOLERANCE);
        Set<String> unchecked = new TreeSet<>();
        for (Map.Entry<String, Double> expected : oracle.entrySet()) {
            String key = expected.getKey();
            if (key.startsWith(MODEL_PREFIX)) {
                continue;
            }
            if (!computed.containsKey(key)) {
                unchecked.add(key);
                continue;
            }
            Number value = computed.get(key);
            assertThat(value).as(set + " " + key).isNotNull();
            if (value instanceof Integer count) {
                assertThat((double) count).as(set + " " + key).isEqualTo(expected.getValue());
            } else if (key.startsWith("platt_")) {
                platt.check(key, value.doubleValue(), expected.getValue());
            } else {
                metrics.check(key, value.doubleValue(), expected.getValue());
            }
        }
        metrics.report();
        platt.report();
        assertThat(unchecked).as("oracle metrics the report does not compute").isEmpty();
        assertThat(computed.keySet())
                .containsAll(
                        oracle.keySet().stream()
                                .filter(key -> !key.startsWith(MODEL_PREFIX))
                                .toList());
    }

    /** The oracle fitted Platt on R's own logit η; the report derives it from p. Same fit. */
    @ParameterizedTest
    @ValueSource(strings = {SET_A, SET_C})
    void plattOnTheOraclesLogitScoreMatchesToo(String set) {
        String pairs = CalibrationOracle.pairsFile(set);
        double[] logit = CalibrationOracle.column(pairs, "score_logit");
        double[] y = CalibrationOracle.column(pairs, "y");
        Map<String, Double> oracle = CalibrationOracle.metrics(set);

        PlattScaling plain = PlattScaling.fit(logit, y);
        PlattScaling smoothed = PlattScaling.fitSmoothedTargets(logit, y);

        RelativeErrors errors = new RelativeErrors(set + " platt on score_logit", GLM_TOLERANCE);
        errors.check("intercept", plain.intercept(), oracle.get("platt_on_logit.intercept"));
        errors.check("slope", plain.slope(), oracle.get("platt_on_logit.slope"));
        errors.check(
                "smoothed intercept",
                smoothed.intercept(),
                oracle.get("platt_on_logit.smoothed_targets_intercept"));
        errors.check(
                "smoothed slope",
                smoothed.slope(),
                oracle.get("platt_on_logit.smoothed_targets_slope"));
        errors.report();
    }
}
