package io.arbiter.localkafka;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Command line for a detached local broker that outlives the command: {@code start}, {@code stop}
 * and {@code status}, each with {@code --dir} (default {@code .arbiter/kafka}).
 */
public final class LocalKafkaCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_RUNNING = 3;

    private static final String USAGE_LINE =
            "usage: local-kafka start|stop|status [--dir D] [--port P] [--controller-port C]";

    private final PrintStream out;
    private final PrintStream err;

    LocalKafkaCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new LocalKafkaCli(System.out, System.err).run(args));
    }

    /** Runs one command and returns its exit code, so tests need no System.exit. */
    int run(String[] args) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("local-kafka: " + e.getMessage() + " (" + USAGE_LINE + ")");
            return USAGE;
        }
        try {
            switch (options.command()) {
                case "start":
                    return start(options);
                case "stop":
                    return stop(options);
                default:
                    return status(options);
            }
        } catch (IOException | RuntimeException e) {
            err.println("local-kafka " + options.command() + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    private int start(CliOptions options) throws IOException {
        BrokerPidFile pidFile = new BrokerPidFile(new BrokerLayout(options.dir()));
        if (pidFile.liveBroker().isPresent()) {
            out.println(pidFile.bootstrapServers().orElse("(unknown bootstrap)"));
            err.println("local-kafka: already running in " + options.dir());
            return OK;
        }
        LocalKafkaBroker broker =
                LocalKafkaBroker.builder()
                        .dataDir(options.dir())
                        .port(options.port())
                        .controllerPort(options.controllerPort())
                        .detached(true)
                        .build()
                        .start();
        pidFile.write(broker.pid(), broker.bootstrapServers());
        out.println(broker.bootstrapServers());
        return OK;
    }

    private int stop(CliOptions options) throws IOException {
        BrokerPidFile pidFile = new BrokerPidFile(new BrokerLayout(options.dir()));
        Optional<ProcessHandle> broker = pidFile.liveBroker();
        if (broker.isEmpty()) {
            pidFile.delete();
            out.println("not running");
            return OK;
        }
        if (!GracefulStop.stop(broker.get(), GracefulStop.DEFAULT_GRACE)) {
            err.println("local-kafka: broker pid " + broker.get().pid() + " did not stop");
            return FAILED;
        }
        pidFile.delete();
        out.println("stopped");
        return OK;
    }

    private int status(CliOptions options) throws IOException {
        BrokerPidFile pidFile = new BrokerPidFile(new BrokerLayout(options.dir()));
        if (pidFile.liveBroker().isEmpty()) {
            out.println("not running");
            return NOT_RUNNING;
        }
        out.println("running " + pidFile.bootstrapServers().orElse("(unknown bootstrap)"));
        return OK;
    }

    /** The parsed command line; rejects anything it does not know. */
    record CliOptions(String command, Path dir, int port, int controllerPort) {

        static CliOptions parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("missing command");
            }
            String command = args[0];
            if (!command.equals("start") && !command.equals("stop") && !command.equals("status")) {
                throw new IllegalArgumentException("unknown command '" + command + "'");
            }
            Path dir = Path.of(".arbiter", "kafka");
            int port = 9092;
            int controllerPort = 9093;
            for (int i = 1; i < args.length; i += 2) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + option);
                }
                String value = args[i + 1];
                switch (option) {
                    case "--dir":
                        dir = Path.of(value);
                        break;
                    case "--port":
                        port = parsePort(option, value);
                        break;
                    case "--controller-port":
                        controllerPort = parsePort(option, value);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option '" + option + "'");
                }
            }
            return new CliOptions(command, dir.toAbsolutePath().normalize(), port, controllerPort);
        }

        private static int parsePort(String option, String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // Reported below like an out-of-range number.
            }
            throw new IllegalArgumentException(
                    option + " needs a port number, got '" + value + "'");
        }
    }
}
