package io.arbiter.stream.book;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.arbiter.operators.book.BookDesk;
import io.arbiter.operators.book.BookOutcome;
import io.arbiter.operators.book.ModelCatalogue;
import io.arbiter.operators.control.CommandPayload;
import io.arbiter.operators.control.MalformedCommandException;
import io.arbiter.operators.ingest.DeadLetters;
import io.arbiter.operators.ingest.RawRecord;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.BookEvent;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.SourcedFill;
import io.arbiter.schemas.codec.AvroCodec;
import io.arbiter.stream.ingest.DeadLetterOutput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A book's governor in the stream, keyed by book: holds its {@link BookDesk} and feeds it in event
 * time. Fills, signals and model failures wait in state until the watermark passes their time and
 * are then applied in a fixed order (time; fills, model failures, data quality, then signals; then
 * by id), so a replay of the same inputs gives the same journal and allocations byte for byte
 * whatever the interleaving of the streams. Verified commands act on arrival, at the book's event
 * time.
 *
 * <p>Output: {@link GovernanceEvent}s (gov.events); allocations on {@link #ALLOCATIONS}; fills of
 * an unknown book or model, or with unusable values, on the dead-letter output with their offset.
 */
public final class BookFunction extends KeyedProcessFunction<String, BookEvent, GovernanceEvent> {

    private static final long serialVersionUID = 1L;

    /** Allocation events (alloc.events). */
    public static final OutputTag<AllocationEvent> ALLOCATIONS =
            new OutputTag<>("allocations", new AvroTypeInfo<>(AllocationEvent.class));

    private static final Comparator<BookEvent> APPLY_ORDER =
            Comparator.comparingInt(BookFunction::rank).thenComparing(BookFunction::identity);

    private final Policy policy;
    private final ModelCatalogue catalogue;
    private final TreeSet<String> books;
    private final String fillsTopic;

    private transient ValueState<BookDesk> desk;
    private transient MapState<Long, List<BookEvent>> waiting;
    private transient ValueState<Long> lastInput;
    private transient AvroCodec<Fill> fills;
    private transient Counter fillsIn;
    private transient Counter fillsBooked;
    private transient Counter fillsDuplicate;
    private transient Counter fillsDeadLettered;

    /**
     * @param books the books this job governs; fills of any other go to the dead-letter topic
     */
    public BookFunction(
            Policy policy, ModelCatalogue catalogue, Set<String> books, String fillsTopic) {
        this.policy = policy;
        this.catalogue = catalogue;
        this.books = new TreeSet<>(books);
        this.fillsTopic = fillsTopic;
    }

    @Override
    public void open(OpenContext context) {
        desk =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("book", BookDeskSerializer.INSTANCE));
        waiting =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "waiting-inputs",
                                        Types.LONG,
                                        Types.LIST(new AvroTypeInfo<>(BookEvent.class))));
        lastInput =
                getRuntimeContext().getState(new ValueStateDescriptor<>("last-input", Types.LONG));
        fills = AvroCodec.of(Fill.class);
        var metrics = getRuntimeContext().getMetricGroup().addGroup("arbiter");
        fillsIn = metrics.counter("fillsIn");
        fillsBooked = metrics.counter("fillsBooked");
        fillsDuplicate = metrics.counter("fillsDuplicate");
        fillsDeadLettered = metrics.counter("fillsDeadLettered");
    }

    @Override
    public void processElement(BookEvent event, Context ctx, Collector<GovernanceEvent> out)
            throws Exception {
        if (event.getFill() != null) {
            fillsIn.inc();
            if (!books.contains(event.getBook())) {
                deadLetter(
                        event.getFill(),
                        "unknown-book",
                        "book '" + event.getBook() + "' is not governed by this job " + books,
                        ctx);
                return;
            }
        }
        if (!books.contains(event.getBook())) {
            return;
        }
        if (event.getCommand() != null) {
            applyCommand(event, ctx, out);
            return;
        }
        long time = timeOf(event);
        if (time <= ctx.timerService().currentWatermark()) {
            // Behind the watermark already: applied at once (see the class comment).
            apply(event, ctx, out);
            scheduleGovernor(ctx, time);
            return;
        }
        List<BookEvent> atTime = waiting.get(time);
        List<BookEvent> updated = atTime == null ? new ArrayList<>() : new ArrayList<>(atTime);
        updated.add(BookEvent.newBuilder(event).build());
        waiting.put(time, updated);
        ctx.timerService().registerEventTimeTimer(time);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<GovernanceEvent> out)
            throws Exception {
        List<BookEvent> due = waiting.get(timestamp);
        if (due != null) {
            List<BookEvent> ordered = new ArrayList<>(due);
            ordered.sort(APPLY_ORDER);
            for (BookEvent event : ordered) {
                apply(event, ctx, out);
            }
            waiting.remove(timestamp);
        }
        BookDesk book = deskOf(ctx.getCurrentKey());
        emit(book.advanceTo(timestamp, catalogue), ctx, out);
        desk.update(book);
        Long input = lastInput.value();
        scheduleGovernor(ctx, due != null || input == null ? timestamp : input);
    }

    private void apply(BookEvent event, Context ctx, Collector<GovernanceEvent> out)
            throws Exception {
        BookDesk book = deskOf(event.getBook());
        if (event.getFill() != null) {
            BookOutcome outcome = book.onFill(event.getFill().getFill(), catalogue);
            emit(outcome, ctx, out);
            if (outcome.isRejected()) {
                deadLetter(event.getFill(), "ledger", outcome.rejection(), ctx);
            } else if (outcome.duplicate()) {
                fillsDuplicate.inc();
            } else {
                fillsBooked.inc();
            }
        } else if (event.getModelEvent() != null) {
            emit(book.onModelReport(event.getModelEvent(), catalogue), ctx, out);
        } else if (event.getDataQuality() != null) {
            emit(book.onDataQuality(event.getDataQuality(), catalogue), ctx, out);
        } else if (event.getSignal() != null) {
            emit(book.onSignal(event.getSignal(), catalogue), ctx, out);
        }
        desk.update(book);
    }

    private void applyCommand(BookEvent event, Context ctx, Collector<GovernanceEvent> out)
            throws Exception {
        var command = event.getCommand();
        CommandPayload payload;
        try {
            payload = CommandPayload.parse(command.getType(), command.getPayload());
        } catch (MalformedCommandException e) {
            return; // the verifier refused it already; nothing verified can get here malformed
        }
        BookDesk book = deskOf(event.getBook());
        emit(book.onCommand(command, payload, catalogue), ctx, out);
        desk.update(book);
        // A command's wall-clock time is not market time: it never extends the book's clock.
        Long input = lastInput.value();
        if (input != null) {
            scheduleGovernor(ctx, input);
        }
    }

    /**
     * Registers the governor's next timer, but no further than one timer period past the latest
     * input: a book's clock runs on its inputs, so when they stop (or a bounded replay ends with
     * the final watermark) the daily allocations stop a day later instead of running to the end of
     * time.
     */
    private void scheduleGovernor(Context ctx, long inputTime) throws Exception {
        Long previous = lastInput.value();
        long latest = previous == null ? inputTime : Math.max(previous, inputTime);
        lastInput.update(latest);
        BookDesk book = desk.value();
        if (book == null || book.nextTimer() == Long.MAX_VALUE) {
            return;
        }
        long horizon = latest + policy.allocation().timerPeriod().toMillis();
        if (book.nextTimer() <= horizon) {
            ctx.timerService().registerEventTimeTimer(Math.max(book.nextTimer(), book.lastTime()));
        }
    }

    private BookDesk deskOf(String book) throws Exception {
        BookDesk current = desk.value();
        return current != null ? current : BookDesk.open(book, policy);
    }

    private void emit(BookOutcome outcome, Context ctx, Collector<GovernanceEvent> out) {
        for (GovernanceEvent event : outcome.events()) {
            out.collect(event);
        }
        for (AllocationEvent allocation : outcome.allocations()) {
            ctx.output(ALLOCATIONS, allocation);
        }
    }

    private void deadLetter(SourcedFill sourced, String errorClass, String reason, Context ctx) {
        fillsDeadLettered.inc();
        Fill fill = sourced.getFill();
        RawRecord raw =
                new RawRecord(
                        fillsTopic,
                        sourced.getPartition(),
                        sourced.getOffset(),
                        fill.getTime().toEpochMilli(),
                        fill.getBook().getBytes(StandardCharsets.UTF_8),
                        fills.encode(fill));
        ctx.output(DeadLetterOutput.TAG, DeadLetters.of(raw, "book", errorClass, reason));
    }

    static long timeOf(BookEvent event) {
        if (event.getFill() != null) {
            return event.getFill().getFill().getTime().toEpochMilli();
        }
        if (event.getModelEvent() != null) {
            return event.getModelEvent().getTime().toEpochMilli();
        }
        if (event.getDataQuality() != null) {
            return event.getDataQuality().getTime().toEpochMilli();
        }
        return event.getSignal().getTime().toEpochMilli();
    }

    private static int rank(BookEvent event) {
        if (event.getFill() != null) {
            return 0;
        }
        if (event.getModelEvent() != null) {
            return 1;
        }
        return event.getDataQuality() != null ? 2 : 3;
    }

    private static String identity(BookEvent event) {
        if (event.getFill() != null) {
            return event.getFill().getFill().getFillId();
        }
        if (event.getModelEvent() != null) {
            return event.getModelEvent().getEventId();
        }
        if (event.getDataQuality() != null) {
            return String.format("%010d", event.getDataQuality().getPartition());
        }
        var s = event.getSignal();
        return s.getModel() + "|" + s.getSymbol() + "|" + s.getVersion();
    }
}
