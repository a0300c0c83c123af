package io.arbiter.it.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the demo as a user would: {@code bin/arbiter demo --duration 60s} from the launcher (with
 * the jars this build made), then checks that it ended by itself with exit 0, that its summary's
 * ledger checks hold on final counts, that the whole loop produced its outputs, and that no process
 * it started outlives it.
 *
 * <p>Nothing here depends on the machine's speed: the demo paces its feed to the job and drains on
 * progress, so a slow machine sends fewer bars but still balances. The wait for the process is a
 * generous bound, not an expectation.
 */
class DemoLauncherITCase {

    private static final Path LAUNCHER = Path.of("../bin/arbiter").toAbsolutePath().normalize();

    /**
     * How long the demo may take at most: startup (over a minute on a loaded 2-core machine), 60 s
     * of feed, and a drain that gives up by itself after 60 s without progress; typically 1-3 min.
     */
    private static final Duration BOUND = Duration.ofMinutes(20);

    @TempDir Path work;

    @Test
    void theDemoEndsByItselfWithABalancedSummaryAndLeavesNoProcessBehind() throws Exception {
        Path out = work.resolve("demo.out");
        Path workDir = work.resolve("demo-work");
        int webPort = freePortPair();
        int prometheusPort = freePortPair();
        ProcessBuilder builder =
                new ProcessBuilder(
                                "bash",
                                LAUNCHER.toString(),
                                "demo",
                                "--duration",
                                "60s",
                                "--work-dir",
                                workDir.toString(),
                                "--web-port",
                                String.valueOf(webPort),
                                "--prometheus-port",
                                String.valueOf(prometheusPort))
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile());
        builder.environment().put("ARBITER_SKIP_BUILD", "1");
        Process demo = builder.start();
        boolean ended = demo.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(ended).as("the demo ended by itself; its output:\n" + tail(text)).isTrue();
        assertThat(demo.exitValue()).as(tail(text)).isZero();

        assertThat(text)
                .contains("=== Arbiter demo summary")
                .containsPattern("(?m)^  feed paced to the job: [0-9.]+ s waiting")
                .contains("counts: final")
                .contains("check: every bar sent was read: yes")
                .contains("check: read = accepted + dead-lettered at the source: yes")
                .contains("check: committed = processed + dead-lettered: yes")
                .contains("desk  as of")
                .contains("Broker stopped. Bye.");
        assertThat(count(text, "bars in \\(sent to market.bars\\)")).isPositive();
        assertThat(count(text, "signals \\(committed\\)")).isPositive();
        assertThat(count(text, "allocation events")).isPositive();
        for (String line : List.of("trade intents", "fills", "governance events")) {
            assertThat(count(text, line)).as(line).isGreaterThanOrEqualTo(0);
        }

        // Nothing it started is still running: no process names its work directory.
        List<ProcessHandle> left =
                ProcessHandle.allProcesses()
                        .filter(ProcessHandle::isAlive)
                        .filter(
                                p ->
                                        p.info()
                                                .commandLine()
                                                .map(c -> c.contains(workDir.toString()))
                                                .orElse(false))
                        .toList();
        assertThat(left).as("processes left behind").isEmpty();
    }

    /** The number on a summary line, e.g. "fills 425 (...)". */
    private static long count(String text, String label) {
        Matcher m = Pattern.compile("(?m)^" + label + "\\s+([0-9,]+)").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no summary line '" + label + "' in:\n" + tail(text));
        }
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    /** A free port whose successor is free too (the paper broker's cluster takes port + 1). */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two adjacent free ports");
    }
}
