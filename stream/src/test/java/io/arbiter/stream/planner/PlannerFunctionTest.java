package io.arbiter.stream.planner;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

import io.arbiter.operators.planner.GuardrailAudit;
import io.arbiter.operators.planner.TestDesk;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.BookEvent;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.arbiter.operators.planner.TestDesk.allocation;
import static io.arbiter.operators.planner.TestDesk.day;
import static org.assertj.core.api.Assertions.assertThat;

class PlannerFunctionTest {

    private static final Policy POLICY =
            TestDesk.policy("planner:\n" + TestDesk.NO_EXPOSURE_LIMITS);

    @Test
    void plansASignalsBarOnceTheWatermarkPassesWhateverTheArrivalOrderAndAuditsClean()
            throws Exception {
        List<BookEvent> inputs =
                List.of(
                        signal("good", "AA", 0.70, GateDecision.PASS),
                        signal("good", "BA", 0.72, GateDecision.PASS),
                        signal("good", "CAT", 0.55, GateDecision.BELOW_THRESHOLD),
                        signal("halted", "DD", 0.90, GateDecision.PASS),
                        event(
                                allocation(
                                        day(1),
                                        1.0,
                                        "good",
                                        ModelState.ACTIVE,
                                        1.0,
                                        "halted",
                                        ModelState.HALTED,
                                        0.0)));
        List<TradeIntent> forward = run(inputs);
        List<BookEvent> reversed = new ArrayList<>(inputs);
        java.util.Collections.reverse(reversed);
        List<TradeIntent> backward = run(reversed);

        // The allocation (same bar time) applies before the signals; only the good model's two
        // passing signals become intents, and the order of arrival changes nothing.
        assertThat(forward)
                .extracting(TradeIntent::getSymbol)
                .containsExactlyInAnyOrder("AA", "BA");
        assertThat(forward).extracting(TradeIntent::getModel).containsOnly("good");
        assertThat(backward.toString()).isEqualTo(forward.toString());

        GuardrailAudit audit = new GuardrailAudit("desk", POLICY);
        audit.onAllocation(inputs.get(4).getAllocation());
        for (TradeIntent intent : forward) {
            assertThat(audit.onIntent(intent)).as(intent.getIntentId()).isEmpty();
        }
    }

    private static List<TradeIntent> run(List<BookEvent> inputs) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, BookEvent, TradeIntent> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new PlannerFunction(POLICY), BookEvent::getBook, Types.STRING)) {
            for (BookEvent event : inputs) {
                harness.processElement(event, day(1));
            }
            assertThat(harness.extractOutputValues()).isEmpty(); // waits for the watermark
            harness.processWatermark(new Watermark(day(1)));
            return new ArrayList<>(harness.extractOutputValues());
        }
    }

    private static BookEvent signal(String model, String symbol, double p, GateDecision gate) {
        ModelSignal signal =
                ModelSignal.newBuilder()
                        .setModel(model)
                        .setVersion("v1")
                        .setSymbol(symbol)
                        .setTime(Instant.ofEpochMilli(day(1)))
                        .setRegime(Regime.MED_VOL)
                        .setPRaw(p)
                        .setPCal(p)
                        .setSide(gate == GateDecision.PASS ? SignalSide.LONG : SignalSide.FLAT)
                        .setGate(gate)
                        .setGateThreshold(0.62)
                        .setExternal(false)
                        // Cheap enough for whole units: 250 of cash buys 125 at 2.
                        .setClose(2)
                        .setAtr(0.05)
                        .build();
        return BookEvent.newBuilder().setBook("desk").setSignal(signal).build();
    }

    private static BookEvent event(io.arbiter.schemas.AllocationEvent allocation) {
        return BookEvent.newBuilder().setBook("desk").setAllocation(allocation).build();
    }
}
