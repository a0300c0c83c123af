package io.arbiter.benchmarks.profile;

import io.arbiter.benchmarks.profile.StageProfile.Share;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * A plain-JDK CPU profiler for a whole in-process Flink job: exact CPU per thread group from the
 * thread MXBean, and a stack sampler that says which operator inside those threads used it. Sample
 * ticks are only shares: each thread group's exact CPU is split over its categories by tick count,
 * so a thread that was mostly descheduled is not credited with CPU it never used.
 *
 * <p>Stacks come from {@link ThreadMXBean#getThreadInfo(long[], int)}, which stops the JVM at a
 * safepoint; frames are therefore biased towards safepoint polls, which is harmless at the
 * granularity of operators and libraries but not for hunting a hot line.
 */
public final class StageProfiler implements AutoCloseable {

    /** The sampler thread's name (and its row in the thread-group view). */
    public static final String SAMPLER_THREAD_NAME = "arbiter-profiler";

    /** How often the sampler looks for new profiled threads: tasks start during a job. */
    private static final long REFRESH_NANOS = Duration.ofMillis(100).toNanos();

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    private final boolean threadCpu;
    private final Predicate<String> profiled;
    private final long startWall;
    private final long startProcessCpu;
    private final Map<Long, Long> startThreadCpu;
    private final Sampler sampler;
    private final Thread samplerThread;
    private final AtomicBoolean finished = new AtomicBoolean();

    private StageProfiler(Duration sampleEvery, Predicate<String> profiledThreadNames) {
        long period = sampleEvery.toNanos();
        if (period <= 0) {
            throw new IllegalArgumentException("sampleEvery must be positive: " + sampleEvery);
        }
        this.profiled = Objects.requireNonNull(profiledThreadNames, "profiledThreadNames");
        this.threadCpu = enableThreadCpu();
        this.startThreadCpu = threadCpu ? threadCpuNanos() : Map.of();
        this.startProcessCpu = processCpuNanos();
        this.startWall = System.nanoTime();
        this.sampler = new Sampler(period, profiled, threadCpu);
        this.samplerThread = new Thread(sampler, SAMPLER_THREAD_NAME);
        samplerThread.setDaemon(true);
        samplerThread.start();
    }

    /** Snapshots thread CPU times and starts the sampler. */
    public static StageProfiler start(Duration sampleEvery, Predicate<String> profiledThreadNames) {
        return new StageProfiler(sampleEvery, profiledThreadNames);
    }

    /** Snapshots thread CPU times and starts sampling Flink task threads. */
    public static StageProfiler start(Duration sampleEvery) {
        return start(sampleEvery, ThreadGroups::isFlinkTaskThread);
    }

    /**
     * Stops the sampler and returns the profile of the window since start.
     *
     * @throws IllegalStateException on a second call (or after {@link #close()}), or when the
     *     sampler failed
     */
    public StageProfile stop() {
        if (!finished.compareAndSet(false, true)) {
            throw new IllegalStateException("the profiler has already been stopped");
        }
        haltSampler();
        long wallNanos = System.nanoTime() - startWall;
        long processNanos = processCpuNanos() - startProcessCpu;
        if (sampler.failure != null) {
            throw new IllegalStateException("the profiler's sampler failed", sampler.failure);
        }
        double processCpu = startProcessCpu < 0 ? Double.NaN : processNanos / 1e9;
        double wall = wallNanos / 1e9;
        if (!threadCpu) {
            return new StageProfile(
                    processCpu,
                    Double.NaN,
                    wall,
                    sampler.samples,
                    List.of(new Share(StageProfile.THREAD_CPU_UNSUPPORTED, processCpu, 1.0)),
                    List.of());
        }

        // Threads that ended inside the window keep the CPU the sampler last saw them at; the
        // live ones are read now. That matters because the harness stops the profiler after the
        // job, when every task thread has already ended.
        Map<Long, Long> endThreadCpu = new HashMap<>(sampler.lastCpu);
        Map<Long, String> names = new HashMap<>(sampler.names);
        Map<Long, Long> live = threadCpuNanos();
        endThreadCpu.putAll(live);
        for (ThreadInfo info : THREADS.getThreadInfo(ids(live))) {
            if (info != null) {
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        Map<String, Long> groupCpu = new HashMap<>();
        Map<String, Long> profiledGroupCpu = new HashMap<>();
        long threadsTotal = 0;
        for (Map.Entry<Long, Long> end : endThreadCpu.entrySet()) {
            String name = names.get(end.getKey());
            if (name == null) {
                continue; // never seen with a name: its CPU stays in the remainder
            }
            // Threads born inside the window start from zero.
            long used = Math.max(0, end.getValue() - startThreadCpu.getOrDefault(end.getKey(), 0L));
            String group = ThreadGroups.normalise(name);
            groupCpu.merge(group, used, Long::sum);
            threadsTotal += used;
            if (profiled.test(name)) {
                profiledGroupCpu.merge(group, used, Long::sum);
            }
        }
        // The sampler has ended by now, so the MXBean no longer lists it; it reported itself.
        groupCpu.merge(SAMPLER_THREAD_NAME, sampler.ownCpuNanos, Long::sum);
        threadsTotal += sampler.ownCpuNanos;

        List<Share> byThreadGroup = new ArrayList<>();
        groupCpu.forEach(
                (group, nanos) -> {
                    if (nanos > 0) {
                        byThreadGroup.add(share(group, nanos / 1e9, processCpu));
                    }
                });
        if (!Double.isNaN(processCpu)) {
            // Clamped: the process and the per-thread clocks are read at slightly different
            // moments, so the difference can dip just below zero when nothing is missing.
            double remainder = Math.max(0, processNanos - threadsTotal) / 1e9;
            byThreadGroup.add(share(StageProfile.REMAINDER, remainder, processCpu));
        }
        byThreadGroup.sort(LARGEST_FIRST);

        return new StageProfile(
                processCpu,
                sampler.ownCpuNanos / 1e9,
                wall,
                sampler.samples,
                byThreadGroup,
                operatorShares(profiledGroupCpu, sampler.ticks, processCpu));
    }

    /** Stops the sampler if it is still running and discards what it gathered. */
    @Override
    public void close() {
        if (finished.compareAndSet(false, true)) {
            haltSampler();
        }
    }

    /**
     * Splits each thread group's exact CPU over the categories its samples fell into, in proportion
     * to their ticks, and sums the categories over the groups. A group with CPU but no busy sample
     * keeps its CPU under {@link StageProfile#UNSAMPLED} so that the rows still add up to the
     * profiled threads' CPU.
     *
     * @param groupCpuNanos exact CPU per thread group
     * @param groupTicks busy samples per thread group and category
     * @param processCpuSeconds the denominator of the fractions
     */
    static List<Share> operatorShares(
            Map<String, Long> groupCpuNanos,
            Map<String, Map<String, Integer>> groupTicks,
            double processCpuSeconds) {
        Map<String, Double> byCategory = new HashMap<>();
        groupCpuNanos.forEach(
                (group, nanos) -> {
                    if (nanos <= 0) {
                        return;
                    }
                    double cpu = nanos / 1e9;
                    Map<String, Integer> ticks = groupTicks.getOrDefault(group, Map.of());
                    long total = ticks.values().stream().mapToLong(Integer::longValue).sum();
                    if (total == 0) {
                        byCategory.merge(StageProfile.UNSAMPLED, cpu, Double::sum);
                        return;
                    }
                    ticks.forEach(
                            (category, count) ->
                                    byCategory.merge(category, cpu * count / total, Double::sum));
                });
        List<Share> shares = new ArrayList<>();
        byCategory.forEach(
                (category, cpu) -> {
                    if (cpu > 0) {
                        shares.add(share(category, cpu, processCpuSeconds));
                    }
                });
        shares.sort(LARGEST_FIRST);
        return shares;
    }

    private static final Comparator<Share> LARGEST_FIRST =
            Comparator.comparingDouble(Share::cpuSeconds).reversed().thenComparing(Share::name);

    private static Share share(String name, double cpuSeconds, double processCpuSeconds) {
        double fraction = processCpuSeconds > 0 ? cpuSeconds / processCpuSeconds : Double.NaN;
        return new Share(name, cpuSeconds, fraction);
    }

    private void haltSampler() {
        sampler.running = false;
        LockSupport.unpark(samplerThread);
        boolean interrupted = false;
        // Uninterruptibly: reading the sampler's results is only safe once its thread has ended.
        while (samplerThread.isAlive()) {
            try {
                samplerThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean enableThreadCpu() {
        if (!THREADS.isThreadCpuTimeSupported()) {
            return false;
        }
        if (!THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        return THREADS.isThreadCpuTimeEnabled();
    }

    private static long[] ids(Map<Long, ?> byId) {
        return byId.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    /** CPU per live thread id; threads that end while this runs are left out. */
    private static Map<Long, Long> threadCpuNanos() {
        Map<Long, Long> byId = new HashMap<>();
        threadCpuNanos(THREADS.getAllThreadIds(), byId);
        return byId;
    }

    /** Puts the CPU of each live thread among {@code ids} into {@code byId}. */
    private static void threadCpuNanos(long[] ids, Map<Long, Long> byId) {
        long[] cpu;
        if (THREADS instanceof com.sun.management.ThreadMXBean batch) {
            cpu = batch.getThreadCpuTime(ids);
        } else {
            cpu = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                cpu[i] = THREADS.getThreadCpuTime(ids[i]);
            }
        }
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                byId.put(ids[i], cpu[i]);
            }
        }
    }

    /** Process CPU in nanoseconds, or -1 where this JVM cannot tell. */
    private static long processCpuNanos() {
        if (OS instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * The sampling loop. Its fields are written only by the sampler thread and read by {@link
     * #stop()} after that thread has ended, which is what makes the plain fields safe to read.
     */
    private static final class Sampler implements Runnable {

        private final long period;
        private final Predicate<String> profiled;
        private final boolean threadCpu;

        volatile boolean running = true;

        int samples;
        long ownCpuNanos;
        Throwable failure;

        /** Busy ticks per thread group and category. */
        final Map<String, Map<String, Integer>> ticks = new HashMap<>();

        /**
         * The latest CPU time and name seen per thread (the sampler's own left out): all threads at
         * each refresh, the profiled ones at every sample, so that a task thread that ends before
         * {@link #stop()} loses at most one sampling period of CPU.
         */
        final Map<Long, Long> lastCpu = new HashMap<>();

        final Map<Long, String> names = new HashMap<>();

        private final Map<String, String> groups = new HashMap<>();
        private long[] ids = new long[0];

        Sampler(long period, Predicate<String> profiled, boolean threadCpu) {
            this.period = period;
            this.profiled = profiled;
            this.threadCpu = threadCpu;
        }

        @Override
        public void run() {
            long ownStart = threadCpu ? THREADS.getCurrentThreadCpuTime() : 0;
            try {
                long next = System.nanoTime();
                long nextRefresh = next;
                while (running) {
                    long now = System.nanoTime();
                    if (now - nextRefresh >= 0) {
                        refresh();
                        nextRefresh = now + REFRESH_NANOS;
                    } else if (threadCpu) {
                        threadCpuNanos(ids, lastCpu);
                    }
                    sample();
                    samples++;
                    next += period;
                    now = System.nanoTime();
                    if (next - now < 0) {
                        // Fell behind (a long safepoint, an overloaded machine): skip the missed
                        // ticks rather than firing a burst of samples at one moment.
                        next = now + period - (now - next) % period;
                    }
                    for (long wait = next - now; running && wait > 0; ) {
                        LockSupport.parkNanos(this, wait);
                        wait = next - System.nanoTime();
                    }
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                ownCpuNanos =
                        threadCpu ? Math.max(0, THREADS.getCurrentThreadCpuTime() - ownStart) : 0;
            }
        }

        /** Finds the profiled threads (tasks start during a job) and reads every thread's CPU. */
        private void refresh() {
            long self = Thread.currentThread().getId();
            long[] all = THREADS.getAllThreadIds();
            long[] chosen = new long[all.length];
            int n = 0;
            for (ThreadInfo info : THREADS.getThreadInfo(all)) {
                if (info == null || info.getThreadId() == self) {
                    continue;
                }
                names.put(info.getThreadId(), info.getThreadName());
                if (profiled.test(info.getThreadName())) {
                    chosen[n++] = info.getThreadId();
                }
            }
            ids = Arrays.copyOf(chosen, n);
            if (threadCpu) {
                threadCpuNanos(all, lastCpu);
                lastCpu.remove(self);
            }
        }

        private void sample() {
            if (ids.length == 0) {
                return;
            }
            // Whole stacks: the operator is the outermost Arbiter frame, often far from the top.
            for (ThreadInfo info : THREADS.getThreadInfo(ids, Integer.MAX_VALUE)) {
                if (info == null || info.getThreadState() != Thread.State.RUNNABLE) {
                    continue;
                }
                StackTraceElement[] stack = info.getStackTrace();
                if (FrameCategories.isIdle(stack)) {
                    continue;
                }
                String group =
                        groups.computeIfAbsent(info.getThreadName(), ThreadGroups::normalise);
                ticks.computeIfAbsent(group, g -> new HashMap<>())
                        .merge(FrameCategories.categoryOf(stack), 1, Integer::sum);
            }
        }
    }
}
