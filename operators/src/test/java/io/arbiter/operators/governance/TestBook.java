package io.arbiter.operators.governance;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelAllocation;

import java.time.Instant;
import java.util.List;

/** Named times, metrics and look-ups for the governor's scenario tests. */
final class TestBook {

    static final String BOOK = "book-1";

    /** A Monday morning, so a week of days follows without a week boundary until Sunday night. */
    static final long BEGINNING = Instant.parse("2026-03-02T09:00:00Z").toEpochMilli();

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    static final long NEXT_MIDNIGHT = Instant.parse("2026-03-03T00:00:00Z").toEpochMilli();

    private TestBook() {}

    static BookGovernor governor() {
        return new BookGovernor(BOOK, Policy.defaults());
    }

    /** A governor holding {@code models}, each registered a minute after the previous one. */
    static BookGovernor governorWith(String... models) {
        BookGovernor g = governor();
        for (int i = 0; i < models.length; i++) {
            g.register(
                    BEGINNING - (models.length - i) * MINUTE,
                    Registration.withDefaultPrior(models[i], "v1"),
                    "register-" + models[i]);
        }
        return g;
    }

    /** A snapshot with a healthy win rate and no drawdown. */
    static ModelMetrics pf(double profitFactor, int closedTrades) {
        return new ModelMetrics(profitFactor, closedTrades, 0.6, 0.0, 0.0);
    }

    static ModelMetrics drawdown(double drawdown, int closedTrades) {
        return new ModelMetrics(2.0, closedTrades, 0.6, drawdown, drawdown);
    }

    static ModelMetrics winRate(double winRate, int closedTrades) {
        return new ModelMetrics(2.0, closedTrades, winRate, 0.0, 0.0);
    }

    /** The only event of {@code decision}. */
    static GovernanceEvent only(Decision decision) {
        if (decision.events().size() != 1) {
            throw new AssertionError("expected one event, got " + decision.events());
        }
        return decision.events().get(0);
    }

    static List<GovernanceEvent> ofKind(Decision decision, GovernanceKind kind) {
        return decision.events().stream().filter(e -> e.getKind() == kind).toList();
    }

    static ModelAllocation share(AllocationEvent event, String model) {
        return event.getAllocations().stream()
                .filter(a -> a.getModel().equals(model))
                .findFirst()
                .orElseThrow(() -> new AssertionError(model + " not in " + event));
    }
}
