package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.arbiter.operators.planner.TestDesk.BOOK;
import static io.arbiter.operators.planner.TestDesk.NO_EXPOSURE_LIMITS;
import static io.arbiter.operators.planner.TestDesk.allocation;
import static io.arbiter.operators.planner.TestDesk.candidate;
import static io.arbiter.operators.planner.TestDesk.day;
import static io.arbiter.operators.planner.TestDesk.policy;
import static org.assertj.core.api.Assertions.assertThat;

/** Traffic as decision flow (DOMAIN.md, "traffic"): which candidates are routed, and how. */
class TradePlannerRoutingTest {

    /** Room for every routed candidate, so only routing decides what trades. */
    private static final Policy ROOMY =
            policy(
                    "planner:\n  account-cash: 1.0e12\n  max-open-positions: 100000\n"
                            + NO_EXPOSURE_LIMITS);

    private static final int CANDIDATES = 2000;

    @Test
    void theDrawIsThePublishedFunctionOfSeedBookModelSymbolAndBarTime() {
        // Independent values: a Python transcription of SplitMix64's finaliser and FNV-1a 64
        // (both from their published definitions) over the key of RoutingDraw's javadoc.
        assertThat(RoutingDraw.of(20261121L, "desk", "gbdt-ttr28", "MSFT", 946684800000L))
                .isEqualTo(0.8095897791287482);
        assertThat(RoutingDraw.of(20261121L, "desk", "logistic-ttr", "USDCHF", 946684800000L))
                .isEqualTo(0.4612204961321049);
        assertThat(RoutingDraw.of(7L, "b", "m", "S", -1L)).isEqualTo(0.4793608993493177);
    }

    @Test
    void routesACandidateWithProbabilityEqualToItsModelsShare() {
        TradePlanner planner = roomyPlanner("m", 0.3);

        PlanResult plan = planner.plan(day(0), candidates("m"));

        int routed = CANDIDATES - plan.rejected(RejectReason.NOT_ROUTED);
        // Binomial(2000, 0.3): mean 600, sd 20.5; the draws are fixed, so this never flakes, and
        // it fails if the share is ignored (2000 or 0) or misread (e.g. 1 − share: 1400).
        assertThat(routed).isBetween(600 - 62, 600 + 62);
        assertThat(plan.intents()).hasSize(routed);
    }

    @Test
    void aRoutedTradeIsSizedAtTheFullTargetAndCarriesItsShareAsPropensity() {
        TradePlanner planner = roomyPlanner("m", 0.3);

        PlanResult plan = planner.plan(day(0), candidates("m"));

        // 250 × risk scaler 1.0 at a close of 20: 12 units, not 250 × 0.3 / 20 = 3.
        assertThat(plan.intents())
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.getQty()).isEqualTo(12));
        assertThat(plan.intents())
                .allSatisfy(
                        i -> {
                            assertThat(i.getPropensity()).isEqualTo(0.3);
                            assertThat(i.getTrafficShare()).isEqualTo(0.3);
                        });
        assertThat(plan.rejections())
                .filteredOn(r -> r.reason() == RejectReason.NOT_ROUTED)
                .first()
                .satisfies(r -> assertThat(r.detail()).startsWith("not routed: draw 0."));
    }

    @Test
    void aReplayRoutesTheSameWayAndOtherModelsNeverChangeAModelsRouting() {
        Set<String> alone =
                routedSymbols(roomyPlanner("m", 0.3).plan(day(0), candidates("m")), "m");
        Set<String> replayed =
                routedSymbols(roomyPlanner("m", 0.3).plan(day(0), candidates("m")), "m");

        TradePlanner crowded = new TradePlanner(BOOK, ROOMY);
        crowded.onAllocation(
                allocation(
                        day(0), 1.0, "m", ModelState.ACTIVE, 0.3, "other", ModelState.ACTIVE, 0.5));
        List<Candidate> both = new ArrayList<>(candidates("other"));
        both.addAll(candidates("m"));
        Set<String> withOther = routedSymbols(crowded.plan(day(0), both), "m");

        assertThat(replayed).isEqualTo(alone);
        assertThat(withOther).isEqualTo(alone);
    }

    @Test
    void aModelWithTheWholeFlowTakesEveryCandidate() {
        PlanResult plan = roomyPlanner("m", 1.0).plan(day(0), candidates("m"));
        assertThat(plan.rejected(RejectReason.NOT_ROUTED)).isZero();
        assertThat(plan.intents()).hasSize(CANDIDATES);
    }

    private static TradePlanner roomyPlanner(String model, double share) {
        TradePlanner planner = new TradePlanner(BOOK, ROOMY);
        planner.onAllocation(allocation(day(0), 1.0, model, ModelState.ACTIVE, share));
        return planner;
    }

    private static List<Candidate> candidates(String model) {
        List<Candidate> candidates = new ArrayList<>(CANDIDATES);
        for (int i = 0; i < CANDIDATES; i++) {
            candidates.add(candidate(model, String.format("S%04d", i)).build());
        }
        return candidates;
    }

    private static Set<String> routedSymbols(PlanResult plan, String model) {
        Set<String> symbols = new TreeSet<>();
        for (TradeIntent intent : plan.intents()) {
            if (intent.getModel().equals(model)) {
                symbols.add(intent.getSymbol());
            }
        }
        return symbols;
    }
}
