package io.arbiter.operators.governance;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.codec.AvroCodec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

import static io.arbiter.operators.governance.TestBook.BEGINNING;
import static io.arbiter.operators.governance.TestBook.HOUR;
import static io.arbiter.operators.governance.TestBook.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays: the same inputs give byte-identical journal and allocation events, and a governor
 * restored from its state mid-way continues exactly as an uninterrupted one.
 */
class ReplayDeterminismTest {

    private static final String[] MODELS = {"baseline", "gbdt", "mlp", "logit", "llm"};

    private final AvroCodec<GovernanceEvent> govCodec = AvroCodec.of(GovernanceEvent.class);
    private final AvroCodec<AllocationEvent> allocCodec = AvroCodec.of(AllocationEvent.class);

    @Test
    void theSameInputsTwiceGiveIdenticalEventBytes() throws IOException {
        List<Function<BookGovernor, Decision>> inputs = scenario();
        Output first = run(TestBook.governor(), inputs);
        Output second = run(TestBook.governor(), inputs);
        assertThat(second.bytes).isEqualTo(first.bytes);
        // Not a vacuous comparison: the scenario exercises most of the rules.
        assertThat(first.kinds)
                .contains(
                        GovernanceKind.INFO,
                        GovernanceKind.WARN,
                        GovernanceKind.HALT,
                        GovernanceKind.RESUME,
                        GovernanceKind.FLAG,
                        GovernanceKind.BREAKER,
                        GovernanceKind.RISK_SCALE);
        assertThat(first.allocations).isGreaterThan(500);
    }

    @Test
    void aGovernorRestoredFromItsStateContinuesLikeAnUninterruptedOne() throws IOException {
        List<Function<BookGovernor, Decision>> inputs = scenario();
        Output uninterrupted = run(TestBook.governor(), inputs);

        BookGovernor before = TestBook.governor();
        Output firstHalf = run(before, inputs.subList(0, inputs.size() / 2));
        BookGovernor restored = roundTrip(before);
        assertThat(state(restored)).isEqualTo(state(before));
        Output secondHalf = run(restored, inputs.subList(inputs.size() / 2, inputs.size()));

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(firstHalf.bytes);
        joined.write(secondHalf.bytes);
        assertThat(joined.toByteArray()).isEqualTo(uninterrupted.bytes);
    }

    @Test
    void aRestoredGovernorKeepsEveryStandingAndThePolicyInForce() throws IOException {
        BookGovernor g = TestBook.governorWith("old", "new");
        g.setPolicy(BEGINNING, "version: v5\nallocation: {discount: 0.9}", "p");
        g.onMetrics(BEGINNING, "old", TestBook.pf(1.2, 30));
        g.onCorrelation(BEGINNING, "old", "new", 0.95, 100);
        g.onRoundTrip(BEGINNING, "new", -60);
        BookGovernor back = roundTrip(g);
        assertThat(back.policy()).isEqualTo(g.policy());
        assertThat(back.state("old")).isEqualTo(g.state("old"));
        assertThat(back.riskScaler()).isEqualTo(g.riskScaler());
        assertThat(back.nextTimer()).isEqualTo(g.nextTimer());
        assertThat(state(back)).isEqualTo(state(g));
    }

    /** About 1,200 mixed inputs over five models, seeded: most rules fire at least once. */
    static List<Function<BookGovernor, Decision>> scenario() {
        SplittableRandom random = new SplittableRandom(2026);
        List<Function<BookGovernor, Decision>> inputs = new ArrayList<>();
        long start = BEGINNING;
        inputs.add(g -> g.register(start, new Registration("baseline", "v1", 36, 17), "c-0"));
        for (int m = 1; m < MODELS.length; m++) {
            String model = MODELS[m];
            long at = start + m * MINUTE;
            inputs.add(
                    g -> g.register(at, Registration.withDefaultPrior(model, "v1"), "c-" + model));
        }
        long t = start + HOUR;
        int[] trades = new int[MODELS.length];
        for (int i = 0; i < 1200; i++) {
            t += (1 + random.nextInt(20)) * MINUTE;
            long at = t;
            int m = random.nextInt(MODELS.length);
            String model = MODELS[m];
            double roll = random.nextDouble();
            if (roll < 0.6) {
                double pnl = Math.round((random.nextDouble() - 0.47) * 40 * 100) / 100.0;
                trades[m]++;
                inputs.add(g -> g.onRoundTrip(at, model, pnl));
            } else if (roll < 0.8) {
                ModelMetrics metrics =
                        new ModelMetrics(
                                0.9 + random.nextDouble() * 1.4,
                                trades[m],
                                0.4 + random.nextDouble() * 0.3,
                                random.nextDouble() * 0.05,
                                random.nextDouble() * 0.05);
                inputs.add(g -> g.onMetrics(at, model, metrics));
            } else if (roll < 0.85) {
                String other = MODELS[random.nextInt(MODELS.length)];
                double corr = random.nextDouble();
                long n = 10 + random.nextInt(100);
                inputs.add(g -> g.onCorrelation(at, model, other, corr, n));
            } else if (roll < 0.9) {
                inputs.add(g -> g.onTimer(at));
            } else if (roll < 0.93) {
                inputs.add(g -> g.resume(at, model, "r-" + at));
            } else if (roll < 0.95) {
                double maxShare = 0.05 + random.nextDouble() * 0.4;
                inputs.add(g -> g.approve(at, model, maxShare, "a-" + at));
            } else if (roll < 0.96) {
                inputs.add(g -> g.halt(at, model, "h-" + at));
            } else if (roll < 0.97) {
                long ms = 500 + random.nextInt(1000);
                inputs.add(g -> g.onScoringLatency(at, model, Duration.ofMillis(ms)));
            } else if (roll < 0.98) {
                long valid = 940 + random.nextInt(61);
                inputs.add(g -> g.onDataQuality(at, valid, 1000));
            } else if (roll < 0.99) {
                String version = "v" + (2 + i);
                inputs.add(
                        g ->
                                g.register(
                                        at,
                                        Registration.withDefaultPrior(model, version),
                                        "n-" + at));
            } else {
                inputs.add(g -> g.resume(at, null, "b-" + at));
            }
        }
        return inputs;
    }

    private record Output(byte[] bytes, Set<GovernanceKind> kinds, int allocations) {}

    private Output run(BookGovernor g, List<Function<BookGovernor, Decision>> inputs)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<GovernanceKind> kinds = EnumSet.noneOf(GovernanceKind.class);
        int allocations = 0;
        for (Function<BookGovernor, Decision> input : inputs) {
            Decision d = input.apply(g);
            for (GovernanceEvent e : d.events()) {
                bytes.write(govCodec.encode(e));
                kinds.add(e.getKind());
            }
            if (d.hasAllocation()) {
                bytes.write(allocCodec.encode(d.allocation()));
                allocations++;
            }
        }
        return new Output(bytes.toByteArray(), kinds, allocations);
    }

    private static byte[] state(BookGovernor g) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        g.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static BookGovernor roundTrip(BookGovernor g) throws IOException {
        return BookGovernor.readFrom(new DataInputStream(new ByteArrayInputStream(state(g))));
    }
}
