package io.arbiter.jobs.monitor;

import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.ModelState;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The adapter reads PF(30d), drawdown and closed trades wherever the ModelAllocation schema has
 * them, and reports them unknown where it does not. One of the two tests runs, depending on the
 * schema on the classpath.
 */
class AllocationFiguresTest {

    private static final Schema SCHEMA = ModelAllocation.getClassSchema();

    @Test
    void readsTheFiguresTheAllocationCarries() {
        assumeTrue(hasFigures(), "ModelAllocation has no performance figures yet");
        ModelAllocation allocation = DeskEvents.model("m", ModelState.ACTIVE, 0.02, 5, 2);
        allocation.put(
                SCHEMA.getField(AllocationFigures.PROFIT_FACTOR).pos(), Double.POSITIVE_INFINITY);
        allocation.put(SCHEMA.getField(AllocationFigures.DRAWDOWN).pos(), 0.031);
        allocation.put(SCHEMA.getField(AllocationFigures.CLOSED_TRADES).pos(), 42);

        assertThat(AllocationFigures.profitFactor(allocation)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(AllocationFigures.drawdown(allocation)).isEqualTo(0.031);
        assertThat(AllocationFigures.closedTrades(allocation)).isEqualTo(42);
    }

    @Test
    void reportsTheFiguresUnknownWhileTheSchemaLacksThem() {
        assumeFalse(hasFigures(), "ModelAllocation carries performance figures");
        ModelAllocation allocation = DeskEvents.model("m", ModelState.ACTIVE, 0.02, 5, 2);

        assertThat(AllocationFigures.profitFactor(allocation)).isNaN();
        assertThat(AllocationFigures.drawdown(allocation)).isNaN();
        assertThat(AllocationFigures.closedTrades(allocation))
                .isEqualTo(AllocationFigures.UNKNOWN_COUNT);
    }

    private static boolean hasFigures() {
        return SCHEMA.getField(AllocationFigures.PROFIT_FACTOR) != null
                && SCHEMA.getField(AllocationFigures.DRAWDOWN) != null
                && SCHEMA.getField(AllocationFigures.CLOSED_TRADES) != null;
    }
}
