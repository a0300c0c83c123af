package io.arbiter.stream.models;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import io.arbiter.models.signals.SignalScoring;
import io.arbiter.operators.time.Admission;
import io.arbiter.operators.time.EventTimeBuffer;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.stream.metrics.Tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives each external signal the volatility regime of its symbol at its bar, keyed by symbol: an
 * {@link ExternalSignal} carries no regime, and the gate's threshold and calibrator depend on it.
 *
 * <p>The regime of a signal at time t is that of the symbol's latest feature vector at or before t.
 * Signals wait in an {@link EventTimeBuffer} until the watermark passes t; the feature function
 * releases bars in time order up to its watermark, so by then every vector up to t has arrived and
 * the answer no longer depends on arrival order. Signals of one time leave in {@link
 * WaitingSignals#ORDER} (model, version, side, probability), never in arrival order; a second copy
 * of a waiting signal (equal in all of them) is dropped and counted ({@code external.duplicate}). A
 * signal that arrives after the watermark passed its time is joined at once ({@link
 * Admission#DUE_NOW}) with what is still held (the regimes since the oldest waiting signal, at
 * least the latest); if its bar is older than that, its regime is UNKNOWN and the gate will not
 * pass it.
 *
 * <p>State per symbol: the regimes (map state), the waiting signals (one value, the buffer's binary
 * form) and the time of the oldest of them (read for every vector, so a vector never deserializes
 * the buffer). Savepoints taken before the buffer hold the waiting signals in a list state ({@code
 * waiting-signals}); they move into the buffer the first time their symbol sees a signal or a
 * timer, and the list is cleared.
 *
 * <p>The output is the signal as an ungated {@link ModelSignal} (regime set, p_raw = p_win, gate
 * UNKNOWN); {@link ExternalSignalGate} calibrates and gates it with its model's calibrators.
 */
public final class ExternalRegimeJoin
        extends KeyedCoProcessFunction<String, FeatureVector, ExternalSignal, ModelSignal> {

    private static final long serialVersionUID = 1L;

    /** The symbol's signals waiting for the watermark; cleared when none waits. */
    static final ValueStateDescriptor<EventTimeBuffer<ExternalSignal>> WAITING =
            new ValueStateDescriptor<>("waiting", WaitingSignalsSerializer.INSTANCE);

    /** Bar time → (regime, close, ATR) of the symbol's feature vector at that time. */
    private transient MapState<Long, Tuple3<String, Double, Double>> regimes;

    private transient ValueState<EventTimeBuffer<ExternalSignal>> waiting;

    /** Where savepoints before the buffer kept the waiting signals; read once per symbol. */
    private transient ListState<ExternalSignal> waitingBeforeBuffer;

    private transient ValueState<Long> oldestWaiting;
    private transient Tally duplicates;

    @Override
    public void open(OpenContext context) {
        regimes =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "regimes",
                                        Types.LONG,
                                        Types.<Tuple3<String, Double, Double>>TUPLE(
                                                Types.STRING, Types.DOUBLE, Types.DOUBLE)));
        waiting = getRuntimeContext().getState(WAITING);
        waitingBeforeBuffer =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "waiting-signals",
                                        new AvroTypeInfo<>(ExternalSignal.class)));
        oldestWaiting =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("oldest-waiting", Types.LONG));
        duplicates = new Tally(getRuntimeContext(), "externalDuplicate", "external.duplicate");
    }

    @Override
    public void processElement1(FeatureVector vector, Context ctx, Collector<ModelSignal> out)
            throws Exception {
        long time = vector.getTime().toEpochMilli();
        if (oldestWaiting.value() == null) {
            // Nothing waits: only the newest regime can still be asked for (by a late signal).
            regimes.clear();
        }
        regimes.put(
                time,
                Tuple3.of(
                        vector.getRegime().name(), vector.getClose(), SignalScoring.atrOf(vector)));
    }

    @Override
    public void processElement2(ExternalSignal signal, Context ctx, Collector<ModelSignal> out)
            throws Exception {
        long time = signal.getTime().toEpochMilli();
        EventTimeBuffer<ExternalSignal> held = waitingSignals();
        switch (held.offer(copy(signal), time, ctx.timerService().currentWatermark())) {
            case DUE_NOW -> out.collect(joined(signal, barAt(time)));
            case HELD -> {
                waiting.update(held);
                Long oldest = oldestWaiting.value();
                if (oldest == null || time < oldest) {
                    oldestWaiting.update(time);
                }
                // One timer per waiting time: signals leave when the watermark passes their own
                // time, in timer order across symbols, as they did before the buffer.
                ctx.timerService().registerEventTimeTimer(time);
            }
            case DUPLICATE -> duplicates.increment();
            default -> throw new IllegalStateException("the waiting signals have no limit");
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ModelSignal> out)
            throws Exception {
        EventTimeBuffer<ExternalSignal> held = waitingSignals();
        // Emission order: time, then WaitingSignals.ORDER — never arrival order.
        for (ExternalSignal signal : held.releaseUpTo(timestamp)) {
            out.collect(joined(signal, barAt(signal.getTime().toEpochMilli())));
        }
        Long oldest = held.isEmpty() ? null : held.nextTime();
        if (oldest == null) {
            waiting.clear();
        } else {
            waiting.update(held);
        }
        oldestWaiting.update(oldest);
        forgetRegimesBefore(oldest == null ? timestamp : Math.min(oldest, timestamp));
    }

    /** The symbol's waiting signals, with those of a savepoint taken before the buffer moved in. */
    private EventTimeBuffer<ExternalSignal> waitingSignals() throws Exception {
        EventTimeBuffer<ExternalSignal> held = waiting.value();
        if (held == null) {
            held = WaitingSignals.empty();
        }
        Iterable<ExternalSignal> before = waitingBeforeBuffer.get();
        if (before != null && before.iterator().hasNext()) {
            for (ExternalSignal signal : before) {
                held.offer(signal, signal.getTime().toEpochMilli(), Long.MIN_VALUE);
            }
            waitingBeforeBuffer.clear();
            waiting.update(held);
        }
        return held;
    }

    /** (regime, close, ATR) of the latest vector at or before {@code time}; null when none. */
    private Tuple3<String, Double, Double> barAt(long time) throws Exception {
        long best = Long.MIN_VALUE;
        Tuple3<String, Double, Double> bar = null;
        for (Map.Entry<Long, Tuple3<String, Double, Double>> entry : regimes.entries()) {
            if (entry.getKey() <= time && entry.getKey() > best) {
                best = entry.getKey();
                bar = entry.getValue();
            }
        }
        return bar;
    }

    private static ModelSignal joined(ExternalSignal signal, Tuple3<String, Double, Double> bar) {
        if (bar == null) {
            return ungated(signal, Regime.UNKNOWN);
        }
        ModelSignal joined = ungated(signal, Regime.valueOf(bar.f0));
        joined.setClose(bar.f1);
        joined.setAtr(bar.f2);
        return joined;
    }

    /** Drops every regime older than the latest one at or before {@code time}. */
    private void forgetRegimesBefore(long time) throws Exception {
        long keep = Long.MIN_VALUE;
        for (Long t : regimes.keys()) {
            if (t <= time && t > keep) {
                keep = t;
            }
        }
        List<Long> old = new ArrayList<>();
        for (Long t : regimes.keys()) {
            if (t < keep) {
                old.add(t);
            }
        }
        for (Long t : old) {
            regimes.remove(t);
        }
    }

    private static ExternalSignal copy(ExternalSignal signal) {
        return ExternalSignal.newBuilder(signal).build();
    }

    static ModelSignal ungated(ExternalSignal signal, Regime regime) {
        return ModelSignal.newBuilder()
                .setModel(signal.getModel())
                .setVersion(signal.getVersion())
                .setSymbol(signal.getSymbol())
                .setTime(signal.getTime())
                .setRegime(regime)
                .setPRaw(signal.getPWin())
                .setPCal(Double.NaN)
                .setSide(signal.getSide())
                .setGate(GateDecision.UNKNOWN)
                .setGateThreshold(Double.NaN)
                .setExternal(true)
                .build();
    }
}
