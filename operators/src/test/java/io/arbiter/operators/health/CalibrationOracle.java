package io.arbiter.operators.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The R 4.2.2 calibration and drift oracle files shipped under {@code
 * src/test/resources/oracles/calibration/} (see the README there), read as rows of named cells.
 */
final class CalibrationOracle {

    static final String SET_A = "A_logit_ttrc";
    static final String SET_C = "C_toy";

    private static final String FOLDER = "/oracles/calibration/";

    private CalibrationOracle() {}

    /** One data row: cells by column name. */
    record Row(Map<String, String> cells) {
        String text(String column) {
            String cell = cells.get(column);
            if (cell == null) {
                throw new IllegalArgumentException("no column " + column + " in " + cells.keySet());
            }
            return cell;
        }

        double number(String column) {
            return Double.parseDouble(text(column));
        }
    }

    /** Every data row of {@code file}. */
    static List<Row> rows(String file) {
        try (InputStream stream = CalibrationOracle.class.getResourceAsStream(FOLDER + file)) {
            if (stream == null) {
                throw new IllegalArgumentException("no oracle file " + FOLDER + file);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            List<String> header = Arrays.asList(reader.readLine().split(","));
            List<Row> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells[i]);
                }
                rows.add(new Row(row));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Column {@code column} of {@code file} as numbers. */
    static double[] column(String file, String column) {
        return rows(file).stream().mapToDouble(row -> row.number(column)).toArray();
    }

    /** The (probability, outcome, logit) pairs of a set: {@code pairs_A_logit_ttrc.csv}, … */
    static String pairsFile(String set) {
        return "pairs_" + set + ".csv";
    }

    /** {@code calibration_metrics.csv} rows of {@code set}, keyed without the set prefix. */
    static Map<String, Double> metrics(String set) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Row row : rows("calibration_metrics.csv")) {
            String key = row.text("metric");
            if (key.startsWith(set + ".")) {
                metrics.put(key.substring(set.length() + 1), row.number("value"));
            }
        }
        return metrics;
    }
}
