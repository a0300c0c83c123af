package io.arbiter.jobs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage errors of {@code arbiter tail} (one line on standard error, exit 2) and a broker that does
 * not answer (exit 1); with a broker: DeskMonitorITCase in integration-tests.
 */
class TailCommandTest {

    @TempDir Path dir;

    @Test
    void anUnknownTopicAliasIsAUsageErrorListingTheKnownOnes() {
        CommandOutput result = tail("orderz");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("arbiter: tail: unknown topic 'orderz'")
                .contains("signals|orders|fills|alloc|gov|health|dlq");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMissingAliasIsAUsageError() {
        CommandOutput result = tail();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("arbiter: tail: which topic?");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(tail("gov", "--from", "middle").err())
                .contains("--from 'middle' is not beginning or end");
        assertThat(tail("gov", "--max", "0").err()).contains("--max 0 must be at least 1");
        assertThat(tail("gov", "--follow-ms", "-5").err())
                .contains("--follow-ms -5 must not be negative");
        assertThat(tail("gov", "--since", "1h").err()).contains("unknown option '--since'");
        assertThat(tail("dlq", "--max", "ten").exitCode()).isEqualTo(2);
    }

    @Test
    void anUnreachableBrokerFailsTheTailWithExitOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // released: nothing listens there
        }
        Path config =
                Files.writeString(
                        dir.resolve("arbiter.yaml"),
                        "kafka:\n"
                                + "  bootstrap-servers: 127.0.0.1:"
                                + port
                                + "\n"
                                + "  properties:\n"
                                + "    default.api.timeout.ms: 1000\n"
                                + "topics:\n"
                                + "  governance: gov.elsewhere\n");

        CommandOutput result = tail("gov", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("arbiter tail: reading gov.elsewhere failed: ");
        assertThat(result.out()).isEmpty();
    }

    private static CommandOutput tail(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
                TailCommand.run(
                        args,
                        0,
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandOutput(
                exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
