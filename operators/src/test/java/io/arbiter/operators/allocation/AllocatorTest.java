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
    void anotherDecisionTimeDrawsOtherNumbers() {
        AllocationEvent a = allocator().allocate("book-1", TIME, "timer", 1, arms(), List.of());
        AllocationEvent b = allocator().allocate("book-1", TIME + 1, "timer", 1, arms(), List.of());
        // Beta(5,5) against Beta(6,4): P(best) estimates differ between independent draw sets.
        assertThat(b.getAllocations().get(1).getDraw())
                .isNotEqualTo(a.getAllocations().get(1).getDraw());
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
        assertThat(b.getDraw() + c.getDraw()).isCloseTo(1.0, within(1e-12));
        assertThat(b.getShare() + c.getShare()).isCloseTo(0.06, within(1e-12));
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
