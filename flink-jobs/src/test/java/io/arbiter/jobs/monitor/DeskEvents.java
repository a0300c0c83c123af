package io.arbiter.jobs.monitor;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;

import java.time.Instant;
import java.util.List;

/** Hand-made allocation and governance events for the monitor's tests. */
final class DeskEvents {

    static final Instant NINE = Instant.parse("2024-01-05T09:00:00Z");
    static final Instant TEN = Instant.parse("2024-01-05T10:00:00Z");
    static final Instant ELEVEN = Instant.parse("2024-01-05T11:00:00Z");

    private DeskEvents() {}

    /** A model's allocation without trades yet: PF NaN (no PnL), no drawdown. */
    static ModelAllocation model(
            String id, ModelState state, double share, double alpha, double beta) {
        return model(id, state, share, alpha, beta, Double.NaN, 0.0, 0);
    }

    static ModelAllocation model(
            String id,
            ModelState state,
            double share,
            double alpha,
            double beta,
            double profitFactor,
            double drawdown,
            int closedTrades) {
        return ModelAllocation.newBuilder()
                .setModel(id)
                .setVersion("1")
                .setState(state)
                .setAlpha(alpha)
                .setBeta(beta)
                .setDraw(Double.NaN)
                .setShare(share)
                .setCap(0.25)
                .setProfitFactor(profitFactor)
                .setDrawdown(drawdown)
                .setClosedTrades(closedTrades)
                .build();
    }

    static AllocationEvent allocation(
            String book, Instant time, double bufferShare, ModelAllocation... models) {
        return AllocationEvent.newBuilder()
                .setBook(book)
                .setTime(time)
                .setTrigger("round-trip")
                .setSeed(7)
                .setPolicyVersion("test")
                .setRiskScaler(1.0)
                .setAllocations(List.of(models))
                .setBufferShare(bufferShare)
                .build();
    }

    static GovernanceEvent governance(
            String id,
            String book,
            String model,
            Instant time,
            GovernanceKind kind,
            ModelState from,
            ModelState to,
            String reason) {
        return GovernanceEvent.newBuilder()
                .setEventId(id)
                .setBook(book)
                .setModel(model)
                .setModelVersion(model == null ? null : "1")
                .setTime(time)
                .setKind(kind)
                .setSeverity(Severity.WARNING)
                .setRuleId("rule-" + kind.name().toLowerCase(java.util.Locale.ROOT))
                .setFromState(from)
                .setToState(to)
                .setReason(reason)
                .setPolicyVersion("test")
                .build();
    }
}
