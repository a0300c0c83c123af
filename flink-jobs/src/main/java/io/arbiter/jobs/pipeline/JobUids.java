package io.arbiter.jobs.pipeline;

/**
 * Stable operator ids of the pipeline. State in a savepoint is found by these, so they never change
 * once released; the savepoint tools and the tests use the same constants.
 */
public final class JobUids {

    private JobUids() {}

    public static final String SOURCE_BARS = "source-market-bars";
    public static final String SPLIT_BARS = "split-dead-letters-bars";
    public static final String FEATURES = "features";
    public static final String SINK_FEATURES = "sink-features";
    public static final String SCORING = "scoring";
    public static final String SOURCE_EXTERNAL_SIGNALS = "source-external-signals";
    public static final String SPLIT_EXTERNAL_SIGNALS = "split-dead-letters-external-signals";
    public static final String EXTERNAL_REGIME = "external-regime";
    public static final String EXTERNAL_GATE = "external-gate";
    public static final String SOURCE_COMMANDS = "source-control-commands";
    public static final String SPLIT_COMMANDS = "split-dead-letters-commands";
    public static final String SINK_SIGNALS = "sink-signals";
    public static final String SINK_GOVERNANCE = "sink-governance";
    public static final String SINK_DEAD_LETTERS = "sink-dead-letters";
}
