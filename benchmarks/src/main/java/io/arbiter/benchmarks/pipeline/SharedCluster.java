package io.arbiter.benchmarks.pipeline;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.pipeline.JobEnvironment;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One MiniCluster for every job of a benchmark run. A MiniCluster loads Flink's RPC system into a
 * class loader of its own, so each new one brings some twenty thousand classes the JIT compiles
 * again; with one cluster, code compiled during warm-up stays compiled for the measured runs.
 */
final class SharedCluster implements AutoCloseable {

    private final MiniCluster cluster;

    /**
     * @param slots task slots of its one task manager
     * @param settings task-manager settings of the run (buffer debloating: {@code
     *     JobEnvironment.clusterConfiguration})
     */
    SharedCluster(int slots, Configuration settings) throws Exception {
        Configuration flink = new Configuration();
        flink.addAll(settings);
        flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        flink.set(RestOptions.BIND_PORT, "0");
        SourceProgress.install(flink);
        cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(flink)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(slots)
                                .build());
        cluster.start();
    }

    /**
     * Submits the job {@code define} builds with {@code config}'s Flink settings (they travel in
     * the job graph), named after the configuration's job name.
     */
    JobID submit(ArbiterConfig config, Consumer<StreamExecutionEnvironment> define)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(
                        JobEnvironment.flinkConfiguration(config));
        define.accept(env);
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(config.get(ArbiterOptions.JOB_NAME));
        return cluster.submitJob(graph).get().getJobID();
    }

    /** Completes when the job ends; exceptionally, with its cause, when it fails. */
    CompletableFuture<JobResult> result(JobID job) {
        return cluster.requestJobResult(job)
                .thenApply(
                        result -> {
                            if (!result.isSuccess()) {
                                throw new IllegalStateException(
                                        "job "
                                                + job
                                                + " failed: "
                                                + result.getSerializedThrowable()
                                                        .map(t -> t.getFullStringifiedStackTrace())
                                                        .orElse("no cause"),
                                        null);
                            }
                            return result;
                        });
    }

    org.apache.flink.api.common.JobStatus status(JobID job) throws Exception {
        return cluster.getJobStatus(job).get();
    }

    /**
     * The job's checkpoint statistics from the cluster's REST API ({@code /jobs/:id/checkpoints}):
     * how long checkpoints took end to end, which bounds how late exactly-once output becomes
     * visible.
     */
    CheckpointTimes checkpointTimes(JobID job) throws Exception {
        java.net.URI uri = cluster.getRestAddress().get().resolve("/jobs/" + job + "/checkpoints");
        java.net.http.HttpResponse<String> response =
                java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
        com.fasterxml.jackson.databind.JsonNode root =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        com.fasterxml.jackson.databind.JsonNode summary = root.path("summary");
        com.fasterxml.jackson.databind.JsonNode duration = summary.path("end_to_end_duration");
        int recent = 0;
        int unaligned = 0;
        for (com.fasterxml.jackson.databind.JsonNode checkpoint : root.path("history")) {
            if (checkpoint.path("status").asText().equals("COMPLETED")) {
                recent++;
                // A checkpoint that starts aligned and times out stays typed CHECKPOINT; the
                // in-flight records it stored show that some barrier overtook them.
                if (checkpoint.path("checkpoint_type").asText().contains("UNALIGNED")
                        || checkpoint.path("persisted_data").asLong() > 0) {
                    unaligned++;
                }
            }
        }
        return new CheckpointTimes(
                root.path("counts").path("completed").asLong(),
                root.path("counts").path("failed").asLong(),
                duration.path("p50").asDouble(Double.NaN),
                duration.path("p99").asDouble(Double.NaN),
                duration.path("max").asDouble(Double.NaN),
                summary.path("state_size").path("max").asLong(-1),
                summary.path("persisted_data").path("max").asLong(-1),
                recent,
                unaligned);
    }

    /**
     * Completed and failed checkpoints, their end-to-end durations in milliseconds, the largest
     * state a checkpoint held and the most in-flight data one stored (unaligned checkpoints store
     * the records their barriers overtook), and how many of the recent completed checkpoints (the
     * REST API keeps the last ten) went unaligned: typed so, or storing in-flight records.
     */
    record CheckpointTimes(
            long completed,
            long failed,
            double p50,
            double p99,
            double max,
            long stateSizeMaxBytes,
            long persistedDataMaxBytes,
            int recent,
            int recentUnaligned) {}

    void cancel(JobID job) throws Exception {
        cluster.cancelJob(job).get();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
