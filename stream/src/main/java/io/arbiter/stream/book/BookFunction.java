package io.arbiter.stream.book;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.arbiter.operators.book.BookInput;
import io.arbiter.operators.book.BookOutput;
import io.arbiter.operators.book.BookState;
import io.arbiter.operators.book.ModelCatalogue;
import io.arbiter.operators.ingest.DeadLetters;
import io.arbiter.operators.planner.PlanResult;
import io.arbiter.operators.planner.RejectReason;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.SourcedFill;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.stream.ingest.DeadLetterOutput;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The book in the stream, keyed by book: one operator holds the book's whole {@link BookState}
 * (ledgers, performance, correlation, governor, allocator and trade planner) and wakes it when the
 * watermark passes a waiting input or a governor timer. It only keys, stores and emits; what a book
 * decides and in which order is {@link BookState}'s.
 *
 * <p>Output: {@link GovernanceEvent}s (gov.events); allocations on {@link #ALLOCATIONS}; trade
 * intents on {@link #INTENTS}; fills of an unknown book or model, or with unusable values, on the
 * dead-letter output with their offset. Counters in the {@code arbiter} group: {@code fillsIn},
 * {@code fillsBooked}, {@code fillsDuplicate}, {@code fillsDeadLettered}, {@code intentsOut} and
 * {@code plannerRejected_<reason>}.
 */
public final class BookFunction extends KeyedProcessFunction<String, BookInput, GovernanceEvent> {

    private static final long serialVersionUID = 1L;

    /** Allocation events (alloc.events). */
    public static final OutputTag<AllocationEvent> ALLOCATIONS =
            new OutputTag<>("allocations", new AvroTypeInfo<>(AllocationEvent.class));

    /** Trade intents (orders.intents). */
    public static final OutputTag<TradeIntent> INTENTS =
            new OutputTag<>("intents", new AvroTypeInfo<>(TradeIntent.class));

    /** The book's state: one value per book. */
    public static final ValueStateDescriptor<BookState> STATE =
            new ValueStateDescriptor<>("book", BookStateSerializer.INSTANCE);

    private final Policy policy;
    private final ModelCatalogue catalogue;
    private final TreeSet<String> books;
    private final String fillsTopic;

    private transient ValueState<BookState> state;
    private transient Counter fillsIn;
    private transient Counter fillsBooked;
    private transient Counter fillsDuplicate;
    private transient Counter fillsDeadLettered;
    private transient Counter intentsOut;
    private transient Map<RejectReason, Counter> rejected;

    /**
     * @param books the books this job governs; fills of any other go to the dead-letter topic
     * @param fillsTopic the fills' topic, named in their dead letters
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
        state = getRuntimeContext().getState(STATE);
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("arbiter");
        fillsIn = metrics.counter("fillsIn");
        fillsBooked = metrics.counter("fillsBooked");
        fillsDuplicate = metrics.counter("fillsDuplicate");
        fillsDeadLettered = metrics.counter("fillsDeadLettered");
        intentsOut = metrics.counter("intentsOut");
        rejected = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, metrics.counter("plannerRejected_" + reason.name()));
        }
    }

    @Override
    public void processElement(BookInput input, Context ctx, Collector<GovernanceEvent> out)
            throws Exception {
        if (input instanceof BookInput.FillInput fill) {
            fillsIn.inc();
            if (!books.contains(input.book())) {
                deadLetter(
                        fill.fill(),
                        "unknown-book",
                        "book '" + input.book() + "' is not governed by this job " + books,
                        ctx);
                return;
            }
        }
        if (!books.contains(input.book())) {
            return;
        }
        BookState book = bookOf(input.book());
        book.offer(input, ctx.timerService().currentWatermark(), catalogue, outputs(ctx, out));
        store(book, ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<GovernanceEvent> out)
            throws Exception {
        // Everything the watermark has passed acts now, in event-time order, not just what was due
        // at this timer: one timer is registered at a time (the next wake-up).
        BookState book = bookOf(ctx.getCurrentKey());
        book.advance(ctx.timerService().currentWatermark(), catalogue, outputs(ctx, out));
        store(book, ctx);
    }

    private BookState bookOf(String book) throws Exception {
        BookState current = state.value();
        return current != null ? current : BookState.open(book, policy);
    }

    /** Stores the book and asks to be woken when it next has something to do. */
    private void store(BookState book, Context ctx) throws Exception {
        state.update(book);
        long next = book.nextWakeUp();
        if (next != Long.MAX_VALUE) {
            ctx.timerService().registerEventTimeTimer(next);
        }
    }

    private BookOutput outputs(Context ctx, Collector<GovernanceEvent> out) {
        return new BookOutput() {
            @Override
            public void event(GovernanceEvent event) {
                out.collect(event);
            }

            @Override
            public void allocation(AllocationEvent allocation) {
                ctx.output(ALLOCATIONS, allocation);
            }

            @Override
            public void intent(TradeIntent intent) {
                ctx.output(INTENTS, intent);
                intentsOut.inc();
            }

            @Override
            public void refusedFill(SourcedFill fill, String errorClass, String reason) {
                deadLetter(fill, errorClass, reason, ctx);
            }

            @Override
            public void bookedFill(boolean duplicate) {
                (duplicate ? fillsDuplicate : fillsBooked).inc();
            }

            @Override
            public void planned(PlanResult result) {
                result.rejected().forEach((reason, count) -> rejected.get(reason).inc(count));
            }
        };
    }

    /** From the bytes the source read, never by encoding the fill again. */
    private void deadLetter(SourcedFill sourced, String errorClass, String reason, Context ctx) {
        fillsDeadLettered.inc();
        ctx.output(
                DeadLetterOutput.TAG,
                DeadLetters.ofSourced(sourced, fillsTopic, "book", errorClass, reason));
    }
}
