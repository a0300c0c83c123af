package io.arbiter.operators.allocation;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-arithmetic exp, log1p and log against StrictMath (fdlibm), ulp for ulp. */
class PlainMathTest {

    @Test
    void expIsWithinTwoUlpsOfStrictMathAcrossItsWholeRange() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000_000; i++) {
            double x = i % 2 == 0 ? random.nextDouble(-745.0, 709.7) : random.nextDouble(-40, 5);
            assertThat(ulps(PlainMath.exp(x), StrictMath.exp(x)))
                    .as("exp(%s)", x)
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    void expHandlesTheEndsOfTheRangeAsStrictMathDoes() {
        for (double x :
                new double[] {0, -0.0, 1, -1, 709.78, -708.5, -720, -745.1, 1e-300, -1e-300}) {
            assertThat(ulps(PlainMath.exp(x), StrictMath.exp(x)))
                    .as("exp(%s)", x)
                    .isLessThanOrEqualTo(2);
        }
        assertThat(PlainMath.exp(710)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PlainMath.exp(-746)).isEqualTo(0.0);
        assertThat(PlainMath.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(PlainMath.exp(Double.NaN)).isNaN();
    }

    @Test
    void log1pKeepsFullRelativePrecisionDownToTheSmallestArguments() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1_000_000; i++) {
            double q =
                    i % 2 == 0
                            ? random.nextDouble()
                            : StrictMath.pow(2, -random.nextDouble(0, 1070));
            assertThat(ulps(PlainMath.log1p(q), StrictMath.log1p(q)))
                    .as("log1p(%s)", q)
                    .isLessThanOrEqualTo(2);
        }
        assertThat(PlainMath.log1p(0)).isEqualTo(0.0);
        assertThat(PlainMath.log1p(1)).isEqualTo(StrictMath.log(2));
    }

    @Test
    void logIsWithinTwoUlpsOfStrictMathForNormalAndSubnormalArguments() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000_000; i++) {
            double v = StrictMath.pow(2, random.nextDouble(-1074, 1024));
            // Near 1 the logarithm is tiny and relative error means little: compare absolutely.
            double expected = StrictMath.log(v);
            assertThat(Math.abs(PlainMath.log(v) - expected))
                    .as("log(%s)", v)
                    .isLessThanOrEqualTo(2 * Math.ulp(Math.max(Math.abs(expected), 1.0)));
        }
        assertThat(PlainMath.log(1)).isEqualTo(0.0);
        assertThat(PlainMath.log(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PlainMath.log(-1)).isNaN();
        assertThat(PlainMath.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    private static double ulps(double actual, double expected) {
        if (actual == expected) {
            return 0;
        }
        return Math.abs(actual - expected) / Math.ulp(expected);
    }
}
