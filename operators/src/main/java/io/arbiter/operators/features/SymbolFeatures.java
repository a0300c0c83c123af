package io.arbiter.operators.features;

import io.arbiter.operators.policy.FeaturePolicy;
import io.arbiter.operators.time.Admission;
import io.arbiter.operators.time.EventTimeBuffer;
import io.arbiter.operators.time.LatePolicy;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.Regime;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything Arbiter knows about one symbol's features: its indicators, regime, window of
 * normalised rows and the out-of-order bars waiting for the watermark. The stream (one per key in
 * {@code FeatureFunction}) and the batch CLI run this same class, so their vectors are identical.
 *
 * <p>Bars are offered in any order and processed in event-time order: {@link #offer} holds a bar in
 * an {@link EventTimeBuffer} (late bars refused, one bar per time), {@link #releaseUpTo} processes
 * every held bar up to a time. Gaps are not filled.
 */
public final class SymbolFeatures {

    /** Id of the feature set: the names of {@link FeatureVector#getValues()} and window rows. */
    public static final String FEATURE_SET = "ttr28-norm8-v1";

    /** Format 2 holds the pending bars in the event-time buffer's form; format 1 is still read. */
    private static final byte FORMAT = 2;

    private static final byte FORMAT_OWN_PENDING_LIST = 1;

    /** One bar per symbol and time: two bars of one time are a duplicate whatever their prices. */
    private static final Comparator<PendingBar> SAME_TIME_SAME_BAR = (a, b) -> 0;

    private static final int ATR_PCT = IndicatorEngine.COLUMNS.indexOf("atr_pct");

    private final String symbol;
    private final IndicatorEngine engine;
    private final RegimeClassifier regime;
    private FeatureWindow window;
    private final EventTimeBuffer<PendingBar> pending;
    private long lastProcessedTime = Long.MIN_VALUE;

    private final double[] values = new double[IndicatorEngine.COLUMNS.size()];
    private final float[] row = new float[NormalisedFeatures.NAMES.size()];

    /** A symbol never seen before, sized by {@code policy}. */
    public SymbolFeatures(String symbol, FeaturePolicy policy) {
        this(
                symbol,
                new IndicatorEngine(),
                new RegimeClassifier(policy.regime().windowBars()),
                new FeatureWindow(policy.windowBars(), NormalisedFeatures.NAMES.size()),
                newPending(policy.maxPendingBars()));
    }

    private SymbolFeatures(
            String symbol,
            IndicatorEngine engine,
            RegimeClassifier regime,
            FeatureWindow window,
            EventTimeBuffer<PendingBar> pending) {
        this.symbol = symbol;
        this.engine = engine;
        this.regime = regime;
        this.window = window;
        this.pending = pending;
    }

    private static EventTimeBuffer<PendingBar> newPending(int maxPending) {
        return new EventTimeBuffer<>(SAME_TIME_SAME_BAR, LatePolicy.REFUSE, maxPending);
    }

    /**
     * Takes a bar of this symbol unless it is a duplicate (of a held bar or of the last processed
     * one), late (at or behind {@code watermark}, or behind what was already processed) or the
     * pending buffer is full, checked in that order: {@link Admission#HELD}, {@link
     * Admission#DUPLICATE}, {@link Admission#LATE} or {@link Admission#FULL}.
     */
    public Admission offer(Bar bar, long watermark, FeaturePolicy policy) {
        long time = bar.getTime().toEpochMilli();
        if (time == lastProcessedTime) {
            return Admission.DUPLICATE; // released already, so the buffer no longer knows it
        }
        pending.setMaxPending(policy.maxPendingBars()); // the policy in force now, not at restore
        // Behind the last processed bar is as late as behind the watermark: its turn has passed.
        return pending.offer(PendingBar.of(bar), time, Math.max(watermark, lastProcessedTime));
    }

    /**
     * Processes, in time order, every held bar at or before {@code time}. The policy is passed in,
     * not kept, so a state restored from a savepoint follows the policy in force now.
     */
    public void releaseUpTo(long time, FeaturePolicy policy, Consumer<FeatureVector> out) {
        if (window.bars() != policy.windowBars()) {
            window = window.resized(policy.windowBars());
        }
        pending.releaseUpTo(time, bar -> out.accept(process(bar, policy)));
    }

    /** Bars waiting for the watermark. */
    public int pendingCount() {
        return pending.size();
    }

    /** Event time of the oldest held bar, or {@link Long#MAX_VALUE} when none is held. */
    public long oldestPendingTime() {
        return pending.nextTime();
    }

    private FeatureVector process(PendingBar bar, FeaturePolicy policy) {
        engine.update(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(), values);
        Regime named = regime.update(values[ATR_PCT], policy.regime());
        NormalisedFeatures.compute(bar.close(), values, row);
        window.push(row);
        lastProcessedTime = bar.time();
        List<Double> boxed = new ArrayList<>(values.length);
        for (double value : values) {
            boxed.add(value);
        }
        return FeatureVector.newBuilder()
                .setSymbol(symbol)
                .setTime(Instant.ofEpochMilli(bar.time()))
                .setClose(bar.close())
                .setFeatureSet(FEATURE_SET)
                .setValues(boxed)
                .setRegime(named)
                .setWindowFeatures(window.bars() == 0 ? 0 : window.width())
                .setWindow(window.toBytes())
                .build();
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(symbol);
        out.writeLong(lastProcessedTime);
        engine.writeTo(out);
        regime.writeTo(out);
        window.writeTo(out);
        pending.writeTo(out, (o, bar) -> bar.writeTo(o));
    }

    /**
     * Reads format 2 or 1. The pending limit is not state: until the next {@link #offer} brings the
     * policy in force, the restored buffer has none.
     */
    public static SymbolFeatures readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT && format != FORMAT_OWN_PENDING_LIST) {
            throw new IOException("unknown SymbolFeatures state format " + format);
        }
        String symbol = in.readUTF();
        long lastProcessed = in.readLong();
        IndicatorEngine engine = IndicatorEngine.readFrom(in);
        RegimeClassifier regime = RegimeClassifier.readFrom(in);
        FeatureWindow window = FeatureWindow.readFrom(in);
        EventTimeBuffer<PendingBar> pending =
                format == FORMAT
                        ? EventTimeBuffer.readFrom(
                                in,
                                PendingBar::readFrom,
                                SAME_TIME_SAME_BAR,
                                LatePolicy.REFUSE,
                                Integer.MAX_VALUE)
                        : readOwnPendingList(in);
        SymbolFeatures features = new SymbolFeatures(symbol, engine, regime, window, pending);
        features.lastProcessedTime = lastProcessed;
        return features;
    }

    /** Format 1's pending bars: a count, then each bar (its time first), sorted by time. */
    private static EventTimeBuffer<PendingBar> readOwnPendingList(DataInput in) throws IOException {
        EventTimeBuffer<PendingBar> pending = newPending(Integer.MAX_VALUE);
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("corrupt SymbolFeatures state: " + count + " pending bars");
        }
        for (int i = 0; i < count; i++) {
            PendingBar bar = PendingBar.readFrom(in);
            if (pending.offer(bar, bar.time(), Long.MIN_VALUE) != Admission.HELD) {
                throw new IOException(
                        "corrupt SymbolFeatures state: two pending bars at " + bar.time());
            }
        }
        return pending;
    }
}
