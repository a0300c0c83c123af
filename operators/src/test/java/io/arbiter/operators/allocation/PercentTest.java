package io.arbiter.operators.allocation;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Percent writes exactly what the Formatter writes, ties and odd values included. */
class PercentTest {

    @Test
    void writesWhatTheFormatterWritesForRandomSharesAndProbabilities() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double v =
                    switch (i % 4) {
                        case 0 -> random.nextDouble();
                        case 1 -> random.nextDouble() * 1e-3;
                        case 2 -> random.nextInt(100_000) / 10_000.0; // on the grid, and its ties
                        default -> random.nextInt(2_000_001) / 2e6; // ties of the 4-place form
                    };
            assertThat(Percent.of(v)).isEqualTo(String.format(Locale.ROOT, "%.2f%%", v * 100));
            assertThat(Percent.number(v)).isEqualTo(String.format(Locale.ROOT, "%.4f", v));
        }
    }

    @Test
    void writesWhatTheFormatterWritesAtTiesAndEdges() {
        double[] values = {
            0,
            -0.0,
            0.011,
            0.06,
            0.94,
            1,
            0.125,
            0.00125,
            0.000125,
            0.00005,
            0.005,
            1.005,
            0.015,
            0.025,
            0.035,
            0.045,
            0.0625,
            0.99995,
            0.999995,
            1e-300,
            Double.MIN_VALUE,
            -0.011,
            -1e-9,
            1e7,
            1e12,
            123456.789,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            0.06 / 7,
            0.94 + 1e-12
        };
        for (double v : values) {
            assertThat(Percent.of(v))
                    .as("of(%s)", v)
                    .isEqualTo(String.format(Locale.ROOT, "%.2f%%", v * 100));
            assertThat(Percent.number(v))
                    .as("number(%s)", v)
                    .isEqualTo(String.format(Locale.ROOT, "%.4f", v));
        }
        assertThat(Percent.of(0.011)).isEqualTo("1.10%");
        assertThat(Percent.number(0.7)).isEqualTo("0.7000");
    }
}
