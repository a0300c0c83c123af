package io.arbiter.jobs.monitor;

import io.arbiter.schemas.ModelAllocation;
import org.apache.avro.Schema;

/**
 * The performance figures a {@link ModelAllocation} carries next to its share: profit factor over
 * the 30-day window, current drawdown and closed trades in the window.
 *
 * <p>The one place that reads them. They are looked up by field name in the record's schema rather
 * than through generated getters, so the monitor compiles and runs against a schema with or without
 * them: without them (an older schema on the classpath) every figure is unknown, NaN for the two
 * ratios and -1 for the count, and the table prints —. Once every branch has the fields, the
 * lookups can become {@code allocation.getProfitFactor()} and friends.
 */
final class AllocationFigures {

    static final String PROFIT_FACTOR = "profitFactor";
    static final String DRAWDOWN = "drawdown";
    static final String CLOSED_TRADES = "closedTrades";

    /** Closed trades when the schema has no such field. */
    static final int UNKNOWN_COUNT = -1;

    private static final Schema.Field PF = ModelAllocation.getClassSchema().getField(PROFIT_FACTOR);
    private static final Schema.Field DD = ModelAllocation.getClassSchema().getField(DRAWDOWN);
    private static final Schema.Field TRADES =
            ModelAllocation.getClassSchema().getField(CLOSED_TRADES);

    private AllocationFigures() {}

    /** PF(30d): may be +Infinity (no losses) or NaN (no PnL, or not in the schema). */
    static double profitFactor(ModelAllocation allocation) {
        return number(allocation, PF);
    }

    /** Current drawdown as a fraction of peak equity; NaN when not in the schema. */
    static double drawdown(ModelAllocation allocation) {
        return number(allocation, DD);
    }

    /** Closed round trips in the window; {@link #UNKNOWN_COUNT} when not in the schema. */
    static int closedTrades(ModelAllocation allocation) {
        if (TRADES == null) {
            return UNKNOWN_COUNT;
        }
        Object value = allocation.get(TRADES.pos());
        return value instanceof Number n ? n.intValue() : UNKNOWN_COUNT;
    }

    private static double number(ModelAllocation allocation, Schema.Field field) {
        if (field == null) {
            return Double.NaN;
        }
        Object value = allocation.get(field.pos());
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
