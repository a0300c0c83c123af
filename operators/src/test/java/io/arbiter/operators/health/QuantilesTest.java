package io.arbiter.operators.health;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Type-7 quantiles on values whose R results are known by hand. */
class QuantilesTest {

    @Test
    void interpolatesLinearlyBetweenOrderStatistics() {
        // R: quantile(c(5, 1, 4, 2, 3), c(0, 0.1, 0.25, 0.5, 0.9, 1)) = 1 1.4 2 3 4.6 5
        double[] q = Quantiles.type7(new double[] {5, 1, 4, 2, 3}, 0, 0.1, 0.25, 0.5, 0.9, 1);
        assertThat(q).containsExactly(new double[] {1, 1.4, 2, 3, 4.6, 5}, Offset.offset(1e-15));
    }

    @Test
    void aCutBetweenEqualValuesIsExactlyThatValue() {
        // (1-h)·x + h·x need not round to x; R skips the interpolation when both ends are equal.
        double tied = 0.1 + 0.2;
        double[] values = {tied, tied, tied, tied, 1};
        for (double prob = 0; prob <= 0.75; prob += 0.01) {
            assertThat(Quantiles.type7(values, prob)[0]).isEqualTo(tied);
        }
    }

    @Test
    void aSingleValueIsEveryQuantile() {
        assertThat(Quantiles.type7(new double[] {7}, 0.3, 0.9)).containsExactly(7, 7);
    }

    @Test
    void rejectsEmptySamplesAndProbabilitiesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> Quantiles.type7(new double[0], 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantiles.type7(new double[] {1, 2}, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
