package io.arbiter.models.signals;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Governance events about models themselves (a file that does not load, a session that fails to
 * score): the model stops giving signals and people are told why, while the job carries on.
 */
public final class ModelEvents {

    /** Models are loaded for every book at once: their events name all books. */
    public static final String ALL_BOOKS = "*";

    public static final String RULE_LOAD = "model.load";
    public static final String RULE_SCORE = "model.score";
    public static final String RULE_REGISTER = "model.register";
    public static final String RULE_RETIRE = "model.retire";

    /** A batch took the model longer than the policy allows (the books' latency breaker). */
    public static final String RULE_LATENCY = "model.latency";

    /** The metric of a {@link #RULE_LATENCY} event: the batch's scoring time in milliseconds. */
    public static final String LATENCY_MS = "latencyMs";

    private ModelEvents() {}

    /**
     * @param time event time of the failure (the batch's newest bar; the epoch at start-up)
     */
    public static GovernanceEvent error(
            String rule,
            String model,
            String version,
            String reason,
            Instant time,
            String policyVersion) {
        return GovernanceEvent.newBuilder()
                // Derived from its content, so a replay names the same event the same way.
                .setEventId(
                        UUID.nameUUIDFromBytes(
                                        (rule + "|" + model + "|" + version + "|" + time + "|"
                                                        + reason)
                                                .getBytes(StandardCharsets.UTF_8))
                                .toString())
                .setBook(ALL_BOOKS)
                .setModel(model)
                .setModelVersion(version)
                .setTime(time)
                .setKind(GovernanceKind.MODEL_ERROR)
                .setSeverity(Severity.ERROR)
                .setRuleId(rule)
                .setFromState(ModelState.UNKNOWN)
                .setToState(ModelState.HALTED)
                .setReason(
                        reason
                                + "; its signals stop, traffic 0, the book falls back to its baseline")
                .setMetrics(Map.of())
                .setThresholds(Map.of())
                .setPolicyVersion(policyVersion)
                .setCommandId(null)
                .build();
    }

    /** A model served from now on, by command. */
    public static GovernanceEvent registered(
            String model,
            String version,
            String replacedVersion,
            String directory,
            String commandId,
            Instant time,
            String policyVersion) {
        String reason =
                replacedVersion == null
                        ? "model " + model + " " + version + " registered from " + directory
                        : "model "
                                + model
                                + " "
                                + version
                                + " replaces version "
                                + replacedVersion
                                + " (from "
                                + directory
                                + ")";
        return info(RULE_REGISTER, model, version, ModelState.REGISTERED, reason, commandId, time)
                .setPolicyVersion(policyVersion)
                .build();
    }

    /** A model no longer served, by command. */
    public static GovernanceEvent retired(
            String model, String version, String commandId, Instant time, String policyVersion) {
        return info(
                        RULE_RETIRE,
                        model,
                        version,
                        ModelState.RETIRED,
                        "model " + model + " " + version + " retired: its signals stop",
                        commandId,
                        time)
                .setPolicyVersion(policyVersion)
                .build();
    }

    private static GovernanceEvent.Builder info(
            String rule,
            String model,
            String version,
            ModelState to,
            String reason,
            String commandId,
            Instant time) {
        return GovernanceEvent.newBuilder()
                .setEventId(
                        UUID.nameUUIDFromBytes(
                                        (rule + "|" + model + "|" + version + "|" + commandId)
                                                .getBytes(StandardCharsets.UTF_8))
                                .toString())
                .setBook(ALL_BOOKS)
                .setModel(model)
                .setModelVersion(version)
                .setTime(time)
                .setKind(GovernanceKind.INFO)
                .setSeverity(Severity.INFO)
                .setRuleId(rule)
                .setFromState(ModelState.UNKNOWN)
                .setToState(to)
                .setReason(reason)
                .setMetrics(Map.of())
                .setThresholds(Map.of())
                .setCommandId(commandId);
    }

    /** A model that took longer than {@code limit} to score one batch. */
    public static GovernanceEvent slow(
            String model,
            String version,
            java.time.Duration took,
            java.time.Duration limit,
            Instant time,
            String policyVersion) {
        return GovernanceEvent.newBuilder()
                .setEventId(
                        UUID.nameUUIDFromBytes(
                                        (RULE_LATENCY + "|" + model + "|" + version + "|" + time)
                                                .getBytes(StandardCharsets.UTF_8))
                                .toString())
                .setBook(ALL_BOOKS)
                .setModel(model)
                .setModelVersion(version)
                .setTime(time)
                .setKind(GovernanceKind.WARN)
                .setSeverity(Severity.WARNING)
                .setRuleId(RULE_LATENCY)
                .setFromState(ModelState.UNKNOWN)
                .setToState(ModelState.UNKNOWN)
                .setReason(
                        "model "
                                + model
                                + " took "
                                + took.toMillis()
                                + " ms to score a batch (limit "
                                + limit.toMillis()
                                + " ms)")
                .setMetrics(Map.of(LATENCY_MS, (double) took.toNanos() / 1e6))
                .setThresholds(Map.of("breakers.max-scoring-latency", (double) limit.toMillis()))
                .setPolicyVersion(policyVersion)
                .setCommandId(null)
                .build();
    }
}
