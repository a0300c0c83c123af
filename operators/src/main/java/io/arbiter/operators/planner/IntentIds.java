package io.arbiter.operators.planner;

/**
 * The id of the intent a candidate becomes: book|model|symbol|bar time (epoch ms). Deterministic,
 * so a replay makes the same ids and the execution service can tell a resent intent from a new one;
 * one model signals once per symbol and bar, so it is unique.
 */
final class IntentIds {

    private IntentIds() {}

    static String of(String book, Candidate c) {
        return book + '|' + c.model() + '|' + c.symbol() + '|' + c.time();
    }
}
