package io.arbiter.operators.features.indicators;

import io.arbiter.operators.features.TtrOracle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicator classes with parameters other than the engine's, against the oracle columns the
 * engine does not emit: annualisation 252, bands and VWAP on the typical price.
 */
class TtrOracleVariantsTest {

    private static final double[] HIGH = TtrOracle.bars("High");
    private static final double[] LOW = TtrOracle.bars("Low");
    private static final double[] CLOSE = TtrOracle.bars("Close");
    private static final double[] VOLUME = TtrOracle.bars("Volume");

    @Test
    void volatilityWith252DayAnnualisation() {
        Volatility volatility = new Volatility(20, 252);
        double[] actual = new double[TtrOracle.ROWS];
        for (int t = 0; t < TtrOracle.ROWS; t++) {
            double logReturn = t == 0 ? Double.NaN : Math.log(CLOSE[t]) - Math.log(CLOSE[t - 1]);
            actual[t] = volatility.update(logReturn);
        }
        assertMatches(actual, TtrOracle.column("volatility20.csv", "vol_ttr_n20_N252"));
    }

    @Test
    void bollingerOnTypicalPrice() {
        Bollinger bb = new Bollinger(20, 2);
        double[] up = new double[TtrOracle.ROWS];
        double[] pctB = new double[TtrOracle.ROWS];
        for (int t = 0; t < TtrOracle.ROWS; t++) {
            bb.update((HIGH[t] + LOW[t] + CLOSE[t]) / 3);
            up[t] = bb.upper();
            pctB[t] = bb.percentB();
        }
        assertMatches(up, TtrOracle.column("bbands20_2.csv", "up_tp"));
        assertMatches(pctB, TtrOracle.column("bbands20_2.csv", "pctB_tp"));
    }

    @Test
    void vwapOnTypicalPrice() {
        Vwap vwap = new Vwap(20);
        double[] actual = new double[TtrOracle.ROWS];
        for (int t = 0; t < TtrOracle.ROWS; t++) {
            actual[t] = vwap.update((HIGH[t] + LOW[t] + CLOSE[t]) / 3, VOLUME[t]);
        }
        assertMatches(actual, TtrOracle.column("vwap20.csv", "VWAP_tp"));
    }

    private static void assertMatches(double[] actual, double[] expected) {
        for (int t = 0; t < TtrOracle.ROWS; t++) {
            if (Double.isNaN(expected[t])) {
                assertThat(actual[t]).as("row %d", t + 1).isNaN();
            } else {
                assertThat(Math.abs(actual[t] - expected[t]))
                        .as("row %d: %s vs %s", t + 1, actual[t], expected[t])
                        .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected[t])));
            }
        }
    }
}
