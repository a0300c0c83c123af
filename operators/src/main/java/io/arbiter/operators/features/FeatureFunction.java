package io.arbiter.operators.features;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.arbiter.schemas.Bar;
import io.arbiter.schemas.FeatureVector;

/**
 * Keyed by symbol: keeps the symbol's last close and emits one {@link FeatureVector} per bar. State
 * is one {@code double} per symbol, so it is bounded by the number of symbols.
 */
public class FeatureFunction extends KeyedProcessFunction<String, Bar, FeatureVector> {

    private static final long serialVersionUID = 1L;

    /** The symbol's last close. Shared with the savepoint tools and the tests. */
    public static final ValueStateDescriptor<Double> LAST_CLOSE =
            new ValueStateDescriptor<>("last-close", Types.DOUBLE);

    private transient ValueState<Double> lastClose;

    @Override
    public void open(OpenContext openContext) {
        lastClose = getRuntimeContext().getState(LAST_CLOSE);
    }

    @Override
    public void processElement(Bar bar, Context ctx, Collector<FeatureVector> out)
            throws Exception {
        Double previous = lastClose.value();
        out.collect(LogReturnFeatureSet.vectorOf(bar, previous == null ? Double.NaN : previous));
        lastClose.update(bar.getClose());
    }
}
