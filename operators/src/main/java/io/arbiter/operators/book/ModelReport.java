package io.arbiter.operators.book;

import java.time.Duration;
import java.util.Objects;

/**
 * What the scoring side reports about a model to every book, typed: a failure to load or score it,
 * or a batch it took longer to score than the policy allows. The books' governors act on it (the
 * model-failure rule and the scoring-latency breaker); the journal entry that tells people about it
 * travels separately as a governance event.
 *
 * @param kind what happened
 * @param rule the rule id of the journal entry that reported it ({@code model.load}, {@code
 *     model.score}, {@code model.latency})
 * @param model the model's id
 * @param version the model's version ("?" when unknown)
 * @param time event time of the report (the batch's newest bar; the epoch at start-up)
 * @param tookNanos how long the batch took, for {@link Kind#SLOW_BATCH}; 0 otherwise
 * @param reason the journal's sentence, for {@link Kind#FAILURE}
 * @param eventId the journal entry's id: deterministic, and the report's identity in a book's apply
 *     order
 */
public record ModelReport(
        Kind kind,
        String rule,
        String model,
        String version,
        long time,
        long tookNanos,
        String reason,
        String eventId) {

    /** What a report says. */
    public enum Kind {
        /** The model failed to load or to score: the book stops trading it. */
        FAILURE,
        /** A batch took longer than the policy's scoring latency: the latency breaker's input. */
        SLOW_BATCH
    }

    public ModelReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(eventId, "eventId");
        version = version == null ? "?" : version;
        reason = reason == null ? "" : reason;
    }

    public static ModelReport failure(
            String rule, String model, String version, long time, String reason, String eventId) {
        return new ModelReport(Kind.FAILURE, rule, model, version, time, 0, reason, eventId);
    }

    public static ModelReport slowBatch(
            String rule, String model, String version, long time, Duration took, String eventId) {
        return new ModelReport(
                Kind.SLOW_BATCH, rule, model, version, time, took.toNanos(), "", eventId);
    }

    /** How long the batch took ({@link Kind#SLOW_BATCH}). */
    public Duration took() {
        return Duration.ofNanos(tookNanos);
    }
}
