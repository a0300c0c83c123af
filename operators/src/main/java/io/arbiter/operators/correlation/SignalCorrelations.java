package io.arbiter.operators.correlation;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Pairwise correlation of one book's models' signals (DOMAIN §1): signals are aligned on (symbol,
 * bar time), and each pair of models that both signalled a (symbol, bar time) adds one (x, y)
 * observation to the pair's rolling Pearson correlation over a window of event time ({@link
 * BucketedCorrelation}: {@code windowBuckets} buckets of {@code bucket} length, e.g. 30 days).
 *
 * <pre>{@code
 * SignalCorrelations book = new SignalCorrelations(Duration.ofDays(1), 30, Duration.ofDays(1));
 * for (PairCorrelation pair : book.observe("gbdt", "AAPL", barMillis, pCal)) {
 *     if (pair.correlation() > flagAbove) flag(pair);
 * }
 * }</pre>
 *
 * <p>Memory is bounded three ways. A signal waits for its partners for {@code alignmentHorizon} of
 * event time behind the newest bar time seen; older ones are dropped, and a signal that arrives
 * older than that is ignored (counted), since its partners may be gone. Each pair keeps at most
 * {@code windowBuckets} summaries. A pair without an observation in the window is forgotten.
 *
 * <p>A model's second value for the same (symbol, bar time) is ignored (counted): its pairs were
 * already formed with the first. Non-finite values are ignored (counted).
 */
public final class SignalCorrelations {

    private static final byte FORMAT = 1;

    /** Bound on entries a snapshot may declare; guards against allocating from a corrupt stream. */
    private static final int MAX_ENTRIES = 1 << 24;

    /** Two model ids, in order. */
    private record ModelPair(String first, String second) implements Comparable<ModelPair> {
        static ModelPair of(String a, String b) {
            return a.compareTo(b) <= 0 ? new ModelPair(a, b) : new ModelPair(b, a);
        }

        @Override
        public int compareTo(ModelPair other) {
            int c = first.compareTo(other.first);
            return c != 0 ? c : second.compareTo(other.second);
        }
    }

    private final long bucketMillis;
    private final int windowBuckets;
    private final long horizonMillis;
    // bar time → symbol → model → value, for signals still waiting for partners
    private final NavigableMap<Long, Map<String, Map<String, Double>>> pending = new TreeMap<>();
    private final Map<ModelPair, BucketedCorrelation> pairs = new TreeMap<>();
    private long newest = Long.MIN_VALUE;
    private long ignored;

    /**
     * @param bucket the window's granularity (a UTC day in the stream)
     * @param windowBuckets the window in buckets (the policy's 30 days)
     * @param alignmentHorizon how long a signal waits for other models' signals of its (symbol, bar
     *     time), in event time behind the newest bar time
     */
    public SignalCorrelations(Duration bucket, int windowBuckets, Duration alignmentHorizon) {
        this(
                requirePositive(bucket, "bucket"),
                windowBuckets,
                requireNonNegative(alignmentHorizon));
    }

    private SignalCorrelations(long bucketMillis, int windowBuckets, long horizonMillis) {
        if (windowBuckets < 1 || windowBuckets > StateIo.MAX_WINDOW) {
            throw new IllegalArgumentException("window buckets must be 1.." + StateIo.MAX_WINDOW);
        }
        this.bucketMillis = bucketMillis;
        this.windowBuckets = windowBuckets;
        this.horizonMillis = horizonMillis;
    }

    private static long requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d.toMillis();
    }

    private static long requireNonNegative(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("alignment horizon must be >= 0: " + d);
        }
        return d.toMillis();
    }

    /**
     * One model's signal value for a symbol's bar. Returns the pairs this observation updated, with
     * their correlation now (empty when no other model has signalled that bar yet).
     */
    public List<PairCorrelation> observe(String model, String symbol, long barTime, double value) {
        if (!Double.isFinite(value) || (newest != Long.MIN_VALUE && barTime < cutoff())) {
            ignored++;
            return List.of();
        }
        if (barTime > newest) {
            long previousBucket = newest == Long.MIN_VALUE ? Long.MIN_VALUE : bucketOf(newest);
            newest = barTime;
            pending.headMap(cutoff(), false).clear();
            if (bucketOf(newest) > previousBucket) {
                forgetStalePairs();
            }
        }
        Map<String, Double> signals =
                pending.computeIfAbsent(barTime, t -> new TreeMap<>())
                        .computeIfAbsent(symbol, s -> new TreeMap<>());
        if (signals.containsKey(model)) {
            ignored++;
            return List.of();
        }
        List<PairCorrelation> updated = new ArrayList<>(signals.size());
        long at = bucketOf(barTime);
        for (Map.Entry<String, Double> other : signals.entrySet()) {
            ModelPair pair = ModelPair.of(model, other.getKey());
            boolean modelFirst = pair.first().equals(model);
            double x = modelFirst ? value : other.getValue();
            double y = modelFirst ? other.getValue() : value;
            BucketedCorrelation window =
                    pairs.computeIfAbsent(pair, p -> new BucketedCorrelation(windowBuckets));
            window.add(at, x, y);
            updated.add(
                    new PairCorrelation(
                            pair.first(),
                            pair.second(),
                            window.correlation(),
                            window.observations()));
        }
        signals.put(model, value);
        return updated;
    }

    /** Every pair's correlation over the window ending at the newest bar time's bucket. */
    public List<PairCorrelation> pairs() {
        List<PairCorrelation> all = new ArrayList<>(pairs.size());
        for (Map.Entry<ModelPair, BucketedCorrelation> entry : pairs.entrySet()) {
            BucketedCorrelation window = entry.getValue();
            window.advanceTo(bucketOf(newest));
            all.add(
                    new PairCorrelation(
                            entry.getKey().first(),
                            entry.getKey().second(),
                            window.correlation(),
                            window.observations()));
        }
        return all;
    }

    /** Signals that were not used: late beyond the horizon, non-finite, or repeated. */
    public long ignored() {
        return ignored;
    }

    /** Signals waiting for partners. */
    public int pendingSignals() {
        int count = 0;
        for (Map<String, Map<String, Double>> bySymbol : pending.values()) {
            for (Map<String, Double> signals : bySymbol.values()) {
                count += signals.size();
            }
        }
        return count;
    }

    /** Once per bucket: moves every pair's window along and forgets the pairs left empty. */
    private void forgetStalePairs() {
        long now = bucketOf(newest);
        Iterator<BucketedCorrelation> it = pairs.values().iterator();
        while (it.hasNext()) {
            BucketedCorrelation window = it.next();
            window.advanceTo(now);
            if (window.observations() == 0) {
                it.remove();
            }
        }
    }

    private long cutoff() {
        long cutoff = newest - horizonMillis;
        return cutoff > newest ? Long.MIN_VALUE : cutoff;
    }

    private long bucketOf(long time) {
        return Math.floorDiv(time, bucketMillis);
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeLong(bucketMillis);
        out.writeInt(windowBuckets);
        out.writeLong(horizonMillis);
        out.writeLong(newest);
        out.writeLong(ignored);
        out.writeInt(pendingSignals());
        for (Map.Entry<Long, Map<String, Map<String, Double>>> byTime : pending.entrySet()) {
            for (Map.Entry<String, Map<String, Double>> bySymbol : byTime.getValue().entrySet()) {
                for (Map.Entry<String, Double> signal : bySymbol.getValue().entrySet()) {
                    out.writeLong(byTime.getKey());
                    out.writeUTF(bySymbol.getKey());
                    out.writeUTF(signal.getKey());
                    StateIo.writeDouble(out, signal.getValue());
                }
            }
        }
        out.writeInt(pairs.size());
        for (Map.Entry<ModelPair, BucketedCorrelation> entry : pairs.entrySet()) {
            out.writeUTF(entry.getKey().first());
            out.writeUTF(entry.getKey().second());
            entry.getValue().writeTo(out);
        }
    }

    public static SignalCorrelations readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown SignalCorrelations state format " + format);
        }
        long bucketMillis = in.readLong();
        int windowBuckets = StateIo.readWindow(in);
        long horizonMillis = in.readLong();
        StateIo.check(bucketMillis > 0 && horizonMillis >= 0, "bucket or horizon");
        SignalCorrelations c = new SignalCorrelations(bucketMillis, windowBuckets, horizonMillis);
        c.newest = in.readLong();
        c.ignored = in.readLong();
        int signals = StateIo.readCount(in, MAX_ENTRIES, "pending signals");
        for (int i = 0; i < signals; i++) {
            long time = in.readLong();
            String symbol = in.readUTF();
            String model = in.readUTF();
            double value = StateIo.readDouble(in);
            c.pending
                    .computeIfAbsent(time, t -> new TreeMap<>())
                    .computeIfAbsent(symbol, s -> new TreeMap<>())
                    .put(model, value);
        }
        int pairCount = StateIo.readCount(in, MAX_ENTRIES, "pairs");
        for (int i = 0; i < pairCount; i++) {
            ModelPair pair = new ModelPair(in.readUTF(), in.readUTF());
            StateIo.check(pair.first().compareTo(pair.second()) < 0, "pair out of order");
            c.pairs.put(pair, BucketedCorrelation.readFrom(in));
        }
        return c;
    }
}
