package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.arbiter.operators.planner.TestDesk.policy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner's promise, over many seeded random desks: no intent ever breaks a guardrail. Each
 * intent is re-checked by {@link GuardrailAudit}, which rebuilds the book independently.
 */
class PlannerInvariantTest {

    private static final int SEEDS = 40;
    private static final int STEPS = 150;

    private static final List<Policy> POLICIES =
            List.of(
                    Policy.defaults(),
                    // Big trades, few slots: cash, slots and the ticker limit bind.
                    policy(
                            "planner:\n"
                                    + "  per-trade-target: 600\n"
                                    + "  max-open-positions: 5\n"
                                    + "  max-per-ticker: 1\n"
                                    + "  fee-bps: 20\n"),
                    // Tight exposure over a larger account: the top-five and sector limits bind.
                    policy(
                            "planner:\n"
                                    + "  account-cash: 3000\n"
                                    + "  per-trade-target: 1200\n"
                                    + "  max-open-positions: 12\n"
                                    + "  exposure: {single-ticker: 0.2, top-five: 0.35,"
                                    + " top-count: 3, sector: 0.3}\n"));

    @Test
    void noIntentEverBreaksAGuardrail() {
        long intents = 0;
        long trimmed = 0;
        long[] byReason = new long[RejectReason.values().length];
        long cashLimited = 0;
        long slotLimited = 0;
        long tickerLimited = 0;
        long topLimited = 0;
        long sectorLimited = 0;
        for (Policy policy : POLICIES) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                DeskSimulation desk = new DeskSimulation(seed, policy).run(STEPS);

                assertThat(desk.violations)
                        .as("policy %s, seed %d", policy.planner(), seed)
                        .isEmpty();

                intents += desk.intents.size();
                trimmed += desk.trimmed;
                for (RejectReason reason : RejectReason.values()) {
                    byReason[reason.ordinal()] += desk.rejected(reason);
                }
                cashLimited += desk.rejectedWith("account cash left");
                slotLimited += desk.rejectedWith("max open positions");
                tickerLimited += desk.rejectedWith("single-ticker");
                topLimited += desk.rejectedWith("top-five");
                sectorLimited += desk.rejectedWith("sector");
            }
        }
        // The streams reach every limit, so the check above was not vacuous.
        assertThat(intents).isGreaterThan(1000);
        assertThat(trimmed).isPositive();
        assertThat(byReason).doesNotContain(0L);
        assertThat(cashLimited).isPositive();
        assertThat(slotLimited).isPositive();
        assertThat(tickerLimited).isPositive();
        assertThat(topLimited).isPositive();
        assertThat(sectorLimited).isPositive();
    }
}
