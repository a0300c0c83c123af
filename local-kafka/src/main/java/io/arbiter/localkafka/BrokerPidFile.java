package io.arbiter.localkafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

/** The pid file of a detached broker, and the check that the pid still belongs to that broker. */
final class BrokerPidFile {

    private final BrokerLayout layout;

    BrokerPidFile(BrokerLayout layout) {
        this.layout = layout;
    }

    void write(long pid, String bootstrapServers) throws IOException {
        Files.writeString(layout.pidFile(), pid + "\n", StandardCharsets.UTF_8);
        Files.writeString(layout.bootstrapFile(), bootstrapServers + "\n", StandardCharsets.UTF_8);
    }

    void delete() throws IOException {
        Files.deleteIfExists(layout.pidFile());
    }

    Optional<String> bootstrapServers() throws IOException {
        if (!Files.isRegularFile(layout.bootstrapFile())) {
            return Optional.empty();
        }
        return Optional.of(
                Files.readString(layout.bootstrapFile(), StandardCharsets.UTF_8).strip());
    }

    /** The running broker process named in the pid file, if there is one. */
    Optional<ProcessHandle> liveBroker() throws IOException {
        if (!Files.isRegularFile(layout.pidFile())) {
            return Optional.empty();
        }
        long pid;
        try {
            pid =
                    Long.parseLong(
                            Files.readString(layout.pidFile(), StandardCharsets.UTF_8).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurBroker);
    }

    /**
     * After a reboot the pid may belong to an unrelated process; never signal that. Where the OS
     * does not reveal command lines we cannot tell, and trust the file.
     */
    private boolean isOurBroker(ProcessHandle process) {
        return process.info()
                .commandLine()
                .map(
                        line ->
                                line.contains(BrokerMain.class.getName())
                                        && line.contains(layout.serverProperties().toString()))
                .orElse(true);
    }
}
