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

    SharedCluster(int slots) throws Exception {
        Configuration flink = new Configuration();
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
        com.fasterxml.jackson.databind.JsonNode duration =
                root.path("summary").path("end_to_end_duration");
        return new CheckpointTimes(
                root.path("counts").path("completed").asLong(),
                duration.path("p50").asDouble(Double.NaN),
                duration.path("p99").asDouble(Double.NaN),
                duration.path("max").asDouble(Double.NaN));
    }

    /** Completed checkpoints and their end-to-end durations in milliseconds. */
    record CheckpointTimes(long completed, double p50, double p99, double max) {}

    void cancel(JobID job) throws Exception {
        cluster.cancelJob(job).get();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
