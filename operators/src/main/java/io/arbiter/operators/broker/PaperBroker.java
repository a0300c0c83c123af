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
import java.util.TreeSet;

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
 *   <li><b>Late orders</b>: orders reach the broker well after their decision (the planner's topic
 *       is written exactly once, so an order becomes visible only at the planner job's next
 *       checkpoint), while bars come straight from the market topic; by then later bars of the
 *       symbol have been processed. The broker keeps its last {@link PaperBrokerTerms#barHistory()}
 *       bars, and such an order is replayed against them at once exactly as if it had come in time
 *       ({@link IntentAdmission#REPLAYED}): the same entry bar, the same exits, the same fills with
 *       the same ids, prices and times; if it is still open after the newest bar it stays open and
 *       goes on with the next bars. Only an order whose entry bar has left the history is refused
 *       as {@link IntentAdmission#LATE}.
 * </ul>
 *
 * <p>Order matters and is made deterministic: waiting orders enter in (decision time, intent id)
 * order, open positions are checked in the order they would have been entered in had every order
 * come in time (entry bar, then decision time, then intent id), so a replayed position takes its
 * place among them. Bars must come in event-time order (the stream's {@code PaperBrokerFunction}
 * sorts both inputs by the watermark): a bar behind one already processed is refused as {@link
 * BarAdmission#LATE}. The fills of a replayed order are the ones an in-time arrival would have
 * given; only their place in the output differs. Two differences remain, both bounds on state: a
 * replayed order never counts against {@code maxQueuedIntents} (it does not wait), and an order
 * that exited is remembered as a duplicate only while it could still be replayed. Nothing here
 * throws on odd numbers: bad orders and bars are refused.
 *
 * <pre>{@code
 * PaperBroker broker = new PaperBroker("MSFT");
 * broker.onIntent(intent, terms, output);    // QUEUED
 * broker.onBar(nextBar, terms, output);      // the entry fill, maybe an exit
 * broker.onIntent(older, terms, output);     // REPLAYED: its fills at once
 * }</pre>
 */
public final class PaperBroker {

    /**
     * Format 2 added the bar history and the exited orders; format 1 (no history) is still read, as
     * a broker that has let go of every bar it processed.
     */
    private static final byte FORMAT = 2;

    private static final byte FORMAT_WITHOUT_HISTORY = 1;

    /** Bound on counts read back from state (far above any queue or position count). */
    private static final int MAX_STATE_ENTRIES = 1 << 24;

    private static final Comparator<TradeIntent> ENTRY_ORDER =
            Comparator.comparing(TradeIntent::getTime).thenComparing(TradeIntent::getIntentId);

    /** The order of {@link #open}: the order an in-time arrival of every order enters them in. */
    private static final Comparator<Position> OPEN_ORDER =
            Comparator.comparingLong(Position::entryTime)
                    .thenComparing(Position::intent, ENTRY_ORDER);

    private static final Comparator<Exited> EXITED_ORDER =
            Comparator.comparingLong(Exited::decided).thenComparing(Exited::intentId);

    /** An order that entered and exited: a repeat of it must not trade again. */
    private record Exited(long decided, String intentId) {}

    private static final TradeIntentValidator VALIDATOR = new TradeIntentValidator();
    private static final BarValidator BARS = new BarValidator();

    private final String symbol;
    private long lastBarTime = Long.MIN_VALUE;

    /** Orders waiting for their entry bar, sorted by {@link #ENTRY_ORDER}. */
    private final List<TradeIntent> queued = new ArrayList<>();

    /** Entered orders in {@link #OPEN_ORDER}. */
    private final List<Position> open = new ArrayList<>();

    /**
     * Exited orders that could still be replayed (decided at or after {@link
     * BarHistory#releasedUpTo()}), oldest first; older ones are forgotten as the history moves on,
     * since a repeat of them is refused as late anyway.
     */
    private final TreeSet<Exited> exited = new TreeSet<>(EXITED_ORDER);

    /**
     * Ids of {@link #queued}, {@link #open} and {@link #exited}: a repeated order is refused, not
     * doubled.
     */
    private final Set<String> ids = new HashSet<>();

    /** The last bars applied, for orders that arrive after them. */
    private BarHistory history = new BarHistory();

    public PaperBroker(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * Queues an order for its entry bar, or, when later bars were already processed, replays it
     * against the bars held ({@link IntentAdmission#REPLAYED}: its fills, or its drop as stale, go
     * to {@code out} at once), or says why not.
     */
    public IntentAdmission onIntent(TradeIntent intent, PaperBrokerTerms terms, BrokerOutput out) {
        if (!symbol.equals(intent.getSymbol()) || !VALIDATOR.validate(intent).isEmpty()) {
            return IntentAdmission.INVALID;
        }
        if (ids.contains(intent.getIntentId())) {
            return IntentAdmission.DUPLICATE;
        }
        long decided = intent.getTime().toEpochMilli();
        if (decided < lastBarTime) {
            // Its entry bar, the first bar after the decision, was already processed. It is held
            // if no bar after the decision has been let go.
            int entryBar = history.firstAfter(decided);
            if (decided < history.releasedUpTo() || entryBar == history.size()) {
                return IntentAdmission.LATE;
            }
            replay(intent, entryBar, terms, out);
            return IntentAdmission.REPLAYED;
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
        BarPrices prices = BarPrices.of(bar);
        history.add(prices, terms.barHistory());
        forgetExitedBefore(history.releasedUpTo());
        enter(prices, terms, out);
        exit(prices, terms, out);
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

    /**
     * The earliest decision time of an order that can still be replayed: the time of the newest bar
     * let go from the history ({@link Long#MIN_VALUE} while none has been). An order decided before
     * it, and after a bar already processed, is refused as {@link IntentAdmission#LATE}.
     */
    public long replayableFrom() {
        return history.releasedUpTo();
    }

    /** Bars held for replaying late orders. */
    public int heldBarCount() {
        return history.size();
    }

    private void enter(BarPrices bar, PaperBrokerTerms terms, BrokerOutput out) {
        // Sorted by decision time: the orders decided before this bar are a prefix of the queue.
        int due = 0;
        while (due < queued.size() && queued.get(due).getTime().toEpochMilli() < bar.time()) {
            TradeIntent intent = queued.get(due++);
            if (bar.time() > terms.entryDeadline(intent.getTime().toEpochMilli())) {
                ids.remove(intent.getIntentId());
                dropStale(intent, bar, terms, out);
                continue;
            }
            open.add(entered(intent, bar, terms, out)); // after every earlier bar's entries
        }
        queued.subList(0, due).clear();
    }

    private void exit(BarPrices bar, PaperBrokerTerms terms, BrokerOutput out) {
        int kept = 0; // positions that stay open are compacted to the front, in their order
        for (int i = 0; i < open.size(); i++) {
            Position position = open.get(i).heldOneMoreBar();
            if (!leaves(position, bar, terms, out)) {
                open.set(kept++, position);
            }
        }
        open.subList(kept, open.size()).clear();
    }

    /**
     * Plays a late order through the held bars from its entry bar on, as {@link #enter} and {@link
     * #exit} would have had it come in time; still open after the newest bar, it joins {@link
     * #open} where an in-time arrival would have put it.
     */
    private void replay(
            TradeIntent intent, int entryBar, PaperBrokerTerms terms, BrokerOutput out) {
        BarPrices entry = history.get(entryBar);
        if (entry.time() > terms.entryDeadline(intent.getTime().toEpochMilli())) {
            dropStale(intent, entry, terms, out);
            return;
        }
        Position position = entered(intent, entry, terms, out);
        for (int i = entryBar; i < history.size(); i++) {
            position = position.heldOneMoreBar();
            if (leaves(position, history.get(i), terms, out)) {
                return;
            }
        }
        int at = Collections.binarySearch(open, position, OPEN_ORDER);
        open.add(at < 0 ? -at - 1 : at, position);
        ids.add(intent.getIntentId());
    }

    /** The entry fill of an order at a bar's open, and its position before that bar counts. */
    private Position entered(
            TradeIntent intent, BarPrices bar, PaperBrokerTerms terms, BrokerOutput out) {
        double price = terms.fillPrice(intent.getSide(), bar.open());
        out.fill(fill(intent, "-entry", intent.getSide(), price, terms, bar.time()));
        return new Position(intent, price, bar.time(), 0);
    }

    /**
     * Whether a position, its bars held counting this bar, exits on it; if so its exit fill goes
     * out and the order is remembered as exited.
     */
    private boolean leaves(
            Position position, BarPrices bar, PaperBrokerTerms terms, BrokerOutput out) {
        ExitRule.Exit exit = ExitRule.on(position, bar.open(), bar.high(), bar.low(), bar.close());
        if (exit == null) {
            return false;
        }
        TradeIntent intent = position.intent();
        Side side = intent.getSide() == Side.BUY ? Side.SELL : Side.BUY;
        double price = terms.fillPrice(side, exit.reference());
        out.fill(fill(intent, "-exit", side, price, terms, bar.time()));
        long decided = intent.getTime().toEpochMilli();
        if (decided >= history.releasedUpTo()) {
            exited.add(new Exited(decided, intent.getIntentId()));
            ids.add(intent.getIntentId());
        } else {
            ids.remove(intent.getIntentId());
        }
        return true;
    }

    /** Forgets the exited orders decided before {@code time}: a repeat of them is late now. */
    private void forgetExitedBefore(long time) {
        while (!exited.isEmpty() && exited.first().decided() < time) {
            ids.remove(exited.pollFirst().intentId());
        }
    }

    private void dropStale(
            TradeIntent intent, BarPrices bar, PaperBrokerTerms terms, BrokerOutput out) {
        out.dropped(
                intent,
                IntentAdmission.STALE,
                "stale: the next "
                        + symbol
                        + " bar after the decision at "
                        + intent.getTime()
                        + " came at "
                        + Instant.ofEpochMilli(bar.time())
                        + ", beyond "
                        + terms.maxEntryDelay());
    }

    private static Fill fill(
            TradeIntent intent,
            String leg,
            Side side,
            double price,
            PaperBrokerTerms terms,
            long time) {
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
                .setTime(Instant.ofEpochMilli(time))
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
        history.writeTo(out);
        out.writeInt(exited.size());
        for (Exited order : exited) {
            out.writeLong(order.decided());
            out.writeUTF(order.intentId());
        }
    }

    public static PaperBroker readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT && format != FORMAT_WITHOUT_HISTORY) {
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
        if (format == FORMAT_WITHOUT_HISTORY) {
            // No bars were kept: every order behind the last bar stays late, as it was then.
            broker.history = BarHistory.releasedUpTo(broker.lastBarTime);
            return broker;
        }
        broker.history = BarHistory.readFrom(in, MAX_STATE_ENTRIES);
        int exited = RecordState.readCount(in, MAX_STATE_ENTRIES, "exited orders");
        for (int i = 0; i < exited; i++) {
            Exited order = new Exited(in.readLong(), in.readUTF());
            broker.exited.add(order);
            broker.ids.add(order.intentId());
        }
        return broker;
    }
}
