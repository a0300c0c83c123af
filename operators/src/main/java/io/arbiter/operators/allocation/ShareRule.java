package io.arbiter.operators.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns tiers, P(best) and caps into traffic shares (DOMAIN.md §3): the fraction of the book's
 * decision flow routed to each model. The book's baseline model is not a bandit arm: it takes the
 * flow the others are not routed. The rest, in this order:
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
 *   <li>If the shares add up to more than the whole book (possible only with large approved caps),
 *       they are scaled down to fit.
 *   <li>The baseline model: 1 − Σ the others, uncapped; 0 when it is OFF. What no model takes is
 *       the buffer: flow that is not traded.
 * </ol>
 *
 * The band's min is not forced: with only unproven models the total is n × s₀, which may be below
 * it; the book-level reasons say so. P(best) here is over all models that are not OFF. The book's
 * risk scaler does not enter: it shrinks the size of routed trades, not the flow.
 */
public final class ShareRule {

    /** The shares, per-arm reasons (parallel to the input) and book-level reasons. */
    public record Shares(double[] shares, List<List<String>> reasons, List<String> bookReasons) {}

    private final double startShare;
    private final double flowMin;
    private final double flowMax;
    private final String baselineModel;

    /**
     * @param baselineModel the book's baseline model, or null when it has none
     */
    public ShareRule(double startShare, double flowMin, double flowMax, String baselineModel) {
        this.startShare = startShare;
        this.flowMin = flowMin;
        this.flowMax = flowMax;
        this.baselineModel = baselineModel;
    }

    /**
     * @param arms the book's models with their tiers and caps
     * @param pBest P(best) per arm (ignored for OFF arms)
     */
    public Shares apply(List<Arm> arms, double[] pBest) {
        int n = arms.size();
        double[] share = new double[n];
        List<List<String>> reasons = new ArrayList<>(n);
        List<String> book = new ArrayList<>();
        int fixed = 0;
        double provenP = 0;
        int baseline = -1;
        for (int i = 0; i < n; i++) {
            reasons.add(new ArrayList<>(arms.get(i).reasons()));
            Tier tier = arms.get(i).tier();
            if (arms.get(i).model().equals(baselineModel)) {
                baseline = i;
            } else if (tier == Tier.FIXED) {
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
            if (i == baseline) {
                continue;
            }
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

        double total = 0;
        for (double s : share) {
            total += s;
        }
        if (total > 1.0) {
            for (int i = 0; i < n; i++) {
                share[i] /= total;
            }
            book.add("shares added up to " + Percent.of(total) + ": scaled to the whole book");
            total = 1.0;
        }
        double rest = Math.max(0.0, 1.0 - total);
        if (baseline >= 0) {
            routeRestToBaseline(arms.get(baseline), rest, share, baseline, reasons, book);
        } else if (baselineModel == null) {
            book.add(
                    "no baseline model: the flow no model is routed, "
                            + Percent.of(rest)
                            + ", is not traded");
        } else {
            book.add(
                    "baseline model "
                            + baselineModel
                            + " is not in the book: the flow no model"
                            + " is routed, "
                            + Percent.of(rest)
                            + ", is not traded");
        }
        return new Shares(share, reasons, book);
    }

    /** The baseline takes what the bandit does not route, unless it is off. */
    private static void routeRestToBaseline(
            Arm arm,
            double rest,
            double[] share,
            int index,
            List<List<String>> reasons,
            List<String> book) {
        if (arm.tier() == Tier.OFF) {
            // Why it is off (halted, paused, book stopped) stays; the rest does not apply.
            share[index] = 0;
            book.add(
                    "baseline model "
                            + arm.model()
                            + " is off: the flow no model is routed, "
                            + Percent.of(rest)
                            + ", is not traded");
            return;
        }
        share[index] = rest;
        List<String> why = new ArrayList<>();
        why.add("baseline model: takes the flow the bandit does not route, " + Percent.of(rest));
        reasons.set(index, why);
    }
}
