package io.arbiter.jobs.broker;

import io.arbiter.jobs.cli.CliArgs;
import io.arbiter.jobs.cli.UsageException;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaperBrokerCommandTest {

    @TempDir Path dir;

    @Test
    void refusesAnOutOfRangeSlippageOrFeeBeforeTouchingKafka() throws Exception {
        // Without the options the policy's paper-broker terms apply; given ones must be fractions.
        Path config = Files.writeString(dir.resolve("arbiter.yaml"), "job: {name: desk}\n");
        assertThatThrownBy(
                        () ->
                                run(
                                        "--config", config.toString(),
                                        "--slippage", "ten bps",
                                        "--fee", "0.001"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'ten bps' is not a number");
        assertThatThrownBy(
                        () ->
                                run(
                                        "--config", config.toString(),
                                        "--slippage", "0.001",
                                        "--fee", "-0.001"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("must lie in [0, 1)");
    }

    @Test
    void runsUnderItsOwnJobNameSoItsGroupAndTransactionsNeverMeetTheArbiterJobs() {
        ArbiterConfig shared = ArbiterConfig.defaults();
        ArbiterConfig broker = PaperBrokerWiring.brokerConfig(shared);
        assertThat(broker.get(ArbiterOptions.JOB_NAME)).isEqualTo("arbiter-paper-broker");
        assertThat(PaperBrokerWiring.brokerConfig(broker).get(ArbiterOptions.JOB_NAME))
                .isEqualTo("arbiter-paper-broker");
        assertThat(PaperBrokerWiring.topics(shared))
                .isEqualTo(List.of("orders.intents", "market.bars", "exec.fills", "dlq.records"));
        assertThat(PaperBrokerWiring.topics(shared.with(Map.of("topics.fills", "paper.fills"))))
                .contains("paper.fills");
    }

    private static int run(String... args) throws Exception {
        return PaperBrokerCommand.run(
                CliArgs.parse("paper-broker", args, 0, PaperBrokerCommand.OPTIONS));
    }
}
