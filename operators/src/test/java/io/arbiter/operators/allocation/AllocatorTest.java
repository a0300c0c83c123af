package io.arbiter.operators.allocation;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.codec.AvroCodec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AllocatorTest {

    private static final Policy POLICY = Policy.defaults();
    private static final long TIME = 1_772_442_000_000L; // 2026-03-02T09:00:00Z

    private final AvroCodec<AllocationEvent> codec = AvroCodec.of(AllocationEvent.class);

    @Test
    void theSameDecisionGivesByteIdenticalEvents() {
        byte[] first =
                codec.encode(
                        allocator().allocate("book-1", TIME, "round-trip", 1, arms(), List.of()));
        byte[] second =
                codec.encode(
                        allocator().allocate("book-1", TIME, "round-trip", 1, arms(), List.of()));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theSamePosteriorsGiveTheSameProbabilitiesAndSharesAtAnyDecisionTime() {
        // P(best) is exact: a function of the posteriors, not of draws seeded by the time.
        AllocationEvent a = allocator().allocate("book-1", TIME, "timer", 1, arms(), List.of());
        AllocationEvent b = allocator().allocate("book-1", TIME + 1, "timer", 1, arms(), List.of());
        for (int i = 1; i < 3; i++) {
            assertThat(b.getAllocations().get(i).getDraw())
                    .isEqualTo(a.getAllocations().get(i).getDraw());
            assertThat(b.getAllocations().get(i).getShare())
                    .isEqualTo(a.getAllocations().get(i).getShare());
        }
    }

    @Test
    void carriesPosteriorsProbabilitiesCapsSeedAndPolicyVersion() {
        AllocationEvent event = allocator().allocate("book-1", TIME, "timer", 1, arms(), List.of());
        assertThat(event.getSeed()).isEqualTo(POLICY.allocation().seed());
        assertThat(event.getPolicyVersion()).isEqualTo(POLICY.version());
        ModelAllocation halted = event.getAllocations().get(0);
        assertThat(halted.getDraw()).isNaN();
        assertThat(halted.getShare()).isEqualTo(0.0);
        assertThat(halted.getReasons()).contains("halted (pf.halt)");
        ModelAllocation b = event.getAllocations().get(1);
        ModelAllocation c = event.getAllocations().get(2);
        assertThat(b.getAlpha()).isEqualTo(5.0);
        // The draw field carries P(best) among the contenders, exactly: here P(Beta(6,4) >
        // Beta(5,5)) by its closed form, and the halted model does not take part.
        double cBest = BetaClosedForms.greater(6, 4, 5, 5);
        assertThat(c.getDraw()).isCloseTo(cBest, within(1e-14));
        assertThat(b.getDraw()).isCloseTo(1 - cBest, within(1e-14));
        // Both proven: the bandit flow's 6 % split by P(best).
        assertThat(b.getShare()).isCloseTo(0.06 * (1 - cBest), within(1e-14));
        assertThat(c.getShare()).isCloseTo(0.06 * cBest, within(1e-14));
        assertThat(event.getReasons()).contains(Allocator.EXACT);
        assertThat(event.getBufferShare()).isCloseTo(0.94, within(1e-12));
        assertThat(b.getCap()).isEqualTo(0.25);
    }

    private static Allocator allocator() {
        return new Allocator(POLICY.allocation(), POLICY.version());
    }

    private static List<Arm> arms() {
        return List.of(
                new Arm(
                        "a",
                        "v1",
                        ModelState.HALTED,
                        40,
                        10,
                        Tier.OFF,
                        0.25,
                        List.of("halted (pf.halt)")),
                new Arm("b", "v1", ModelState.ACTIVE, 5, 5, Tier.BANDIT, 0.25, List.of()),
                new Arm("c", "v2", ModelState.ACTIVE, 6, 4, Tier.BANDIT, 0.25, List.of()));
    }
}
