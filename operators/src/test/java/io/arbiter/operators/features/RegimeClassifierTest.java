package io.arbiter.operators.features;

import io.arbiter.operators.policy.RegimePolicy;
import io.arbiter.schemas.Regime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RegimeClassifierTest {

    private static final RegimePolicy TERCILES = new RegimePolicy(5, 5, 0.33, 0.67, List.of());

    @Test
    void percentilesAreRsType7() {
        // R: quantile(c(1, 2, 3, 4, 5), c(0.33, 0.67), type = 7) = 2.32, 3.68
        RegimeClassifier classifier = new RegimeClassifier(5);
        for (double v : new double[] {3, 1, 5, 2, 4}) {
            classifier.update(v, TERCILES);
        }
        assertThat(classifier.percentile(0.33)).isCloseTo(2.32, within(1e-12));
        assertThat(classifier.percentile(0.67)).isCloseTo(3.68, within(1e-12));
    }

    @Test
    void isUnknownUntilTheMinimumHistoryThenNamesTheRegimeAgainstItsOwnWindow() {
        RegimeClassifier classifier = new RegimeClassifier(5);
        assertThat(classifier.update(Double.NaN, TERCILES)).isEqualTo(Regime.UNKNOWN);
        for (double v : new double[] {3, 1, 5, 2}) {
            assertThat(classifier.update(v, TERCILES)).isEqualTo(Regime.UNKNOWN);
        }
        // Window {3, 1, 5, 2, 4}: cuts 2.32 and 3.68, so 4 is high.
        assertThat(classifier.update(4, TERCILES)).isEqualTo(Regime.HIGH_VOL);
        // Window {1, 5, 2, 4, 1}: cuts 1.32 and 3.36.
        assertThat(classifier.update(1, TERCILES)).isEqualTo(Regime.LOW_VOL);
        // Window {5, 2, 4, 1, 3}: cuts 2.32 and 3.68.
        assertThat(classifier.update(3, TERCILES)).isEqualTo(Regime.MED_VOL);
    }

    @Test
    void incrementalWindowMatchesSortingTheWholeWindowEveryBar() {
        RegimePolicy policy = new RegimePolicy(252, 252, 0.33, 0.67, List.of());
        RegimeClassifier classifier = new RegimeClassifier(252);
        ArrayDeque<Double> window = new ArrayDeque<>();
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            // Ties are common in real ATR% series of coarse prices: draw from a small set too.
            double v = i % 3 == 0 ? random.nextInt(20) / 1000.0 : random.nextDouble() / 20;
            Regime regime = classifier.update(v, policy);
            window.addLast(v);
            if (window.size() > 252) {
                window.removeFirst();
            }
            if (window.size() < 252) {
                assertThat(regime).isEqualTo(Regime.UNKNOWN);
                continue;
            }
            double[] sorted = window.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double low = type7(sorted, 0.33);
            double high = type7(sorted, 0.67);
            Regime expected =
                    v <= low ? Regime.LOW_VOL : v <= high ? Regime.MED_VOL : Regime.HIGH_VOL;
            assertThat(regime).as("bar %d", i).isEqualTo(expected);
            assertThat(classifier.percentile(0.33)).isEqualTo(low);
        }
    }

    @Test
    void fixedCutPointsNeedNoHistory() {
        RegimePolicy cuts = new RegimePolicy(252, 252, 0.33, 0.67, List.of(0.01, 0.02));
        RegimeClassifier classifier = new RegimeClassifier(252);
        assertThat(classifier.update(0.01, cuts)).isEqualTo(Regime.LOW_VOL);
        assertThat(classifier.update(0.015, cuts)).isEqualTo(Regime.MED_VOL);
        assertThat(classifier.update(0.0201, cuts)).isEqualTo(Regime.HIGH_VOL);
    }

    @Test
    void restoresAndFollowsAShorterWindowFromThePolicyInForce() throws Exception {
        RegimeClassifier classifier = new RegimeClassifier(5);
        for (double v : new double[] {3, 1, 5, 2, 4}) {
            classifier.update(v, TERCILES);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        classifier.writeTo(new DataOutputStream(bytes));
        RegimeClassifier restored =
                RegimeClassifier.readFrom(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        RegimePolicy shorter = new RegimePolicy(3, 3, 0.33, 0.67, List.of());
        // Keeps the newest values {2, 4} and adds 6: window {2, 4, 6}.
        assertThat(restored.update(6, shorter)).isEqualTo(Regime.HIGH_VOL);
        assertThat(restored.percentile(0.5)).isEqualTo(4.0);
    }

    private static double type7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        return lo + 1 >= sorted.length
                ? sorted[sorted.length - 1]
                : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
