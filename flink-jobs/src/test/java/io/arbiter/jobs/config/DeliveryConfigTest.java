package io.arbiter.jobs.config;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;

import io.arbiter.jobs.pipeline.JobEnvironment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Delivery lanes per output topic and the checkpoint and network settings behind them. */
class DeliveryConfigTest {

    @Test
    void signalsIntentsAndFeaturesAreAtLeastOnceAndTheAuditTrailAndDeadLettersExactlyOnce() {
        ArbiterConfig defaults = ArbiterConfig.defaults();
        assertThat(defaults.delivery(ArbiterOptions.TOPIC_SIGNALS))
                .isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(defaults.delivery(ArbiterOptions.TOPIC_INTENTS))
                .isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(defaults.delivery(ArbiterOptions.TOPIC_FEATURES))
                .isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(defaults.delivery(ArbiterOptions.TOPIC_GOVERNANCE))
                .isEqualTo(Delivery.EXACTLY_ONCE);
        assertThat(defaults.delivery(ArbiterOptions.TOPIC_ALLOCATIONS))
                .isEqualTo(Delivery.EXACTLY_ONCE);
        assertThat(defaults.delivery(ArbiterOptions.TOPIC_DEAD_LETTERS))
                .isEqualTo(Delivery.EXACTLY_ONCE);
        // Every topic the job writes has a lane; the inputs and health.reports have none.
        assertThat(ArbiterOptions.DELIVERY.keySet())
                .containsExactly(
                        ArbiterOptions.TOPIC_FEATURES,
                        ArbiterOptions.TOPIC_SIGNALS,
                        ArbiterOptions.TOPIC_INTENTS,
                        ArbiterOptions.TOPIC_ALLOCATIONS,
                        ArbiterOptions.TOPIC_GOVERNANCE,
                        ArbiterOptions.TOPIC_DEAD_LETTERS);
        assertThatThrownBy(() -> defaults.delivery(ArbiterOptions.TOPIC_BARS))
                .hasMessageContaining("topics.market-bars is not an output topic");
    }

    @Test
    void readsEachTopicsLaneFromTheFileInAnyCase() {
        ArbiterConfig config =
                ArbiterConfig.fromYaml(
                        "test",
                        "delivery:\n"
                                + "  signals: exactly-once\n"
                                + "  intents: AT-LEAST-ONCE\n"
                                + "  features: exactly-once\n"
                                + "  dead-letters: at-least-once\n",
                        Map.of());
        assertThat(config.delivery(ArbiterOptions.TOPIC_SIGNALS)).isEqualTo(Delivery.EXACTLY_ONCE);
        assertThat(config.delivery(ArbiterOptions.TOPIC_INTENTS)).isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(config.delivery(ArbiterOptions.TOPIC_FEATURES)).isEqualTo(Delivery.EXACTLY_ONCE);
        assertThat(config.delivery(ArbiterOptions.TOPIC_DEAD_LETTERS))
                .isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(
                        config.with(Map.of("delivery.signals", "at-least-once"))
                                .get(ArbiterOptions.DELIVERY_SIGNALS))
                .isEqualTo(Delivery.AT_LEAST_ONCE);
    }

    @Test
    void anUnknownLaneOrAnAtLeastOnceAuditTrailIsRefusedWithTheReason() {
        assertThatThrownBy(
                        () ->
                                ArbiterConfig.fromYaml(
                                        "arbiter.yaml",
                                        "delivery: {signals: at_most_once, sigals: exactly-once}",
                                        Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.violations())
                                        .containsExactlyInAnyOrder(
                                                "delivery.sigals: unknown key",
                                                "delivery.signals: 'at_most_once' is not"
                                                        + " exactly-once or at-least-once"));
        assertThatThrownBy(
                        () ->
                                ArbiterConfig.fromYaml(
                                        "arbiter.yaml",
                                        "delivery: {governance: at-least-once,"
                                                + " allocations: at-least-once}\n"
                                                + "topics: {allocations: desk.alloc}",
                                        Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.violations())
                                        .containsExactly(
                                                "delivery.allocations: must be exactly-once:"
                                                        + " desk.alloc is the audit trail (DOMAIN.md"
                                                        + " §9); at-least-once is for features,"
                                                        + " signals, intents and dead letters",
                                                "delivery.governance: must be exactly-once:"
                                                        + " gov.events is the audit trail (DOMAIN.md"
                                                        + " §9); at-least-once is for features,"
                                                        + " signals, intents and dead letters"));
    }

    @Test
    void checkpointAndNetworkSettingsBecomeFlinksOwnOptions() {
        ArbiterConfig config =
                ArbiterConfig.fromYaml(
                        "test",
                        "checkpointing: {interval: 2 s, unaligned: false, aligned-timeout: 50 ms}\n"
                                + "network:\n"
                                + "  buffer-timeout: 0 ms\n"
                                + "  buffer-debloat: {enabled: false, target: 50 ms}\n"
                                + "watermarks: {interval: 25 ms}\n"
                                + "scoring: {max-delay: 2 ms}\n",
                        Map.of());
        Configuration job = JobEnvironment.flinkConfiguration(config);
        assertThat(job.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(job.get(CheckpointingOptions.ENABLE_UNALIGNED)).isFalse();
        assertThat(job.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT))
                .isEqualTo(Duration.ofMillis(50));
        assertThat(job.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ZERO);
        assertThat(job.get(PipelineOptions.AUTO_WATERMARK_INTERVAL))
                .isEqualTo(Duration.ofMillis(25));
        assertThat(config.get(ArbiterOptions.MAX_DELAY)).isEqualTo(Duration.ofMillis(2));
        Configuration cluster = JobEnvironment.clusterConfiguration(config);
        assertThat(cluster.get(TaskManagerOptions.BUFFER_DEBLOAT_ENABLED)).isFalse();
        assertThat(cluster.get(TaskManagerOptions.BUFFER_DEBLOAT_TARGET))
                .isEqualTo(Duration.ofMillis(50));

        // The defaults: unaligned from the start, debloat on, 5 ms buffers, 10 ms watermarks;
        // keys as Flink 2.2 spells them.
        Map<String, String> defaults =
                JobEnvironment.flinkConfiguration(ArbiterConfig.defaults()).toMap();
        assertThat(defaults)
                .containsEntry("execution.checkpointing.unaligned.enabled", "true")
                .containsEntry("execution.checkpointing.aligned-checkpoint-timeout", "0 ms")
                .containsEntry("execution.buffer-timeout.interval", "5 ms")
                .containsEntry("pipeline.auto-watermark-interval", "10 ms");
        assertThat(JobEnvironment.clusterConfiguration(ArbiterConfig.defaults()).toMap())
                .containsEntry("taskmanager.network.memory.buffer-debloat.enabled", "true")
                .containsEntry("taskmanager.network.memory.buffer-debloat.target", "200 ms");
    }

    @Test
    void explicitFlinkKeysWinOverTheDerivedOnes() {
        ArbiterConfig config =
                ArbiterConfig.fromYaml(
                        "test",
                        "flink:\n"
                                + "  execution.checkpointing.unaligned.enabled: 'false'\n"
                                + "  taskmanager.network.memory.buffer-debloat.enabled: 'false'\n",
                        Map.of());
        assertThat(
                        JobEnvironment.flinkConfiguration(config)
                                .get(CheckpointingOptions.ENABLE_UNALIGNED))
                .isFalse();
        assertThat(
                        JobEnvironment.clusterConfiguration(config)
                                .get(TaskManagerOptions.BUFFER_DEBLOAT_ENABLED))
                .isFalse();
    }

    @Test
    void durationsThatWouldStopTheJobAreRefused() {
        // Zero periodic watermarks would stop event time; a zero debloat target starves inputs.
        assertThatThrownBy(
                        () ->
                                ArbiterConfig.fromYaml(
                                        "arbiter.yaml",
                                        "watermarks: {interval: 0 ms}\n"
                                                + "network: {buffer-timeout: 0 ms,"
                                                + " buffer-debloat: {target: 0 s}}\n"
                                                + "checkpointing: {aligned-timeout: 0 ms}\n",
                                        Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.violations())
                                        .containsExactlyInAnyOrder(
                                                "watermarks.interval: must be > 0",
                                                "network.buffer-debloat.target: must be > 0"));
        // Negative durations do not even parse.
        assertThatThrownBy(
                        () ->
                                ArbiterConfig.fromYaml(
                                        "arbiter.yaml",
                                        "network: {buffer-timeout: -1 ms}",
                                        Map.of()))
                .hasMessageContaining("network.buffer-timeout: cannot read '-1 ms'");
    }
}
