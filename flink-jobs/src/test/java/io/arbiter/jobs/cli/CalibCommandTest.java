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
 * The calib command as a user runs it: on the oracle's set A file its JSON equals {@code
 * calibration_metrics.csv}; bad input fails with the line number and exit 1.
 */
class CalibCommandTest {

    private static final String SET_A = "A_logit_ttrc.";

    @TempDir Path dir;

    @Test
    void jsonOnTheOraclePairsMatchesCalibrationMetrics() throws Exception {
        Path pairs = CommandOutput.ORACLES.resolve("pairs_A_logit_ttrc.csv");

        CommandOutput result = calib("--pairs", pairs.toString(), "--format", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        Map<String, Double> oracle = oracleMetrics(SET_A);
        assertThat(oracle).isNotEmpty();
        for (Map.Entry<String, Double> expected : oracle.entrySet()) {
            String key = expected.getKey();
            JsonNode value = json.get(key);
            assertThat(value).as(key).isNotNull();
            assertThat(value.isNumber()).as(key).isTrue();
            double tolerance = key.startsWith("platt_") ? 1e-6 : 1e-9;
            assertThat(Math.abs(value.asDouble() - expected.getValue()))
                    .as("%s: %s vs oracle %s", key, value, expected.getValue())
                    .isLessThanOrEqualTo(tolerance * Math.abs(expected.getValue()));
        }
        assertThat(json.get("n").isInt()).isTrue();
    }

    @Test
    void textListsTheMetricsOnePerLine() throws Exception {
        Path pairs =
                write("pairs.csv", "y,p,comment\n1,0.9,a\n0,0.2,b\n0,0.6,c\n1,0.3,d\n1,0.7,e\n");

        CommandOutput result = calib("--pairs", pairs.toString(), "--bins", "5");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("5 pairs from " + pairs + ", 3 with y = 1")
                .containsPattern("\\n  brier +0\\.198")
                .containsPattern("\\n  ece5 +0\\.")
                .containsPattern("\\n  auc +0\\.83333")
                .containsPattern("\\n  platt_on_p\\.slope +-?[0-9]");
    }

    @Test
    void undefinedFitsAreNullInJson() throws Exception {
        // Separated classes (R's glm would warn and report huge coefficients) and p = 0 and 1
        // (no logit): no plain Platt fit, no Platt fit on the logit.
        Path pairs = write("separated.csv", "p,y\n0,0\n0.2,0\n0.8,1\n1,1\n");

        // --json is the spelling of --format json.
        CommandOutput result = calib("--pairs", pairs.toString(), "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("auc").asDouble()).isEqualTo(1.0);
        assertThat(json.get("platt_on_p.slope").isNull()).isTrue();
        assertThat(json.get("platt_on_p.smoothed_targets_slope").isNumber()).isTrue();
        assertThat(json.get("platt_on_logit.intercept").isNull()).isTrue();
    }

    @Test
    void badInputFailsWithTheLineNumber() throws Exception {
        assertFails("p,y\n0.5,1\n0.4,x\n", "line 3", "'x' is not a number");
        assertFails("p,y\n0.5,1\n1.2,0\n", "line 3", "not a probability");
        assertFails("p,y\n0.5,1\n\n0.4,2\n", "line 4", "y = 2.0 is not 0 or 1");
        assertFails("p,outcome\n0.5,1\n", "line 1", "no column 'y'");
        assertFails("p,y\n0.5\n", "line 2", "1 cells");
        assertFails("p,y\n", "no pairs");
    }

    @Test
    void aMissingFileExitsWith1() throws Exception {
        CommandOutput result = calib("--pairs", dir.resolve("absent.csv").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("cannot read");
    }

    @Test
    void usageErrorsAreUsageExceptions() {
        assertThatThrownBy(() -> calib("--bins", "10")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> calib("--pairs", "p.csv", "--format", "yaml"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("text or json");
        assertThatThrownBy(() -> calib("--pairs", "p.csv", "--bins", "0"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> calib("--pairs", "p.csv", "--json", "true"))
                .isInstanceOf(UsageException.class);
    }

    private void assertFails(String csv, String... messageParts) throws Exception {
        Path pairs = write("bad.csv", csv);
        CommandOutput result = calib("--pairs", pairs.toString());
        assertThat(result.exitCode()).as(csv).isEqualTo(1);
        assertThat(result.out()).as(csv).isEmpty();
        for (String part : messageParts) {
            assertThat(result.err()).as(csv).contains(part);
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static CommandOutput calib(String... args) throws Exception {
        return CommandOutput.run("calib", CalibCommand.OPTIONS, CalibCommand::run, args);
    }

    /** Rows of {@code calibration_metrics.csv} for one set, without the prefix or model keys. */
    private static Map<String, Double> oracleMetrics(String prefix) throws Exception {
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> lines =
                Files.readAllLines(CommandOutput.ORACLES.resolve("calibration_metrics.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells[0].startsWith(prefix) && !cells[0].startsWith(prefix + "model.")) {
                metrics.put(cells[0].substring(prefix.length()), Double.parseDouble(cells[1]));
            }
        }
        return metrics;
    }
}
