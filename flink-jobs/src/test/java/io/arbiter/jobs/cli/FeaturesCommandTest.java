package io.arbiter.jobs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The features command as a user runs it: exit codes, and nothing written on bad input. */
class FeaturesCommandTest {

    @TempDir Path dir;

    @Test
    void writesOneRowPerBarWithTheDocumentedHeader() throws Exception {
        Path bars = Files.writeString(dir.resolve("MSFT.csv"), msft(30));
        Path out = dir.resolve("out/features.csv");

        int exit =
                ArbiterCli.run(
                        new String[] {
                            "features", "--bars", bars.toString(), "--out", out.toString()
                        });

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(31);
        assertThat(lines.get(0)).startsWith("Date,sma20,").endsWith(",atr_pct,regime");
        assertThat(lines.get(30)).startsWith("2000-10-26,");
    }

    @Test
    void aMalformedLineFailsTheRunAndWritesNothing() throws Exception {
        String text = msft(5).replace("2000-09-29,", "2000-09-29,oops");
        Path bars = Files.writeString(dir.resolve("bad.csv"), text);
        Path out = dir.resolve("features.csv");

        int exit =
                ArbiterCli.run(
                        new String[] {
                            "features", "--bars", bars.toString(), "--out", out.toString()
                        });

        assertThat(exit).isEqualTo(1);
        assertThat(out).doesNotExist();
        assertThat(Files.list(dir)).containsExactly(bars);
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(ArbiterCli.run(new String[] {"features", "--bars", "x.csv"})).isEqualTo(2);
        assertThat(ArbiterCli.run(new String[] {"features", "--bogus", "1"})).isEqualTo(2);
        assertThat(ArbiterCli.run(new String[] {"nope"})).isEqualTo(2);
        assertThat(ArbiterCli.run(new String[] {"--help"})).isZero();
    }

    /** {@code days} daily bars starting 2000-09-27, a gentle zig-zag. */
    private static String msft(int days) {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
        java.time.LocalDate date = java.time.LocalDate.parse("2000-09-27");
        for (int i = 0; i < days; i++) {
            double close = 60 + (i % 4) - 1.5;
            csv.append(date.plusDays(i))
                    .append(',')
                    .append(close - 0.25)
                    .append(',')
                    .append(close + 1)
                    .append(',')
                    .append(close - 1)
                    .append(',')
                    .append(close)
                    .append(",1000\n");
        }
        return csv.toString();
    }
}
