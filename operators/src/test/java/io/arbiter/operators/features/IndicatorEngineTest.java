package io.arbiter.operators.features;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorEngineTest {

    /** The oracle README's comparison: {@code |a-b| <= 1e-9 * max(1, |b|)}. */
    private static final double TOLERANCE = 1e-9;

    private static final int COLUMNS = IndicatorEngine.COLUMNS.size();

    private static double[] open;
    private static double[] high;
    private static double[] low;
    private static double[] close;
    private static double[] volume;

    @BeforeAll
    static void loadBars() {
        open = TtrOracle.bars("Open");
        high = TtrOracle.bars("High");
        low = TtrOracle.bars("Low");
        close = TtrOracle.bars("Close");
        volume = TtrOracle.bars("Volume");
        assertThat(close).hasSize(TtrOracle.ROWS);
    }

    /** Every engine column and the oracle series it must reproduce. */
    private static Map<String, double[]> expectedColumns() {
        Map<String, double[]> expected = new LinkedHashMap<>();
        expected.put("sma20", TtrOracle.column("sma20.csv", "SMA"));
        expected.put("ema20", TtrOracle.column("ema20.csv", "EMA"));
        expected.put("wma20", TtrOracle.column("wma20.csv", "WMA"));
        expected.put("rsi14", TtrOracle.column("rsi14.csv", "RSI"));
        expected.put("tr", TtrOracle.column("atr14.csv", "tr"));
        expected.put("atr14", TtrOracle.column("atr14.csv", "atr"));
        expected.put("di_plus14", TtrOracle.column("adx14.csv", "DIp"));
        expected.put("di_minus14", TtrOracle.column("adx14.csv", "DIn"));
        expected.put("dx14", TtrOracle.column("adx14.csv", "DX"));
        expected.put("adx14", TtrOracle.column("adx14.csv", "ADX"));
        expected.put("bb_dn", TtrOracle.column("bbands20_2.csv", "dn"));
        expected.put("bb_mavg", TtrOracle.column("bbands20_2.csv", "mavg"));
        expected.put("bb_up", TtrOracle.column("bbands20_2.csv", "up"));
        expected.put("bb_pctb", TtrOracle.column("bbands20_2.csv", "pctB"));
        expected.put("macd", TtrOracle.column("macd_12_26_9.csv", "macd"));
        expected.put("macd_signal", TtrOracle.column("macd_12_26_9.csv", "signal"));
        expected.put("macd_pct", TtrOracle.column("macd_12_26_9.csv", "macd_pct"));
        expected.put("macd_signal_pct", TtrOracle.column("macd_12_26_9.csv", "signal_pct"));
        expected.put("stoch_fastk", TtrOracle.column("stoch_14_3_3.csv", "fastK"));
        expected.put("stoch_fastd", TtrOracle.column("stoch_14_3_3.csv", "fastD"));
        expected.put("stoch_slowd", TtrOracle.column("stoch_14_3_3.csv", "slowD"));
        expected.put("volatility20", TtrOracle.column("volatility20.csv", "vol_ttr_n20_N260"));
        // Rows 454 and 4733 are exactly 0 in exact arithmetic; the tolerance is then absolute.
        expected.put("cci20", TtrOracle.column("cci20.csv", "CCI"));
        expected.put("obv", TtrOracle.column("obv.csv", "OBV"));
        expected.put("vwap20", TtrOracle.column("vwap20.csv", "VWAP_close"));
        expected.put("roc1_log", TtrOracle.column("roc1.csv", "roc_log"));
        expected.put("roc1", TtrOracle.column("roc1.csv", "roc_simple"));
        // No TTR function: ATR% is the oracle ATR over the close.
        double[] atr = TtrOracle.column("atr14.csv", "atr");
        double[] atrPct = new double[atr.length];
        for (int t = 0; t < atr.length; t++) {
            atrPct[t] = atr[t] / close[t];
        }
        expected.put("atr_pct", atrPct);
        return expected;
    }

    private static double[][] runAll() {
        IndicatorEngine engine = new IndicatorEngine();
        double[][] rows = new double[TtrOracle.ROWS][COLUMNS];
        for (int t = 0; t < TtrOracle.ROWS; t++) {
            engine.update(open[t], high[t], low[t], close[t], volume[t], rows[t]);
        }
        assertThat(engine.barsSeen()).isEqualTo(TtrOracle.ROWS);
        return rows;
    }

    @Test
    void reproducesEveryTtrColumnOnTtrc() {
        Map<String, double[]> expected = expectedColumns();
        assertThat(expected.keySet()).containsExactlyElementsOf(IndicatorEngine.COLUMNS);
        double[][] actual = runAll();

        List<String> failures = new ArrayList<>();
        System.out.printf(
                "%-16s %6s %12s %12s %12s%n",
                "column", "first", "max|a-b|", "max scaled", "max rel");
        for (int c = 0; c < COLUMNS; c++) {
            String name = IndicatorEngine.COLUMNS.get(c);
            double[] b = expected.get(name);
            double maxAbs = 0;
            double maxScaled = 0;
            double maxRel = 0;
            int first = -1;
            for (int t = 0; t < TtrOracle.ROWS; t++) {
                double a = actual[t][c];
                if (Double.isNaN(b[t]) || Double.isNaN(a)) {
                    if (Double.isNaN(b[t]) != Double.isNaN(a)) {
                        failures.add(name + " row " + (t + 1) + ": " + a + " vs oracle " + b[t]);
                    }
                    continue;
                }
                if (first < 0) {
                    first = t + 1;
                }
                double diff = Math.abs(a - b[t]);
                double scaled = diff / Math.max(1, Math.abs(b[t]));
                if (!(scaled <= TOLERANCE)) {
                    failures.add(name + " row " + (t + 1) + ": " + a + " vs oracle " + b[t]);
                }
                maxAbs = Math.max(maxAbs, diff);
                maxScaled = Math.max(maxScaled, scaled);
                // Pure relative error only where the value is not rounding noise around 0.
                if (Math.abs(b[t]) > 1e-6) {
                    maxRel = Math.max(maxRel, diff / Math.abs(b[t]));
                }
            }
            System.out.printf(
                    "%-16s %6d %12.3e %12.3e %12.3e%n", name, first, maxAbs, maxScaled, maxRel);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void followsTtrWilderSumNotTheTextbookSeed() {
        double[][] actual = runAll();
        double[] textbook = TtrOracle.column("adx14_textbook_wilder_NOT_TTR.csv", "ADX");
        int adx = IndicatorEngine.COLUMNS.indexOf("adx14");
        // Row 28 is the first ADX; the textbook seed puts it 0.74 points away from TTR.
        assertThat(Math.abs(actual[27][adx] - textbook[27])).isGreaterThan(0.5);
    }

    @Test
    void restoredEngineContinuesBitForBit() throws IOException {
        IndicatorEngine original = new IndicatorEngine();
        double[] out = new double[COLUMNS];
        for (int t = 0; t < 3000; t++) {
            original.update(open[t], high[t], low[t], close[t], volume[t], out);
        }
        byte[] snapshot = snapshot(original);
        IndicatorEngine restored =
                IndicatorEngine.readFrom(new DataInputStream(new ByteArrayInputStream(snapshot)));
        assertThat(restored.barsSeen()).isEqualTo(3000);
        assertThat(snapshot(restored)).isEqualTo(snapshot);

        double[] fromOriginal = new double[COLUMNS];
        double[] fromRestored = new double[COLUMNS];
        for (int t = 3000; t < TtrOracle.ROWS; t++) {
            original.update(open[t], high[t], low[t], close[t], volume[t], fromOriginal);
            restored.update(open[t], high[t], low[t], close[t], volume[t], fromRestored);
            for (int c = 0; c < COLUMNS; c++) {
                assertThat(Double.doubleToRawLongBits(fromRestored[c]))
                        .as("%s at row %d", IndicatorEngine.COLUMNS.get(c), t + 1)
                        .isEqualTo(Double.doubleToRawLongBits(fromOriginal[c]));
            }
        }
        assertThat(snapshot(restored)).isEqualTo(snapshot(original));
    }

    @Test
    void stateSizeDoesNotGrowWithTheStream() throws IOException {
        IndicatorEngine engine = new IndicatorEngine();
        double[] out = new double[COLUMNS];
        int sizeAfterWarmUp = 0;
        for (int t = 0; t < TtrOracle.ROWS; t++) {
            engine.update(open[t], high[t], low[t], close[t], volume[t], out);
            if (t == 100) {
                sizeAfterWarmUp = snapshot(engine).length;
            }
        }
        assertThat(snapshot(engine).length).isEqualTo(sizeAfterWarmUp);
    }

    @Test
    void rejectsUnknownStateFormat() throws IOException {
        byte[] snapshot = snapshot(new IndicatorEngine());
        snapshot[0] = (byte) (IndicatorEngine.FORMAT_VERSION + 1);
        assertThatThrownBy(
                        () ->
                                IndicatorEngine.readFrom(
                                        new DataInputStream(new ByteArrayInputStream(snapshot))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format");
    }

    @Test
    void rejectsBarsThatWouldPoisonTheRunningSumsAndKeepsItsState() throws IOException {
        IndicatorEngine engine = new IndicatorEngine();
        double[] out = new double[COLUMNS];
        for (int t = 0; t < 50; t++) {
            engine.update(open[t], high[t], low[t], close[t], volume[t], out);
        }
        byte[] before = snapshot(engine);
        assertThatThrownBy(() -> engine.update(10, 11, 9, Double.NaN, 100, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.update(10, 11, 0, 10, 100, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.update(10, 11, 9, 10, -1, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.update(10, 11, 9, 10, 100, new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(snapshot(engine)).isEqualTo(before);
    }

    @Test
    void flatPricesGiveNanWhereTheIndicatorIsUndefined() {
        IndicatorEngine engine = new IndicatorEngine();
        double[] out = new double[COLUMNS];
        for (int t = 0; t < 60; t++) {
            engine.update(10, 10, 10, 10, 1000, out);
        }
        Map<String, Double> row = new LinkedHashMap<>();
        for (int c = 0; c < COLUMNS; c++) {
            row.put(IndicatorEngine.COLUMNS.get(c), out[c]);
        }
        assertThat(row)
                .containsEntry("sma20", 10.0)
                .containsEntry("ema20", 10.0)
                .containsEntry("wma20", 10.0)
                .containsEntry("tr", 0.0)
                .containsEntry("atr14", 0.0)
                .containsEntry("bb_dn", 10.0)
                .containsEntry("bb_up", 10.0)
                .containsEntry("macd", 0.0)
                .containsEntry("volatility20", 0.0)
                .containsEntry("obv", 1000.0)
                .containsEntry("vwap20", 10.0)
                .containsEntry("roc1_log", 0.0)
                .containsEntry("roc1", 0.0)
                .containsEntry("atr_pct", 0.0);
        // 0/0: no move up or down, no range, no band, no deviation.
        for (String undefined :
                List.of(
                        "rsi14",
                        "di_plus14",
                        "di_minus14",
                        "dx14",
                        "adx14",
                        "bb_pctb",
                        "stoch_fastk",
                        "stoch_fastd",
                        "stoch_slowd",
                        "cci20")) {
            assertThat(row.get(undefined)).as(undefined).isNaN();
        }
    }

    @Test
    void updateAllocatesNothing() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!(threads instanceof com.sun.management.ThreadMXBean)) {
            return; // not measurable on this JVM
        }
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) threads;
        if (!bean.isThreadAllocatedMemorySupported() || !bean.isThreadAllocatedMemoryEnabled()) {
            return;
        }
        double[] out = new double[COLUMNS];
        // Warm up on a throw-away engine: first calls link classes, which allocates.
        IndicatorEngine warmUp = new IndicatorEngine();
        for (int t = 0; t < TtrOracle.ROWS; t++) {
            warmUp.update(open[t], high[t], low[t], close[t], volume[t], out);
        }
        IndicatorEngine engine = new IndicatorEngine();
        long thread = Thread.currentThread().getId();
        bean.getThreadAllocatedBytes(thread);
        long before = bean.getThreadAllocatedBytes(thread);
        for (int t = 0; t < TtrOracle.ROWS; t++) {
            engine.update(open[t], high[t], low[t], close[t], volume[t], out);
        }
        long allocated = bean.getThreadAllocatedBytes(thread) - before;
        // A few bytes may come from the JIT or the bean itself (seen: 72); one allocation per bar
        // would be at least 16 bytes × 5550 bars, so this bound still catches a per-bar leak.
        assertThat(allocated).isLessThan(4096);
    }

    private static byte[] snapshot(IndicatorEngine engine) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            engine.writeTo(out);
        }
        return bytes.toByteArray();
    }
}
