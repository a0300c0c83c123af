package io.arbiter.operators.ingest;

import io.arbiter.schemas.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarCsvTest {

    @TempDir Path dir;

    @Test
    void readsDatedBarsWithoutSymbolColumn() throws Exception {
        Path file =
                write(
                        "Date,Open,High,Low,Close,Volume\n2000-09-27,63.4375,63.5625,59.8125,60.625,53077800\n");
        List<Bar> bars = BarCsv.read(file, "MSFT", Duration.ofDays(1));
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0).getSymbol()).isEqualTo("MSFT");
        assertThat(bars.get(0).getTime()).isEqualTo(Instant.parse("2000-09-27T00:00:00Z"));
        assertThat(bars.get(0).getClose()).isEqualTo(60.625);
        assertThat(bars.get(0).getIntervalMillis()).isEqualTo(86_400_000L);
    }

    @Test
    void readsInstantsAndSymbolsInAnyColumnOrder() throws Exception {
        Path file =
                write(
                        "Time,Symbol,Close,Open,High,Low,Volume\n1996-04-01T02:00:00Z,USDCHF,1.19,1.18,1.2,1.17,0\n");
        Bar bar = BarCsv.read(file, "ignored", Duration.ZERO).get(0);
        assertThat(bar.getSymbol()).isEqualTo("USDCHF");
        assertThat(bar.getTime()).isEqualTo(Instant.parse("1996-04-01T02:00:00Z"));
        assertThat(bar.getOpen()).isEqualTo(1.18);
    }

    @Test
    void failsWithTheLineNumberOfAMalformedLine() throws Exception {
        Path file =
                write(
                        "Date,Open,High,Low,Close,Volume\n2000-01-03,1,2,0.5,1.5,10\n2000-01-04,1,2,x,1.5,10\n");
        assertThatThrownBy(() -> BarCsv.read(file, "X", Duration.ZERO))
                .isInstanceOf(BarCsv.MalformedCsvException.class)
                .hasMessageEndingWith(":3: low: 'x' is not a number");
    }

    @Test
    void failsOnAMissingColumnAndAShortLine() throws Exception {
        assertThatThrownBy(
                        () -> BarCsv.read(write("Date,Open,High,Low,Close\n"), "X", Duration.ZERO))
                .hasMessageContaining(":1: header lacks column volume");
        assertThatThrownBy(
                        () ->
                                BarCsv.read(
                                        write("Date,Open,High,Low,Close,Volume\n2000-01-03,1,2\n"),
                                        "X",
                                        Duration.ZERO))
                .hasMessageContaining(":2: expected 6 cells, found 3");
    }

    private Path write(String content) throws Exception {
        Path file = Files.createTempFile(dir, "bars", ".csv");
        Files.writeString(file, content);
        return file;
    }
}
