package io.arbiter.operators.book;

/**
 * What the scoring side reports about a model to every book, as rule ids of its governance events:
 * a failure to load or score (kind MODEL_ERROR), and a batch that took longer than the policy's
 * scoring latency, with that time in the metric {@link #LATENCY_MS}.
 */
public final class ModelReports {

    private ModelReports() {}

    public static final String RULE_LATENCY = "model.latency";

    public static final String LATENCY_MS = "latencyMs";
}
