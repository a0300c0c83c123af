package io.arbiter.operators.allocation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The regularised incomplete beta against SciPy's Beta deciles and closed forms. */
class IncompleteBetaTest {

    @Test
    void theCdfAtScipysDecilesIsATenthPerDecile() {
        for (String[] row : AllocationOracle.rows("deciles.csv")) {
            if (!row[0].equals("beta")) {
                continue;
            }
            double a = Double.parseDouble(row[1]);
            double b = Double.parseDouble(row[2]);
            for (int k = 1; k <= 9; k++) {
                double q = Double.parseDouble(row[2 + k]);
                assertThat(IncompleteBeta.regularized(a, b, q))
                        .as("I_%s(%s, %s)", q, a, b)
                        .isCloseTo(k / 10.0, within(1e-13));
            }
        }
    }

    @Test
    void matchesClosedFormsAtBothEnds() {
        // I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b
        for (double x : new double[] {1e-300, 1e-9, 0.01, 0.3, 0.5, 0.77, 0.999999}) {
            for (double a : new double[] {0.2, 1, 3.5, 58}) {
                assertThat(IncompleteBeta.regularized(a, 1, x))
                        .isCloseTo(
                                StrictMath.pow(x, a), within(1e-15 + 1e-13 * StrictMath.pow(x, a)));
                assertThat(IncompleteBeta.regularized(1, a, x))
                        .isCloseTo(-StrictMath.expm1(a * StrictMath.log1p(-x)), within(1e-14));
            }
        }
        assertThat(IncompleteBeta.regularized(2, 3, 0)).isEqualTo(0.0);
        assertThat(IncompleteBeta.regularized(2, 3, 1)).isEqualTo(1.0);
    }

    @Test
    void symmetricBetasHaveHalfTheirMassBelowOneHalf() {
        for (double a : new double[] {0.5, 1, 7, 300}) {
            assertThat(IncompleteBeta.regularized(a, a, 0.5)).isCloseTo(0.5, within(1e-14));
        }
        // x^a (1 − x)^b / B(a, b) is formed from logarithms near 1e4 in size: their rounding,
        // about 1e-16 (a + b), is the floor for posteriors of tens of thousands of trades.
        assertThat(IncompleteBeta.regularized(1e4, 1e4, 0.5)).isCloseTo(0.5, within(2e-12));
    }
}
