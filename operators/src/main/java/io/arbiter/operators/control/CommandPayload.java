package io.arbiter.operators.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.schemas.CommandType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The typed arguments of a control command, parsed from its {@code payload}, a JSON object (for
 * every verb, SET_POLICY included: its policy text travels as a JSON string):
 *
 * <pre>
 * HALT                {"reason": "…"}
 * RESUME              {"reason": "…"}
 * RETIRE_MODEL        {"reason": "…"}
 * APPROVE_ALLOCATION  {"maxShare": 0.4, "reason": "…"}                 maxShare in (0, 1]
 * REGISTER_MODEL      {"manifest": "models/gbdt-v3", "priorAlpha": 36, "priorBeta": 17, "reason": "…"}
 * SET_POLICY          {"yaml": "version: …\n…", "reason": "…"}
 * </pre>
 *
 * A reason is required where the verb changes a model's standing on a person's word alone (halt,
 * resume, retire): the journal must say why. Elsewhere it is optional. Unknown fields, duplicated
 * keys and trailing text are violations; {@link #parse} lists them all.
 */
public sealed interface CommandPayload {

    /** The verb this payload belongs to. */
    CommandType type();

    /** Why the command was given; empty when the issuer gave no reason (optional verbs only). */
    String reason();

    /** The payload as the JSON text a command carries; {@link #parse} reads it back equal. */
    String toJson();

    /**
     * The typed payload of a command of type {@code type}.
     *
     * @throws MalformedCommandException listing every violation (for UNKNOWN, a null type, bad
     *     JSON, missing or out-of-range fields, unknown fields)
     */
    static CommandPayload parse(CommandType type, String payload) throws MalformedCommandException {
        if (type == null || type == CommandType.UNKNOWN) {
            throw new MalformedCommandException(
                    List.of("type: " + type + " is not a verb this version knows"));
        }
        List<String> violations = new ArrayList<>();
        CommandPayload parsed =
                switch (type) {
                    case HALT -> new Halt(reasonOnly(type, payload, violations));
                    case RESUME -> new Resume(reasonOnly(type, payload, violations));
                    case RETIRE_MODEL -> new RetireModel(reasonOnly(type, payload, violations));
                    case APPROVE_ALLOCATION -> ApproveAllocation.read(payload, violations);
                    case REGISTER_MODEL -> RegisterModel.read(payload, violations);
                    case SET_POLICY -> SetPolicy.read(payload, violations);
                    case UNKNOWN -> throw new AssertionError("handled above");
                };
        if (!violations.isEmpty()) {
            throw new MalformedCommandException(violations);
        }
        return parsed;
    }

    private static String reasonOnly(CommandType type, String payload, List<String> violations) {
        PayloadFields fields = PayloadFields.parse(payload, "{\"reason\": \"…\"}", violations);
        String reason = fields.requiredText(PayloadJson.REASON);
        fields.rejectOthers(Set.of(PayloadJson.REASON));
        return reason;
    }

    /** Stop a model now: traffic to zero until a RESUME. */
    record Halt(String reason) implements CommandPayload {
        @Override
        public CommandType type() {
            return CommandType.HALT;
        }

        @Override
        public String toJson() {
            return PayloadJson.object().put(PayloadJson.REASON, reason).toString();
        }
    }

    /** Let a halted model trade again. */
    record Resume(String reason) implements CommandPayload {
        @Override
        public CommandType type() {
            return CommandType.RESUME;
        }

        @Override
        public String toJson() {
            return PayloadJson.object().put(PayloadJson.REASON, reason).toString();
        }
    }

    /** Take a model out of the book for good. */
    record RetireModel(String reason) implements CommandPayload {
        @Override
        public CommandType type() {
            return CommandType.RETIRE_MODEL;
        }

        @Override
        public String toJson() {
            return PayloadJson.object().put(PayloadJson.REASON, reason).toString();
        }
    }

    /**
     * A person's approval for a model to hold more than the unapproved cap, up to {@code maxShare}
     * of the book.
     */
    record ApproveAllocation(double maxShare, String reason) implements CommandPayload {

        static final String MAX_SHARE = "maxShare";

        @Override
        public CommandType type() {
            return CommandType.APPROVE_ALLOCATION;
        }

        @Override
        public String toJson() {
            return PayloadJson.withReason(PayloadJson.object().put(MAX_SHARE, maxShare), reason)
                    .toString();
        }

        static ApproveAllocation read(String payload, List<String> violations) {
            PayloadFields fields = PayloadFields.parse(payload, "{\"maxShare\": 0.4}", violations);
            double maxShare = fields.number(MAX_SHARE);
            if (!fields.has(MAX_SHARE)) {
                fields.violation("payload." + MAX_SHARE + ": missing");
            } else if (!Double.isNaN(maxShare) && !(maxShare > 0 && maxShare <= 1)) {
                fields.violation("payload." + MAX_SHARE + ": " + maxShare + " is outside (0, 1]");
            }
            String reason = fields.optionalText(PayloadJson.REASON);
            fields.rejectOthers(Set.of(MAX_SHARE, PayloadJson.REASON));
            return new ApproveAllocation(maxShare, reason);
        }
    }

    /**
     * Load a model (its directory, or its manifest.json, as seen from the job), optionally with the
     * Beta prior its allocation starts from (a proven model keeps its history).
     */
    record RegisterModel(String manifest, Optional<Prior> prior, String reason)
            implements CommandPayload {

        static final String MANIFEST = "manifest";
        static final String PRIOR_ALPHA = "priorAlpha";
        static final String PRIOR_BETA = "priorBeta";

        @Override
        public CommandType type() {
            return CommandType.REGISTER_MODEL;
        }

        @Override
        public String toJson() {
            ObjectNode json = PayloadJson.object().put(MANIFEST, manifest);
            prior.ifPresent(p -> json.put(PRIOR_ALPHA, p.alpha()).put(PRIOR_BETA, p.beta()));
            return PayloadJson.withReason(json, reason).toString();
        }

        static RegisterModel read(String payload, List<String> violations) {
            PayloadFields fields =
                    PayloadFields.parse(
                            payload,
                            "{\"manifest\": \"models/gbdt-v3/manifest.json\"}",
                            violations);
            String manifest = fields.requiredText(MANIFEST);
            double alpha = positive(fields, PRIOR_ALPHA);
            double beta = positive(fields, PRIOR_BETA);
            if (fields.has(PRIOR_ALPHA) != fields.has(PRIOR_BETA)) {
                // A prior is a pair: half of one would silently pair with a default.
                fields.violation(
                        "payload: "
                                + PRIOR_ALPHA
                                + " and "
                                + PRIOR_BETA
                                + " go together; give both or neither");
            }
            String reason = fields.optionalText(PayloadJson.REASON);
            fields.rejectOthers(Set.of(MANIFEST, PRIOR_ALPHA, PRIOR_BETA, PayloadJson.REASON));
            Optional<Prior> prior =
                    fields.has(PRIOR_ALPHA) && fields.has(PRIOR_BETA)
                            ? Optional.of(new Prior(alpha, beta))
                            : Optional.empty();
            return new RegisterModel(manifest, prior, reason);
        }

        private static double positive(PayloadFields fields, String name) {
            double value = fields.number(name);
            if (fields.has(name) && !Double.isNaN(value) && !(value > 0)) {
                fields.violation("payload." + name + ": " + value + " must be > 0");
            }
            return value;
        }
    }

    /** A Beta(alpha, beta) prior of a model's win probability. */
    record Prior(double alpha, double beta) {}

    /**
     * Replace the policy with {@code yaml}, the whole policy file's text. Only its presence is
     * checked here; the governor validates it as a policy before anything changes.
     */
    record SetPolicy(String yaml, String reason) implements CommandPayload {

        static final String YAML = "yaml";

        @Override
        public CommandType type() {
            return CommandType.SET_POLICY;
        }

        @Override
        public String toJson() {
            return PayloadJson.withReason(PayloadJson.object().put(YAML, yaml), reason).toString();
        }

        static SetPolicy read(String payload, List<String> violations) {
            PayloadFields fields =
                    PayloadFields.parse(payload, "{\"yaml\": \"version: …\"}", violations);
            String yaml = fields.requiredText(YAML);
            String reason = fields.optionalText(PayloadJson.REASON);
            fields.rejectOthers(Set.of(YAML, PayloadJson.REASON));
            return new SetPolicy(yaml, reason);
        }
    }
}
