package io.arbiter.operators.control;

import io.arbiter.schemas.Severity;

/**
 * Why a control command was refused. Each code is the rule id of the SECURITY event it raises and
 * carries how urgently a person must look.
 */
public enum Rejection {

    /** No signature at all: someone or something without the key wrote to the control topic. */
    UNSIGNED("command.unsigned", Severity.ERROR),

    /**
     * The signature does not match: forged, changed after signing, or signed with another key
     * (which also means every real command is being refused — urgent either way).
     */
    BAD_SIGNATURE("command.bad-signature", Severity.ERROR),

    /** A command id already accepted: a captured command sent again. */
    REPLAYED("command.replayed", Severity.ERROR),

    /** Older than the replay window: a genuine but late command; the issuer must send a new one. */
    STALE("command.stale", Severity.WARNING),

    /** Not usable as written (blank id, unknown verb, bad payload…): a tool's mistake, usually. */
    MALFORMED("command.malformed", Severity.WARNING);

    private final String ruleId;
    private final Severity severity;

    Rejection(String ruleId, Severity severity) {
        this.ruleId = ruleId;
        this.severity = severity;
    }

    /** The rule id of the SECURITY event, e.g. {@code command.bad-signature}. */
    public String ruleId() {
        return ruleId;
    }

    public Severity severity() {
        return severity;
    }
}
