package io.arbiter.localkafka;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKafkaCliTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stopAnyBrokerLeftRunning() {
        cli("stop", "--dir", dir.toString());
    }

    @Test
    void startStatusStopRoundTripWithExitCodes() throws Exception {
        assertThat(cli("start", "--dir", dir.toString(), "--port", "0", "--controller-port", "0"))
                .as(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(LocalKafkaCli.OK);
        String bootstrap = Files.readString(dir.resolve("bootstrap.txt")).strip();
        assertThat(bootstrap).startsWith("127.0.0.1:");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(bootstrap);
        long pid = Long.parseLong(Files.readString(dir.resolve("broker.pid")).strip());

        assertThat(cli("status", "--dir", dir.toString())).isEqualTo(LocalKafkaCli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("running " + bootstrap);

        assertThat(cli("stop", "--dir", dir.toString())).isEqualTo(LocalKafkaCli.OK);
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dir.resolve("broker.pid")).doesNotExist();

        assertThat(cli("status", "--dir", dir.toString())).isEqualTo(LocalKafkaCli.NOT_RUNNING);
    }

    @Test
    void statusOfAnEmptyDirectoryIsNotRunning() {
        assertThat(cli("status", "--dir", dir.toString())).isEqualTo(LocalKafkaCli.NOT_RUNNING);
    }

    @Test
    void rejectsUnknownCommandsAndOptionsWithExitCodeTwo() {
        assertThat(cli("restart", "--dir", dir.toString())).isEqualTo(LocalKafkaCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'restart'");
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n");

        assertThat(cli()).isEqualTo(LocalKafkaCli.USAGE);
        assertThat(cli("start", "--bogus", "1")).isEqualTo(LocalKafkaCli.USAGE);
        assertThat(cli("start", "--port", "not-a-port")).isEqualTo(LocalKafkaCli.USAGE);
        assertThat(cli("start", "--dir")).isEqualTo(LocalKafkaCli.USAGE);
        assertThat(dir).isEmptyDirectory();
    }

    private int cli(String... args) {
        out.reset();
        err.reset();
        LocalKafkaCli cli =
                new LocalKafkaCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }
}
