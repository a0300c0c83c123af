package io.arbiter.localkafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits until a freshly launched broker answers an AdminClient, and fails fast, with the log tail,
 * if the broker process dies first.
 */
final class BrokerReadiness {

    private static final Duration PAUSE = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 40;

    private BrokerReadiness() {}

    static void await(Process broker, String host, int port, Path log, Duration timeout) {
        Deadline deadline = Deadline.in(timeout);
        // Plain TCP first: an AdminClient aimed at a closed port logs a WARN per retry, which
        // would spam the launching application's log during the few seconds of startup.
        while (!accepts(host, port)) {
            pauseUnlessExited(broker, deadline, log);
        }
        Map<String, Object> config =
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        host + ":" + port,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        2000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        3000);
        try (Admin admin = Admin.create(config)) {
            while (!answers(admin)) {
                pauseUnlessExited(broker, deadline, log);
            }
        }
    }

    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean answers(Admin admin) {
        try {
            admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    /** Waiting on the exit future doubles as the pause between polls and the liveness check. */
    private static void pauseUnlessExited(Process broker, Deadline deadline, Path log) {
        if (deadline.expired()) {
            throw new IllegalStateException(
                    "broker not ready in time; last lines of "
                            + log
                            + ":\n"
                            + LogTail.of(log, LOG_TAIL_LINES));
        }
        try {
            broker.onExit().get(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            throw new IllegalStateException(
                    "broker exited with code "
                            + broker.exitValue()
                            + " before it was ready; last lines of "
                            + log
                            + ":\n"
                            + LogTail.of(log, LOG_TAIL_LINES));
        } catch (TimeoutException e) {
            // Still running: poll again.
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot watch the broker process", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }
}
