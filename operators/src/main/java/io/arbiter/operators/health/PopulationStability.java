package io.arbiter.operators.health;

import java.util.ArrayList;
import java.util.List;

/**
 * The population stability index (PSI) of a current sample against a reference sample of one
 * feature, with the per-bin counts it is summed from.
 *
 * <p>Definition (shared oracle README, "Drift"; {@code psi_bins.csv}): cut points q1..q(B-1) are
 * the reference's type-7 quantiles at 1/B, …, (B-1)/B ({@link Quantiles#type7}); bins are
 * right-closed, {@code (-Inf,q1], (q1,q2], …, (q(B-1),Inf)}; proportions are count/n; a proportion
 * of exactly 0 becomes {@value #EMPTY_BIN_PROPORTION} with no renormalisation; {@code PSI = Σ (a -
 * r)·ln(a/r)}. Repeated cut points (heavily tied data) leave the bins between them empty on both
 * sides.
 *
 * @param bins the B bins in order
 * @param psi the index
 */
public record PopulationStability(List<Bin> bins, double psi) {

    /** Deciles, as is usual for PSI. */
    public static final int DEFAULT_BINS = 10;

    /** Stands in for a proportion of 0, whose logarithm the sum would otherwise need. */
    public static final double EMPTY_BIN_PROPORTION = 1e-4;

    /**
     * One bin {@code (lower, upper]}.
     *
     * @param number 1-based
     * @param referenceProportion count / n, before the empty-bin rule
     * @param referenceProportionUsed the proportion in the sum: {@link #EMPTY_BIN_PROPORTION} for 0
     * @param term {@code (actualProportionUsed - referenceProportionUsed)·ln(actual/reference)}
     */
    public record Bin(
            int number,
            double lower,
            double upper,
            int referenceCount,
            int actualCount,
            double referenceProportion,
            double actualProportion,
            double referenceProportionUsed,
            double actualProportionUsed,
            double term) {}

    public PopulationStability {
        bins = List.copyOf(bins);
    }

    /** PSI over reference deciles. */
    public static PopulationStability of(double[] reference, double[] actual) {
        return of(reference, actual, DEFAULT_BINS);
    }

    /**
     * PSI over {@code binCount} reference-quantile bins.
     *
     * @throws IllegalArgumentException when a sample is empty or holds NaN
     */
    public static PopulationStability of(double[] reference, double[] actual, int binCount) {
        Inputs.sample("reference", reference);
        Inputs.sample("current", actual);
        if (binCount < 1) {
            throw new IllegalArgumentException("bin count " + binCount + " is not positive");
        }
        double[] probabilities = new double[binCount - 1];
        for (int k = 1; k < binCount; k++) {
            probabilities[k - 1] = (double) k / binCount;
        }
        double[] cuts = Quantiles.type7(reference, probabilities);
        int[] referenceCounts = countPerBin(reference, cuts);
        int[] actualCounts = countPerBin(actual, cuts);

        List<Bin> bins = new ArrayList<>(binCount);
        double psi = 0;
        for (int b = 0; b < binCount; b++) {
            double referenceProportion = (double) referenceCounts[b] / reference.length;
            double actualProportion = (double) actualCounts[b] / actual.length;
            double r = referenceProportion == 0 ? EMPTY_BIN_PROPORTION : referenceProportion;
            double a = actualProportion == 0 ? EMPTY_BIN_PROPORTION : actualProportion;
            double term = (a - r) * Math.log(a / r);
            psi += term;
            bins.add(
                    new Bin(
                            b + 1,
                            b == 0 ? Double.NEGATIVE_INFINITY : cuts[b - 1],
                            b == binCount - 1 ? Double.POSITIVE_INFINITY : cuts[b],
                            referenceCounts[b],
                            actualCounts[b],
                            referenceProportion,
                            actualProportion,
                            r,
                            a,
                            term));
        }
        return new PopulationStability(bins, psi);
    }

    /** Bins without reference values. */
    public int emptyReferenceBins() {
        return (int) bins.stream().filter(bin -> bin.referenceCount() == 0).count();
    }

    /** Bins without current values. */
    public int emptyActualBins() {
        return (int) bins.stream().filter(bin -> bin.actualCount() == 0).count();
    }

    /** Right-closed: value v goes to bin k (0-based) where k = the number of cut points below v. */
    private static int[] countPerBin(double[] values, double[] ascendingCuts) {
        int[] counts = new int[ascendingCuts.length + 1];
        for (double value : values) {
            counts[cutsBelow(ascendingCuts, value)]++;
        }
        return counts;
    }

    /** The number of cut points strictly below {@code value}, by binary search. */
    private static int cutsBelow(double[] ascendingCuts, double value) {
        int low = 0;
        int high = ascendingCuts.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ascendingCuts[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
