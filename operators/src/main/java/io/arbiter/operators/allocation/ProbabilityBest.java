package io.arbiter.operators.allocation;

/**
 * P(model is best) by Thompson draws: in each of K rounds every arm draws once from its Beta
 * posterior, and the arm with the highest draw wins the round; P(best) is the share of rounds won.
 * Arm {@code i} always draws from its own stream, in order, so its numbers do not depend on the
 * other arms or on the loop order. Ties (equal draws, which have probability 0 for distinct
 * streams) go to the lower index.
 *
 * <p>Cost: K × arms Beta variates (two Gamma variates each) and three arrays of K.
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
        // Arm by arm rather than round by round: one arm's sampler constants and stream stay in
        // registers for all K draws. The result is the same: each arm draws its own stream in
        // order, and a draw must beat the best so far strictly, so ties keep the lower index.
        double[] best = new double[draws];
        int[] winner = new int[draws];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            BetaSampler arm = arms[i];
            DrawStream stream = streams[i];
            for (int k = 0; k < draws; k++) {
                double draw = arm.sample(stream);
                if (draw > best[k]) {
                    best[k] = draw;
                    winner[k] = i;
                }
            }
        }
        int[] wins = new int[n];
        for (int k = 0; k < draws; k++) {
            wins[winner[k]]++;
        }
        for (int i = 0; i < n; i++) {
            p[i] = (double) wins[i] / draws;
        }
        return p;
    }
}
