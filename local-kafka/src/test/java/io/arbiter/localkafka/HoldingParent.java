package io.arbiter.localkafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for an application that starts a broker and is then killed hard: starts an attached
 * broker, publishes the broker's pid, and waits forever. Usage: {@code HoldingParent dataDir
 * pidFile}.
 */
public final class HoldingParent {

    private HoldingParent() {}

    public static void main(String[] args) throws Exception {
        LocalKafkaBroker broker =
                LocalKafkaBroker.builder().dataDir(Path.of(args[0])).build().start();
        Path pidFile = Path.of(args[1]);
        Path partial = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
        Files.writeString(partial, Long.toString(broker.pid()));
        // Atomic, so the test never reads a half-written pid.
        Files.move(partial, pidFile, StandardCopyOption.ATOMIC_MOVE);
        new CountDownLatch(1).await();
    }
}
