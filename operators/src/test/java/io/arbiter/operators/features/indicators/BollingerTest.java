package io.arbiter.operators.features.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BollingerTest {

    @Test
    void usesThePopulationStandardDeviation() {
        Bollinger bb = new Bollinger(4, 2);
        for (double x : new double[] {1, 2, 3, 4}) {
            bb.update(x);
        }
        double sd = Math.sqrt(1.25);
        assertThat(bb.middle()).isEqualTo(2.5);
        assertThat(bb.upper()).isCloseTo(2.5 + 2 * sd, within(1e-15));
        assertThat(bb.lower()).isCloseTo(2.5 - 2 * sd, within(1e-15));
        assertThat(bb.percentB()).isCloseTo((4 - bb.lower()) / (4 * sd), within(1e-15));
    }

    @Test
    void flatWindowHasNoBandAndNoPercentB() {
        Bollinger bb = new Bollinger(3, 2);
        for (double x : new double[] {1.7, 2.9, 0.3, 0.3, 0.3}) {
            bb.update(x);
        }
        assertThat(bb.upper()).isEqualTo(bb.lower());
        assertThat(bb.percentB()).isNaN();
    }
}
