package io.arbiter.operators.features;

import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.Regime;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Writes feature vectors as CSV: {@code Date}, the indicator columns of {@link
 * IndicatorEngine#COLUMNS} and {@code regime} ({@code Symbol} first when the input had symbols).
 * Numbers are written with {@link Double#toString}, the shortest text that reads back to the same
 * double; undefined values as {@code NaN}. The file appears whole or not at all.
 */
public final class FeatureCsv {

    private FeatureCsv() {}

    public static String header(boolean withSymbol) {
        return (withSymbol ? "Symbol," : "")
                + "Date,"
                + String.join(",", IndicatorEngine.COLUMNS)
                + ",regime";
    }

    public static void write(Path out, List<FeatureVector> vectors, boolean withSymbol)
            throws IOException {
        Path directory = out.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, out.getFileName().toString(), ".partial");
        try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            writer.write(header(withSymbol));
            writer.newLine();
            StringBuilder line = new StringBuilder(512);
            for (FeatureVector vector : vectors) {
                line.setLength(0);
                if (withSymbol) {
                    line.append(vector.getSymbol()).append(',');
                }
                line.append(date(vector.getTime()));
                for (double value : vector.getValues()) {
                    line.append(',').append(value);
                }
                line.append(',').append(regime(vector.getRegime()));
                writer.write(line.toString());
                writer.newLine();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(
                partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A date for bars at midnight UTC (daily data), the full instant otherwise. */
    static String date(Instant time) {
        if (time.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return time.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        return time.toString();
    }

    /** low_vol, med_vol, high_vol or unknown, as DOMAIN.md names regimes. */
    public static String regime(Regime regime) {
        return regime.name().toLowerCase(Locale.ROOT);
    }
}
