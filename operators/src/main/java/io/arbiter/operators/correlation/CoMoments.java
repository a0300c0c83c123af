package io.arbiter.operators.correlation;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Count, means and centred second moments of (x, y) pairs, updated Welford-style: adding or
 * removing one pair moves the means and the co-moment {@code Cxy = Σ(x−x̄)(y−ȳ)} and the squares
 * {@code Mxx}, {@code Myy} by products of deviations, never by differences of large raw sums. Two
 * summaries merge exactly as Chan et al.'s parallel formula says, which is what lets a window be
 * kept as per-bucket summaries.
 */
public final class CoMoments {

    private long n;
    private double meanX;
    private double meanY;
    private double cxy;
    private double mxx;
    private double myy;

    public void add(double x, double y) {
        n++;
        double dx = x - meanX;
        meanX += dx / n;
        double dy = y - meanY;
        meanY += dy / n;
        // (x − old mean) × (y − new mean), the one-pass form of Σ(x−x̄)(y−ȳ).
        cxy += dx * (y - meanY);
        mxx += dx * (x - meanX);
        myy += dy * (y - meanY);
    }

    /** Removes a pair that was added (the inverse of {@link #add}). */
    public void remove(double x, double y) {
        if (n <= 1) {
            clear();
            return;
        }
        long rest = n - 1;
        double restMeanX = meanX + (meanX - x) / rest;
        double restMeanY = meanY + (meanY - y) / rest;
        cxy -= (x - restMeanX) * (y - meanY);
        mxx -= (x - restMeanX) * (x - meanX);
        myy -= (y - restMeanY) * (y - meanY);
        meanX = restMeanX;
        meanY = restMeanY;
        n = rest;
    }

    /** Adds every pair {@code other} summarises. */
    public void merge(CoMoments other) {
        merge(other.n, other.meanX, other.meanY, other.cxy, other.mxx, other.myy);
    }

    private void merge(long nb, double mxb, double myb, double cb, double mxxb, double myyb) {
        if (nb == 0) {
            return;
        }
        if (n == 0) {
            n = nb;
            meanX = mxb;
            meanY = myb;
            cxy = cb;
            mxx = mxxb;
            myy = myyb;
            return;
        }
        long total = n + nb;
        double dx = mxb - meanX;
        double dy = myb - meanY;
        double weight = (double) n * nb / total;
        cxy += cb + dx * dy * weight;
        mxx += mxxb + dx * dx * weight;
        myy += myyb + dy * dy * weight;
        meanX += dx * nb / total;
        meanY += dy * nb / total;
        n = total;
    }

    public void clear() {
        n = 0;
        meanX = 0;
        meanY = 0;
        cxy = 0;
        mxx = 0;
        myy = 0;
    }

    public void copyFrom(CoMoments other) {
        n = other.n;
        meanX = other.meanX;
        meanY = other.meanY;
        cxy = other.cxy;
        mxx = other.mxx;
        myy = other.myy;
    }

    public long count() {
        return n;
    }

    public double meanX() {
        return meanX;
    }

    public double meanY() {
        return meanY;
    }

    /**
     * Pearson's r = Cxy / √(Mxx·Myy), clamped to [−1, 1]; NaN with fewer than two pairs or when
     * either series has no spread (never a division by zero).
     */
    public double correlation() {
        return correlation(cxy, mxx, myy, n);
    }

    static double correlation(double cxy, double mxx, double myy, long n) {
        if (n < 2 || !(mxx > 0) || !(myy > 0)) {
            return Double.NaN;
        }
        double r = cxy / (Math.sqrt(mxx) * Math.sqrt(myy));
        return Math.max(-1, Math.min(1, r));
    }

    /** Pearson's r of this summary merged with {@code other}, without changing either. */
    public double correlationWith(CoMoments other) {
        if (other.n == 0) {
            return correlation();
        }
        if (n == 0) {
            return other.correlation();
        }
        long total = n + other.n;
        double dx = other.meanX - meanX;
        double dy = other.meanY - meanY;
        double weight = (double) n * other.n / total;
        return correlation(
                cxy + other.cxy + dx * dy * weight,
                mxx + other.mxx + dx * dx * weight,
                myy + other.myy + dy * dy * weight,
                total);
    }

    /**
     * Overwrites the second moments (a fresh two-pass value, or an exact 0 for a constant series).
     */
    void setMoments(double cxy, double mxx, double myy) {
        this.cxy = cxy;
        this.mxx = mxx;
        this.myy = myy;
    }

    void setMeans(double meanX, double meanY) {
        this.meanX = meanX;
        this.meanY = meanY;
    }

    double cxy() {
        return cxy;
    }

    double mxx() {
        return mxx;
    }

    double myy() {
        return myy;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(n);
        StateIo.writeDouble(out, meanX);
        StateIo.writeDouble(out, meanY);
        StateIo.writeDouble(out, cxy);
        StateIo.writeDouble(out, mxx);
        StateIo.writeDouble(out, myy);
    }

    public static CoMoments readFrom(DataInput in) throws IOException {
        CoMoments m = new CoMoments();
        m.n = in.readLong();
        StateIo.check(m.n >= 0, "negative count");
        m.meanX = StateIo.readDouble(in);
        m.meanY = StateIo.readDouble(in);
        m.cxy = StateIo.readDouble(in);
        m.mxx = StateIo.readDouble(in);
        m.myy = StateIo.readDouble(in);
        return m;
    }
}
