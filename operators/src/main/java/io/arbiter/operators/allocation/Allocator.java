package io.arbiter.operators.allocation;

import io.arbiter.operators.policy.AllocationPolicy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.ModelAllocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One allocation decision for a book: P(best) of every model that is not {@link Tier#OFF}, then
 * shares by the {@link ShareRule}, as an {@link AllocationEvent} carrying every number that shaped
 * it.
 *
 * <p>P(best) is the probability that a Thompson round (one draw from each contender's Beta
 * posterior) picks the model: {@link ProbabilityBest} integrates it exactly, where the allocator
 * once estimated it from K seeded draws. It is a function of the contenders' posteriors alone, in
 * plain double arithmetic, so the same inputs give byte-identical events, in the stream and in a
 * replay. Each model's {@code draw} field carries it (NaN for a model that is off), as it carried
 * the estimate before.
 *
 * <pre>{@code
 * AllocationEvent event =
 *         new Allocator(policy.allocation(), policy.version())
 *                 .allocate("book-1", time, "round-trip", 1.0, arms, List.of());
 * }</pre>
 */
public final class Allocator {

    /** The book-level reason that says how P(best) was obtained. */
    static final String EXACT = "P(best) exact by quadrature, no sampling";

    private final AllocationPolicy policy;
    private final String policyVersion;
    private final ShareRule rule;

    public Allocator(AllocationPolicy policy, String policyVersion) {
        this.policy = policy;
        this.policyVersion = policyVersion;
        this.rule =
                new ShareRule(
                        policy.startShare(),
                        policy.banditFlowMin(),
                        policy.banditFlowMax(),
                        policy.baselineModel());
    }

    /**
     * @param book the book
     * @param time the decision's event time (epoch millis)
     * @param trigger what caused the decision (round-trip, timer, command, policy, governance)
     * @param riskScaler the book's sizing multiplier in force
     * @param arms the book's models, in a fixed order (by model id)
     * @param bookReasons reasons governance adds for the whole book (breakers, risk scaler)
     */
    public AllocationEvent allocate(
            String book,
            long time,
            String trigger,
            double riskScaler,
            List<Arm> arms,
            List<String> bookReasons) {
        int n = arms.size();
        int contenders = 0;
        for (Arm arm : arms) {
            if (arm.tier() != Tier.OFF) {
                contenders++;
            }
        }
        double[] alpha = new double[contenders];
        double[] beta = new double[contenders];
        int[] index = new int[contenders];
        for (int i = 0, c = 0; i < n; i++) {
            Arm arm = arms.get(i);
            if (arm.tier() != Tier.OFF) {
                alpha[c] = arm.alpha();
                beta[c] = arm.beta();
                index[c++] = i;
            }
        }
        double[] contenderP = ProbabilityBest.of(alpha, beta);
        double[] pBest = new double[n];
        Arrays.fill(pBest, Double.NaN);
        for (int c = 0; c < contenders; c++) {
            pBest[index[c]] = contenderP[c];
        }

        ShareRule.Shares shares = rule.apply(arms, pBest);
        List<ModelAllocation> allocations = new ArrayList<>(n);
        double total = 0;
        for (int i = 0; i < n; i++) {
            Arm arm = arms.get(i);
            double share = shares.shares()[i];
            total += share;
            allocations.add(
                    ModelAllocation.newBuilder()
                            .setModel(arm.model())
                            .setVersion(arm.version())
                            .setState(arm.state())
                            .setAlpha(arm.alpha())
                            .setBeta(arm.beta())
                            .setDraw(pBest[i])
                            .setShare(share)
                            .setCap(arm.cap())
                            .setReasons(List.copyOf(shares.reasons().get(i)))
                            .build());
        }
        List<String> reasons = new ArrayList<>(bookReasons);
        reasons.addAll(shares.bookReasons());
        reasons.add(EXACT);
        return AllocationEvent.newBuilder()
                .setBook(book)
                .setTime(Instant.ofEpochMilli(time))
                .setTrigger(trigger)
                .setSeed(policy.seed())
                .setPolicyVersion(policyVersion)
                .setRiskScaler(riskScaler)
                .setAllocations(allocations)
                .setBufferShare(Math.max(0.0, 1.0 - total))
                .setReasons(reasons)
                .build();
    }
}
