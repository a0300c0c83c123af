package io.arbiter.jobs.control;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ConfigException;
import io.arbiter.operators.control.CommandSigner;
import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CLI (environment) and the job (configuration) read the same key. */
class ControlKeyTest {

    static final String KEY = "an-example-desk-key-of-40-bytes-long-xyz";
    static final String CONFIG = "control:\n  hmac-key: ${env:ARBITER_CONTROL_KEY}\n";

    @Test
    void jobAndCommandLineSignAlikeFromTheSameVariable() {
        Map<String, String> env = Map.of(ControlKey.ENV_VARIABLE, KEY);
        CommandSigner job = ControlKey.fromConfig(ArbiterConfig.fromYaml("test", CONFIG, env));
        CommandSigner cli = ControlKey.fromEnvironment(env);
        ControlCommand command =
                ControlCommand.newBuilder()
                        .setCommandId("c-1")
                        .setBook("b")
                        .setType(CommandType.HALT)
                        .setModel("m")
                        .setPayload("{\"reason\":\"r\"}")
                        .setIssuer("alice")
                        .setTime(Instant.parse("2026-01-05T14:30:00Z"))
                        .setSignature("")
                        .build();

        assertThat(job.hasValidSignature(cli.sign(command))).isTrue();
    }

    @Test
    void configurationMasksTheKeyWhenPrinted() {
        ArbiterConfig config =
                ArbiterConfig.fromYaml("test", CONFIG, Map.of(ControlKey.ENV_VARIABLE, KEY));

        assertThat(config.toString()).doesNotContain(KEY).contains("control.hmac-key=******");
    }

    @Test
    void jobWithoutAKeyIsAConfigurationError() {
        assertThatThrownBy(() -> ControlKey.fromConfig(ArbiterConfig.defaults()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("control.hmac-key: not set");
    }

    @Test
    void jobWithAShortKeyIsAConfigurationErrorThatDoesNotQuoteIt() {
        ArbiterConfig config =
                ArbiterConfig.fromYaml(
                        "test", CONFIG, Map.of(ControlKey.ENV_VARIABLE, "short-key"));

        assertThatThrownBy(() -> ControlKey.fromConfig(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining("short-key");
    }

    @Test
    void emptyVariableCountsAsMissing() {
        assertThatThrownBy(() -> ControlKey.fromEnvironment(Map.of(ControlKey.ENV_VARIABLE, "")))
                .isInstanceOf(ControlKey.MissingKeyException.class);
    }
}
