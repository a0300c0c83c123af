package io.arbiter.stream.broker;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import io.arbiter.operators.broker.BarAdmission;
import io.arbiter.operators.broker.BrokerInput;
import io.arbiter.operators.broker.BrokerOutput;
import io.arbiter.operators.broker.HeldInputs;
import io.arbiter.operators.broker.IntentAdmission;
import io.arbiter.operators.broker.PaperBroker;
import io.arbiter.operators.broker.PaperBrokerTerms;
import io.arbiter.operators.broker.TradeIntentValidator;
import io.arbiter.operators.ingest.DeadLetters;
import io.arbiter.operators.ingest.RawRecord;
import io.arbiter.operators.time.Admission;
import io.arbiter.operators.time.EventTimeBuffer;
import io.arbiter.operators.validation.Violation;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.schemas.codec.AvroCodec;
import io.arbiter.stream.ingest.DeadLetterOutput;
import io.arbiter.stream.metrics.Tally;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keyed by symbol: the paper broker over two inputs, orders (input 1) and bars (input 2), in event
 * time. Both are held in an {@link EventTimeBuffer} ({@link HeldInputs}) until the watermark passes
 * them and then handed to the symbol's {@link PaperBroker} in one fixed order (time; bars before
 * orders of the same time; orders by id), so the fills never depend on how the two inputs
 * interleaved on arrival. Fills go to the main output; refused and stale orders to {@link
 * DeadLetterOutput#TAG}, a repeated order already when it arrives (the buffer knows it).
 *
 * <p>One event-time timer per symbol at the earliest of its held records and its earliest entry
 * deadline: when it fires, everything the watermark has passed is released, then waiting orders
 * whose deadline the watermark has passed are dropped as stale, even for a symbol that never
 * trades, so no order waits in state for ever. A record that arrives behind the watermark (beyond
 * the out-of-orderness bound) is handed on at once ({@link Admission#DUE_NOW}), even when the
 * buffer is full, since it does not wait. That is the usual case for orders: the planner writes
 * them exactly once, so they become visible only at its next checkpoint, seconds after the bars
 * they were decided on, and the intents topic idles between orders, so the bars alone move the
 * watermark. The broker replays such an order against the bars it still holds ({@link
 * PaperBrokerTerms#barHistory()}), giving the fills an in-time arrival would have given; only an
 * order whose entry bar it no longer holds is dead-lettered as late.
 *
 * <p>Bars the broker cannot use (duplicates, late, malformed) are counted, not dead-lettered: the
 * Arbiter job reads the same bars topic and dead-letters them already, and a second copy of each
 * would only confuse the person reading the dead-letter topic.
 */
public class PaperBrokerFunction extends KeyedCoProcessFunction<String, TradeIntent, Bar, Fill> {

    private static final long serialVersionUID = 1L;

    /** Dead-letter stage of the orders this function refuses. */
    public static final String STAGE = "paper-broker";

    /**
     * The symbol's broker: waiting orders, open positions, its last bars (at most {@link
     * PaperBrokerTerms#barHistory()}). Kept for ever per symbol.
     */
    public static final ValueStateDescriptor<PaperBroker> BROKER =
            new ValueStateDescriptor<>("paper-broker", PaperBrokerSerializer.INSTANCE);

    /** The symbol's records waiting for the watermark; cleared whenever it empties. */
    public static final ValueStateDescriptor<EventTimeBuffer<BrokerInput>> PENDING =
            new ValueStateDescriptor<>("paper-broker-pending", PendingInputsSerializer.INSTANCE);

    private final PaperBrokerTerms terms;
    private final int maxPendingInputs;
    private final String intentsTopic;

    private transient ValueState<PaperBroker> broker;
    private transient ValueState<EventTimeBuffer<BrokerInput>> pending;
    private transient AvroCodec<TradeIntent> intents;
    private transient TradeIntentValidator validator;
    private transient Tally fillsOut;
    private transient Tally intentsQueued;
    private transient Tally intentsReplayed;
    private transient Tally intentsDeadLettered;
    private transient Tally barsApplied;
    private transient Tally barsIgnored;

    /**
     * @param terms slippage, fee and the waiting-order limits
     * @param maxPendingInputs records of one symbol held for the watermark at most; beyond, an
     *     order is dead-lettered ({@code buffer-full}) and a bar is counted and ignored, so a
     *     stalled watermark cannot grow state without bound
     * @param intentsTopic the orders' topic, named in dead letters
     */
    public PaperBrokerFunction(PaperBrokerTerms terms, int maxPendingInputs, String intentsTopic) {
        if (maxPendingInputs < 1) {
            throw new IllegalArgumentException("max pending inputs must be at least 1");
        }
        this.terms = terms;
        this.maxPendingInputs = maxPendingInputs;
        this.intentsTopic = intentsTopic;
    }

    @Override
    public void open(OpenContext openContext) {
        broker = getRuntimeContext().getState(BROKER);
        pending = getRuntimeContext().getState(PENDING);
        intents = AvroCodec.of(TradeIntent.class);
        validator = new TradeIntentValidator();
        fillsOut = new Tally(getRuntimeContext(), "brokerFills", "broker.fills");
        intentsQueued = new Tally(getRuntimeContext(), "brokerIntentsQueued", "broker.queued");
        intentsReplayed =
                new Tally(getRuntimeContext(), "brokerIntentsReplayed", "broker.replayed");
        intentsDeadLettered =
                new Tally(getRuntimeContext(), "brokerIntentsDeadLettered", "broker.dead-lettered");
        barsApplied = new Tally(getRuntimeContext(), "brokerBarsApplied", "broker.bars-applied");
        barsIgnored = new Tally(getRuntimeContext(), "brokerBarsIgnored", "broker.bars-ignored");
    }

    @Override
    public void processElement1(TradeIntent intent, Context ctx, Collector<Fill> out)
            throws Exception {
        EventTimeBuffer<BrokerInput> held = heldInputs();
        long earliestBefore = held.nextTime();
        long watermark = ctx.timerService().currentWatermark();
        BrokerInput input = BrokerInput.of(intent);
        Admission admission = held.offer(input, input.time(), watermark);
        switch (admission) {
            case HELD -> hold(held, earliestBefore, ctx);
            case DUE_NOW -> release(held, watermark, List.of(input), ctx, out);
            case DUPLICATE ->
                    deadLetter(
                            intent,
                            IntentAdmission.DUPLICATE,
                            refusal(intent, IntentAdmission.DUPLICATE, null),
                            ctx);
            default ->
                    deadLetter(
                            intent,
                            IntentAdmission.BUFFER_FULL,
                            "buffer-full: "
                                    + maxPendingInputs
                                    + " records of "
                                    + ctx.getCurrentKey()
                                    + " already wait for the watermark",
                            ctx);
        }
    }

    @Override
    public void processElement2(Bar bar, Context ctx, Collector<Fill> out) throws Exception {
        EventTimeBuffer<BrokerInput> held = heldInputs();
        long earliestBefore = held.nextTime();
        long watermark = ctx.timerService().currentWatermark();
        BrokerInput input = BrokerInput.of(bar);
        Admission admission = held.offer(input, input.time(), watermark);
        switch (admission) {
            case HELD -> hold(held, earliestBefore, ctx);
            case DUE_NOW -> release(held, watermark, List.of(input), ctx, out);
            default -> barsIgnored.increment(); // a second bar of its time, or no room
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Fill> out) throws Exception {
        release(heldInputs(), ctx.timerService().currentWatermark(), List.of(), ctx, out);
    }

    /** Keeps a record that waits for the watermark, with a timer if it is the earliest now. */
    private void hold(EventTimeBuffer<BrokerInput> held, long earliestBefore, Context ctx)
            throws Exception {
        pending.update(held);
        if (held.nextTime() < earliestBefore) {
            // One timer at the earliest held record is enough: it releases all that is due.
            ctx.timerService().registerEventTimeTimer(held.nextTime());
        }
    }

    /**
     * Hands the records due now ({@code dueNow}, already behind the watermark) and every held
     * record up to {@code watermark} to the broker in order, drops the orders whose deadline the
     * watermark has passed, and sets the next timer. Held records due are normally none when a
     * record arrives: the timer at the earliest of them has released them as the watermark passed
     * it.
     */
    private void release(
            EventTimeBuffer<BrokerInput> held,
            long watermark,
            List<BrokerInput> dueNow,
            Context ctx,
            Collector<Fill> out)
            throws Exception {
        PaperBroker symbolBroker = broker.value();
        if (symbolBroker == null) {
            symbolBroker = new PaperBroker(ctx.getCurrentKey());
        }
        PaperBroker current = symbolBroker;
        BrokerOutput output =
                new BrokerOutput() {
                    @Override
                    public void fill(Fill fill) {
                        fillsOut.increment();
                        out.collect(fill);
                    }

                    @Override
                    public void dropped(
                            TradeIntent intent, IntentAdmission admission, String reason) {
                        deadLetter(intent, admission, reason, ctx);
                    }
                };
        for (BrokerInput input : dueNow) {
            apply(input, current, output, ctx);
        }
        for (BrokerInput input : held.releaseUpTo(watermark)) {
            apply(input, current, output, ctx);
        }
        current.expireUpTo(watermark, terms, output);
        broker.update(current);
        if (held.isEmpty()) {
            pending.clear();
        } else {
            pending.update(held);
        }
        long next = Math.min(held.nextTime(), current.nextDeadline(terms));
        if (next != Long.MAX_VALUE) {
            ctx.timerService().registerEventTimeTimer(next); // idempotent if already set
        }
    }

    private void apply(BrokerInput input, PaperBroker current, BrokerOutput output, Context ctx) {
        if (input.isBar()) {
            BarAdmission admission = current.onBar(input.bar(), terms, output);
            (admission == BarAdmission.APPLIED ? barsApplied : barsIgnored).increment();
            return;
        }
        TradeIntent intent = input.intent();
        IntentAdmission admission = current.onIntent(intent, terms, output);
        if (admission == IntentAdmission.QUEUED) {
            intentsQueued.increment();
        } else if (admission == IntentAdmission.REPLAYED) {
            intentsReplayed.increment();
        } else {
            deadLetter(intent, admission, refusal(intent, admission, current), ctx);
        }
    }

    /** The symbol's held records, with the limit of this job (a restored one carries none). */
    private EventTimeBuffer<BrokerInput> heldInputs() throws Exception {
        EventTimeBuffer<BrokerInput> held = pending.value();
        if (held == null) {
            return HeldInputs.empty(maxPendingInputs);
        }
        held.setMaxPending(maxPendingInputs);
        return held;
    }

    /** The dead letter's reason; {@code current} is only read for a late order. */
    private String refusal(TradeIntent intent, IntentAdmission admission, PaperBroker current) {
        String order = "order " + intent.getIntentId() + " of " + intent.getSymbol();
        return switch (admission) {
            case INVALID ->
                    "invalid: "
                            + order
                            + ": "
                            + validator.validate(intent).stream()
                                    .map(Violation::toString)
                                    .collect(Collectors.joining("; "));
            case DUPLICATE ->
                    "duplicate: " + order + " is already waiting, open or recently exited";
            case LATE ->
                    "late: "
                            + order
                            + " decided at "
                            + intent.getTime()
                            + " arrived after the bar at "
                            + Instant.ofEpochMilli(current.lastBarTime())
                            + " was processed, and its entry bar is no longer held (the broker"
                            + " keeps the last "
                            + terms.barHistory()
                            + " bars of "
                            + intent.getSymbol()
                            + "; orders decided before "
                            + Instant.ofEpochMilli(current.replayableFrom())
                            + " cannot be replayed)";
            case QUEUE_FULL ->
                    "queue-full: "
                            + terms.maxQueuedIntents()
                            + " orders of "
                            + intent.getSymbol()
                            + " already wait for their entry bar";
            default -> admission.reason() + ": " + order;
        };
    }

    private void deadLetter(
            TradeIntent intent, IntentAdmission admission, String reason, Context ctx) {
        intentsDeadLettered.increment();
        // The order's Kafka position is not carried this far (there is no sourced-intent record
        // yet): -1, and the order re-encoded with the current schema.
        RawRecord raw =
                new RawRecord(
                        intentsTopic,
                        -1,
                        -1,
                        intent.getTime().toEpochMilli(),
                        intent.getBook().getBytes(StandardCharsets.UTF_8),
                        intents.encode(intent));
        DeadLetter letter = DeadLetters.of(raw, STAGE, admission.reason(), reason);
        ctx.output(DeadLetterOutput.TAG, letter);
    }
}
