package io.arbiter.localkafka;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends the broker JVM when the JVM that launched it dies, even by SIGKILL. The parent holds the
 * write end of our stdin pipe and never writes; the OS closes it when the parent dies, which we see
 * as end-of-stream.
 */
final class ParentWatch {

    private ParentWatch() {}

    static void start(InputStream parentPipe) {
        Thread watcher = new Thread(() -> awaitEndOfStream(parentPipe), "arbiter-parent-watch");
        // Daemon, so the watch never keeps a broker alive that is shutting down on its own.
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void awaitEndOfStream(InputStream parentPipe) {
        try {
            while (parentPipe.read() != -1) {
                // Bytes are not expected; ignore them and keep waiting for end-of-stream.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end-of-stream: the parent is gone.
        }
        System.err.println("arbiter-local-kafka: parent process gone, shutting the broker down");
        // System.exit (not halt) so Kafka's shutdown hook closes the logs cleanly.
        System.exit(0);
    }
}
