package io.arbiter.localkafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process the polite way first (SIGTERM runs Kafka's shutdown hook), then forcibly. */
final class GracefulStop {

    static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private GracefulStop() {}

    /** Returns true when the process is gone, false if it survived even the forced kill. */
    static boolean stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            return true;
        }
        process.destroyForcibly();
        return awaitExit(process, AFTER_KILL);
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
