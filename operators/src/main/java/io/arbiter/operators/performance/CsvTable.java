package io.arbiter.operators.performance;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A comma-separated file with a header row whose cells the trade and daily-equity readers take by
 * column name and type; every error names the file and line. Cells are not quoted (surrounding
 * double quotes are stripped), blank lines are skipped, extra columns are ignored.
 */
final class CsvTable {

    private final Path file;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();

    private CsvTable(Path file, List<String> header) {
        this.file = file;
        this.header = header;
    }

    static CsvTable read(Path file) throws IOException, PerformanceInputException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            if (headerLine == null || headerLine.isBlank()) {
                throw new PerformanceInputException(file + ": line 1: no header row");
            }
            CsvTable table =
                    new CsvTable(file, Arrays.asList(cells(headerLine.replace("\uFEFF", ""))));
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = cells(line);
                if (cells.length != table.header.size()) {
                    throw new PerformanceInputException(
                            file
                                    + ": line "
                                    + lineNumber
                                    + ": "
                                    + cells.length
                                    + " cells, the header has "
                                    + table.header.size());
                }
                table.rows.add(cells);
                table.lines.add(lineNumber);
            }
            return table;
        }
    }

    Path file() {
        return file;
    }

    int rowCount() {
        return rows.size();
    }

    int lineNumber(int row) {
        return lines.get(row);
    }

    boolean has(String column) {
        return header.contains(column);
    }

    /** The first of {@code names} that the header has. */
    String firstOf(String... names) throws PerformanceInputException {
        for (String name : names) {
            if (has(name)) {
                return name;
            }
        }
        throw new PerformanceInputException(
                file + ": line 1: no column '" + names[0] + "' in the header " + header);
    }

    String text(int row, String column) throws PerformanceInputException {
        String cell = rows.get(row)[index(column)];
        if (cell.isEmpty()) {
            throw error(row, column, cell, "is empty");
        }
        return cell;
    }

    /** A number; {@code NaN}, {@code NA} and empty cells are NaN, which the caller may refuse. */
    double number(int row, String column) throws PerformanceInputException {
        String cell = rows.get(row)[index(column)];
        if (cell.isEmpty() || cell.equals("NA") || cell.equals("NaN")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw error(row, column, cell, "is not a number");
        }
    }

    /** A finite number. */
    double finite(int row, String column) throws PerformanceInputException {
        double value = number(row, column);
        if (!Double.isFinite(value)) {
            throw error(row, column, rows.get(row)[index(column)], "is not a finite number");
        }
        return value;
    }

    /** An ISO date ({@code 2024-03-04}) or date-time; a time with an offset gives its UTC date. */
    LocalDate date(int row, String column) throws PerformanceInputException {
        String cell = text(row, column);
        try {
            if (cell.length() == 10) {
                return LocalDate.parse(cell);
            }
            if (cell.endsWith("Z")) {
                return LocalDate.ofInstant(Instant.parse(cell), ZoneOffset.UTC);
            }
            if (cell.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(cell).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            }
            return LocalDateTime.parse(cell).toLocalDate();
        } catch (DateTimeParseException e) {
            throw error(row, column, cell, "is not an ISO date like 2024-03-04");
        }
    }

    PerformanceInputException error(int row, String column, String cell, String what) {
        return new PerformanceInputException(
                file
                        + ": line "
                        + lines.get(row)
                        + ": column '"
                        + column
                        + "': '"
                        + cell
                        + "' "
                        + what);
    }

    private int index(String column) throws PerformanceInputException {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new PerformanceInputException(
                    file + ": line 1: no column '" + column + "' in the header " + header);
        }
        return index;
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
