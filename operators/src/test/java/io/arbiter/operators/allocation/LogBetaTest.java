package io.arbiter.operators.allocation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** ln B(a, b) by its identities, across the three ways it is computed. */
class LogBetaTest {

    @Test
    void matchesTheBetaFunctionsClosedForms() {
        // Three log-gammas of small arguments, each within about 1e-15.
        assertThat(LogBeta.of(1, 1)).isCloseTo(0.0, within(4e-15));
        assertThat(LogBeta.of(0.5, 0.5)).isCloseTo(StrictMath.log(Math.PI), within(1e-14));
        for (double a : new double[] {1e-6, 0.3, 1, 2.5, 9.99, 10, 36, 1e3, 1e6}) {
            // B(a, 1) = 1 / a
            assertThat(LogBeta.of(a, 1))
                    .as("B(%s, 1)", a)
                    .isCloseTo(-StrictMath.log(a), within(1e-14));
            assertThat(LogBeta.of(1, a)).isEqualTo(LogBeta.of(a, 1));
        }
        // B(3, 4) = 2! 3! / 6! = 1 / 60
        assertThat(LogBeta.of(3, 4)).isCloseTo(-StrictMath.log(60), within(4e-15));
    }

    @Test
    void agreesAcrossTheBoundariesBetweenItsFormulas() {
        // B(a + 1, b) = B(a, b) · a / (a + b): each step below crosses from one formula to another
        // (both small, one large, both large) somewhere, so any jump between them shows here.
        double[][] steps = {{9.5, 3}, {9.5, 30}, {9.5, 9.7}, {8.7, 1e4}, {0.4, 9.5}, {9.999, 250}};
        for (double[] s : steps) {
            double a = s[0];
            double b = s[1];
            double recurrence = LogBeta.of(a, b) + StrictMath.log(a / (a + b));
            assertThat(LogBeta.of(a + 1, b))
                    .as("B(%s + 1, %s)", a, b)
                    .isCloseTo(recurrence, within(2e-14 * Math.max(1, Math.abs(recurrence))));
        }
    }

    @Test
    void staysExactToAFewUnitsOfItsOwnSizeForPosteriorsOfManyTrades() {
        // ln B(300, 200) = ln(299! 199! / 499!), here from the same recurrence in exact steps:
        // B(n + 1, m) = B(n, m) n / (n + m), starting from B(1, 200) = 1 / 200.
        double exact = -StrictMath.log(200);
        for (int n = 1; n < 300; n++) {
            exact += StrictMath.log((double) n / (n + 200));
        }
        assertThat(LogBeta.of(300, 200)).isCloseTo(exact, within(1e-12));
    }
}
