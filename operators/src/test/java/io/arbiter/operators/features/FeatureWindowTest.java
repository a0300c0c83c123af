package io.arbiter.operators.features;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureWindowTest {

    @Test
    void keepsTheNewestRowsOldestFirstPaddedWithNan() {
        FeatureWindow window = new FeatureWindow(3, 2);
        window.push(new float[] {1, 2});
        window.push(new float[] {3, 4});

        float[][] rows = FeatureWindow.fromBytes(window.toBytes(), 2);
        assertThat(rows).hasDimensions(3, 2);
        assertThat(rows[0][0]).isNaN();
        assertThat(rows[1]).containsExactly(1, 2);
        assertThat(rows[2]).containsExactly(3, 4);

        window.push(new float[] {5, 6});
        window.push(new float[] {7, 8});
        rows = FeatureWindow.fromBytes(window.toBytes(), 2);
        assertThat(rows[0]).containsExactly(3, 4);
        assertThat(rows[2]).containsExactly(7, 8);
    }

    @Test
    void resizingKeepsTheNewestRows() {
        FeatureWindow window = new FeatureWindow(3, 1);
        for (int i = 1; i <= 3; i++) {
            window.push(new float[] {i});
        }
        float[][] shorter = FeatureWindow.fromBytes(window.resized(2).toBytes(), 1);
        assertThat(shorter).hasDimensions(2, 1);
        assertThat(shorter[0]).containsExactly(2);
        assertThat(shorter[1]).containsExactly(3);
        float[][] longer = FeatureWindow.fromBytes(window.resized(4).toBytes(), 1);
        assertThat(longer[0][0]).isNaN();
        assertThat(longer[1]).containsExactly(1);
    }

    @Test
    void aZeroLengthWindowIsEmpty() {
        FeatureWindow none = new FeatureWindow(0, 8);
        none.push(new float[8]);
        assertThat(none.toBytes().remaining()).isZero();
    }
}
