package io.arbiter.operators.features;

import io.arbiter.operators.policy.FeaturePolicy;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.Regime;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything Arbiter knows about one symbol's features: its indicators, regime, window of
 * normalised rows and the out-of-order bars waiting for the watermark. The stream (one per key in
 * {@code FeatureFunction}) and the batch CLI run this same class, so their vectors are identical.
 *
 * <p>Bars are offered in any order and processed in event-time order: {@link #offer} holds a bar,
 * {@link #releaseUpTo} processes every held bar up to a time. Gaps are not filled.
 */
public final class SymbolFeatures {

    /** Id of the feature set: the names of {@link FeatureVector#getValues()} and window rows. */
    public static final String FEATURE_SET = "ttr28-norm8-v1";

    private static final byte FORMAT = 1;

    private static final int ATR_PCT = IndicatorEngine.COLUMNS.indexOf("atr_pct");

    private final String symbol;
    private final IndicatorEngine engine;
    private final RegimeClassifier regime;
    private FeatureWindow window;
    private final PendingBars pending = new PendingBars();
    private long lastProcessedTime = Long.MIN_VALUE;

    private final double[] values = new double[IndicatorEngine.COLUMNS.size()];
    private final float[] row = new float[NormalisedFeatures.NAMES.size()];

    /** A symbol never seen before, sized by {@code policy}. */
    public SymbolFeatures(String symbol, FeaturePolicy policy) {
        this(
                symbol,
                new IndicatorEngine(),
                new RegimeClassifier(policy.regime().windowBars()),
                new FeatureWindow(policy.windowBars(), NormalisedFeatures.NAMES.size()));
    }

    private SymbolFeatures(
            String symbol, IndicatorEngine engine, RegimeClassifier regime, FeatureWindow window) {
        this.symbol = symbol;
        this.engine = engine;
        this.regime = regime;
        this.window = window;
    }

    /**
     * Takes a bar of this symbol unless it is a duplicate, late (at or behind {@code watermark}, or
     * behind what was already processed) or the pending buffer is full.
     */
    public Admission offer(Bar bar, long watermark, FeaturePolicy policy) {
        long time = bar.getTime().toEpochMilli();
        if (time == lastProcessedTime || pending.contains(time)) {
            return Admission.DUPLICATE;
        }
        if (time < lastProcessedTime || time <= watermark) {
            return Admission.LATE;
        }
        if (pending.size() >= policy.maxPendingBars()) {
            return Admission.BUFFER_FULL;
        }
        pending.add(PendingBar.of(bar));
        return Admission.ACCEPTED;
    }

    /**
     * Processes, in time order, every held bar at or before {@code time}. The policy is passed in,
     * not kept, so a state restored from a savepoint follows the policy in force now.
     */
    public void releaseUpTo(long time, FeaturePolicy policy, Consumer<FeatureVector> out) {
        if (window.bars() != policy.windowBars()) {
            window = window.resized(policy.windowBars());
        }
        while (!pending.isEmpty() && pending.firstTime() <= time) {
            out.accept(process(pending.pollFirst(), policy));
        }
    }

    /** Bars waiting for the watermark. */
    public int pendingCount() {
        return pending.size();
    }

    /** Event time of the oldest held bar, or {@link Long#MAX_VALUE} when none is held. */
    public long oldestPendingTime() {
        return pending.isEmpty() ? Long.MAX_VALUE : pending.firstTime();
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
        out.writeInt(pending.size());
        for (PendingBar bar : pending.inOrder()) {
            bar.writeTo(out);
        }
    }

    public static SymbolFeatures readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown SymbolFeatures state format " + format);
        }
        String symbol = in.readUTF();
        long lastProcessed = in.readLong();
        IndicatorEngine engine = IndicatorEngine.readFrom(in);
        RegimeClassifier regime = RegimeClassifier.readFrom(in);
        FeatureWindow window = FeatureWindow.readFrom(in);
        SymbolFeatures features = new SymbolFeatures(symbol, engine, regime, window);
        features.lastProcessedTime = lastProcessed;
        int pendingCount = in.readInt();
        for (int i = 0; i < pendingCount; i++) {
            PendingBar bar = PendingBar.readFrom(in);
            features.pending.add(bar);
        }
        return features;
    }
}
