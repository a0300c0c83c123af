package io.arbiter.operators.features.indicators;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollingWindowTest {

    @Test
    void keepsTheLastNValuesAndTheirSum() {
        RollingWindow window = new RollingWindow(3);
        assertThat(window.push(1)).isNaN();
        assertThat(window.push(2)).isNaN();
        assertThat(window.mean()).as("not full").isNaN();
        assertThat(window.push(3)).isNaN();
        assertThat(window.mean()).isEqualTo(2.0);
        assertThat(window.push(10)).as("evicted").isEqualTo(1.0);
        assertThat(window.sum()).isEqualTo(15.0);
        assertThat(new double[] {window.get(0), window.get(1), window.get(2)})
                .containsExactly(2, 3, 10);
        assertThat(window.newest()).isEqualTo(10.0);
    }

    @Test
    void meanIsNanOnlyWhileANanIsInTheWindow() {
        RollingWindow window = new RollingWindow(3);
        window.push(1);
        window.push(Double.NaN);
        window.push(3);
        assertThat(window.isFull()).isTrue();
        assertThat(window.mean()).isNaN();
        window.push(4);
        assertThat(window.mean()).as("NaN still inside").isNaN();
        window.push(5);
        assertThat(window.mean()).as("NaN slid out").isEqualTo(4.0);
    }

    @Test
    void restoresExactly() throws IOException {
        RollingWindow window = new RollingWindow(4);
        for (int i = 0; i < 7; i++) {
            window.push(i * 0.1);
        }
        RollingWindow copy =
                StateBytes.read(StateBytes.of(window::writeTo), RollingWindow::readFrom);
        for (int i = 0; i < 9; i++) {
            assertThat(copy.push(i / 3.0)).isEqualTo(window.push(i / 3.0));
            assertThat(copy.sum()).isEqualTo(window.sum());
        }
    }

    @Test
    void rejectsCorruptState() throws IOException {
        byte[] bytes = StateBytes.of(new RollingWindow(4)::writeTo);
        bytes[3] = 0; // window length 0
        assertThatThrownBy(() -> StateBytes.read(bytes, RollingWindow::readFrom))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("window length");
    }
}
