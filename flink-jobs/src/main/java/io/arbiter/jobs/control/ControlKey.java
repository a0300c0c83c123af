package io.arbiter.jobs.control;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.config.ConfigException;
import io.arbiter.operators.control.CommandSigner;

import java.util.List;
import java.util.Map;

/**
 * Where the desk's control key comes from: the environment variable {@value #ENV_VARIABLE} for the
 * {@code control} command, the {@code control.hmac-key} option (normally {@code
 * ${env:ARBITER_CONTROL_KEY}}) for the job — the same secret on both sides.
 *
 * <p>The environment is passed in as a map rather than read here, so tests (which cannot set a
 * JVM's environment) hand the key over the same way production does, and no system property or
 * other side door for the key exists.
 */
public final class ControlKey {

    /** The environment variable holding the key. */
    public static final String ENV_VARIABLE = "ARBITER_CONTROL_KEY";

    private ControlKey() {}

    /**
     * The signer for the key in {@code environment}.
     *
     * @throws MissingKeyException when the variable is unset or empty
     * @throws IllegalArgumentException when the key is shorter than {@value
     *     CommandSigner#MIN_KEY_BYTES} bytes (the message says so, without the key)
     */
    public static CommandSigner fromEnvironment(Map<String, String> environment) {
        String secret = environment.get(ENV_VARIABLE);
        if (secret == null || secret.isEmpty()) {
            throw new MissingKeyException(
                    ENV_VARIABLE
                            + " is not set: export the desk's control key (at least "
                            + CommandSigner.MIN_KEY_BYTES
                            + " bytes, e.g. made once with openssl rand -hex 32), the same one the"
                            + " job reads as "
                            + ArbiterOptions.CONTROL_HMAC_KEY.key());
        }
        return CommandSigner.fromSecret(secret);
    }

    /**
     * The job's signer, from {@code control.hmac-key}.
     *
     * @throws ConfigException when the option is unset or the key is too short
     */
    public static CommandSigner fromConfig(ArbiterConfig config) {
        String key = ArbiterOptions.CONTROL_HMAC_KEY.key();
        String secret = config.get(ArbiterOptions.CONTROL_HMAC_KEY);
        if (secret == null || secret.isEmpty()) {
            throw new ConfigException(
                    "configuration",
                    List.of(
                            key
                                    + ": not set; control commands cannot be verified (write"
                                    + " ${env:"
                                    + ENV_VARIABLE
                                    + "})"));
        }
        try {
            return CommandSigner.fromSecret(secret);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("configuration", List.of(key + ": " + e.getMessage()));
        }
    }

    /** No key in the environment: the command cannot sign. */
    public static final class MissingKeyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingKeyException(String message) {
            super(message);
        }
    }
}
