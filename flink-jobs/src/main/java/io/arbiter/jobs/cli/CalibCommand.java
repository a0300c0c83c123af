package io.arbiter.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.operators.health.CalibrationReport;
import io.arbiter.operators.health.CsvColumns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code arbiter calib --pairs P.csv [--bins 10] [--format text|json]}: how well probabilities p
 * match 0/1 outcomes y (Brier, ECE, MCE, log loss, ROC AUC, isotonic and Platt fits). The CSV needs
 * a header with columns {@code p} and {@code y}, in any order, others ignored; a bad cell fails the
 * run with its line number.
 *
 * <p>The JSON form is one object keyed by the metric names of the calibration oracle ({@code
 * brier}, {@code ece10}, {@code platt_on_p.intercept}, …; see {@link
 * CalibrationReport#byMetricName}), numbers at full double precision, null where undefined.
 */
final class CalibCommand {

    static final Set<String> OPTIONS = Set.of("pairs", "bins", "format");

    private CalibCommand() {}

    static int run(CliArgs args) throws Exception {
        Path pairs = Path.of(args.required("pairs"));
        int bins = args.integer("bins", CalibrationReport.DEFAULT_BINS);
        if (bins < 1) {
            throw new UsageException("calib: --bins " + bins + " must be at least 1");
        }
        OutputFormat format = OutputFormat.of("calib", args);
        CalibrationReport report;
        try {
            CsvColumns csv = CsvColumns.read(pairs);
            double[] p = csv.numbers("p");
            double[] y = csv.numbers("y");
            checkPairs(pairs, csv, p, y);
            report = CalibrationReport.of(p, y, bins);
        } catch (CsvColumns.MalformedCsvException e) {
            System.err.println("arbiter calib: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("arbiter calib: cannot read " + pairs + ": " + e);
            return 1;
        }
        Map<String, Number> metrics = report.byMetricName();
        if (format == OutputFormat.JSON) {
            System.out.println(new ObjectMapper().writeValueAsString(metrics));
        } else {
            System.out.printf(
                    "arbiter calib: %d pairs from %s, %d with y = 1%n",
                    report.n(), pairs, report.positives());
            metrics.forEach(
                    (name, value) ->
                            System.out.printf("  %-42s %s%n", name, value == null ? "n/a" : value));
        }
        return 0;
    }

    /** p in [0, 1] and y 0 or 1 on every line, and at least one pair. */
    private static void checkPairs(Path file, CsvColumns csv, double[] p, double[] y)
            throws CsvColumns.MalformedCsvException {
        if (p.length == 0) {
            throw new CsvColumns.MalformedCsvException(file + ": no pairs after the header");
        }
        for (int row = 0; row < p.length; row++) {
            if (!(p[row] >= 0 && p[row] <= 1)) {
                throw new CsvColumns.MalformedCsvException(
                        file
                                + ": line "
                                + csv.lineNumber(row)
                                + ": p = "
                                + p[row]
                                + " is not a probability in [0, 1]");
            }
            if (y[row] != 0 && y[row] != 1) {
                throw new CsvColumns.MalformedCsvException(
                        file
                                + ": line "
                                + csv.lineNumber(row)
                                + ": y = "
                                + y[row]
                                + " is not 0 or 1");
            }
        }
    }

    /** {@code --format text|json}: CliArgs has no boolean flags, so the format is named. */
}
