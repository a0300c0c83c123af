package io.arbiter.operators.features;

import io.arbiter.operators.policy.RegimePolicy;
import io.arbiter.schemas.Regime;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Names a symbol's volatility regime from its ATR% (DOMAIN.md §5): against the percentiles of its
 * own last {@code windowBars} defined ATR% values (the current one included), or against fixed cut
 * points. Percentiles are R's type 7 (linear interpolation, {@code h = (n − 1)p}), so they can be
 * checked against {@code quantile()}.
 *
 * <p>The window is kept twice: in arrival order (to know what to evict) and sorted (to read
 * percentiles); an update is a binary search and one array shift of at most {@code windowBars}
 * values.
 */
public final class RegimeClassifier {

    private double[] arrival; // ring buffer, oldest at head
    private double[] sorted; // first count values sorted ascending
    private int head;
    private int count;

    public RegimeClassifier(int windowBars) {
        this.arrival = new double[windowBars];
        this.sorted = new double[windowBars];
    }

    /**
     * Adds this bar's ATR% (NaN before ATR is defined: ignored) and names the regime. The policy is
     * passed on every call, not kept, so a restored state follows the policy in force.
     */
    public Regime update(double atrPct, RegimePolicy policy) {
        if (Double.isNaN(atrPct)) {
            return Regime.UNKNOWN;
        }
        if (policy.hasCutPoints()) {
            return classify(atrPct, policy.cutPoints().get(0), policy.cutPoints().get(1));
        }
        if (arrival.length != policy.windowBars()) {
            resize(policy.windowBars());
        }
        add(atrPct);
        if (count < policy.minHistoryBars()) {
            return Regime.UNKNOWN;
        }
        return classify(
                atrPct, percentile(policy.lowPercentile()), percentile(policy.highPercentile()));
    }

    private static Regime classify(double value, double lowCut, double highCut) {
        if (value <= lowCut) {
            return Regime.LOW_VOL;
        }
        return value <= highCut ? Regime.MED_VOL : Regime.HIGH_VOL;
    }

    /** R's quantile type 7 of the window. */
    double percentile(double p) {
        double h = (count - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo + 1 >= count) {
            return sorted[count - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    private void add(double value) {
        if (count == arrival.length) {
            double evicted = arrival[head];
            remove(evicted);
            arrival[head] = value;
            head = (head + 1) % arrival.length;
        } else {
            arrival[(head + count) % arrival.length] = value;
        }
        insert(value);
    }

    /** Keeps the newest values in a window of another length (the policy changed). */
    private void resize(int windowBars) {
        double[] newest = new double[Math.min(count, windowBars)];
        for (int i = 0; i < newest.length; i++) {
            newest[i] = arrival[(head + count - newest.length + i) % arrival.length];
        }
        arrival = new double[windowBars];
        sorted = new double[windowBars];
        head = 0;
        count = 0;
        for (double value : newest) {
            add(value);
        }
    }

    private void insert(double value) {
        int at = Arrays.binarySearch(sorted, 0, count, value);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = value;
        count++;
    }

    private void remove(double value) {
        int at = Arrays.binarySearch(sorted, 0, count, value);
        System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
        count--;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(arrival.length);
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeDouble(arrival[(head + i) % arrival.length]);
        }
    }

    public static RegimeClassifier readFrom(DataInput in) throws IOException {
        RegimeClassifier classifier = new RegimeClassifier(in.readInt());
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            classifier.add(in.readDouble());
        }
        return classifier;
    }
}
