package io.arbiter.operators.health;

import java.util.ArrayList;
import java.util.List;

/**
 * The reliability diagram of probabilities against 0/1 outcomes in equal-width bins, and the
 * expected (ECE) and maximum (MCE) calibration errors read from it.
 *
 * <p>Definition (shared oracle README, {@code ece_bins.csv}): with B bins, probability p falls in
 * bin {@code min(floor(B·p), B-1)} (0-based), i.e. [0, 1/B), …, [(B-1)/B, 1]. The bin is computed
 * with a multiplication, not a division: {@code 0.7 / 0.1} is 6.999…, {@code 10 · 0.7} is 7.
 *
 * @param bins all B bins in order, empty ones included
 * @param total the number of pairs
 */
public record ReliabilityBins(List<Bin> bins, int total) {

    /**
     * One bin.
     *
     * @param number 1-based, as in {@code ece_bins.csv}
     * @param lower inclusive lower edge {@code (number-1)/B}
     * @param upper upper edge {@code number/B}, exclusive except for the last bin
     * @param count pairs in the bin
     * @param meanProbability mean p of the bin; NaN when empty
     * @param fractionPositive mean y of the bin; NaN when empty
     */
    public record Bin(
            int number,
            double lower,
            double upper,
            int count,
            double meanProbability,
            double fractionPositive) {

        /** {@code |mean(y) - mean(p)|}; NaN when empty. */
        public double absoluteGap() {
            return Math.abs(fractionPositive - meanProbability);
        }
    }

    public ReliabilityBins {
        bins = List.copyOf(bins);
    }

    /** Bins {@code probabilities} (in [0, 1]) against {@code outcomes} (0 or 1). */
    public static ReliabilityBins of(double[] probabilities, double[] outcomes, int binCount) {
        Inputs.probabilitiesAndOutcomes(probabilities, outcomes);
        if (binCount < 1) {
            throw new IllegalArgumentException("bin count " + binCount + " is not positive");
        }
        int[] counts = new int[binCount];
        double[] sumProbability = new double[binCount];
        double[] sumOutcome = new double[binCount];
        for (int i = 0; i < probabilities.length; i++) {
            int bin = binIndex(probabilities[i], binCount);
            counts[bin]++;
            sumProbability[bin] += probabilities[i];
            sumOutcome[bin] += outcomes[i];
        }
        List<Bin> bins = new ArrayList<>(binCount);
        for (int b = 0; b < binCount; b++) {
            bins.add(
                    new Bin(
                            b + 1,
                            (double) b / binCount,
                            (double) (b + 1) / binCount,
                            counts[b],
                            counts[b] == 0 ? Double.NaN : sumProbability[b] / counts[b],
                            counts[b] == 0 ? Double.NaN : sumOutcome[b] / counts[b]));
        }
        return new ReliabilityBins(bins, probabilities.length);
    }

    /** The 0-based bin of {@code probability}: {@code min(floor(B·p), B-1)}. */
    public static int binIndex(double probability, int binCount) {
        return Math.min((int) Math.floor(binCount * probability), binCount - 1);
    }

    /** Share of all pairs that fall in {@code bin}: {@code n_b / N}. */
    public double weight(Bin bin) {
        return (double) bin.count() / total;
    }

    /** ECE = Σ_b (n_b/N)·|mean(y_b) - mean(p_b)| over the non-empty bins. */
    public double expectedCalibrationError() {
        double ece = 0;
        for (Bin bin : bins) {
            if (bin.count() > 0) {
                ece += weight(bin) * bin.absoluteGap();
            }
        }
        return ece;
    }

    /** MCE = the largest |mean(y_b) - mean(p_b)| over the non-empty bins. */
    public double maximumCalibrationError() {
        double mce = 0;
        for (Bin bin : bins) {
            if (bin.count() > 0) {
                mce = Math.max(mce, bin.absoluteGap());
            }
        }
        return mce;
    }
}
