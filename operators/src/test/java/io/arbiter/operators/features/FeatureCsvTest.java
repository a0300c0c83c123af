package io.arbiter.operators.features;

import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.arbiter.operators.TestBars.daily;
import static org.assertj.core.api.Assertions.assertThat;

class FeatureCsvTest {

    @TempDir Path dir;

    @Test
    void headerIsExactlyTheDocumentedOne() {
        assertThat(FeatureCsv.header(false))
                .isEqualTo(
                        "Date,sma20,ema20,wma20,rsi14,tr,atr14,di_plus14,di_minus14,dx14,adx14,"
                                + "bb_dn,bb_mavg,bb_up,bb_pctb,macd,macd_signal,macd_pct,"
                                + "macd_signal_pct,stoch_fastk,stoch_fastd,stoch_slowd,"
                                + "volatility20,cci20,obv,vwap20,roc1_log,roc1,atr_pct,regime");
        assertThat(FeatureCsv.header(true)).startsWith("Symbol,Date,sma20,");
    }

    @Test
    void writesFullPrecisionNanAndRegimeNamesAndDatesForDailyBars() throws Exception {
        var vectors =
                BatchFeatures.compute(
                        List.of(
                                new BarCsv.Row(2, daily("MSFT", 0, 10.1)),
                                new BarCsv.Row(3, daily("MSFT", 1, 10.3))),
                        Policy.defaults().features());
        Path out = dir.resolve("f.csv");
        FeatureCsv.write(out, vectors, false);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        String[] second = lines.get(2).split(",");
        assertThat(second[0]).isEqualTo("2000-09-28");
        assertThat(second).hasSize(30);
        assertThat(second[1]).isEqualTo("NaN");
        // roc1 = 10.3 / 10.1 − 1, every digit of the double.
        int roc1 = 1 + IndicatorEngine.COLUMNS.indexOf("roc1");
        assertThat(Double.parseDouble(second[roc1])).isEqualTo(10.3 / 10.1 - 1);
        assertThat(second[29]).isEqualTo("unknown");
        assertThat(Files.list(dir)).containsExactly(out); // no partial file left behind
    }

    @Test
    void intradayTimesAreWrittenAsInstants() {
        assertThat(FeatureCsv.date(Instant.parse("1996-04-01T02:00:00Z")))
                .isEqualTo("1996-04-01T02:00:00Z");
        assertThat(FeatureCsv.date(Instant.parse("1996-04-01T00:00:00Z"))).isEqualTo("1996-04-01");
    }
}
