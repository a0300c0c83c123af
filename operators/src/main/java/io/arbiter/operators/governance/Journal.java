package io.arbiter.operators.governance;

import io.arbiter.operators.policy.PolicyKey;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the operations journal's entries. An event's id is a name-based UUID of (book, the book's
 * event sequence number, rule, model, time): unique within the book, and the same in a replay,
 * never random. Metrics and thresholds keep the order they were added in, so the encoded bytes are
 * the same too.
 */
final class Journal {

    private Journal() {}

    static Entry entry(
            String book, long seq, long time, GovernanceKind kind, Severity severity, String rule) {
        return new Entry(book, seq, time, kind, severity, rule);
    }

    static final class Entry {
        private final String book;
        private final long seq;
        private final long time;
        private final GovernanceKind kind;
        private final Severity severity;
        private final String rule;
        private String model;
        private String version;
        private ModelState from = ModelState.UNKNOWN;
        private ModelState to = ModelState.UNKNOWN;
        private String reason = "";
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final Map<String, Double> thresholds = new LinkedHashMap<>();
        private String commandId;

        private Entry(
                String book,
                long seq,
                long time,
                GovernanceKind kind,
                Severity severity,
                String rule) {
            this.book = book;
            this.seq = seq;
            this.time = time;
            this.kind = kind;
            this.severity = severity;
            this.rule = rule;
        }

        String rule() {
            return rule;
        }

        Entry model(String id, String modelVersion) {
            this.model = id;
            this.version = modelVersion;
            return this;
        }

        Entry states(ModelState fromState, ModelState toState) {
            this.from = fromState;
            this.to = toState;
            return this;
        }

        Entry reason(String text) {
            this.reason = text;
            return this;
        }

        Entry metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        /** A threshold that decided, by its policy key (durations in milliseconds). */
        Entry threshold(PolicyKey policyKey, double value) {
            thresholds.put(policyKey.path(), value);
            return this;
        }

        Entry command(String id) {
            this.commandId = id;
            return this;
        }

        GovernanceEvent build(String policyVersion) {
            String name = book + "|" + seq + "|" + rule + "|" + model + "|" + time;
            return GovernanceEvent.newBuilder()
                    .setEventId(
                            UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                                    .toString())
                    .setBook(book)
                    .setModel(model)
                    .setModelVersion(version)
                    .setTime(Instant.ofEpochMilli(time))
                    .setKind(kind)
                    .setSeverity(severity)
                    .setRuleId(rule)
                    .setFromState(from)
                    .setToState(to)
                    .setReason(reason)
                    .setMetrics(new LinkedHashMap<>(metrics))
                    .setThresholds(new LinkedHashMap<>(thresholds))
                    .setPolicyVersion(policyVersion)
                    .setCommandId(commandId)
                    .build();
        }
    }
}
