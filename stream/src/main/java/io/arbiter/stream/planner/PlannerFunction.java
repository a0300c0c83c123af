package io.arbiter.stream.planner;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.arbiter.operators.planner.Candidate;
import io.arbiter.operators.planner.PlanResult;
import io.arbiter.operators.planner.RejectReason;
import io.arbiter.operators.planner.TradePlanner;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.BookEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.TradeIntent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A book's trade planner in the stream, keyed by book: its fills, its allocations and every model
 * signal wait in state until the watermark passes their time; then, per bar time, fills and
 * allocations apply first and the signals of that time are planned together (ranked, sized under
 * the guardrails) into {@link TradeIntent}s for orders.intents. Every rejected candidate is counted
 * by reason in the {@code arbiter} metric group; the book's gates that move under the coverage rule
 * leave as governance events on {@link #GATE_STEPS}.
 */
public final class PlannerFunction extends KeyedProcessFunction<String, BookEvent, TradeIntent> {

    private static final long serialVersionUID = 1L;

    /** A book's gate that moved under the coverage rule (gov.events). */
    public static final OutputTag<GovernanceEvent> GATE_STEPS =
            new OutputTag<>("gate-steps", new AvroTypeInfo<>(GovernanceEvent.class));

    private final Policy policy;

    private transient ValueState<byte[]> planner;
    private transient MapState<Long, List<BookEvent>> waiting;
    private transient Counter intents;
    private transient Map<RejectReason, Counter> rejected;

    public PlannerFunction(Policy policy) {
        this.policy = policy;
    }

    @Override
    public void open(OpenContext context) {
        planner =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "planner",
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        waiting =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "waiting-inputs",
                                        Types.LONG,
                                        Types.LIST(new AvroTypeInfo<>(BookEvent.class))));
        var metrics = getRuntimeContext().getMetricGroup().addGroup("arbiter");
        intents = metrics.counter("intentsOut");
        rejected = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, metrics.counter("plannerRejected_" + reason.name()));
        }
    }

    @Override
    public void processElement(BookEvent event, Context ctx, Collector<TradeIntent> out)
            throws Exception {
        long time = timeOf(event);
        // Behind the watermark already (a late input): planned at the next bar's time instead
        // of rewriting a past one.
        long at = Math.max(time, ctx.timerService().currentWatermark() + 1);
        List<BookEvent> atTime = waiting.get(at);
        List<BookEvent> updated = atTime == null ? new ArrayList<>() : new ArrayList<>(atTime);
        updated.add(BookEvent.newBuilder(event).build());
        waiting.put(at, updated);
        ctx.timerService().registerEventTimeTimer(at);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TradeIntent> out)
            throws Exception {
        List<BookEvent> due = waiting.get(timestamp);
        if (due == null) {
            return;
        }
        waiting.remove(timestamp);
        TradePlanner book = plannerOf(ctx.getCurrentKey());
        List<ModelSignal> signals = new ArrayList<>();
        for (BookEvent event : inApplyOrder(due)) {
            if (event.getFill() != null) {
                book.onFill(event.getFill().getFill());
            } else if (event.getAllocation() != null) {
                book.onAllocation(event.getAllocation());
            } else if (event.getSignal() != null) {
                signals.add(event.getSignal());
            }
        }
        if (!signals.isEmpty()) {
            List<Candidate> candidates = new ArrayList<>(signals.size());
            for (ModelSignal signal : signals) {
                candidates.add(Candidate.of(signal, signal.getClose(), signal.getAtr(), 0));
            }
            PlanResult result = book.plan(timestamp, candidates);
            for (GovernanceEvent step : result.gateSteps()) {
                ctx.output(GATE_STEPS, step);
            }
            for (TradeIntent intent : result.intents()) {
                out.collect(intent);
                intents.inc();
            }
            result.rejected().forEach((reason, count) -> rejected.get(reason).inc(count));
        }
        save(book);
    }

    /** Fills, then allocations, then signals (by model and symbol): never arrival order. */
    private static List<BookEvent> inApplyOrder(List<BookEvent> events) {
        List<BookEvent> ordered = new ArrayList<>(events);
        ordered.sort(
                java.util.Comparator.comparingInt(PlannerFunction::rank)
                        .thenComparing(PlannerFunction::identity));
        return ordered;
    }

    private static int rank(BookEvent event) {
        if (event.getFill() != null) {
            return 0;
        }
        return event.getAllocation() != null ? 1 : 2;
    }

    private static String identity(BookEvent event) {
        if (event.getFill() != null) {
            return event.getFill().getFill().getFillId();
        }
        if (event.getAllocation() != null) {
            return event.getAllocation().getTrigger();
        }
        ModelSignal s = event.getSignal();
        return s.getModel() + "|" + s.getSymbol() + "|" + s.getVersion();
    }

    static long timeOf(BookEvent event) {
        if (event.getFill() != null) {
            return event.getFill().getFill().getTime().toEpochMilli();
        }
        if (event.getAllocation() != null) {
            return event.getAllocation().getTime().toEpochMilli();
        }
        return event.getSignal().getTime().toEpochMilli();
    }

    private TradePlanner plannerOf(String book) throws Exception {
        byte[] bytes = planner.value();
        if (bytes == null) {
            return new TradePlanner(book, policy);
        }
        return TradePlanner.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)), policy);
    }

    private void save(TradePlanner book) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        book.writeTo(new DataOutputStream(bytes));
        planner.update(bytes.toByteArray());
    }
}
