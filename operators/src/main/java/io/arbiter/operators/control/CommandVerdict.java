package io.arbiter.operators.control;

import java.util.Map;

/**
 * What {@link CommandVerifier} decided about one command.
 *
 * @param rejection why it was refused; null when accepted
 * @param reason one sentence a person can read: what was checked and what was wrong
 * @param payload the typed arguments of an accepted command; null when refused
 * @param metrics the numbers that decided, by name (e.g. {@code age_ms}); may be empty
 * @param thresholds the limits they were compared with, by policy key; may be empty
 */
public record CommandVerdict(
        Rejection rejection,
        String reason,
        CommandPayload payload,
        Map<String, Double> metrics,
        Map<String, Double> thresholds) {

    public CommandVerdict {
        metrics = Map.copyOf(metrics);
        thresholds = Map.copyOf(thresholds);
    }

    static CommandVerdict accept(CommandPayload payload, String reason) {
        return new CommandVerdict(null, reason, payload, Map.of(), Map.of());
    }

    static CommandVerdict reject(Rejection rejection, String reason) {
        return new CommandVerdict(rejection, reason, null, Map.of(), Map.of());
    }

    static CommandVerdict reject(
            Rejection rejection,
            String reason,
            Map<String, Double> metrics,
            Map<String, Double> thresholds) {
        return new CommandVerdict(rejection, reason, null, metrics, thresholds);
    }

    public boolean accepted() {
        return rejection == null;
    }
}
