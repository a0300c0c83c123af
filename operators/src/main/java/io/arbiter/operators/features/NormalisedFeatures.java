package io.arbiter.operators.features;

import java.util.List;

/**
 * The scale-free features a sequence model sees for each bar of its window: every value is made
 * comparable across symbols and price levels (returns and distances in ATR units, oscillators
 * centred on 0), so one model can read any symbol.
 */
public final class NormalisedFeatures {

    /** Names of the values of one window row, in order. */
    public static final List<String> NAMES =
            List.of(
                    "ret_atr", // log return / ATR%: the bar's move in ATRs
                    "close_sma20_atr", // (close − SMA20) / ATR14
                    "rsi14_c", // RSI / 100 − 0.5
                    "bb_pctb_c", // %B − 0.5
                    "stoch_fastk_c", // fast %K − 0.5
                    "macd_pct_10", // MACD percent / 10
                    "adx14_100", // ADX / 100
                    "atr_pct_100"); // ATR% × 100

    private static final int SMA20 = IndicatorEngine.COLUMNS.indexOf("sma20");
    private static final int RSI14 = IndicatorEngine.COLUMNS.indexOf("rsi14");
    private static final int ATR14 = IndicatorEngine.COLUMNS.indexOf("atr14");
    private static final int ADX14 = IndicatorEngine.COLUMNS.indexOf("adx14");
    private static final int BB_PCTB = IndicatorEngine.COLUMNS.indexOf("bb_pctb");
    private static final int MACD_PCT = IndicatorEngine.COLUMNS.indexOf("macd_pct");
    private static final int STOCH_FASTK = IndicatorEngine.COLUMNS.indexOf("stoch_fastk");
    private static final int ROC1_LOG = IndicatorEngine.COLUMNS.indexOf("roc1_log");
    private static final int ATR_PCT = IndicatorEngine.COLUMNS.indexOf("atr_pct");

    private NormalisedFeatures() {}

    /** Writes the normalised row for a bar into {@code row} (NaN where an input is undefined). */
    public static void compute(double close, double[] indicators, float[] row) {
        row[0] = (float) (indicators[ROC1_LOG] / indicators[ATR_PCT]);
        row[1] = (float) ((close - indicators[SMA20]) / indicators[ATR14]);
        row[2] = (float) (indicators[RSI14] / 100 - 0.5);
        row[3] = (float) (indicators[BB_PCTB] - 0.5);
        row[4] = (float) (indicators[STOCH_FASTK] - 0.5);
        row[5] = (float) (indicators[MACD_PCT] / 10);
        row[6] = (float) (indicators[ADX14] / 100);
        row[7] = (float) (indicators[ATR_PCT] * 100);
    }
}
