package io.arbiter.localkafka;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files a local broker keeps in its directory, named in one place for the broker and CLI. */
final class BrokerLayout {

    private final Path dir;

    BrokerLayout(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path serverProperties() {
        return dir.resolve("server.properties");
    }

    Path logDir() {
        return dir.resolve("data");
    }

    Path brokerLog() {
        return dir.resolve("broker.log");
    }

    Path classpathArgFile() {
        return dir.resolve("broker-classpath.args");
    }

    Path pidFile() {
        return dir.resolve("broker.pid");
    }

    Path bootstrapFile() {
        return dir.resolve("bootstrap.txt");
    }

    /** StorageTool writes meta.properties last, so its presence means a completed format. */
    boolean isFormatted() {
        return Files.isRegularFile(logDir().resolve("meta.properties"));
    }
}
