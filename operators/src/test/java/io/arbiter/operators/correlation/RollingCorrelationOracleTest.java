package io.arbiter.operators.correlation;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rolling 30-row correlation of ttrc's close log return with its log volume change, against R's
 * ttrc_ret_vs_volchange_corr30.csv. The two series are computed here from ttrc.csv.
 */
class RollingCorrelationOracleTest {

    private static final Path TTRC = Path.of("src/test/resources/oracles/ttrc/ttrc.csv");
    private static final Path ORACLE =
            Path.of("src/test/resources/oracles/correlation/ttrc_ret_vs_volchange_corr30.csv");
    private static final int WINDOW = 30;

    private final double[] logReturn;
    private final double[] logVolumeChange;
    private final double[] oracle;

    RollingCorrelationOracleTest() throws Exception {
        List<String> bars = Files.readAllLines(TTRC);
        List<String> expected = Files.readAllLines(ORACLE);
        int n = bars.size() - 1;
        logReturn = new double[n];
        logVolumeChange = new double[n];
        oracle = new double[n];
        double previousClose = Double.NaN;
        double previousVolume = Double.NaN;
        for (int t = 0; t < n; t++) {
            String[] bar = bars.get(t + 1).split(","); // Date,Open,High,Low,Close,Volume
            double close = Double.parseDouble(bar[4]);
            double volume = Double.parseDouble(bar[5]);
            logReturn[t] = Math.log(close / previousClose); // NaN on the first row, as in R
            logVolumeChange[t] = Math.log(volume / previousVolume);
            previousClose = close;
            previousVolume = volume;
            String[] row =
                    expected.get(t + 1).split(","); // Date,close_logret,volume_logchange,corr30
            assertThat(row[0]).isEqualTo(bar[0]);
            if (t > 0) {
                assertThat(Math.abs(logReturn[t] - Double.parseDouble(row[1]))).isLessThan(1e-14);
                assertThat(Math.abs(logVolumeChange[t] - Double.parseDouble(row[2])))
                        .isLessThan(1e-13);
            }
            oracle[t] = Double.parseDouble(row[3]);
        }
        assertThat(n).isEqualTo(5550);
    }

    @Test
    void everyRowMatchesTheOracleAndTheFirstThirtyAreUndefined() {
        RollingCorrelation correlation = new RollingCorrelation(WINDOW);
        double worst = 0;
        for (int t = 0; t < oracle.length; t++) {
            double r = correlation.add(logReturn[t], logVolumeChange[t]);
            if (Double.isNaN(oracle[t])) {
                assertThat(r).as("row %d", t + 1).isNaN();
            } else {
                worst = Math.max(worst, Math.abs(r - oracle[t]));
            }
        }
        // Row 1 has no return, so the first full window of 30 returns ends on row 31.
        assertThat(Double.isNaN(oracle[29])).isTrue();
        assertThat(Double.isNaN(oracle[30])).isFalse();
        assertThat(worst).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void theEventTimeWindowWithOneBucketPerRowMatchesTooWhereTheWindowIsFull() {
        BucketedCorrelation correlation = new BucketedCorrelation(WINDOW);
        double worst = 0;
        for (int t = 0; t < oracle.length; t++) {
            correlation.add(t, logReturn[t], logVolumeChange[t]); // row 1's NaN is refused
            if (!Double.isNaN(oracle[t])) {
                assertThat(correlation.observations()).isEqualTo(WINDOW);
                worst = Math.max(worst, Math.abs(correlation.correlation() - oracle[t]));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1e-9);
    }
}
