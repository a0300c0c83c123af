package io.arbiter.operators.features.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StochasticTest {

    @Test
    void isAFractionOfTheRange() {
        Stochastic stoch = new Stochastic(2, 1, 1);
        stoch.update(10, 8, 9);
        stoch.update(12, 9, 11);
        assertThat(stoch.fastK()).isEqualTo((11.0 - 8) / (12 - 8));
    }

    @Test
    void flatRangeIsNanAsInTtrAndTheSmoothedLinesRecover() {
        Stochastic stoch = new Stochastic(3, 2, 2);
        for (int t = 0; t < 3; t++) {
            stoch.update(5, 5, 5);
        }
        assertThat(stoch.fastK()).as("HH == LL: 0/0").isNaN();
        assertThat(stoch.fastD()).isNaN();
        stoch.update(6, 5, 6);
        assertThat(stoch.fastK()).isEqualTo(1.0);
        assertThat(stoch.fastD()).as("flat bar still in the window").isNaN();
        stoch.update(6, 5, 5.5);
        assertThat(stoch.fastD()).isEqualTo(0.75);
        assertThat(stoch.slowD()).isNaN();
        stoch.update(6, 5, 6);
        assertThat(stoch.slowD()).isEqualTo((0.75 + 0.75) / 2);
    }
}
