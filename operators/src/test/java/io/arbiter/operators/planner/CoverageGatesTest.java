package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.arbiter.operators.planner.TestDesk.BOOK;
import static io.arbiter.operators.planner.TestDesk.NO_EXPOSURE_LIMITS;
import static io.arbiter.operators.planner.TestDesk.allocation;
import static io.arbiter.operators.planner.TestDesk.candidate;
import static io.arbiter.operators.planner.TestDesk.day;
import static io.arbiter.operators.planner.TestDesk.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The desk's coverage rule: a book's gate per model and regime that steps toward the band. */
class CoverageGatesTest {

    /** Reviews daily once 10 signals are counted; room for every trade. */
    private static final Policy POLICY =
            policy(
                    "gating: {coverage: {every: \"1 d\", min-signals: 10}}\n"
                            + "planner:\n  account-cash: 1.0e12\n  max-open-positions: 100000\n"
                            + "  max-per-ticker: 100000\n"
                            + NO_EXPOSURE_LIMITS);

    @Test
    void lowersTheGateByAStepWhenCoverageIsBelowTheBand() {
        TradePlanner planner = planner(POLICY);
        planner.plan(day(0), signals(day(0), 20, 0.50)); // none passes 0.62: coverage 0

        PlanResult next = planner.plan(day(1), List.of());

        assertThat(next.gateSteps()).hasSize(1);
        GovernanceEvent step = next.gateSteps().get(0);
        assertThat(step.getRuleId()).isEqualTo("gating.coverage");
        assertThat(step.getKind()).isEqualTo(GovernanceKind.INFO);
        assertThat(step.getModel()).isEqualTo("gbdt");
        assertThat(step.getMetrics())
                .containsEntry("coverage", 0.0)
                .containsEntry("signals", 20.0)
                .containsEntry("gateBefore", 0.62);
        assertThat(step.getMetrics().get("gateAfter")).isCloseTo(0.60, within(1e-12));
        assertThat(step.getThresholds())
                .containsEntry("gating.coverage.min", 0.15)
                .containsEntry("gating.coverage.step", 0.02)
                .containsEntry("gating.thresholds.med_vol", 0.62);
        assertThat(step.getReason())
                .startsWith(
                        "coverage 0.00% of 20 med_vol signals since 2000-03-06T00:00:00Z is"
                                + " below the band 15%–35%: gate 0.6200 → 0.6000");
    }

    @Test
    void aSignalTheBooksLoweredGatePassesIsTradedOnItsProposedSide() {
        TradePlanner planner = planner(POLICY);
        planner.plan(day(0), signals(day(0), 20, 0.50));
        planner.plan(day(1), List.of()); // gate 0.62 → 0.60

        PlanResult plan =
                planner.plan(
                        day(2), List.of(below("AA", day(2), 0.61), below("AXP", day(2), 0.59)));

        assertThat(plan.intents()).extracting(TradeIntent::getSymbol).containsExactly("AA");
        assertThat(plan.rejections())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.reason()).isEqualTo(RejectReason.GATE);
                            assertThat(r.detail())
                                    .isEqualTo("p 0.5900 below the book's MED_VOL gate 0.6000");
                        });
    }

    @Test
    void neverStepsDownToTheBreakEvenProbability() {
        TradePlanner planner = planner(POLICY);
        List<GovernanceEvent> steps = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            steps.addAll(planner.plan(day(d), signals(day(d), 20, 0.10)).gateSteps());
        }

        // Close 20, ATR 0.5: target 1, stop 0.5, fee 5 bps. Break-even p* = (0.5 + 2 × 0.0005 ×
        // 20 / (1 − 0.0005)) / 1.5 = 0.346673…; 0.62 − 13 × 0.02 = 0.36 is the lowest gate above
        // it (0.34 is not), so 13 steps and no more.
        assertThat(steps).hasSize(13);
        assertThat(steps.get(12).getMetrics().get("gateAfter")).isCloseTo(0.36, within(1e-12));
        assertThat(steps.get(12).getMetrics().get("breakEven"))
                .isCloseTo((0.5 + 0.02 / 0.9995) / 1.5, within(1e-9));
    }

    @Test
    void raisesTheGateBackButNeverAboveThePolicysThreshold() {
        TradePlanner planner = planner(POLICY);
        planner.plan(day(0), signals(day(0), 20, 0.50));
        planner.plan(day(1), signals(day(1), 20, 0.50)); // 0.62 → 0.60, counting again
        List<GovernanceEvent> up = new ArrayList<>();
        for (int d = 2; d < 10; d++) {
            up.addAll(planner.plan(day(d), signals(day(d), 20, 0.95)).gateSteps());
        }

        // day 2: coverage 0 of the day-1 signals at 0.60 → 0.58; then 100 % → 0.60 → 0.62, stop.
        assertThat(up)
                .extracting(e -> Math.round(e.getMetrics().get("gateAfter") * 100))
                .containsExactly(58L, 60L, 62L);
    }

    @Test
    void waitsForItsScheduleAndEnoughSignals() {
        TradePlanner planner = planner(POLICY);
        planner.plan(day(0), signals(day(0), 9, 0.50));
        assertThat(planner.plan(day(1), List.of()).gateSteps()).isEmpty(); // 9 < 10 signals
        planner.plan(day(1), signals(day(1), 1, 0.50));
        assertThat(planner.plan(day(1) + 1, List.of()).gateSteps()).hasSize(1);
    }

    @Test
    void switchedOffTheBookKeepsThePolicysGates() {
        TradePlanner planner = planner(policy("gating: {coverage: {enabled: false}}"));
        List<GovernanceEvent> steps = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            steps.addAll(planner.plan(day(d), signals(day(d), 200, 0.50)).gateSteps());
        }
        assertThat(steps).isEmpty();
        assertThat(planner.plan(day(6), List.of(below("AA", day(6), 0.61))).intents()).isEmpty();
    }

    @Test
    void aReplayAndARestoredPlannerStepTheSameWay() throws IOException {
        TradePlanner live = planner(POLICY);
        TradePlanner replay = planner(POLICY);
        List<String> liveSteps = new ArrayList<>();
        List<String> replaySteps = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            double p = d < 6 ? 0.5 : 0.9;
            liveSteps.addAll(strings(live.plan(day(d), signals(day(d), 15, p)).gateSteps()));
            replaySteps.addAll(strings(replay.plan(day(d), signals(day(d), 15, p)).gateSteps()));
            if (d == 5) {
                replay = restore(bytes(replay));
            }
        }
        assertThat(liveSteps).isNotEmpty();
        assertThat(replaySteps).isEqualTo(liveSteps);
    }

    @Test
    void readsAFormatOnePlannerWithGatesAtThePolicysThresholds() throws IOException {
        TradePlanner restored = restore(fixture("state/trade-planner-v1.b64"));

        assertThat(restored.book()).isEqualTo("desk");
        assertThat(restored.pendingIntents()).isOne();
        assertThat(restored.clock()).isEqualTo(86_400_000L);
        // Written before gates existed: a fresh lane, and format 2 from now on.
        byte[] again = bytes(restored);
        assertThat(again[0]).isEqualTo((byte) 2);
        assertThat(restore(again).pendingIntents()).isOne();
    }

    private static TradePlanner planner(Policy policy) {
        TradePlanner planner = new TradePlanner(BOOK, policy);
        planner.onAllocation(allocation(day(0), 1.0, "gbdt", ModelState.ACTIVE, 1.0));
        return planner;
    }

    /** {@code n} med-vol signals of gbdt at {@code time}, each on its own symbol. */
    private static List<Candidate> signals(long time, int n, double p) {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(
                    candidate("gbdt", String.format("S%03d", i))
                            .at(time)
                            .p(p)
                            .gate(p >= 0.62 ? GateDecision.PASS : GateDecision.BELOW_THRESHOLD)
                            .build());
        }
        return out;
    }

    /** A med-vol signal the policy's gate (0.62) refused, with its model's proposed side. */
    private static Candidate below(String symbol, long time, double p) {
        return candidate("gbdt", symbol).at(time).p(p).gate(GateDecision.BELOW_THRESHOLD).build();
    }

    private static List<String> strings(List<GovernanceEvent> events) {
        return events.stream().map(GovernanceEvent::toString).toList();
    }

    private static byte[] bytes(TradePlanner planner) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        planner.writeTo(new DataOutputStream(out));
        return out.toByteArray();
    }

    private static TradePlanner restore(byte[] bytes) throws IOException {
        return TradePlanner.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)), POLICY);
    }

    private static byte[] fixture(String resource) throws IOException {
        try (InputStream in =
                CoverageGatesTest.class.getClassLoader().getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            return Base64.getDecoder().decode(text);
        }
    }
}
