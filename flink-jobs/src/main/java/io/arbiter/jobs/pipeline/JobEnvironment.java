package io.arbiter.jobs.pipeline;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;

/** Turns Arbiter's configuration into the Flink settings every run of the job uses. */
public final class JobEnvironment {

    private JobEnvironment() {}

    public static Configuration flinkConfiguration(ArbiterConfig config) {
        Configuration flink = new Configuration();
        flink.set(PipelineOptions.NAME, config.get(ArbiterOptions.JOB_NAME));
        // Every state and record type has an explicit serializer; a Kryo fallback is a bug.
        flink.set(PipelineOptions.GENERIC_TYPES, false);
        // No function keeps or mutates a record after emitting it, so chained operators may pass
        // references instead of deep copies (a copy of each 2 KiB feature vector cost ~15%).
        flink.set(PipelineOptions.OBJECT_REUSE, true);
        flink.set(CoreOptions.DEFAULT_PARALLELISM, config.get(ArbiterOptions.PARALLELISM));
        flink.set(
                CheckpointingOptions.CHECKPOINTING_INTERVAL,
                config.get(ArbiterOptions.CHECKPOINT_INTERVAL));
        flink.set(
                CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                CheckpointingMode.EXACTLY_ONCE);
        // Small, fast barriers: an exactly-once output is visible once the barrier after it has
        // crossed the whole graph (README, "Latency and checkpoints").
        flink.set(
                CheckpointingOptions.ENABLE_UNALIGNED,
                config.get(ArbiterOptions.CHECKPOINT_UNALIGNED));
        flink.set(
                CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT,
                config.get(ArbiterOptions.CHECKPOINT_ALIGNED_TIMEOUT));
        // At-least-once outputs wait for neither: only for the watermark that releases a bar's
        // features and for the network buffers between tasks.
        flink.set(
                PipelineOptions.AUTO_WATERMARK_INTERVAL,
                config.get(ArbiterOptions.WATERMARK_INTERVAL));
        flink.set(ExecutionOptions.BUFFER_TIMEOUT, config.get(ArbiterOptions.BUFFER_TIMEOUT));
        flink.set(StateBackendOptions.STATE_BACKEND, config.get(ArbiterOptions.STATE_BACKEND));
        String checkpointDir = config.get(ArbiterOptions.CHECKPOINT_DIR);
        if (checkpointDir != null) {
            flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        }
        // Explicit flink.* settings from the file win over the derived ones.
        flink.addAll(config.flinkConfiguration());
        return flink;
    }

    /**
     * The task-manager settings of the configuration: they take effect only where the cluster is
     * built from them (the embedded MiniCluster of {@code run} and {@code demo}, the benchmark's
     * cluster); a Flink cluster reads them from its own configuration file.
     */
    public static Configuration clusterConfiguration(ArbiterConfig config) {
        Configuration flink = new Configuration();
        flink.set(
                TaskManagerOptions.BUFFER_DEBLOAT_ENABLED,
                config.get(ArbiterOptions.BUFFER_DEBLOAT));
        flink.set(
                TaskManagerOptions.BUFFER_DEBLOAT_TARGET,
                config.get(ArbiterOptions.BUFFER_DEBLOAT_TARGET));
        flink.addAll(config.flinkConfiguration());
        return flink;
    }
}
