package io.arbiter.jobs.monitor;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The watcher without a broker; against a real one: DeskMonitorITCase in integration-tests. */
class DeskWatcherTest {

    @Test
    void showsAnEmptyDeskAndClosesPromptlyWhileNoBrokerAnswers() throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "127.0.0.1:" + freePort());
        kafka.put("default.api.timeout.ms", "60000");

        DeskWatcher watcher = DeskWatcher.start(kafka, "alloc.events", "gov.events", 3);
        String desk = watcher.render();
        boolean arrived = watcher.awaitEvents(1, 0, Duration.ofMillis(50));
        watcher.close();

        assertThat(desk)
                .startsWith(
                        "no allocations yet\n\nlatest governance events (newest last)\n"
                                + "  no governance events yet\n");
        assertThat(arrived).isFalse();
        // close() woke the consumer out of its 60 s metadata wait
        assertThat(watcher.polling()).isFalse();
    }

    /** A port nothing listens on (bound, then released). */
    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
