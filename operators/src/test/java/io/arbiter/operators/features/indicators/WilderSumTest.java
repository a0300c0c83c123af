package io.arbiter.operators.features.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WilderSumTest {

    @Test
    void seedsWithTtrsRuleNotThePlainSum() {
        WilderSum ws = new WilderSum(4);
        assertThat(ws.update(Double.NaN)).as("leading NaN skipped").isNaN();
        assertThat(ws.update(1)).isNaN();
        assertThat(ws.update(2)).isNaN();
        assertThat(ws.update(3)).isNaN();
        // x[f+n-1] + (x[f]+...+x[f+n-2])*(n-1)/n = 4 + 6*3/4; the textbook seed would be 10.
        assertThat(ws.update(4)).isEqualTo(8.5);
        assertThat(ws.update(2)).isEqualTo(2 + 8.5 * 3 / 4);
    }
}
