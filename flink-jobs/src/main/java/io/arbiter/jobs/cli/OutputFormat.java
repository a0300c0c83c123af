package io.arbiter.jobs.cli;

/** How a report command prints: a table for people or one JSON object for tools. */
enum OutputFormat {
    TEXT,
    JSON;

    static OutputFormat of(String command, CliArgs args) {
        String value = args.string("format", "text");
        switch (value) {
            case "text":
                return TEXT;
            case "json":
                return JSON;
            default:
                throw new UsageException(
                        command + ": --format '" + value + "' must be text or json");
        }
    }
}
