package io.arbiter.jobs.monitor;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.HealthReport;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.TradeIntent;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * One readable line per output record, as {@code arbiter tail} prints it: event time first, then
 * who (book, model, symbol), then the numbers that matter, then ids. Every string from a record
 * goes through {@link Figures#text} so a record is one line, whatever it carries.
 */
public final class RecordLines {

    private RecordLines() {}

    /**
     * {@code 2024-01-05 14:30:00Z AAPL gbdt-v3@2 MED_VOL LONG p 0.6120 → cal 0.6550 gate PASS
     * (threshold 0.62)}
     */
    public static String of(ModelSignal signal) {
        return String.format(
                Locale.ROOT,
                "%s  %s  %s  %s  %s  p %s → cal %s  gate %s (threshold %s)%s",
                Figures.time(signal.getTime()),
                Figures.text(signal.getSymbol()),
                model(signal.getModel(), signal.getVersion()),
                signal.getRegime(),
                signal.getSide(),
                Figures.number(signal.getPRaw(), 4),
                Figures.number(signal.getPCal(), 4),
                signal.getGate(),
                Figures.number(signal.getGateThreshold(), 2),
                signal.getExternal() ? "  external" : "");
    }

    /**
     * {@code 2024-01-05 14:30:00Z book-a BUY 12 AAPL @ 101.2500 cash 1215.00 p_win 0.6550 exp net
     * 12.34 (3.16/day over 3.9 d) TP 104.1000 SL 99.8000 horizon 20 bars model gbdt-v3@2 share
     * 1.10% risk ×1.00 intent i-1}
     */
    public static String of(TradeIntent intent) {
        return String.format(
                Locale.ROOT,
                "%s  %s  %s %d %s @ %s  cash %s  p_win %s  exp net %s (%s/day over %s d)"
                        + "  TP %s SL %s horizon %d bars  model %s share %s  risk ×%s  intent %s",
                Figures.time(intent.getTime()),
                Figures.text(intent.getBook()),
                intent.getSide(),
                intent.getQty(),
                Figures.text(intent.getSymbol()),
                Figures.number(intent.getEntryPrice(), 4),
                Figures.number(intent.getCash(), 2),
                Figures.number(intent.getPWinCal(), 4),
                Figures.number(intent.getExpPnlNet(), 2),
                Figures.number(intent.getExpPnlPerDay(), 2),
                Figures.number(intent.getEtthDays(), 1),
                Figures.number(intent.getTakeProfit(), 4),
                Figures.number(intent.getStopLoss(), 4),
                intent.getHorizonBars(),
                model(intent.getModel(), intent.getModelVersion()),
                Figures.percent(intent.getTrafficShare(), 2),
                Figures.number(intent.getRiskScaler(), 2),
                Figures.text(intent.getIntentId()));
    }

    /**
     * {@code 2024-01-05 14:31:00Z book-a SELL 12 AAPL @ 104.1000 fee 0.6200 model gbdt-v3 order i-1
     * fill f-2}
     */
    public static String of(Fill fill) {
        return String.format(
                Locale.ROOT,
                "%s  %s  %s %s %s @ %s  fee %s  model %s  order %s  fill %s",
                Figures.time(fill.getTime()),
                Figures.text(fill.getBook()),
                fill.getSide(),
                quantity(fill.getQty()),
                Figures.text(fill.getSymbol()),
                Figures.number(fill.getPrice(), 4),
                Figures.number(fill.getFee(), 4),
                model(fill.getModel(), fill.getModelVersion()),
                Figures.text(fill.getOrderId()),
                Figures.text(fill.getFillId()));
    }

    /**
     * {@code 2024-01-05 14:31:00Z book-a round-trip risk ×1.00 buffer 97.80% | gbdt-v3 ACTIVE 1.10%
     * α 24.0 β 11.0 PF 1.85 DD 0.42% 34 trades | mlp-v2 HALTED 0.00% … (halted) | 1000 Thompson
     * draws per model}: the models' shares with their posteriors and figures and, in brackets, why;
     * then the book's reasons.
     */
    public static String of(AllocationEvent event) {
        StringBuilder line =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "%s  %s  %s  risk ×%s  buffer %s",
                                Figures.time(event.getTime()),
                                Figures.text(event.getBook()),
                                Figures.text(event.getTrigger()),
                                Figures.number(event.getRiskScaler(), 2),
                                Figures.percent(event.getBufferShare(), 2)));
        for (ModelAllocation model : event.getAllocations()) {
            line.append(
                    String.format(
                            Locale.ROOT,
                            "  | %s %s %s α %s β %s PF %s DD %s %d trades%s",
                            Figures.text(model.getModel()),
                            model.getState(),
                            Figures.percent(model.getShare(), 2),
                            Figures.number(model.getAlpha(), 1),
                            Figures.number(model.getBeta(), 1),
                            Figures.number(AllocationFigures.profitFactor(model), 2),
                            Figures.percent(AllocationFigures.drawdown(model), 2),
                            AllocationFigures.closedTrades(model),
                            reasons(" (", model.getReasons(), ")")));
        }
        line.append(reasons("  | ", event.getReasons(), ""));
        return line.toString();
    }

    /**
     * {@code 2024-01-05 14:31:00Z book-a mlp-v2 HALT/ERROR ACTIVE → HALTED: profit factor 1.21
     * below 1.50 [rule governance.pf-floor, pf30 1.21, trades30 40]}
     */
    public static String of(GovernanceEvent event) {
        StringJoiner detail = new StringJoiner(", ", "  [", "]");
        detail.add("rule " + Figures.text(event.getRuleId()));
        event.getMetrics()
                .forEach((name, value) -> detail.add(Figures.text(name) + " " + figure(value)));
        if (event.getCommandId() != null) {
            detail.add("command " + Figures.text(event.getCommandId()));
        }
        return String.format(
                Locale.ROOT,
                "%s  %s  %s  %s/%s  %s%s",
                Figures.time(event.getTime()),
                Figures.text(event.getBook()),
                event.getModel() == null
                        ? GovernanceSentences.WHOLE_BOOK
                        : model(event.getModel(), event.getModelVersion()),
                event.getKind(),
                event.getSeverity(),
                GovernanceSentences.sentence(event),
                detail);
    }

    /**
     * {@code 2024-01-05 00:00:00Z book-a gbdt-v3@2 all regimes WARNING signals 120 outcomes 80
     * Brier 0.1500 ECE 0.0400 coverage 22.0% PSI max 0.050 NaN 0.0% top five 40.0% top regime 55.0%
     * | Brier 0.150 above 0.14}
     */
    public static String of(HealthReport report) {
        return String.format(
                Locale.ROOT,
                "%s  %s  %s  %s  %s  signals %d outcomes %d  Brier %s ECE %s coverage %s"
                        + " PSI max %s NaN %s top five %s top regime %s%s",
                Figures.time(report.getTime()),
                Figures.text(report.getBook()),
                model(report.getModel(), report.getModelVersion()),
                report.getRegime() == Regime.UNKNOWN ? "all regimes" : report.getRegime(),
                report.getSeverity(),
                report.getSignals(),
                report.getOutcomes(),
                Figures.number(report.getBrier(), 4),
                Figures.number(report.getEce(), 4),
                Figures.percent(report.getCoverage(), 1),
                Figures.number(report.getPsiMax(), 3),
                Figures.percent(report.getNanShare(), 1),
                Figures.percent(report.getTopFiveConcentration(), 1),
                Figures.percent(report.getMaxRegimeShare(), 1),
                reasons("  | ", report.getFindings(), ""));
    }

    /**
     * {@code 2024-01-05 14:30:00Z market.bars p1@4711 validate bar.high-below-low: high 9.0 is
     * below low 10.0 (value 57 bytes)}
     */
    public static String of(DeadLetter letter) {
        return String.format(
                Locale.ROOT,
                "%s  %s p%d@%d  %s  %s: %s  (value %s)",
                Figures.time(letter.getTime()),
                Figures.text(letter.getSourceTopic()),
                letter.getPartition(),
                letter.getOffset(),
                Figures.text(letter.getStage()),
                Figures.text(letter.getErrorClass()),
                Figures.text(letter.getReason()),
                letter.getValue() == null ? "none" : letter.getValue().remaining() + " bytes");
    }

    private static String model(String id, String version) {
        return version == null || version.isEmpty()
                ? Figures.text(id)
                : Figures.text(id) + "@" + Figures.text(version);
    }

    /** Whole units without a decimal point, other quantities as they are. */
    private static String quantity(double qty) {
        return qty == Math.rint(qty) && Math.abs(qty) < 1e15
                ? String.valueOf((long) qty)
                : Figures.number(qty, 6);
    }

    /** A metric snapshot's value: four significant decimals are enough to read it. */
    private static String figure(Double value) {
        return value == null ? Figures.NONE : Figures.number(value, 4);
    }

    private static String reasons(String before, List<String> reasons, String after) {
        if (reasons.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("; ", before, after);
        reasons.forEach(reason -> joined.add(Figures.text(reason)));
        return joined.toString();
    }
}
