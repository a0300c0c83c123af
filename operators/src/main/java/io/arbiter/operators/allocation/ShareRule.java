package io.arbiter.operators.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns tiers, P(best) and caps into traffic shares (DOMAIN.md §3), in this order:
 *
 * <ol>
 *   <li>{@link Tier#OFF}: 0.
 *   <li>{@link Tier#FIXED}: the start share s₀ each. If they alone exceed the bandit flow's max F,
 *       each gets F / n instead.
 *   <li>Proven ({@link Tier#BANDIT} and {@link Tier#WINNER}): the rest of the bandit flow, F − Σ
 *       fixed, split by P(best) renormalised over the proven models. (If every round went to an
 *       unproven model, the proven get 0 and the flow stays in the buffer.)
 *   <li>{@link Tier#WINNER}: the larger of that bandit share and P(best) × its cap, so a clear best
 *       winner grows toward its cap (25 % without approval, the approved max share with one).
 *   <li>Every share is limited to its cap (the fixed one too, if an approval set a lower cap).
 *   <li>Every share × the book's risk scaler.
 *   <li>If the shares add up to more than the whole book (possible only with large approved caps),
 *       they are scaled down to fit. The rest of the book is the buffer.
 * </ol>
 *
 * The band's min is not forced: with only unproven models the total is n × s₀, which may be below
 * it; the book-level reasons say so. P(best) here is over all models that are not OFF.
 */
public final class ShareRule {

    /** The shares, per-arm reasons (parallel to the input) and book-level reasons. */
    public record Shares(double[] shares, List<List<String>> reasons, List<String> bookReasons) {}

    private final double startShare;
    private final double flowMin;
    private final double flowMax;

    public ShareRule(double startShare, double flowMin, double flowMax) {
        this.startShare = startShare;
        this.flowMin = flowMin;
        this.flowMax = flowMax;
    }

    /**
     * @param arms the book's models with their tiers and caps
     * @param pBest P(best) per arm (ignored for OFF arms)
     * @param riskScaler the book's sizing multiplier in (0, 1]
     */
    public Shares apply(List<Arm> arms, double[] pBest, double riskScaler) {
        int n = arms.size();
        double[] share = new double[n];
        List<List<String>> reasons = new ArrayList<>(n);
        List<String> book = new ArrayList<>();
        int fixed = 0;
        double provenP = 0;
        for (int i = 0; i < n; i++) {
            reasons.add(new ArrayList<>(arms.get(i).reasons()));
            Tier tier = arms.get(i).tier();
            if (tier == Tier.FIXED) {
                fixed++;
            } else if (tier == Tier.BANDIT || tier == Tier.WINNER) {
                provenP += pBest[i];
            }
        }

        double fixedEach = startShare;
        if (fixed * startShare > flowMax) {
            fixedEach = flowMax / fixed;
            book.add(
                    fixed
                            + " fixed shares of "
                            + Percent.of(startShare)
                            + " exceed the bandit flow max "
                            + Percent.of(flowMax)
                            + ": each cut to "
                            + Percent.of(fixedEach));
        }
        double pool = Math.max(0.0, flowMax - fixed * fixedEach);

        double flow = 0;
        for (int i = 0; i < n; i++) {
            Arm arm = arms.get(i);
            List<String> why = reasons.get(i);
            double s;
            switch (arm.tier()) {
                case OFF -> s = 0;
                case FIXED -> {
                    s = fixedEach;
                    why.add("fixed at the start share " + Percent.of(fixedEach));
                }
                default -> {
                    double weight = provenP > 0 ? pBest[i] / provenP : 0;
                    s = pool * weight;
                    why.add(
                            "bandit: "
                                    + Percent.of(weight)
                                    + " of the proven models' flow "
                                    + Percent.of(pool)
                                    + " by P(best)");
                }
            }
            flow += Math.min(s, arm.cap());
            if (arm.tier() == Tier.WINNER && pBest[i] * arm.cap() > s) {
                s = pBest[i] * arm.cap();
                why.add(
                        "winner: grows toward its cap, P(best) "
                                + Percent.number(pBest[i])
                                + " × cap "
                                + Percent.of(arm.cap()));
            }
            if (s > arm.cap()) {
                s = arm.cap();
                why.add("capped at " + Percent.of(arm.cap()));
            }
            share[i] = s;
        }
        book.add(
                "bandit flow "
                        + Percent.of(flow)
                        + " (band "
                        + Percent.of(flowMin)
                        + "–"
                        + Percent.of(flowMax)
                        + ")");
        if (flow < flowMin) {
            book.add("bandit flow below the band's min: no proven model carries the rest");
        }

        if (riskScaler < 1.0) {
            for (int i = 0; i < n; i++) {
                if (share[i] > 0) {
                    share[i] *= riskScaler;
                    reasons.get(i).add("× risk scaler " + Percent.number(riskScaler));
                }
            }
        }
        double total = 0;
        for (double s : share) {
            total += s;
        }
        if (total > 1.0) {
            for (int i = 0; i < n; i++) {
                share[i] /= total;
            }
            book.add("shares added up to " + Percent.of(total) + ": scaled to the whole book");
        }
        return new Shares(share, reasons, book);
    }
}
