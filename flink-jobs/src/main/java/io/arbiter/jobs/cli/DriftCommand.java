package io.arbiter.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.operators.health.CsvColumns;
import io.arbiter.operators.health.KolmogorovSmirnov;
import io.arbiter.operators.health.PopulationStability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code arbiter drift --reference A.csv --current B.csv [--bins 10] [--format text|json]}: how far
 * each numeric column of the current file has moved from the reference file, by PSI over reference
 * quantile bins ({@link PopulationStability}) and the two-sample Kolmogorov–Smirnov D ({@link
 * KolmogorovSmirnov}).
 *
 * <p>Compared are the columns both headers name whose every cell is a number or missing ({@code
 * NaN}, {@code NA}, empty); missing cells are dropped column by column, so the columns need not
 * have their values on the same rows. Other columns (dates, names) are listed on stderr as skipped.
 * The JSON form is one object keyed by column: {@code {"psi", "ks_d", "ks_p_value", "n_ref",
 * "n_cur"}}, numbers at full double precision.
 */
final class DriftCommand {

    static final Set<String> OPTIONS = Set.of("reference", "current", "bins", "format");

    private DriftCommand() {}

    /** One compared column. */
    private record ColumnDrift(String column, PopulationStability psi, KolmogorovSmirnov ks) {}

    static int run(CliArgs args) throws Exception {
        Path referenceFile = Path.of(args.required("reference"));
        Path currentFile = Path.of(args.required("current"));
        int bins = args.integer("bins", PopulationStability.DEFAULT_BINS);
        if (bins < 1) {
            throw new UsageException("drift: --bins " + bins + " must be at least 1");
        }
        OutputFormat format = OutputFormat.of("drift", args);
        CsvColumns reference;
        CsvColumns current;
        try {
            reference = CsvColumns.read(referenceFile);
            current = CsvColumns.read(currentFile);
        } catch (CsvColumns.MalformedCsvException e) {
            System.err.println("arbiter drift: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("arbiter drift: cannot read a file: " + e);
            return 1;
        }

        List<ColumnDrift> drifts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String column : reference.header()) {
            if (!current.header().contains(column)) {
                continue;
            }
            Optional<double[]> referenceValues = reference.presentNumbers(column);
            Optional<double[]> currentValues = current.presentNumbers(column);
            if (referenceValues.isEmpty() || currentValues.isEmpty()) {
                skipped.add(column + " (not numeric)");
            } else if (referenceValues.get().length == 0 || currentValues.get().length == 0) {
                skipped.add(column + " (no values in one file)");
            } else {
                drifts.add(
                        new ColumnDrift(
                                column,
                                PopulationStability.of(
                                        referenceValues.get(), currentValues.get(), bins),
                                KolmogorovSmirnov.of(referenceValues.get(), currentValues.get())));
            }
        }
        if (!skipped.isEmpty()) {
            System.err.println("arbiter drift: skipped " + String.join(", ", skipped));
        }
        if (drifts.isEmpty()) {
            System.err.println(
                    "arbiter drift: "
                            + referenceFile
                            + " and "
                            + currentFile
                            + " share no numeric column");
            return 1;
        }

        if (format == OutputFormat.JSON) {
            Map<String, Map<String, Number>> json = new LinkedHashMap<>();
            for (ColumnDrift drift : drifts) {
                Map<String, Number> values = new LinkedHashMap<>();
                values.put("psi", drift.psi().psi());
                values.put("ks_d", drift.ks().statistic());
                values.put("ks_p_value", drift.ks().asymptoticPValue());
                values.put("n_ref", drift.ks().referenceSize());
                values.put("n_cur", drift.ks().actualSize());
                json.put(drift.column(), values);
            }
            System.out.println(new ObjectMapper().writeValueAsString(json));
        } else {
            System.out.printf(
                    "%-24s %8s %8s %22s %22s %12s%n",
                    "column", "n_ref", "n_cur", "psi", "ks_d", "ks_p_value");
            for (ColumnDrift drift : drifts) {
                System.out.printf(
                        Locale.ROOT,
                        "%-24s %8d %8d %22s %22s %12.4g%n",
                        drift.column(),
                        drift.ks().referenceSize(),
                        drift.ks().actualSize(),
                        drift.psi().psi(),
                        drift.ks().statistic(),
                        drift.ks().asymptoticPValue());
            }
        }
        return 0;
    }
}
