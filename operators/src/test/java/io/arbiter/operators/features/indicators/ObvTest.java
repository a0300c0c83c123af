package io.arbiter.operators.features.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObvTest {

    @Test
    void startsAtThePlusFirstVolume() {
        assertThat(new Obv().update(Double.NaN, 700)).isEqualTo(700.0);
    }

    @Test
    void addsUpDownAndNothingForAnUnchangedClose() {
        Obv obv = new Obv();
        obv.update(Double.NaN, 100);
        assertThat(obv.update(0.01, 40)).isEqualTo(140.0);
        assertThat(obv.update(-0.02, 60)).isEqualTo(80.0);
        assertThat(obv.update(0.0, 1_000)).isEqualTo(80.0);
    }

    @Test
    void treatsMovesBelowSqrtEpsilonAsUnchanged() {
        assertThat(Obv.UNCHANGED).isEqualTo(Math.scalb(1.0, -26));
        Obv obv = new Obv();
        obv.update(Double.NaN, 100);
        assertThat(obv.update(1e-9, 50)).isEqualTo(100.0);
        assertThat(obv.update(-1e-9, 50)).isEqualTo(100.0);
        assertThat(obv.update(2e-8, 50)).isEqualTo(150.0);
    }
}
