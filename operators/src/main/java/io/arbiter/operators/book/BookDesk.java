package io.arbiter.operators.book;

import io.arbiter.operators.control.CommandPayload;
import io.arbiter.operators.correlation.PairCorrelation;
import io.arbiter.operators.correlation.SignalCorrelations;
import io.arbiter.operators.governance.BookGovernor;
import io.arbiter.operators.governance.Decision;
import io.arbiter.operators.governance.ModelMetrics;
import io.arbiter.operators.governance.Registration;
import io.arbiter.operators.ledger.FifoLedger;
import io.arbiter.operators.ledger.FillOutcome;
import io.arbiter.operators.ledger.RoundTrip;
import io.arbiter.operators.performance.PerformanceSnapshot;
import io.arbiter.operators.performance.RollingPerformance;
import io.arbiter.operators.performance.UtcDays;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.DataQuality;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.ModelSignal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One book's whole state and the order in which its inputs act on it: each model's FIFO ledger and
 * rolling performance, the pairwise correlation of its models' signals, and the governor with its
 * Thompson allocator. Plain Java; the Flink function around it only keys by book, orders inputs by
 * event time and emits.
 *
 * <p>Every input first brings the governor's event-time timers up to its time ({@link #advanceTo}),
 * so escalations and the daily allocation happen at the same point of the input whatever the
 * batching of the stream. A closed round trip feeds, in this order: the model's rolling
 * performance, the governor's round-trip rules (posterior, breakers, book equity) and its metric
 * rules (PF, drawdown, accuracy).
 *
 * <p>A model's allocated capital (the start of its equity curve, DOMAIN.md §1) is the book's
 * capital: a routed trade is sized as the whole book would size it (the share routes trades, it
 * does not shrink them), so a model's drawdown is measured against what it trades with, whatever
 * its share of the decision flow.
 */
public final class BookDesk {

    private static final byte FORMAT = 1;

    private final String book;
    private final BookGovernor governor;
    private final TreeMap<String, FifoLedger> ledgers;
    private final TreeMap<String, RollingPerformance> performance;
    private final SignalCorrelations correlations;
    private boolean started;
    private long lastTime = Long.MIN_VALUE;

    private BookDesk(
            String book,
            BookGovernor governor,
            TreeMap<String, FifoLedger> ledgers,
            TreeMap<String, RollingPerformance> performance,
            SignalCorrelations correlations,
            boolean started) {
        this.book = book;
        this.governor = governor;
        this.ledgers = ledgers;
        this.performance = performance;
        this.correlations = correlations;
        this.started = started;
    }

    /** A book that has seen nothing yet; its models arrive with its first input. */
    public static BookDesk open(String book, Policy policy) {
        return new BookDesk(
                book,
                new BookGovernor(book, policy),
                new TreeMap<>(),
                new TreeMap<>(),
                newCorrelations(policy),
                false);
    }

    private static SignalCorrelations newCorrelations(Policy policy) {
        // Day buckets over the performance window; a signal waits for its partners at most a day.
        return new SignalCorrelations(
                Duration.ofDays(1), policy.performance().windowDays(), Duration.ofDays(1));
    }

    public String book() {
        return book;
    }

    public BookGovernor governor() {
        return governor;
    }

    public Policy policy() {
        return governor.policy();
    }

    /** The latest event time this book has acted at; Long.MIN_VALUE before its first input. */
    public long lastTime() {
        return lastTime;
    }

    /** The next event time at which the governor has something to do on its own. */
    public long nextTimer() {
        return governor.nextTimer();
    }

    /**
     * Registers the catalogue's models on the book's first input, then runs every governor timer
     * due at or before {@code time}.
     */
    public BookOutcome advanceTo(long time, ModelCatalogue catalogue) {
        Collector out = new Collector();
        lastTime = Math.max(lastTime, time);
        if (!started) {
            started = true;
            for (Registration registration : catalogue.initialModels()) {
                out.add(governor.register(time, registration, null));
            }
        }
        long due;
        while ((due = governor.nextTimer()) <= time) {
            out.add(governor.onTimer(due));
            if (governor.nextTimer() <= due) {
                break; // the governor's contract is a strictly later next timer; never spin
            }
        }
        return out.outcome(null);
    }

    /**
     * Books a fill of one of the book's models.
     *
     * @return rejected (for the dead-letter topic) when the model is not the book's or the fill is
     *     unusable; a duplicate fill id changes nothing
     */
    public BookOutcome onFill(Fill fill, ModelCatalogue catalogue) {
        long time = fill.getTime().toEpochMilli();
        Collector out = new Collector();
        out.add(advanceTo(time, catalogue));
        String model = fill.getModel();
        if (governor.state(model).isEmpty()) {
            return BookOutcome.rejected(
                    "fill "
                            + fill.getFillId()
                            + ": model '"
                            + model
                            + "' is not registered in book "
                            + book);
        }
        FifoLedger ledger =
                ledgers.computeIfAbsent(
                        model,
                        m ->
                                new FifoLedger(
                                        book,
                                        m,
                                        Duration.ofDays(policy().performance().windowDays())));
        FillOutcome booked = ledger.apply(fill);
        if (booked.status() == FillOutcome.Status.REJECTED) {
            return BookOutcome.rejected(booked.reason());
        }
        if (booked.status() == FillOutcome.Status.DUPLICATE) {
            return out.outcome(null, true);
        }
        for (RoundTrip trip : booked.closed()) {
            RollingPerformance rolling = performanceOf(model);
            long day = UtcDays.of(trip.exitTime());
            rolling.advanceTo(day);
            rolling.record(day, trip.netPnl());
            out.add(governor.onRoundTrip(trip.exitTime(), model, trip.netPnl()));
            out.add(governor.onMetrics(trip.exitTime(), model, metrics(rolling.snapshot())));
        }
        return out.outcome(null);
    }

    /** A signal of one of the book's models, for their pairwise correlation. */
    public BookOutcome onSignal(ModelSignal signal, ModelCatalogue catalogue) {
        long time = signal.getTime().toEpochMilli();
        Collector out = new Collector();
        out.add(advanceTo(time, catalogue));
        if (governor.state(signal.getModel()).isEmpty() || !(signal.getPRaw() >= 0)) {
            return out.outcome(null);
        }
        for (PairCorrelation pair :
                correlations.observe(
                        signal.getModel(), signal.getSymbol(), time, signal.getPRaw())) {
            out.add(
                    governor.onCorrelation(
                            time,
                            pair.first(),
                            pair.second(),
                            pair.correlation(),
                            pair.observations()));
        }
        return out.outcome(null);
    }

    /** The valid share of a window of market-data records (the data-quality breaker). */
    public BookOutcome onDataQuality(DataQuality quality, ModelCatalogue catalogue) {
        long time = quality.getTime().toEpochMilli();
        Collector out = new Collector();
        out.add(advanceTo(time, catalogue));
        out.add(governor.onDataQuality(time, quality.getValid(), quality.getTotal()));
        return out.outcome(null);
    }

    /**
     * What the scoring side reports about a model for every book: a failure to load or score, or a
     * batch slower than the policy's scoring latency.
     */
    public BookOutcome onModelReport(ModelReport report, ModelCatalogue catalogue) {
        long time = report.time();
        Collector out = new Collector();
        out.add(advanceTo(time, catalogue));
        String model = report.model();
        if (governor.state(model).isEmpty()) {
            return out.outcome(null);
        }
        switch (report.kind()) {
            case SLOW_BATCH -> out.add(governor.onScoringLatency(time, model, report.took()));
            case FAILURE ->
                    out.add(
                            governor.onModelFailure(
                                    time, model, report.rule() + ": " + report.reason()));
        }
        return out.outcome(null);
    }

    /**
     * A verified command for this book. It acts at its own time on the governor (commands are
     * people's decisions and take effect on arrival, not in the order of market time).
     */
    public BookOutcome onCommand(
            ControlCommand command, CommandPayload payload, ModelCatalogue catalogue) {
        // A command acts at the book's own event time: a command's wall-clock time must not run
        // the governor's timers over years of market time in a replay.
        long time = started ? lastTime : command.getTime().toEpochMilli();
        Collector out = new Collector();
        out.add(advanceTo(time, catalogue));
        String id = command.getCommandId();
        String model = command.getModel();
        if (payload instanceof CommandPayload.Halt) {
            out.add(governor.halt(time, model, id));
        } else if (payload instanceof CommandPayload.Resume) {
            out.add(governor.resume(time, model, id));
        } else if (payload instanceof CommandPayload.ApproveAllocation approve) {
            out.add(governor.approve(time, model, approve.maxShare(), id));
        } else if (payload instanceof CommandPayload.RetireModel) {
            out.add(governor.retire(time, model, id));
        } else if (payload instanceof CommandPayload.SetPolicy set) {
            out.add(governor.setPolicy(time, set.yaml(), id));
        } else if (payload instanceof CommandPayload.RegisterModel register) {
            Registration registration;
            try {
                registration =
                        catalogue.resolve(
                                register.manifest(),
                                register.prior()
                                        .map(CommandPayload.Prior::alpha)
                                        .orElse(Double.NaN),
                                register.prior()
                                        .map(CommandPayload.Prior::beta)
                                        .orElse(Double.NaN));
            } catch (IllegalArgumentException e) {
                return out.outcome("command " + id + ": " + e.getMessage());
            }
            out.add(governor.register(time, registration, id));
        }
        return out.outcome(null);
    }

    private RollingPerformance performanceOf(String model) {
        return performance.computeIfAbsent(
                model,
                m ->
                        new RollingPerformance(
                                policy().performance().windowDays(),
                                policy().governance().book().capital(),
                                policy().performance().sharpeAnnualisation()));
    }

    private static ModelMetrics metrics(PerformanceSnapshot s) {
        return new ModelMetrics(
                s.profitFactor(), s.trades(), s.winRate(), s.drawdown(), s.maxDrawdownInWindow());
    }

    /** Gathers the governor's decisions and adds the desk's figures to each allocation line. */
    private final class Collector {
        private final List<GovernanceEvent> events = new ArrayList<>();
        private final List<AllocationEvent> allocations = new ArrayList<>();

        void add(Decision decision) {
            events.addAll(decision.events());
            if (decision.hasAllocation()) {
                AllocationEvent allocation = decision.allocation();
                allocations.add(allocation);
                for (ModelAllocation share : allocation.getAllocations()) {
                    // The figures the desk watches beside the share (PF, drawdown, trades).
                    RollingPerformance rolling = performance.get(share.getModel());
                    PerformanceSnapshot now = rolling == null ? null : rolling.snapshot();
                    share.setProfitFactor(now == null ? Double.NaN : now.profitFactor());
                    share.setDrawdown(now == null ? 0 : now.drawdown());
                    share.setClosedTrades(now == null ? 0 : now.trades());
                }
            }
        }

        void add(BookOutcome outcome) {
            events.addAll(outcome.events());
            allocations.addAll(outcome.allocations());
        }

        BookOutcome outcome(String rejection) {
            return outcome(rejection, false);
        }

        BookOutcome outcome(String rejection, boolean duplicate) {
            return new BookOutcome(events, allocations, rejection, duplicate);
        }
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(book);
        out.writeBoolean(started);
        out.writeLong(lastTime);
        governor.writeTo(out);
        out.writeInt(ledgers.size());
        for (Map.Entry<String, FifoLedger> e : ledgers.entrySet()) {
            out.writeUTF(e.getKey());
            e.getValue().writeTo(out);
        }
        out.writeInt(performance.size());
        for (Map.Entry<String, RollingPerformance> e : performance.entrySet()) {
            out.writeUTF(e.getKey());
            e.getValue().writeTo(out);
        }
        correlations.writeTo(out);
    }

    public static BookDesk readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown BookDesk state format " + format);
        }
        String book = in.readUTF();
        boolean started = in.readBoolean();
        long lastTime = in.readLong();
        BookGovernor governor = BookGovernor.readFrom(in);
        TreeMap<String, FifoLedger> ledgers = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            ledgers.put(in.readUTF(), FifoLedger.readFrom(in));
        }
        TreeMap<String, RollingPerformance> performance = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            performance.put(in.readUTF(), RollingPerformance.readFrom(in));
        }
        BookDesk desk =
                new BookDesk(
                        book,
                        governor,
                        ledgers,
                        performance,
                        SignalCorrelations.readFrom(in),
                        started);
        desk.lastTime = lastTime;
        return desk;
    }
}
