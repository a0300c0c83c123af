package io.arbiter.models.stream;

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
}
