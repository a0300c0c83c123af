package io.arbiter.models.scoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoringDeviceTest {

    @Test
    void readsCpuAndCudaDevices() {
        assertThat(ScoringDevice.parse("cpu")).isEqualTo(ScoringDevice.CPU);
        assertThat(ScoringDevice.parse(" cuda:1 ")).isEqualTo(ScoringDevice.cuda(1));
        assertThat(ScoringDevice.cuda(0)).hasToString("cuda:0");
        assertThat(ScoringDevice.CPU).hasToString("cpu");
    }

    @Test
    void refusesAnythingElse() {
        for (String text : new String[] {"gpu", "cuda", "cuda:-1", "CPU", "", "cuda:0,1"}) {
            assertThatThrownBy(() -> ScoringDevice.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scoring.device");
        }
    }
}
