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
    public static final String FEATURES_WITHOUT_WINDOW = "features-without-window";
    public static final String SINK_FEATURES = "sink-features";
    public static final String SCORING = "scoring";
    public static final String SOURCE_EXTERNAL_SIGNALS = "source-external-signals";
    public static final String SPLIT_EXTERNAL_SIGNALS = "split-dead-letters-external-signals";
    public static final String EXTERNAL_REGIME = "external-regime";
    public static final String EXTERNAL_GATE = "external-gate";
    public static final String SOURCE_COMMANDS = "source-control-commands";
    public static final String SPLIT_COMMANDS = "split-dead-letters-commands";
    public static final String VERIFY_COMMANDS = "verify-commands";
    public static final String SOURCE_FILLS = "source-fills";
    public static final String SPLIT_FILLS = "split-dead-letters-fills";
    public static final String BOOK_FILLS = "book-inputs-fills";
    public static final String BOOK_SIGNALS = "book-inputs-signals";
    public static final String BOOK_COMMANDS = "book-inputs-commands";
    public static final String BOOK_MODEL_REPORTS = "book-inputs-model-reports";

    /** The book: ledger, performance, correlation, governor, allocator and planner (#12). */
    public static final String BOOKS = "books";

    public static final String SINK_INTENTS = "sink-intents";
    public static final String DATA_QUALITY = "data-quality";
    public static final String BOOK_DATA_QUALITY = "book-inputs-data-quality";
    public static final String SINK_ALLOCATIONS = "sink-allocations";
    public static final String SINK_SIGNALS = "sink-signals";
    public static final String SINK_GOVERNANCE = "sink-governance";
    public static final String SINK_DEAD_LETTERS = "sink-dead-letters";

    // The paper broker job (PaperBrokerJob): its own job, so its own ids.
    public static final String BROKER_SOURCE_INTENTS = "paper-broker-source-intents";
    public static final String BROKER_SOURCE_BARS = "paper-broker-source-market-bars";
    public static final String BROKER_SPLIT_INTENTS = "paper-broker-split-dead-letters-intents";
    public static final String BROKER_SPLIT_BARS = "paper-broker-split-dead-letters-bars";
    public static final String BROKER = "paper-broker";
    public static final String BROKER_SINK_FILLS = "paper-broker-sink-fills";
    public static final String BROKER_SINK_DEAD_LETTERS = "paper-broker-sink-dead-letters";
}
