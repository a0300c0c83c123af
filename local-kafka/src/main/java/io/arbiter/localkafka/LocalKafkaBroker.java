package io.arbiter.localkafka;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real single-node KRaft Kafka broker running in its own child JVM on 127.0.0.1, for the demo and
 * local runs without Docker. Data survives a restart on the same directory.
 *
 * <pre>{@code
 * try (LocalKafkaBroker kafka =
 *         LocalKafkaBroker.builder().dataDir(Path.of(".arbiter/kafka")).build().start()) {
 *     String bootstrap = kafka.bootstrapServers(); // "127.0.0.1:<port>"
 * }
 * }</pre>
 */
public final class LocalKafkaBroker implements AutoCloseable {

    /** The quiet log4j2 config shipped in this module's jar, found on the child's classpath. */
    static final String LOG_CONFIG_RESOURCE = "arbiter-local-kafka-log4j2.properties";

    private static final String HOST = "127.0.0.1";

    private final BrokerLayout layout;
    private final int requestedPort;
    private final int requestedControllerPort;
    private final String maxHeap;
    private final String classpath;
    private final Map<String, String> brokerOverrides;
    private final Duration startTimeout;
    private final boolean detached;
    private final boolean stopOnJvmExit;

    // The Process must stay reachable while the broker runs: its stdin pipe is the child's
    // parent-watch, and a collected Process would close it and stop the broker.
    private Process process;
    private Thread shutdownHook;
    private int port;
    private int controllerPort;

    private LocalKafkaBroker(Builder b) {
        this.layout = new BrokerLayout(Objects.requireNonNull(b.dataDir, "dataDir is required"));
        this.requestedPort = b.port;
        this.requestedControllerPort = b.controllerPort;
        this.maxHeap = b.maxHeap;
        this.classpath = b.classpath != null ? b.classpath : System.getProperty("java.class.path");
        this.brokerOverrides = Map.copyOf(b.brokerProperties);
        this.startTimeout = b.startTimeout;
        this.detached = b.detached;
        this.stopOnJvmExit = b.stopOnJvmExit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes server.properties, formats the storage if this directory has never held a broker,
     * launches the broker JVM and returns once it answers an AdminClient.
     *
     * @throws IllegalStateException if the broker exits or is not ready within the start timeout;
     *     the message carries the tail of broker.log
     */
    public synchronized LocalKafkaBroker start() throws IOException {
        if (isRunning()) {
            throw new IllegalStateException("broker already running at " + bootstrapServers());
        }
        Files.createDirectories(layout.dir());
        int[] free = FreePorts.pick(2);
        port = requestedPort != 0 ? requestedPort : free[0];
        controllerPort = requestedControllerPort != 0 ? requestedControllerPort : free[1];
        BrokerProperties.write(
                layout.serverProperties(),
                BrokerProperties.of(layout.logDir(), port, controllerPort, brokerOverrides));

        removeShutdownHook(); // left over if a previous run died on its own
        process = launch(!layout.isFormatted());
        if (!detached && stopOnJvmExit) {
            // Covers normal exit and Ctrl-C of the parent; ParentWatch covers SIGKILL.
            shutdownHook = new Thread(this::stop, "arbiter-local-kafka-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        try {
            BrokerReadiness.await(process, HOST, port, layout.brokerLog(), startTimeout);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        return this;
    }

    private Process launch(boolean format) throws IOException {
        List<String> jvmOptions =
                List.of(
                        "-Xmx" + maxHeap,
                        "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + LOG_CONFIG_RESOURCE);
        List<String> args = new ArrayList<>();
        if (!detached) {
            args.add(BrokerMain.WATCH_PARENT);
        }
        if (format) {
            args.add(BrokerMain.FORMAT);
        }
        args.add(layout.serverProperties().toString());
        List<String> command =
                ChildJvm.command(
                        layout.classpathArgFile(),
                        classpath,
                        jvmOptions,
                        BrokerMain.class.getName(),
                        args);
        return new ProcessBuilder(command)
                .directory(layout.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(layout.brokerLog().toFile()))
                // Detached: no pipe to watch, the broker must outlive the launching CLI.
                .redirectInput(detached ? Redirect.from(nullDevice()) : Redirect.PIPE)
                .start();
    }

    private static File nullDevice() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return new File(windows ? "NUL" : "/dev/null");
    }

    /** "127.0.0.1:PORT" of the PLAINTEXT listener; valid once started. */
    public synchronized String bootstrapServers() {
        requireStarted();
        return HOST + ":" + port;
    }

    public synchronized int port() {
        requireStarted();
        return port;
    }

    public synchronized int controllerPort() {
        requireStarted();
        return controllerPort;
    }

    /** The broker JVM's process id, e.g. for a pid file. */
    public synchronized long pid() {
        requireStarted();
        return process.pid();
    }

    public Path directory() {
        return layout.dir();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker gracefully (forcibly after ~20 s); does nothing if it is not running. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        GracefulStop.stop(process.toHandle(), GracefulStop.DEFAULT_GRACE);
        closeQuietly(process);
        removeShutdownHook();
    }

    @Override
    public void close() {
        stop();
    }

    private void removeShutdownHook() {
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, probably running this very hook: nothing to undo.
        }
        shutdownHook = null;
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The child is gone; the pipe's state no longer matters.
        }
    }

    private void requireStarted() {
        if (process == null) {
            throw new IllegalStateException("broker not started");
        }
    }

    /** Settings of a {@link LocalKafkaBroker}; only the data directory is required. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private int controllerPort;
        private String maxHeap = "512m";
        private String classpath;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private boolean detached;
        private boolean stopOnJvmExit = true;

        private Builder() {}

        /** Holds server.properties, broker.log and the Kafka log dirs (in {@code data/}). */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** PLAINTEXT port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /** KRaft controller port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort);
            return this;
        }

        /** Maximum heap of the broker JVM in -Xmx syntax, default "512m". */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap);
            return this;
        }

        /**
         * Classpath of the broker JVM; default is this JVM's. A launch script without Maven uses
         * the content of target/kafka-classpath.txt plus this module's jar.
         */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath);
            return this;
        }

        /** Adds or overrides one broker setting in server.properties. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public Builder brokerProperties(Map<String, String> properties) {
            properties.forEach(this::brokerProperty);
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout);
            return this;
        }

        /**
         * A detached broker outlives this JVM: no shutdown hook and no parent watch. Used by the
         * CLI, which stops it later through its pid.
         */
        public Builder detached(boolean detached) {
            this.detached = detached;
            return this;
        }

        /**
         * Whether a JVM shutdown hook stops the broker (default true). An owner that needs the
         * broker during its own shutdown (to drain outputs after Ctrl-C) turns it off and stops the
         * broker itself; the child still exits when this JVM is gone (its parent watch).
         */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        public LocalKafkaBroker build() {
            return new LocalKafkaBroker(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            return port;
        }
    }
}
