package io.arbiter.operators.ingest;

import io.arbiter.schemas.Bar;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads bars from CSV: a header naming {@code Date} or {@code Time} (ISO date, date-time or
 * instant; UTC when no offset is given), {@code Open, High, Low, Close, Volume} and optionally
 * {@code Symbol}, in any order and case. A malformed line fails the whole read with its line
 * number, so no partial data is ever used.
 */
public final class BarCsv {

    private BarCsv() {}

    /** A CSV line that cannot be a bar. */
    public static final class MalformedCsvException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedCsvException(Path file, int line, String message) {
            super(file + ":" + line + ": " + message);
        }
    }

    /** One bar and the file line it came from (1 is the header). */
    public record Row(int line, Bar bar) {}

    /** The rows of a file, and whether it named symbols itself. */
    public record Table(boolean hasSymbolColumn, List<Row> rows) {}

    /**
     * @param defaultSymbol symbol for files without a Symbol column
     * @param interval bar length written into each bar ({@link Duration#ZERO} if unknown)
     */
    public static List<Bar> read(Path file, String defaultSymbol, Duration interval)
            throws IOException {
        return readTable(file, defaultSymbol, interval).rows().stream().map(Row::bar).toList();
    }

    /** Like {@link #read}, keeping each bar's line number for error messages. */
    public static Table readTable(Path file, String defaultSymbol, Duration interval)
            throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new MalformedCsvException(file, 1, "empty file, expected a header");
            }
            Map<String, Integer> columns = columns(header.strip());
            String timeColumn = columns.containsKey("time") ? "time" : "date";
            for (String required : List.of(timeColumn, "open", "high", "low", "close", "volume")) {
                if (!columns.containsKey(required)) {
                    throw new MalformedCsvException(
                            file, 1, "header lacks column " + required + ": " + header);
                }
            }
            List<Row> rows = new ArrayList<>();
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != columns.size()) {
                    throw new MalformedCsvException(
                            file,
                            lineNumber,
                            "expected " + columns.size() + " cells, found " + cells.length);
                }
                try {
                    rows.add(
                            new Row(
                                    lineNumber,
                                    Bar.newBuilder()
                                            .setSymbol(
                                                    columns.containsKey("symbol")
                                                            ? cells[columns.get("symbol")].strip()
                                                            : defaultSymbol)
                                            .setTime(
                                                    parseTime(
                                                            cells[columns.get(timeColumn)].strip()))
                                            .setIntervalMillis(interval.toMillis())
                                            .setOpen(number(cells, columns, "open"))
                                            .setHigh(number(cells, columns, "high"))
                                            .setLow(number(cells, columns, "low"))
                                            .setClose(number(cells, columns, "close"))
                                            .setVolume(number(cells, columns, "volume"))
                                            .build()));
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new MalformedCsvException(file, lineNumber, e.getMessage());
                }
            }
            return new Table(columns.containsKey("symbol"), rows);
        }
    }

    private static Map<String, Integer> columns(String header) {
        Map<String, Integer> columns = new HashMap<>();
        String[] names = header.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    private static double number(String[] cells, Map<String, Integer> columns, String column) {
        String cell = cells[columns.get(column)].strip();
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(column + ": '" + cell + "' is not a number");
        }
    }

    /** An instant, a date-time (UTC) or a date (00:00 UTC). */
    static Instant parseTime(String text) {
        if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return java.time.OffsetDateTime.parse(text).toInstant();
        }
        if (text.contains("T")) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
