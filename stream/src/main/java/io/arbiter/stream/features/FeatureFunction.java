package io.arbiter.stream.features;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.operators.ingest.DeadLetters;
import io.arbiter.operators.policy.FeaturePolicy;
import io.arbiter.operators.time.Admission;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.SourcedBar;
import io.arbiter.stream.ingest.DeadLetterOutput;
import io.arbiter.stream.metrics.Tally;

/**
 * Keyed by symbol: puts out-of-order bars back in event-time order and emits one {@link
 * FeatureVector} per bar once the watermark passes it. Duplicates, late bars and bars beyond the
 * pending limit go to the dead-letter output with their reason.
 *
 * <p>An event-time timer at the symbol's earliest held bar releases, once the watermark passes it,
 * every held bar the watermark has passed: no earlier bar of the symbol can still arrive, so the
 * indicators see bars in order whatever order Kafka delivered them in. The price is latency: a
 * vector leaves one out-of-orderness bound after its bar. Keeping one timer per symbol instead of
 * one per bar matters: timers were the largest Flink cost of this stage.
 *
 * <p>Replays reproduce the output exactly for input whose disorder stays within the watermark's
 * out-of-orderness bound. A bar further behind is late or not depending on when the source last
 * emitted a watermark, which depends on timing, as with any Flink watermark.
 */
public class FeatureFunction extends KeyedProcessFunction<String, SourcedBar, FeatureVector> {

    private static final long serialVersionUID = 1L;

    /** The symbol's whole feature state, one explicitly serialized object. */
    public static final ValueStateDescriptor<SymbolFeatures> STATE =
            new ValueStateDescriptor<>("symbol-features", SymbolFeaturesSerializer.INSTANCE);

    private final FeaturePolicy policy;
    private final String barsTopic;

    private transient ValueState<SymbolFeatures> state;
    private transient Tally out;
    private transient Tally duplicate;
    private transient Tally late;
    private transient Tally bufferFull;

    /**
     * @param barsTopic the bars' source topic, named in dead letters
     */
    public FeatureFunction(FeaturePolicy policy, String barsTopic) {
        this.policy = policy;
        this.barsTopic = barsTopic;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(STATE);
        out = new Tally(getRuntimeContext(), "featuresOut", "features.out");
        duplicate = new Tally(getRuntimeContext(), "barsDuplicate", "features.duplicate");
        late = new Tally(getRuntimeContext(), "barsLate", "features.late");
        bufferFull = new Tally(getRuntimeContext(), "barsBufferFull", "features.buffer-full");
    }

    @Override
    public void processElement(SourcedBar sourced, Context ctx, Collector<FeatureVector> collector)
            throws Exception {
        Bar bar = sourced.getBar();
        SymbolFeatures features = state.value();
        if (features == null) {
            features = new SymbolFeatures(ctx.getCurrentKey(), policy);
        }
        long watermark = ctx.timerService().currentWatermark();
        long earliestBefore = features.oldestPendingTime();
        Admission admission = features.offer(bar, watermark, policy);
        if (admission == Admission.HELD) {
            long time = bar.getTime().toEpochMilli();
            if (time < earliestBefore) {
                // One timer per symbol, at its earliest held bar, is enough: when it fires,
                // everything the watermark has passed is released at once.
                ctx.timerService().registerEventTimeTimer(time);
            }
            state.update(features);
            return;
        }
        tallyOf(admission).increment();
        ctx.output(DeadLetterOutput.TAG, deadLetter(sourced, admission, watermark));
    }

    /**
     * Releases every held bar the watermark has passed (not only the timer's own bar) and sets the
     * next timer at the earliest bar still held. Vectors leave with the timer's timestamp, which is
     * at or before their bar's; sinks take the Kafka timestamp from the vector's own time.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FeatureVector> collector)
            throws Exception {
        SymbolFeatures features = state.value();
        features.releaseUpTo(
                ctx.timerService().currentWatermark(),
                policy,
                vector -> {
                    out.increment();
                    collector.collect(vector);
                });
        long earliest = features.oldestPendingTime();
        if (earliest != Long.MAX_VALUE) {
            ctx.timerService().registerEventTimeTimer(earliest); // idempotent if already set
        }
        state.update(features);
    }

    private Tally tallyOf(Admission admission) {
        return switch (admission) {
            case DUPLICATE -> duplicate;
            case LATE -> late;
            default -> bufferFull;
        };
    }

    private DeadLetter deadLetter(SourcedBar sourced, Admission admission, long watermark) {
        Bar bar = sourced.getBar();
        String what = bar.getSymbol() + " bar at " + bar.getTime();
        String reason =
                switch (admission) {
                    case DUPLICATE -> "duplicate: a " + what + " was already received";
                    case LATE ->
                            "late: "
                                    + what
                                    + " arrived after event time had passed it"
                                    + (watermark == Long.MIN_VALUE
                                            ? ""
                                            : " (watermark "
                                                    + java.time.Instant.ofEpochMilli(watermark)
                                                    + ")");
                    default ->
                            "buffer-full: "
                                    + policy.maxPendingBars()
                                    + " bars of "
                                    + bar.getSymbol()
                                    + " already wait for the watermark";
                };
        // The bar's bytes as the source read them: nothing is encoded again here.
        return DeadLetters.ofSourced(
                sourced, barsTopic, DeadLetters.STAGE_FEATURES, admission.reason(), reason);
    }
}
