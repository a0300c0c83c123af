package io.arbiter.benchmarks.pipeline;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.util.concurrent.CompletableFuture;

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

    /** Submits the job defined on {@code env} (its configuration travels in the job graph). */
    JobID submit(StreamExecutionEnvironment env, String name) throws Exception {
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(name);
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

    void cancel(JobID job) throws Exception {
        cluster.cancelJob(job).get();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
