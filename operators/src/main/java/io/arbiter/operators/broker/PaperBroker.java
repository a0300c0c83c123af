package io.arbiter.operators.broker;

import io.arbiter.operators.validation.BarValidator;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.TradeIntent;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Simulated execution of one symbol's orders against its bars: the stand-in for a real execution
 * service, which would read the same orders and write the same fills.
 *
 * <ul>
 *   <li><b>Entry</b>: an order decided at time t (its signal bar's time; the decision was made at
 *       that bar's close) fills at the open of the symbol's first bar with time &gt; t, times (1 ±
 *       slippage): a buy pays up, a sell gets less. Fee = fee rate × fill price × qty.
 *   <li><b>Exit</b>: from the entry bar on, see {@link ExitRule}: a gap through a level at the open
 *       fills at the open; then the stop before the take-profit within the bar's range; then the
 *       close of the {@code horizonBars}-th bar held. The exit pays slippage and fee too.
 *   <li><b>Ids and times</b>: fill ids are {@code <intentId>-entry} and {@code <intentId>-exit},
 *       the order id is the intent id, and a fill is stamped with its bar's time (bars carry no
 *       intraday clock; on one bar the entry is emitted before the exit).
 *   <li><b>Waiting orders</b>: an order waits for its symbol's next bar, at most {@link
 *       PaperBrokerTerms#maxQueuedIntents()} per symbol. If that bar is further than {@link
 *       PaperBrokerTerms#maxEntryDelay()} after the decision, or event time passes the deadline
 *       without a bar ({@link #expireUpTo}), the order is dropped as stale: entering it days later
 *       would trade a market the planner never priced.
 * </ul>
 *
 * <p>Order matters and is made deterministic: waiting orders enter in (decision time, intent id)
 * order, open positions are checked in the order they were entered. Calls must come in event-time
 * order (the stream's {@code PaperBrokerFunction} sorts them by the watermark); an order behind a
 * bar already processed is refused as {@link IntentAdmission#LATE}, a bar behind one as {@link
 * BarAdmission#LATE}. Nothing here throws on odd numbers: bad orders and bars are refused.
 *
 * <pre>{@code
 * PaperBroker broker = new PaperBroker("MSFT");
 * broker.onIntent(intent, terms);            // QUEUED
 * broker.onBar(nextBar, terms, output);      // the entry fill, maybe an exit
 * }</pre>
 */
public final class PaperBroker {

    private static final byte FORMAT = 1;

    /** Bound on counts read back from state (far above any queue or position count). */
    private static final int MAX_STATE_ENTRIES = 1 << 24;

    private static final Comparator<TradeIntent> ENTRY_ORDER =
            Comparator.comparing(TradeIntent::getTime).thenComparing(TradeIntent::getIntentId);

    private static final TradeIntentValidator VALIDATOR = new TradeIntentValidator();
    private static final BarValidator BARS = new BarValidator();

    private final String symbol;
    private long lastBarTime = Long.MIN_VALUE;

    /** Orders waiting for their entry bar, sorted by {@link #ENTRY_ORDER}. */
    private final List<TradeIntent> queued = new ArrayList<>();

    /** Entered orders in entry order. */
    private final List<Position> open = new ArrayList<>();

    /** Ids of {@link #queued} and {@link #open}: a repeated order is refused, not doubled. */
    private final Set<String> ids = new HashSet<>();

    public PaperBroker(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Queues an order for its entry bar, or says why not. */
    public IntentAdmission onIntent(TradeIntent intent, PaperBrokerTerms terms) {
        if (!symbol.equals(intent.getSymbol()) || !VALIDATOR.validate(intent).isEmpty()) {
            return IntentAdmission.INVALID;
        }
        if (ids.contains(intent.getIntentId())) {
            return IntentAdmission.DUPLICATE;
        }
        if (intent.getTime().toEpochMilli() < lastBarTime) {
            return IntentAdmission.LATE;
        }
        if (queued.size() >= terms.maxQueuedIntents()) {
            return IntentAdmission.QUEUE_FULL;
        }
        int at = Collections.binarySearch(queued, intent, ENTRY_ORDER);
        queued.add(at < 0 ? -at - 1 : at, intent);
        ids.add(intent.getIntentId());
        return IntentAdmission.QUEUED;
    }

    /**
     * Enters the waiting orders decided before this bar and moves every open position through it.
     */
    public BarAdmission onBar(Bar bar, PaperBrokerTerms terms, BrokerOutput out) {
        if (!symbol.equals(bar.getSymbol()) || !BARS.validate(bar).isEmpty()) {
            return BarAdmission.UNUSABLE;
        }
        long time = bar.getTime().toEpochMilli();
        if (time == lastBarTime) {
            return BarAdmission.DUPLICATE;
        }
        if (time < lastBarTime) {
            return BarAdmission.LATE;
        }
        lastBarTime = time;
        enter(bar, time, terms, out);
        exit(bar, terms, out);
        return BarAdmission.APPLIED;
    }

    /**
     * Drops, as stale, every waiting order whose entry deadline is at or before {@code time}:
     * called when event time has passed {@code time}, so no bar of the symbol up to it can still
     * come.
     */
    public void expireUpTo(long time, PaperBrokerTerms terms, BrokerOutput out) {
        // Sorted by decision time, so the expired orders are a prefix of the queue.
        int expired = 0;
        while (expired < queued.size()
                && terms.entryDeadline(queued.get(expired).getTime().toEpochMilli()) <= time) {
            TradeIntent intent = queued.get(expired++);
            ids.remove(intent.getIntentId());
            out.dropped(
                    intent,
                    IntentAdmission.STALE,
                    "stale: no "
                            + symbol
                            + " bar came within "
                            + terms.maxEntryDelay()
                            + " after the decision at "
                            + intent.getTime()
                            + (time == Long.MAX_VALUE ? " before the input ended" : ""));
        }
        queued.subList(0, expired).clear();
    }

    /**
     * The earliest entry deadline of a waiting order, or {@link Long#MAX_VALUE} when none waits.
     */
    public long nextDeadline(PaperBrokerTerms terms) {
        // The deadline grows with the decision time, and the queue is sorted by it.
        return queued.isEmpty()
                ? Long.MAX_VALUE
                : terms.entryDeadline(queued.get(0).getTime().toEpochMilli());
    }

    /** Orders waiting for their entry bar. */
    public int queuedCount() {
        return queued.size();
    }

    /** Entered positions that have not exited. */
    public int openCount() {
        return open.size();
    }

    /** Time of the last processed bar, or {@link Long#MIN_VALUE} before the first. */
    public long lastBarTime() {
        return lastBarTime;
    }

    private void enter(Bar bar, long time, PaperBrokerTerms terms, BrokerOutput out) {
        // Sorted by decision time: the orders decided before this bar are a prefix of the queue.
        int due = 0;
        while (due < queued.size() && queued.get(due).getTime().toEpochMilli() < time) {
            TradeIntent intent = queued.get(due++);
            long decided = intent.getTime().toEpochMilli();
            if (time > terms.entryDeadline(decided)) {
                ids.remove(intent.getIntentId());
                out.dropped(
                        intent,
                        IntentAdmission.STALE,
                        "stale: the next "
                                + symbol
                                + " bar after the decision at "
                                + intent.getTime()
                                + " came at "
                                + bar.getTime()
                                + ", beyond "
                                + terms.maxEntryDelay());
                continue;
            }
            double price = terms.fillPrice(intent.getSide(), bar.getOpen());
            out.fill(fill(intent, "-entry", intent.getSide(), price, terms, bar.getTime()));
            open.add(new Position(intent, price, time, 0));
        }
        queued.subList(0, due).clear();
    }

    private void exit(Bar bar, PaperBrokerTerms terms, BrokerOutput out) {
        int kept = 0; // positions that stay open are compacted to the front, in entry order
        for (int i = 0; i < open.size(); i++) {
            Position position = open.get(i).heldOneMoreBar();
            ExitRule.Exit exit =
                    ExitRule.on(
                            position, bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose());
            if (exit == null) {
                open.set(kept++, position);
                continue;
            }
            TradeIntent intent = position.intent();
            ids.remove(intent.getIntentId());
            Side side = intent.getSide() == Side.BUY ? Side.SELL : Side.BUY;
            double price = terms.fillPrice(side, exit.reference());
            out.fill(fill(intent, "-exit", side, price, terms, bar.getTime()));
        }
        open.subList(kept, open.size()).clear();
    }

    private static Fill fill(
            TradeIntent intent,
            String leg,
            Side side,
            double price,
            PaperBrokerTerms terms,
            Instant time) {
        double qty = intent.getQty();
        return Fill.newBuilder()
                .setFillId(intent.getIntentId() + leg)
                .setOrderId(intent.getIntentId())
                .setBook(intent.getBook())
                .setModel(intent.getModel())
                .setModelVersion(intent.getModelVersion())
                .setSymbol(intent.getSymbol())
                .setSide(side)
                .setQty(qty)
                .setPrice(price)
                .setFee(terms.fee(price, qty))
                .setTime(time)
                .build();
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(symbol);
        out.writeLong(lastBarTime);
        out.writeInt(queued.size());
        for (TradeIntent intent : queued) {
            RecordState.writeIntent(out, intent);
        }
        out.writeInt(open.size());
        for (Position position : open) {
            position.writeTo(out);
        }
    }

    public static PaperBroker readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown PaperBroker state format " + format);
        }
        PaperBroker broker = new PaperBroker(in.readUTF());
        broker.lastBarTime = in.readLong();
        int queued = RecordState.readCount(in, MAX_STATE_ENTRIES, "queued orders");
        for (int i = 0; i < queued; i++) {
            TradeIntent intent = RecordState.readIntent(in);
            broker.queued.add(intent);
            broker.ids.add(intent.getIntentId());
        }
        int open = RecordState.readCount(in, MAX_STATE_ENTRIES, "open positions");
        for (int i = 0; i < open; i++) {
            Position position = Position.readFrom(in);
            broker.open.add(position);
            broker.ids.add(position.intent().getIntentId());
        }
        return broker;
    }
}
