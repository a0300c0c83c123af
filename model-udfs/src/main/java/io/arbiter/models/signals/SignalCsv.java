package io.arbiter.models.signals;

import io.arbiter.schemas.ModelSignal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes signals as CSV ({@code symbol,time,model,version,regime,p_raw,p_cal,gate,gate_threshold,
 * side}), numbers with full double precision; the file appears whole or not at all.
 */
public final class SignalCsv {

    public static final String HEADER =
            "symbol,time,model,version,regime,p_raw,p_cal,gate,gate_threshold,side";

    private SignalCsv() {}

    public static void write(Path out, List<ModelSignal> signals) throws IOException {
        Path directory = out.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, out.getFileName().toString(), ".partial");
        try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            writer.write(HEADER);
            writer.newLine();
            for (ModelSignal s : signals) {
                writer.write(
                        String.join(
                                ",",
                                s.getSymbol(),
                                s.getTime().toString(),
                                s.getModel(),
                                s.getVersion(),
                                s.getRegime().name().toLowerCase(Locale.ROOT),
                                Double.toString(s.getPRaw()),
                                Double.toString(s.getPCal()),
                                s.getGate().name(),
                                Double.toString(s.getGateThreshold()),
                                s.getSide().name()));
                writer.newLine();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(
                partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
