package io.arbiter.benchmarks.minicluster;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * One {@code env.execute()} on a local MiniCluster, timed: wall seconds (MiniCluster start and stop
 * included), Flink's net job runtime, CPU seconds of the whole process (task, GC and JIT threads
 * alike: what a core pays), GC seconds, and wall and CPU seconds of the {@link JobWindow} when the
 * job's source is a {@link ReplayArray} and its sinks {@link CountingSink}s.
 *
 * @param wallSeconds {@code env.execute()} from call to return
 * @param jobSeconds Flink's net runtime of the job
 * @param cpuSeconds process CPU time ({@code OperatingSystemMXBean.getProcessCpuTime})
 * @param gcSeconds collection time summed over the collectors
 * @param windowWallSeconds first record to last sink close (NaN: not marked)
 * @param windowCpuSeconds process CPU time over that window (NaN: not marked)
 */
public record TimedJob(
        double wallSeconds,
        double jobSeconds,
        double cpuSeconds,
        double gcSeconds,
        double windowWallSeconds,
        double windowCpuSeconds) {

    /**
     * A local environment set as the production job runs: no generic types (a Kryo fallback fails
     * the run), object reuse as given, REST on a free port.
     */
    public static StreamExecutionEnvironment environment(int parallelism, boolean objectReuse) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.OBJECT_REUSE, objectReuse);
        conf.set(RestOptions.BIND_PORT, "0");
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    }

    /** Runs the job defined on {@code env} and times it. */
    public static TimedJob execute(StreamExecutionEnvironment env, String name) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        JobWindow.reset();
        long gcBefore = gcMillis();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        JobExecutionResult job = env.execute(name);
        long wallNanos = System.nanoTime() - wallBefore;
        long cpuNanos = os.getProcessCpuTime() - cpuBefore;
        long gc = gcMillis() - gcBefore;
        return new TimedJob(
                wallNanos / 1e9,
                job.getNetRuntime(TimeUnit.MILLISECONDS) / 1e3,
                cpuNanos / 1e9,
                gc / 1e3,
                JobWindow.wallSeconds(),
                JobWindow.cpuSeconds());
    }

    /** Wall seconds beyond {@code fixed}'s; NaN (printed as such) when this run was not longer. */
    public double netWallSeconds(TimedJob fixed) {
        double net = wallSeconds - fixed.wallSeconds();
        return net > 0 ? net : Double.NaN;
    }

    /** CPU seconds beyond {@code fixed}'s; NaN when this run was not longer. */
    public double netCpuSeconds(TimedJob fixed) {
        double net = cpuSeconds - fixed.cpuSeconds();
        return net > 0 ? net : Double.NaN;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
