package io.arbiter.operators.performance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The performance oracle files shipped under test resources, and how to compare with them. */
final class PerformanceOracle {

    static final Path DIR = Path.of("src/test/resources/oracles/performance");
    static final Path TRADES = DIR.resolve("trades.csv");
    static final Path DAILY = DIR.resolve("equity_daily.csv");
    static final double STARTING_EQUITY = 10_000;
    static final double TRADING_DAYS = 252;
    static final int WINDOW = 30;

    private PerformanceOracle() {}

    /** metrics.csv as name → value. */
    static Map<String, Double> metrics() throws IOException {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String[] row : rows(DIR.resolve("metrics.csv"))) {
            metrics.put(row[0], Double.parseDouble(row[1]));
        }
        return metrics;
    }

    /** The data rows of a CSV, split on commas (the oracle files have no quoting). */
    static List<String[]> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(","));
        }
        return rows;
    }

    /** One column of a CSV as numbers ("NaN", "Infinity" parse as such). */
    static double[] column(Path file, String name) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int index = List.of(lines.get(0).split(",")).indexOf(name);
        assertThat(index).as("%s in %s", name, file).isNotNegative();
        double[] values = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            values[i - 1] = Double.parseDouble(lines.get(i).split(",")[index]);
        }
        return values;
    }

    /**
     * The README's comparison: NaN and infinities exactly, finite values within {@code 1e-9 ×
     * max(1, |expected|)}.
     */
    static void assertMatches(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(Math.abs(actual - expected))
                    .as("%s: %s vs oracle %s", what, actual, expected)
                    .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected)));
        }
    }
}
