package io.arbiter.operators.allocation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The quadrature rule integrates what it promises to integrate exactly. */
class GaussLegendreTest {

    private final GaussLegendre rule = new GaussLegendre(16);

    @Test
    void nodesAreSymmetricAscendingAndWeightsAddUpToTheInterval() {
        double sum = 0;
        for (int k = 0; k < 16; k++) {
            assertThat(rule.nodes[k]).isCloseTo(-rule.nodes[15 - k], within(1e-15));
            assertThat(rule.weights[k]).isCloseTo(rule.weights[15 - k], within(1e-15));
            if (k > 0) {
                assertThat(rule.nodes[k]).isGreaterThan(rule.nodes[k - 1]);
            }
            sum += rule.weights[k];
        }
        assertThat(sum).isCloseTo(2.0, within(1e-14));
        // The largest node of the 16-point rule (Abramowitz and Stegun, table 25.4).
        assertThat(rule.nodes[15]).isCloseTo(0.989400934991649932596, within(1e-15));
    }

    @Test
    void integratesEveryPowerUpToDegreeThirtyOneExactly() {
        double[] values = new double[16];
        double[] partial = new double[16];
        for (int d = 0; d <= 31; d++) {
            for (int k = 0; k < 16; k++) {
                values[k] = StrictMath.pow(rule.nodes[k], d);
            }
            double exact = d % 2 == 1 ? 0.0 : 2.0 / (d + 1);
            assertThat(rule.integrate(values, 0, partial))
                    .as("∫ t^%d", d)
                    .isCloseTo(exact, within(1e-14));
        }
    }

    @Test
    void integratesEveryPowerUpToDegreeFifteenFromMinusOneToEachNode() {
        double[] values = new double[20];
        double[] partial = new double[20];
        for (int d = 0; d <= 15; d++) {
            for (int k = 0; k < 16; k++) {
                values[4 + k] = StrictMath.pow(rule.nodes[k], d); // at an offset, as a panel is
            }
            rule.integrate(values, 4, partial);
            for (int k = 0; k < 16; k++) {
                double t = rule.nodes[k];
                double exact = (StrictMath.pow(t, d + 1) - StrictMath.pow(-1, d + 1)) / (d + 1);
                assertThat(partial[4 + k])
                        .as("∫_{-1}^{t_%d} t^%d", k, d)
                        .isCloseTo(exact, within(1e-14));
            }
        }
    }

    @Test
    void refusesAnOddNumberOfNodes() {
        assertThatThrownBy(() -> new GaussLegendre(15))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
