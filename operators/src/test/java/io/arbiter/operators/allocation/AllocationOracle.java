package io.arbiter.operators.allocation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The SciPy reference values under {@code src/test/resources/oracles/allocation/}. */
final class AllocationOracle {

    private AllocationOracle() {}

    /** Every data row of {@code file}, as doubles (the first column kept as text in row[0]). */
    static List<String[]> rows(String file) {
        try (InputStream stream =
                AllocationOracle.class.getResourceAsStream("/oracles/allocation/" + file)) {
            if (stream == null) {
                throw new IllegalArgumentException("no oracle file " + file);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            reader.readLine();
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nine deciles of a distribution row of {@code deciles.csv}. */
    static double[] deciles(String distribution, double p1, double p2) {
        for (String[] row : rows("deciles.csv")) {
            if (row[0].equals(distribution)
                    && Double.parseDouble(row[1]) == p1
                    && Double.parseDouble(row[2]) == p2) {
                double[] q = new double[9];
                for (int i = 0; i < 9; i++) {
                    q[i] = Double.parseDouble(row[3 + i]);
                }
                return q;
            }
        }
        throw new IllegalArgumentException("no deciles for " + distribution + " " + p1 + " " + p2);
    }
}
