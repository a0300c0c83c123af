package io.arbiter.jobs.cli;

import org.apache.flink.util.TimeUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one subcommand, checked against the names it accepts. */
public final class CliArgs {

    private final String command;
    private final Map<String, String> values;

    private CliArgs(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    /**
     * @throws UsageException for an unknown option or an option without its value
     */
    public static CliArgs parse(String command, String[] args, int from, Set<String> accepted) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--json") && accepted.contains("format")) {
                values.put("format", "json"); // the issues' spelling of --format json
                continue;
            }
            if (!arg.startsWith("--") || !accepted.contains(arg.substring(2))) {
                throw new UsageException(
                        command
                                + ": unknown option '"
                                + arg
                                + "' (accepted: --"
                                + String.join(", --", accepted.stream().sorted().toList())
                                + ")");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(command + ": option " + arg + " needs a value");
            }
            values.put(arg.substring(2), args[++i]);
        }
        return new CliArgs(command, values);
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException(command + ": --" + name + " is required");
        }
        return value;
    }

    public Path path(String name, Path fallback) {
        return values.containsKey(name) ? Path.of(values.get(name)) : fallback;
    }

    public int integer(String name, int fallback) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new UsageException(
                    command + ": --" + name + " '" + values.get(name) + "' is not a whole number");
        }
    }

    /** A duration such as {@code 90s}, {@code 2 min} or {@code 500 ms}; null when absent. */
    public Duration duration(String name) {
        if (!values.containsKey(name)) {
            return null;
        }
        try {
            Duration duration = TimeUtils.parseDuration(values.get(name));
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    command
                            + ": --"
                            + name
                            + " '"
                            + values.get(name)
                            + "' is not a duration like 90s ("
                            + e.getMessage()
                            + ")");
        }
    }
}
