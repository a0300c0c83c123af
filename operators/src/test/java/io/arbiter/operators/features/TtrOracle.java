package io.arbiter.operators.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The TTR 0.24.3 reference series on {@code ttrc} shipped under {@code
 * src/test/resources/oracles/ttrc/} (see the README there): reads one column of one file as
 * doubles, {@code NaN} where R wrote NA.
 */
public final class TtrOracle {

    /** Bars in {@code ttrc.csv}. */
    public static final int ROWS = 5550;

    private static final String FOLDER = "/oracles/ttrc/";

    private TtrOracle() {}

    /** The input bars: {@code Open, High, Low, Close, Volume}. */
    public static double[] bars(String column) {
        return column("ttrc.csv", column);
    }

    /** Column {@code name} of oracle file {@code file}, one value per bar. */
    public static double[] column(String file, String name) {
        try (InputStream stream = TtrOracle.class.getResourceAsStream(FOLDER + file)) {
            if (stream == null) {
                throw new IllegalArgumentException("no oracle file " + FOLDER + file);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            List<String> header = Arrays.asList(reader.readLine().split(","));
            int index = header.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException(file + " has no column " + name + ": " + header);
            }
            List<String> cells = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    cells.add(line.split(",")[index]);
                }
            }
            return cells.stream().mapToDouble(Double::parseDouble).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
