package io.arbiter.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The perf command as a user runs it: on the oracle's trades and daily equity its JSON equals
 * {@code metrics.csv} and its rolling file {@code rolling_pf30.csv}; bad input exits 1 with the
 * line.
 */
class PerfCommandTest {

    /** The performance oracle files, shipped with the operators module's tests. */
    private static final Path ORACLES =
            Path.of("../operators/src/test/resources/oracles/performance");

    private static final Path TRADES = ORACLES.resolve("trades.csv");
    private static final Path DAILY = ORACLES.resolve("equity_daily.csv");

    @TempDir Path dir;

    @Test
    void jsonOnTheOracleTradesAndEquityMatchesMetricsCsv() throws Exception {
        CommandOutput result =
                perf(
                        "--trades", TRADES.toString(),
                        "--daily", DAILY.toString(),
                        "--format", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        Map<String, Double> oracle = oracleMetrics();
        assertThat(json.size()).isEqualTo(31);
        for (String key :
                List.of(
                        "n_trades",
                        "n_wins",
                        "n_losses",
                        "win_rate",
                        "gross_profit",
                        "gross_loss",
                        "profit_factor",
                        "expectancy_per_trade",
                        "net_pnl",
                        "max_drawdown_abs_closed_trades",
                        "max_drawdown_pct_closed_trades",
                        "max_drawdown_abs_daily_mtm",
                        "max_drawdown_pct_daily_mtm",
                        "sharpe_daily_returns_ann252")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        json.fieldNames()
                .forEachRemaining(
                        key -> {
                            assertThat(oracle).as("oracle key").containsKey(key);
                            JsonNode value = json.get(key);
                            assertThat(value.isNumber()).as(key).isTrue();
                            double expected = oracle.get(key);
                            assertThat(Math.abs(value.asDouble() - expected))
                                    .as("%s: %s vs oracle %s", key, value, expected)
                                    .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected)));
                        });
        assertThat(json.get("n_trades").isInt()).isTrue();
    }

    @Test
    void rollingFileMatchesEveryRowOfRollingPf30() throws Exception {
        Path rolling = dir.resolve("rolling.csv");

        CommandOutput result =
                perf(
                        "--trades", TRADES.toString(),
                        "--daily", DAILY.toString(),
                        "--rolling", rolling.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("348 trades").contains("5550 days");
        List<String> actual = Files.readAllLines(rolling);
        List<String> expected = Files.readAllLines(ORACLES.resolve("rolling_pf30.csv"));
        assertThat(actual.get(0)).isEqualTo(expected.get(0));
        assertThat(actual).hasSameSizeAs(expected);
        for (int row = 1; row < expected.size(); row++) {
            String[] a = actual.get(row).split(",");
            String[] e = expected.get(row).split(",");
            assertThat(a[0]).isEqualTo(e[0]);
            for (int column = 1; column < e.length; column++) {
                double x = Double.parseDouble(a[column]);
                double y = Double.parseDouble(e[column]);
                if (Double.isNaN(y) || Double.isInfinite(y)) {
                    assertThat(Double.compare(x, y))
                            .as("row %d: %s", row, actual.get(row))
                            .isZero();
                } else {
                    assertThat(Math.abs(x - y))
                            .as("row %d: %s vs %s", row, actual.get(row), expected.get(row))
                            .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(y)));
                }
            }
        }
    }

    @Test
    void textListsTheMetricsAndUndefinedOnesAsNa() throws Exception {
        Path trades =
                write(
                        "trades.csv",
                        "trade_id,entry_date,exit_date,pnl\n"
                                + "1,2024-03-04,2024-03-05,10\n"
                                + "2,2024-03-05,2024-03-07,5\n");

        CommandOutput result = perf("--trades", trades.toString(), "--equity", "1000");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("2 trades from " + trades)
                .containsPattern("\\n  profit_factor +Infinity")
                .containsPattern("\\n  avg_loss +n/a")
                .containsPattern("\\n  final_equity +1015\\.0")
                .doesNotContain("daily_mtm");
    }

    @Test
    void jsonWritesInfinityAsAStringAndUndefinedAsNull() throws Exception {
        Path trades =
                write(
                        "trades.csv",
                        "trade_id,entry_date,exit_date,pnl\n1,2024-03-04,2024-03-05,10\n");

        JsonNode json =
                new ObjectMapper()
                        .readTree(perf("--trades", trades.toString(), "--format", "json").out());

        assertThat(json.get("profit_factor").asText()).isEqualTo("Infinity");
        assertThat(json.get("avg_loss").isNull()).isTrue();
        assertThat(json.get("starting_equity").asDouble()).isEqualTo(10_000);
    }

    @Test
    void withoutADailyFileTheRollingFileHasOneRowPerCalendarDay() throws Exception {
        Path trades =
                write(
                        "trades.csv",
                        "trade_id,entry_date,exit_date,pnl\n"
                                + "1,2024-03-01,2024-03-02,-1\n"
                                + "2,2024-03-02,2024-03-04,3\n");
        Path rolling = dir.resolve("rolling.csv");

        CommandOutput result =
                perf(
                        "--trades",
                        trades.toString(),
                        "--rolling",
                        rolling.toString(),
                        "--window",
                        "2");

        assertThat(result.exitCode()).isZero();
        // Days 03-01..03-04; a window of 2 days is complete from 03-02 on.
        assertThat(Files.readAllLines(rolling))
                .containsExactly(
                        "Date,n_trades_exited_in_window,pf2_closed_trades",
                        "2024-03-01,NaN,NaN",
                        "2024-03-02,1,0.0",
                        "2024-03-03,1,0.0",
                        "2024-03-04,1,Infinity");
    }

    @Test
    void badInputExitsWith1AndNamesTheLine() throws Exception {
        Path trades =
                write(
                        "bad.csv",
                        "trade_id,entry_date,exit_date,pnl\n1,2024-03-04,2024-03-05,1\n2,2024-03-04,2024-03-05,x\n");
        CommandOutput result = perf("--trades", trades.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("line 3").contains("'x' is not a number");

        Path daily = write("daily.csv", "Date,equity\n2024-03-04,100\n");
        Path good =
                write("good.csv", "trade_id,entry_date,exit_date,pnl\n1,2024-03-04,2024-03-05,1\n");
        CommandOutput missingDay =
                perf(
                        "--trades", good.toString(),
                        "--daily", daily.toString(),
                        "--rolling", dir.resolve("r.csv").toString());
        assertThat(missingDay.exitCode()).isEqualTo(1);
        assertThat(missingDay.err()).contains("2024-03-05, which is not a day");

        CommandOutput absent = perf("--trades", dir.resolve("absent.csv").toString());
        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.err()).contains("cannot read");
    }

    @Test
    void usageErrorsAreUsageExceptions() {
        assertThatThrownBy(() -> perf("--equity", "10")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> perf("--trades", "t.csv", "--equity", "-5"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("positive number");
        assertThatThrownBy(() -> perf("--trades", "t.csv", "--format", "yaml"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> perf("--trades", "t.csv", "--window", "0"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> perf("--trades", "t.csv", "--json", "true"))
                .isInstanceOf(UsageException.class);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static CommandOutput perf(String... args) throws Exception {
        return CommandOutput.run("perf", PerfCommand.OPTIONS, PerfCommand::run, args);
    }

    private static Map<String, Double> oracleMetrics() throws Exception {
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(ORACLES.resolve("metrics.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            metrics.put(cells[0], Double.parseDouble(cells[1]));
        }
        return metrics;
    }
}
