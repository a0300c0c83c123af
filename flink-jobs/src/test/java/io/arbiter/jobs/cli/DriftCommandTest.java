package io.arbiter.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift command as a user runs it, on two wide CSV files built from the oracle's long-format
 * {@code drift_features_long.csv} (its {@code half} column: the first floor(m/2) values of a
 * feature are the reference); its output must equal {@code drift_metrics.csv}.
 */
class DriftCommandTest {

    private static final List<String> FEATURES =
            List.of("rsi14", "volume", "close_logret", "close");

    @TempDir Path dir;

    private Path reference;
    private Path current;

    @BeforeEach
    void writeWideFiles() throws Exception {
        Map<String, List<String>> referenceColumns = new LinkedHashMap<>();
        Map<String, List<String>> currentColumns = new LinkedHashMap<>();
        List<String> lines =
                Files.readAllLines(CommandOutput.ORACLES.resolve("drift_features_long.csv"));
        assertThat(lines.get(0)).isEqualTo("feature,row,Date,half,value");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, List<String>> side =
                    cells[3].equals("ref") ? referenceColumns : currentColumns;
            side.computeIfAbsent(cells[0], feature -> new ArrayList<>()).add(cells[4]);
        }
        reference = writeWide("reference.csv", referenceColumns);
        current = writeWide("current.csv", currentColumns);
    }

    @Test
    void jsonMatchesDriftMetricsForEveryFeature() throws Exception {
        CommandOutput result =
                drift(
                        "--reference", reference.toString(),
                        "--current", current.toString(),
                        "--format", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("skipped Date (not numeric)");
        JsonNode json = new ObjectMapper().readTree(result.out());
        List<String> columns = new ArrayList<>();
        json.fieldNames().forEachRemaining(columns::add);
        assertThat(columns).containsExactlyElementsOf(FEATURES);
        for (String[] expected : driftMetrics()) {
            JsonNode feature = json.get(expected[0]);
            assertThat(feature.get("n_ref").asInt()).isEqualTo(Integer.parseInt(expected[1]));
            assertThat(feature.get("n_cur").asInt()).isEqualTo(Integer.parseInt(expected[2]));
            assertRelativelyClose(expected[0] + " psi", feature.get("psi"), expected[5]);
            assertRelativelyClose(expected[0] + " ks_D", feature.get("ks_d"), expected[6]);
            assertRelativelyClose(expected[0] + " ks_p", feature.get("ks_p_value"), expected[7]);
        }
    }

    @Test
    void textIsATableWithOneRowPerColumn() throws Exception {
        CommandOutput result =
                drift("--reference", reference.toString(), "--current", current.toString());

        assertThat(result.exitCode()).isZero();
        List<String> rows = result.out().lines().toList();
        assertThat(rows).hasSize(1 + FEATURES.size());
        assertThat(rows.get(0)).startsWith("column").contains("psi").contains("ks_d");
        assertThat(rows.get(2)).startsWith("volume").contains(" 2775 ");
    }

    @Test
    void filesWithoutASharedNumericColumnFail() throws Exception {
        Path other = Files.writeString(dir.resolve("other.csv"), "Date,price\n2020-01-01,1\n");

        CommandOutput result =
                drift("--reference", reference.toString(), "--current", other.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("share no numeric column");
    }

    @Test
    void aRaggedLineFailsWithItsNumber() throws Exception {
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "Date,close\nx,1\ny\n");

        CommandOutput result =
                drift("--reference", ragged.toString(), "--current", current.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("line 3");
    }

    /** Columns side by side, shorter ones padded with empty cells, plus a text Date column. */
    private Path writeWide(String name, Map<String, List<String>> columns) throws Exception {
        int rows = columns.values().stream().mapToInt(List::size).max().orElse(0);
        StringBuilder csv = new StringBuilder("Date");
        columns.keySet().forEach(column -> csv.append(',').append(column));
        csv.append('\n');
        for (int row = 0; row < rows; row++) {
            csv.append("day-").append(row);
            for (List<String> values : columns.values()) {
                csv.append(',').append(row < values.size() ? values.get(row) : "");
            }
            csv.append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private static List<String[]> driftMetrics() throws Exception {
        List<String> lines = Files.readAllLines(CommandOutput.ORACLES.resolve("drift_metrics.csv"));
        assertThat(lines.get(0))
                .startsWith(
                        "feature,n_ref,n_act,n_empty_bins_ref,n_empty_bins_act,psi,ks_D,ks_p_value");
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",")).toList();
    }

    private static void assertRelativelyClose(String what, JsonNode actual, String expected) {
        double oracle = Double.parseDouble(expected);
        assertThat(actual.isNumber()).as(what).isTrue();
        assertThat(Math.abs(actual.asDouble() - oracle))
                .as("%s: %s vs oracle %s", what, actual, oracle)
                .isLessThanOrEqualTo(1e-9 * Math.abs(oracle));
    }

    private static CommandOutput drift(String... args) throws Exception {
        return CommandOutput.run("drift", DriftCommand.OPTIONS, DriftCommand::run, args);
    }
}
