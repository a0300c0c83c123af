package io.arbiter.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The policy file a command uses: {@code --policy FILE} when given (it must exist), else the
 * installation's {@code conf/policy.yaml}, else none (the built-in defaults, which are the same
 * values).
 */
public final class PolicyOption {

    private PolicyOption() {}

    /** The file to load, or null for the built-in defaults. */
    public static Path file(CliArgs args) {
        Path given = args.path("policy", null);
        if (given != null) {
            return given;
        }
        Path shipped = ArbiterHome.resolve("conf/policy.yaml");
        return Files.isRegularFile(shipped) ? shipped : null;
    }
}
