package io.arbiter.jobs.pipeline;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
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
        flink.set(StateBackendOptions.STATE_BACKEND, config.get(ArbiterOptions.STATE_BACKEND));
        String checkpointDir = config.get(ArbiterOptions.CHECKPOINT_DIR);
        if (checkpointDir != null) {
            flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        }
        // Explicit flink.* settings from the file win over the derived ones.
        flink.addAll(config.flinkConfiguration());
        return flink;
    }
}
