package io.arbiter.operators.book;

import io.arbiter.operators.control.CommandPayload;
import io.arbiter.operators.control.MalformedCommandException;
import io.arbiter.operators.planner.Candidate;
import io.arbiter.operators.planner.PlanResult;
import io.arbiter.operators.planner.TradePlanner;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.TradeIntent;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one book holds and the one path its inputs take: the {@link BookDesk} (ledgers,
 * performance, correlation, governor and allocator) and the book's {@link TradePlanner}, behind one
 * event-time buffer. Plain Java; the stream's operator keys by book, stores this object and wakes
 * it at {@link #nextWakeUp}.
 *
 * <p>Inputs wait until the watermark passes their time and then act per event time: first on the
 * desk in a fixed order (fills, model reports, data quality, signals; then by identity), then the
 * governor's timers up to that time run, every allocation they caused reaches the planner, and the
 * signals of that time are planned together into trade intents. So a replay gives the same journal,
 * allocations and intents byte for byte, whatever the interleaving of the streams. An input whose
 * time the watermark has already passed (late) acts at the next instant, with the next release; a
 * past bar time is never planned again. Commands are people's decisions: they act on arrival, at
 * the book's event time.
 */
public final class BookState {

    /** Layout of {@link #writeTo}; a new layout is a new version and the old one stays readable. */
    public static final byte FORMAT = 1;

    private final BookDesk desk;
    private final TradePlanner planner;
    private final WaitingInputs waiting;
    private long lastInput = Long.MIN_VALUE;

    private BookState(BookDesk desk, TradePlanner planner, WaitingInputs waiting) {
        this.desk = desk;
        this.planner = planner;
        this.waiting = waiting;
    }

    /** A book that has seen nothing yet. */
    public static BookState open(String book, Policy policy) {
        return new BookState(
                BookDesk.open(book, policy), new TradePlanner(book, policy), new WaitingInputs());
    }

    public String book() {
        return desk.book();
    }

    public BookDesk desk() {
        return desk;
    }

    public TradePlanner planner() {
        return planner;
    }

    /** Inputs waiting for the watermark. */
    public int waitingInputs() {
        return waiting.size();
    }

    /** The newest event time of an input the book has acted on; Long.MIN_VALUE before any. */
    public long lastInput() {
        return lastInput;
    }

    /**
     * Takes one input: a command acts at once, anything else waits until the watermark passes its
     * time (or, when it already has, the next instant).
     *
     * @param watermark the operator's current watermark
     */
    public void offer(BookInput input, long watermark, ModelCatalogue catalogue, BookOutput out) {
        if (input instanceof BookInput.CommandInput command) {
            applyCommand(command.command(), catalogue, out);
            return;
        }
        long time = input.time();
        if (time > watermark) {
            waiting.add(time, input);
            return;
        }
        // Late (the paper broker's fills come back after the watermark passed their bar): acts at
        // once, at its own time, as it would have; a late signal is planned at the next instant,
        // since a bar time already planned is never planned again.
        actAt(time, nextInstant(watermark), List.of(input), catalogue, out);
    }

    private static long nextInstant(long watermark) {
        return watermark == Long.MAX_VALUE ? watermark : watermark + 1;
    }

    /**
     * Acts on everything the watermark has passed, in event-time order: each waiting time's inputs,
     * and the governor's timers between them (as long as the book has inputs within one timer
     * period, see {@link #nextWakeUp}).
     *
     * @param watermark the operator's watermark
     */
    public void advance(long watermark, ModelCatalogue catalogue, BookOutput out) {
        long next;
        // Long.MAX_VALUE means nothing is due, even under the final watermark of a bounded run.
        while ((next = nextWakeUp()) <= watermark && next != Long.MAX_VALUE) {
            if (waiting.firstTime() == next) {
                WaitingInputs.AtTime due = waiting.releaseFirst();
                actAt(due.time(), due.time(), due.inputs(), catalogue, out);
            } else {
                emitToPlanner(desk.advanceTo(next, catalogue), out);
                if (nextWakeUp() <= next) {
                    break; // the governor's contract is a strictly later timer; never spin
                }
            }
        }
    }

    /**
     * When the book must act next: the oldest waiting input's time, or the governor's next timer
     * while the book still has inputs within one timer period (a book's clock runs on its inputs:
     * when they stop, or a bounded replay ends with the final watermark, its daily allocations stop
     * a period later instead of running to the end of time); Long.MAX_VALUE when nothing is due.
     */
    public long nextWakeUp() {
        long next = waiting.firstTime();
        long governor = desk.nextTimer();
        if (governor != Long.MAX_VALUE && lastInput != Long.MIN_VALUE) {
            long horizon = lastInput + desk.policy().allocation().timerPeriod().toMillis();
            if (governor <= horizon) {
                next = Math.min(next, Math.max(governor, desk.lastTime()));
            }
        }
        return next;
    }

    /**
     * Acts on the inputs of one event time: the desk first, then the governor's timers up to that
     * time, then the planner takes every allocation they caused and plans the time's signals.
     *
     * @param planTime the decision time of the signals' plan ({@code time}, or for a late signal
     *     the next instant)
     */
    private void actAt(
            long time,
            long planTime,
            List<BookInput> inputs,
            ModelCatalogue catalogue,
            BookOutput out) {
        List<AllocationEvent> allocations = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (BookInput input : inputs) {
            lastInput = Math.max(lastInput, input.time());
            if (input instanceof BookInput.FillInput f) {
                BookOutcome outcome = desk.onFill(f.fill().getFill(), catalogue);
                emit(outcome, allocations, out);
                if (outcome.isRejected()) {
                    out.refusedFill(f.fill(), "ledger", outcome.rejection());
                } else {
                    out.bookedFill(outcome.duplicate());
                }
                // The planner books every fill of the book, refused or not by the ledger: its
                // positions are what the broker holds.
                planner.onFill(f.fill().getFill());
            } else if (input instanceof BookInput.ReportInput r) {
                emit(desk.onModelReport(r.report(), catalogue), allocations, out);
            } else if (input instanceof BookInput.QualityInput q) {
                emit(desk.onDataQuality(q.quality(), catalogue), allocations, out);
            } else if (input instanceof BookInput.SignalInput s) {
                ModelSignal signal = s.signal();
                emit(desk.onSignal(signal, catalogue), allocations, out);
                candidates.add(Candidate.of(signal, signal.getClose(), signal.getAtr(), 0));
            }
        }
        lastInput = Math.max(lastInput, time);
        emit(desk.advanceTo(time, catalogue), allocations, out);
        giveToPlanner(allocations);
        if (!candidates.isEmpty()) {
            PlanResult result = planner.plan(planTime, candidates);
            for (GovernanceEvent step : result.gateSteps()) {
                out.event(step);
            }
            for (TradeIntent intent : result.intents()) {
                out.intent(intent);
            }
            out.planned(result);
        }
    }

    private void applyCommand(ControlCommand command, ModelCatalogue catalogue, BookOutput out) {
        CommandPayload payload;
        try {
            payload = CommandPayload.parse(command.getType(), command.getPayload());
        } catch (MalformedCommandException e) {
            return; // the verifier refused it already; nothing verified gets here malformed
        }
        Policy before = desk.policy();
        BookOutcome outcome = desk.onCommand(command, payload, catalogue);
        if (desk.policy() != before) {
            // A policy the governor took reaches the planner's decisions too, from now on.
            planner.usePolicy(desk.policy());
        }
        emitToPlanner(outcome, out);
    }

    private static void emit(
            BookOutcome outcome, List<AllocationEvent> allocations, BookOutput out) {
        for (GovernanceEvent event : outcome.events()) {
            out.event(event);
        }
        for (AllocationEvent allocation : outcome.allocations()) {
            out.allocation(allocation);
            allocations.add(allocation);
        }
    }

    /** Emits what an outcome decided and gives its allocations to the planner at once. */
    private void emitToPlanner(BookOutcome outcome, BookOutput out) {
        List<AllocationEvent> allocations = new ArrayList<>(outcome.allocations().size());
        emit(outcome, allocations, out);
        giveToPlanner(allocations);
    }

    private void giveToPlanner(List<AllocationEvent> allocations) {
        for (AllocationEvent allocation : allocations) {
            planner.onAllocation(allocation);
        }
    }

    public void writeTo(DataOutput out, BookInputCodec codec) throws IOException {
        out.writeByte(FORMAT);
        desk.writeTo(out);
        planner.writeTo(out);
        out.writeLong(lastInput);
        waiting.writeTo(out, codec);
    }

    public static BookState readFrom(DataInput in, BookInputCodec codec) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown BookState format " + format);
        }
        BookDesk desk = BookDesk.readFrom(in);
        TradePlanner planner = TradePlanner.readFrom(in, desk.policy());
        long lastInput = in.readLong();
        BookState state = new BookState(desk, planner, WaitingInputs.readFrom(in, codec));
        state.lastInput = lastInput;
        return state;
    }
}
