package io.arbiter.operators.health;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.arbiter.operators.health.CalibrationOracle.SET_A;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code A_logit_ttrc.model.*} metrics: set A's scores come from {@code glm(y_next_up ~ r1 + r2
 * + rsi + bbz + vch, binomial)} on the chronological first half of {@code model_features_ttrc.csv};
 * {@link LogisticRegression} refits it and must give R's coefficients and set A's scores.
 */
class ModelCoefficientsOracleTest {

    private static final String FEATURES = "model_features_ttrc.csv";
    private static final List<String> PREDICTORS = List.of("r1", "r2", "rsi", "bbz", "vch");
    private static final double GLM_TOLERANCE = 1e-6;

    @Test
    void refitsRsCoefficientsOnTheTrainingHalf() {
        List<CalibrationOracle.Row> train = split("train");
        List<CalibrationOracle.Row> test = split("test");
        Map<String, Double> oracle = CalibrationOracle.metrics(SET_A);

        LogisticRegression model = fit(train);

        assertThat((double) train.size()).isEqualTo(oracle.get("model.train_rows"));
        assertThat((double) test.size()).isEqualTo(oracle.get("model.test_rows"));
        RelativeErrors errors = new RelativeErrors("A model coefficients", GLM_TOLERANCE);
        double[] coefficients = model.coefficients();
        errors.check("(Intercept)", coefficients[0], oracle.get("model.coefficients.(Intercept)"));
        for (int j = 0; j < PREDICTORS.size(); j++) {
            String name = PREDICTORS.get(j);
            errors.check(name, coefficients[j + 1], oracle.get("model.coefficients." + name));
        }
        errors.report();
    }

    @Test
    void scoresTheTestHalfAsSetA() {
        LogisticRegression model = fit(split("train"));
        List<CalibrationOracle.Row> test = split("test");
        double[] p = CalibrationOracle.column(CalibrationOracle.pairsFile(SET_A), "p");
        assertThat(test).hasSize(p.length);

        RelativeErrors errors = new RelativeErrors("A scores p of the refitted model", 1e-6);
        for (int i = 0; i < p.length; i++) {
            errors.check("row " + (i + 1), model.predict(predictors(test.get(i))), p[i]);
        }
        errors.report();
    }

    private static LogisticRegression fit(List<CalibrationOracle.Row> rows) {
        double[] y = rows.stream().mapToDouble(row -> row.number("y_next_up")).toArray();
        double[][] columns = new double[PREDICTORS.size()][];
        for (int j = 0; j < PREDICTORS.size(); j++) {
            String name = PREDICTORS.get(j);
            columns[j] = rows.stream().mapToDouble(row -> row.number(name)).toArray();
        }
        return LogisticRegression.fit(y, columns);
    }

    private static double[] predictors(CalibrationOracle.Row row) {
        return PREDICTORS.stream().mapToDouble(row::number).toArray();
    }

    private static List<CalibrationOracle.Row> split(String split) {
        return CalibrationOracle.rows(FEATURES).stream()
                .filter(row -> row.text("in_model").equals("TRUE"))
                .filter(row -> row.text("split").equals(split))
                .toList();
    }
}
