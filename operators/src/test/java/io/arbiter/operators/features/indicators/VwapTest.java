package io.arbiter.operators.features.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VwapTest {

    @Test
    void weighsPricesByVolume() {
        Vwap vwap = new Vwap(2);
        assertThat(vwap.update(10, 100)).isNaN();
        assertThat(vwap.update(20, 300)).isEqualTo((10.0 * 100 + 20 * 300) / 400);
    }

    @Test
    void windowWithoutVolumeIsNanThenRecovers() {
        Vwap vwap = new Vwap(2);
        vwap.update(10, 0);
        assertThat(vwap.update(11, 0)).isNaN();
        assertThat(vwap.update(12, 5)).isEqualTo(12.0);
    }
}
