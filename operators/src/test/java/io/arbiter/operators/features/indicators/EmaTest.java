package io.arbiter.operators.features.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmaTest {

    @Test
    void isSeededWithTheMeanOfTheFirstNValues() {
        Ema ema = Ema.standard(3);
        assertThat(ema.update(1)).isNaN();
        assertThat(ema.update(2)).isNaN();
        assertThat(ema.update(6)).isEqualTo(3.0);
        assertThat(ema.update(7)).isEqualTo(0.5 * 7 + 0.5 * 3);
    }

    @Test
    void skipsLeadingNansAsTtrDoes() {
        Ema ema = Ema.wilder(2);
        assertThat(ema.update(Double.NaN)).isNaN();
        assertThat(ema.update(4)).isNaN();
        assertThat(ema.update(8)).as("seed placed at row k+n").isEqualTo(6.0);
        assertThat(ema.update(10)).isCloseTo(0.5 * 10 + 0.5 * 6, within(0.0));
    }

    @Test
    void holdsTheAverageAcrossALaterNan() {
        Ema ema = Ema.standard(1);
        ema.update(5);
        assertThat(ema.update(Double.NaN)).isNaN();
        assertThat(ema.value()).isEqualTo(5.0);
        assertThat(ema.update(7)).isEqualTo(7.0);
    }
}
