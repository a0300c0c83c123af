package io.arbiter.benchmarks.allocation;

import io.arbiter.operators.allocation.Allocator;
import io.arbiter.operators.allocation.Arm;
import io.arbiter.operators.allocation.ProbabilityBest;
import io.arbiter.operators.allocation.Tier;
import io.arbiter.operators.governance.BookGovernor;
import io.arbiter.operators.governance.Decision;
import io.arbiter.operators.governance.ModelMetrics;
import io.arbiter.operators.governance.Registration;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.ModelState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Microseconds per allocation step of one book.
 *
 * <ul>
 *   <li>{@link #allocate}: {@link Allocator#allocate} alone: exact P(best) of every model, the
 *       share rule and the {@link AllocationEvent} with its reasons. Every model is a contender
 *       (the worst case: no halted model is skipped), with posteriors from Beta(2, 2) to Beta(60,
 *       45), peaked and broad, so the quadrature sees many shapes.
 *   <li>{@link #probabilityBest}: {@link ProbabilityBest#of} alone, the same posteriors.
 *   <li>{@link #roundTrip}: what the governor does for one closed round trip: posterior, equity,
 *       breakers, risk scaler, then the same allocation over all its models (proven, so every one
 *       is a contender); each call moves one model's posterior by a win or a loss.
 * </ul>
 *
 * The decision time moves on every call; P(best) no longer depends on it (it is exact, not drawn),
 * and nothing is cached between calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.arbiter.schemas"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AllocatorBenchmark {

    static final long START = 1_772_442_000_000L; // 2026-03-02T09:00:00Z

    @Param({"10", "100"})
    public int models;

    private Allocator allocator;
    private List<Arm> arms;
    private double[] alpha;
    private double[] beta;
    private BookGovernor governor;
    private String[] ids;
    private long time;
    private int next;

    @Setup
    public void setUp() {
        Policy policy =
                Policy.fromYaml(
                        "benchmark",
                        "version: bench\n"
                                + "governance: {max-models: "
                                + Math.max(models, 1)
                                + "}\n"
                                // A million trades a day: the benchmark measures allocation, not
                                // the pause that would otherwise stop a model after ten.
                                + "breakers: {max-trades-per-day: 1000000}\n");
        allocator = new Allocator(policy.allocation(), policy.version());
        arms = new ArrayList<>(models);
        alpha = new double[models];
        beta = new double[models];
        ids = new String[models];
        governor = new BookGovernor("bench-book", policy);
        time = START;
        for (int i = 0; i < models; i++) {
            ids[i] = String.format("model-%03d", i);
            alpha[i] = 2 + (i * 7) % 59;
            beta[i] = 2 + (i * 11) % 44;
            arms.add(
                    new Arm(
                            ids[i],
                            "v1",
                            ModelState.ACTIVE,
                            alpha[i],
                            beta[i],
                            Tier.BANDIT,
                            0.25,
                            List.of()));
            governor.register(
                    time, new Registration(ids[i], "v1", alpha[i], beta[i]), "register-" + i);
            // Proven and in the warn band: bandit, not winners, so every model is a contender.
            governor.onMetrics(time, ids[i], new ModelMetrics(1.6, 40, 0.55, 0.0, 0.0));
        }
    }

    @Benchmark
    public AllocationEvent allocate() {
        time += 1000;
        return allocator.allocate("bench-book", time, "round-trip", 1.0, arms, List.of());
    }

    @Benchmark
    public double[] probabilityBest() {
        return ProbabilityBest.of(alpha, beta);
    }

    @Benchmark
    public Decision roundTrip() {
        time += 1000;
        String model = ids[next];
        next = next + 1 == ids.length ? 0 : next + 1;
        // Wins and losses of the same size alternate: equity stays flat, no breaker trips.
        return governor.onRoundTrip(time, model, (time / 1000) % 2 == 0 ? 1.0 : -1.0);
    }
}
