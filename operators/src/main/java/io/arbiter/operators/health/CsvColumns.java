package io.arbiter.operators.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A comma-separated file with a header row, read whole, whose columns the calibration and drift
 * tools take by name; every error names the file's line. Cells are not quoted (surrounding double
 * quotes are stripped), blank lines are skipped, and {@code NaN}, {@code NA} and empty cells are
 * missing values.
 */
public final class CsvColumns {

    /** A line that cannot be read, with its 1-based line number in the message. */
    public static final class MalformedCsvException extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedCsvException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final List<String> header;
    private final List<String[]> rows;
    private final List<Integer> lineNumbers;

    private CsvColumns(
            Path file, List<String> header, List<String[]> rows, List<Integer> lineNumbers) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.lineNumbers = lineNumbers;
    }

    /**
     * @throws MalformedCsvException when the header is missing or repeats a name, or a line has
     *     more or fewer cells than the header
     */
    public static CsvColumns read(Path file) throws IOException, MalformedCsvException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            if (headerLine == null || headerLine.isBlank()) {
                throw new MalformedCsvException(file + ": line 1: no header row");
            }
            List<String> header = Arrays.asList(cells(headerLine.replace("\uFEFF", "")));
            for (int i = 0; i < header.size(); i++) {
                if (header.indexOf(header.get(i)) != i) {
                    throw new MalformedCsvException(
                            file + ": line 1: column '" + header.get(i) + "' appears twice");
                }
            }
            List<String[]> rows = new ArrayList<>();
            List<Integer> lineNumbers = new ArrayList<>();
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = cells(line);
                if (cells.length != header.size()) {
                    throw new MalformedCsvException(
                            file
                                    + ": line "
                                    + lineNumber
                                    + ": "
                                    + cells.length
                                    + " cells, the header has "
                                    + header.size());
                }
                rows.add(cells);
                lineNumbers.add(lineNumber);
            }
            return new CsvColumns(file, List.copyOf(header), rows, List.copyOf(lineNumbers));
        }
    }

    public List<String> header() {
        return header;
    }

    /** Data rows (blank lines not counted). */
    public int rowCount() {
        return rows.size();
    }

    /** The 1-based line of the file that data row {@code row} (0-based) came from. */
    public int lineNumber(int row) {
        return lineNumbers.get(row);
    }

    /**
     * Every cell of {@code column} as a number, one per data row; a missing value is NaN.
     *
     * @throws MalformedCsvException when the column is absent or a cell is not a number
     */
    public double[] numbers(String column) throws MalformedCsvException {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new MalformedCsvException(
                    file + ": line 1: no column '" + column + "' in the header " + header);
        }
        double[] values = new double[rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            String cell = rows.get(row)[index];
            Double value = parse(cell);
            if (value == null) {
                throw new MalformedCsvException(
                        file
                                + ": line "
                                + lineNumbers.get(row)
                                + ": column '"
                                + column
                                + "': '"
                                + cell
                                + "' is not a number");
            }
            values[row] = value;
        }
        return values;
    }

    /**
     * The non-missing values of {@code column} in row order, or empty when the column is absent or
     * holds a cell that is neither a number nor missing (a date, a name).
     */
    public Optional<double[]> presentNumbers(String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            return Optional.empty();
        }
        double[] values = new double[rows.size()];
        int present = 0;
        for (String[] row : rows) {
            Double value = parse(row[index]);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isNaN()) {
                values[present++] = value;
            }
        }
        return Optional.of(Arrays.copyOf(values, present));
    }

    /** The number in {@code cell}, NaN for a missing value, null when it is not a number. */
    private static Double parse(String cell) {
        if (cell.isEmpty() || cell.equals("NA") || cell.equals("NaN")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].strip();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1);
            }
            cells[i] = cell;
        }
        return cells;
    }
}
