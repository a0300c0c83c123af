package io.arbiter.jobs.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/** Runs a command as {@code arbiter} would and keeps what it printed. */
record CommandOutput(int exitCode, String out, String err) {

    /** The calibration oracle files, shipped with the operators module's tests. */
    static final Path ORACLES = Path.of("../operators/src/test/resources/oracles/calibration");

    /** A command's {@code run}, as a lambda. */
    interface Command {
        int run(CliArgs args) throws Exception;
    }

    static CommandOutput run(String name, Set<String> options, Command command, String... args)
            throws Exception {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = command.run(CliArgs.parse(name, args, 0, options));
            return new CommandOutput(
                    exit,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
