package io.arbiter.jobs.monitor;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.HealthReport;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.Severity;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.schemas.codec.AvroCodec;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.arbiter.jobs.monitor.DeskEvents.NINE;
import static io.arbiter.jobs.monitor.DeskEvents.allocation;
import static io.arbiter.jobs.monitor.DeskEvents.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One line per record, with the numbers that matter; expected text written out by hand. */
class RecordLinesTest {

    static final Instant BAR = Instant.parse("2024-01-05T14:30:00Z");

    @Test
    void aSignalShowsSymbolModelRegimeSideBothProbabilitiesAndTheGate() {
        ModelSignal signal =
                ModelSignal.newBuilder()
                        .setModel("gbdt-v3")
                        .setVersion("2")
                        .setSymbol("AAPL")
                        .setTime(BAR)
                        .setRegime(Regime.MED_VOL)
                        .setPRaw(0.612)
                        .setPCal(Double.NaN)
                        .setSide(SignalSide.LONG)
                        .setGate(GateDecision.NO_CALIBRATOR)
                        .setGateThreshold(0.62)
                        .build();

        assertThat(RecordLines.of(signal))
                .isEqualTo(
                        "2024-01-05 14:30:00Z  AAPL  gbdt-v3@2  MED_VOL  LONG  p 0.6120 → cal —"
                                + "  gate NO_CALIBRATOR (threshold 0.62)");
    }

    @Test
    void anIntentShowsTheOrderItsExpectationsExitsModelAndShare() {
        TradeIntent intent =
                TradeIntent.newBuilder()
                        .setIntentId("i-1")
                        .setBook("book-a")
                        .setTime(BAR)
                        .setSymbol("AAPL")
                        .setSide(Side.BUY)
                        .setRegime(Regime.LOW_VOL)
                        .setPWinCal(0.655)
                        .setEntryPrice(101.25)
                        .setQty(12)
                        .setCash(1215.0) // 101.25 × 12
                        .setExpPnl(13.0)
                        .setExpPnlNet(12.34)
                        .setEtthDays(3.9)
                        .setExpPnlPerDay(12.34 / 3.9) // 3.1641… → 3.16
                        .setTakeProfit(104.1)
                        .setStopLoss(99.8)
                        .setHorizonBars(20)
                        .setModel("gbdt-v3")
                        .setModelVersion("2")
                        .setTrafficShare(0.011)
                        .setRiskScaler(0.7)
                        .build();

        assertThat(RecordLines.of(intent))
                .isEqualTo(
                        "2024-01-05 14:30:00Z  book-a  BUY 12 AAPL @ 101.2500  cash 1215.00"
                                + "  p_win 0.6550  exp net 12.34 (3.16/day over 3.9 d)"
                                + "  TP 104.1000 SL 99.8000 horizon 20 bars  model gbdt-v3@2"
                                + " share 1.10%  risk ×0.70  intent i-1");
    }

    @Test
    void aFillShowsWholeUnitsWithoutADecimalPoint() {
        Fill fill =
                Fill.newBuilder()
                        .setFillId("f-2")
                        .setOrderId("i-1")
                        .setBook("book-a")
                        .setModel("gbdt-v3")
                        .setSymbol("AAPL")
                        .setSide(Side.SELL)
                        .setQty(12)
                        .setPrice(104.1)
                        .setFee(0.62)
                        .setTime(BAR)
                        .build();

        assertThat(RecordLines.of(fill))
                .isEqualTo(
                        "2024-01-05 14:30:00Z  book-a  SELL 12 AAPL @ 104.1000  fee 0.6200"
                                + "  model gbdt-v3  order i-1  fill f-2");
    }

    @Test
    void anAllocationShowsEveryModelsSharePosteriorFiguresAndWhy() {
        AllocationEvent event =
                AllocationEvent.newBuilder(
                                allocation(
                                        "book-a",
                                        NINE,
                                        0.989, // 1 − 0.011
                                        // 3 wins, no loss: PF +∞; DD 0.0042 = 0.42 %
                                        model(
                                                "m1",
                                                ModelState.PROBATION,
                                                0.011,
                                                4,
                                                1,
                                                Double.POSITIVE_INFINITY,
                                                0.0042,
                                                3),
                                        // no closed trade yet: PF NaN
                                        model("m2", ModelState.HALTED, 0.0, 2, 7)))
                        .setReasons(List.of("1000 Thompson draws per model"))
                        .build();
        event.getAllocations().get(1).setReasons(List.of("halted: traffic 0"));

        assertThat(RecordLines.of(event))
                .isEqualTo(
                        "2024-01-05 09:00:00Z  book-a  round-trip  risk ×1.00  buffer 98.90%"
                                + "  | m1 PROBATION 1.10% α 4.0 β 1.0 PF ∞ DD 0.42% 3 trades"
                                + "  | m2 HALTED 0.00% α 2.0 β 7.0 PF — DD 0.00% 0 trades"
                                + " (halted: traffic 0)  | 1000 Thompson draws per model");
    }

    @Test
    void aGovernanceEventShowsKindSeverityStateChangeReasonRuleAndMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("pf30", 1.2093);
        metrics.put("trades30", 40.0);
        GovernanceEvent halt =
                GovernanceEvent.newBuilder(
                                DeskEvents.governance(
                                        "e1",
                                        "book-a",
                                        "mlp-v2",
                                        BAR,
                                        GovernanceKind.HALT,
                                        ModelState.ACTIVE,
                                        ModelState.HALTED,
                                        "profit factor 1.21 below 1.50"))
                        .setSeverity(Severity.ERROR)
                        .setMetrics(metrics)
                        .build();
        GovernanceEvent refused =
                DeskEvents.governance(
                        "e2",
                        "book-a",
                        null,
                        BAR,
                        GovernanceKind.SECURITY,
                        ModelState.UNKNOWN,
                        ModelState.UNKNOWN,
                        "unsigned command refused");
        refused.setCommandId("c-9");

        assertThat(RecordLines.of(halt))
                .isEqualTo(
                        "2024-01-05 14:30:00Z  book-a  mlp-v2@1  HALT/ERROR  ACTIVE → HALTED:"
                                + " profit factor 1.21 below 1.50"
                                + "  [rule rule-halt, pf30 1.2093, trades30 40.0000]");
        assertThat(RecordLines.of(refused))
                .isEqualTo(
                        "2024-01-05 14:30:00Z  book-a  whole book  SECURITY/WARNING"
                                + "  unsigned command refused  [rule rule-security, command c-9]");
    }

    @Test
    void aHealthReportShowsItsNumbersAndFindings() {
        HealthReport report =
                HealthReport.newBuilder()
                        .setBook("book-a")
                        .setModel("gbdt-v3")
                        .setModelVersion("2")
                        .setRegime(Regime.UNKNOWN)
                        .setWindowStart(BAR.minusSeconds(86_400))
                        .setTime(BAR)
                        .setSignals(120)
                        .setOutcomes(80)
                        .setBrier(0.15)
                        .setEce(Double.NaN)
                        .setCoverage(0.22)
                        .setPsiMax(0.05)
                        .setNanShare(0.0)
                        .setTopFiveConcentration(0.4)
                        .setMaxRegimeShare(0.55)
                        .setSeverity(Severity.WARNING)
                        .setFindings(List.of("Brier 0.150 above 0.14"))
                        .build();

        assertThat(RecordLines.of(report))
                .isEqualTo(
                        "2024-01-05 14:30:00Z  book-a  gbdt-v3@2  all regimes  WARNING"
                                + "  signals 120 outcomes 80  Brier 0.1500 ECE — coverage 22.0%"
                                + " PSI max 0.050 NaN 0.0% top five 40.0% top regime 55.0%"
                                + "  | Brier 0.150 above 0.14");
    }

    @Test
    void aDeadLetterShowsWhereItCameFromWhyAndItsSize() {
        DeadLetter letter =
                DeadLetter.newBuilder()
                        .setSourceTopic("market.bars")
                        .setPartition(1)
                        .setOffset(4711)
                        .setValue(ByteBuffer.wrap("not avro".getBytes(StandardCharsets.UTF_8)))
                        .setStage("decode")
                        .setErrorClass("java.io.IOException")
                        .setReason("bad header")
                        .setTime(BAR)
                        .build();

        assertThat(RecordLines.of(letter))
                .isEqualTo(
                        "2024-01-05 14:30:00Z  market.bars p1@4711  decode"
                                + "  java.io.IOException: bad header  (value 8 bytes)");
    }

    @Test
    void eachAliasDecodesItsOwnRecordTypeAndRefusesOthers() throws Exception {
        OutputTopic gov = OutputTopic.byAlias("gov");
        GovernanceEvent event =
                DeskEvents.governance(
                        "e1",
                        "book-a",
                        "m",
                        BAR,
                        GovernanceKind.WARN,
                        ModelState.ACTIVE,
                        ModelState.WARNING,
                        "profit factor 1.60 between 1.50 and 1.70");
        byte[] bytes = AvroCodec.of(GovernanceEvent.class).encode(event);

        assertThat(gov.line(bytes)).isEqualTo(RecordLines.of(event));
        assertThat(gov.recordType()).isEqualTo("GovernanceEvent");
        assertThatThrownBy(() -> OutputTopic.byAlias("fills").line(bytes))
                .isInstanceOf(java.io.IOException.class);
        assertThat(OutputTopic.byAlias("nope")).isNull();
        assertThat(OutputTopic.aliases()).isEqualTo("signals|orders|fills|alloc|gov|health|dlq");
    }
}
