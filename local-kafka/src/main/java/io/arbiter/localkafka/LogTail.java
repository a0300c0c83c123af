package io.arbiter.localkafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the last lines of the broker log, so a failed start says why without opening the file. */
final class LogTail {

    private LogTail() {}

    static String of(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no " + log + ")";
            }
            // broker.log stays small thanks to the quiet log4j2 config, so reading it whole is
            // fine.
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            return String.join(System.lineSeparator(), tail);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
