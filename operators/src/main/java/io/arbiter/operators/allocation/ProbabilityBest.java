package io.arbiter.operators.allocation;

/**
 * P(model is best) by Thompson draws: in each of K rounds every arm draws once from its Beta
 * posterior, and the arm with the highest draw wins the round; P(best) is the share of rounds won.
 * Arm {@code i} always draws from its own stream, in order, so its numbers do not depend on the
 * other arms or on the loop order. Ties (equal draws, which have probability 0 for distinct
 * streams) go to the lower index.
 *
 * <p>Cost: K × arms Beta variates (two Gamma variates each), no allocation beyond the result.
 */
public final class ProbabilityBest {

    private ProbabilityBest() {}

    /**
     * @param arms one sampler per arm
     * @param streams one draw stream per arm (advanced by the call)
     * @param draws the number of rounds K
     * @return P(best) per arm; all zero when there are no arms
     */
    public static double[] estimate(BetaSampler[] arms, DrawStream[] streams, int draws) {
        if (arms.length != streams.length) {
            throw new IllegalArgumentException("one stream per arm");
        }
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be positive: " + draws);
        }
        int n = arms.length;
        double[] p = new double[n];
        if (n == 0) {
            return p;
        }
        int[] wins = new int[n];
        for (int k = 0; k < draws; k++) {
            int best = 0;
            double bestDraw = arms[0].sample(streams[0]);
            for (int i = 1; i < n; i++) {
                double draw = arms[i].sample(streams[i]);
                if (draw > bestDraw) {
                    bestDraw = draw;
                    best = i;
                }
            }
            wins[best]++;
        }
        for (int i = 0; i < n; i++) {
            p[i] = (double) wins[i] / draws;
        }
        return p;
    }
}
