package io.arbiter.training.label;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hand-made bars around an entry close of 100 with ATR 1: take-profit 2 ATR (102), stop 1 ATR (99),
 * horizon 3 bars.
 */
class FirstTouchLabelerTest {

    private static final double ENTRY = 100;
    private static final double ATR = 1;
    private static final double NO_ATR = Double.NaN;
    private final FirstTouchLabeler labeler = new FirstTouchLabeler(2.0, 1.0, 3);

    /** A series of bars (high, low pairs) after an entry bar at 100 with ATR 1. */
    private int labelOfEntry(double[]... highLowAfterEntry) {
        int n = highLowAfterEntry.length + 1;
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] atr = new double[n];
        high[0] = ENTRY;
        low[0] = ENTRY;
        close[0] = ENTRY;
        atr[0] = ATR;
        for (int k = 1; k < n; k++) {
            high[k] = highLowAfterEntry[k - 1][0];
            low[k] = highLowAfterEntry[k - 1][1];
            close[k] = (high[k] + low[k]) / 2;
            atr[k] = ATR;
        }
        return labeler.label(high, low, close, atr)[0];
    }

    private static double[] bar(double high, double low) {
        return new double[] {high, low};
    }

    @Test
    void winsWhenTheTakeProfitIsTouchedFirst() {
        assertThat(labelOfEntry(bar(100.5, 99.5), bar(102.0, 99.2), bar(100, 98))).isEqualTo(1);
    }

    @Test
    void losesWhenTheStopIsTouchedFirst() {
        assertThat(labelOfEntry(bar(100.5, 99.0), bar(103, 100), bar(101, 100))).isEqualTo(0);
    }

    @Test
    void aBarTouchingBothLevelsCountsAsTheStop() {
        assertThat(labelOfEntry(bar(100.5, 99.5), bar(102.5, 98.5), bar(104, 101))).isEqualTo(0);
    }

    @Test
    void losesWhenNeitherIsTouchedWithinTheHorizon() {
        // The take-profit comes on the fourth bar, one past the 3-bar horizon.
        assertThat(labelOfEntry(bar(101, 99.5), bar(101.9, 99.1), bar(101, 100), bar(105, 104)))
                .isEqualTo(0);
    }

    @Test
    void leavesRowsUnlabelledWhoseHorizonRunsPastTheData() {
        double[] close = {100, 100.5, 101, 101.5, 103};
        double[] atr = {1, 1, 1, 1, 1};
        int[] labels = labeler.label(close, close, close, atr);
        // Bar 0 needs bars 1..3 and bar 1 needs 2..4: both labelled; bars 2, 3, 4 run past the end.
        assertThat(labels)
                .containsExactly(
                        0,
                        1,
                        FirstTouchLabeler.NO_LABEL,
                        FirstTouchLabeler.NO_LABEL,
                        FirstTouchLabeler.NO_LABEL);
    }

    @Test
    void leavesRowsUnlabelledBeforeAtrIsDefined() {
        double[] close = {100, 100, 100, 100, 100};
        double[] atr = {NO_ATR, NO_ATR, 1, 1, 1};
        assertThat(labeler.label(close, close, close, atr)[0])
                .isEqualTo(FirstTouchLabeler.NO_LABEL);
    }

    @Test
    void touchingALevelExactlyCounts() {
        double[] flat = bar(100, 100);
        assertThat(labelOfEntry(bar(102, 99.01), flat, flat)).isEqualTo(1);
        assertThat(labelOfEntry(bar(101.99, 99), bar(105, 100), flat)).isEqualTo(0);
    }

    @Test
    void refusesANonPositiveHorizon() {
        assertThatThrownBy(() -> new FirstTouchLabeler(2, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
