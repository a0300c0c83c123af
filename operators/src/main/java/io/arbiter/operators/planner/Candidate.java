package io.arbiter.operators.planner;

import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.SignalSide;

/**
 * One model's gated signal for one bar, with the market numbers the planner prices it with. The
 * close and the ATR are explicit, not read from the signal, so the planner does not depend on where
 * they travel.
 *
 * @param model id of the model that signalled
 * @param version that model's version
 * @param symbol the ticker
 * @param time event time of the signal's bar (epoch milliseconds)
 * @param regime the symbol's volatility regime at that bar
 * @param pCal calibrated probability that the trade wins
 * @param side the position the signal asks for
 * @param gate the gate's decision; only {@link GateDecision#PASS} may trade
 * @param close the bar's close: the entry price
 * @param atr ATR(14) at that bar: the unit of the take-profit and stop-loss distances
 * @param barIntervalMillis the bar's length; 0 or less when unknown (the policy's default applies)
 */
public record Candidate(
        String model,
        String version,
        String symbol,
        long time,
        Regime regime,
        double pCal,
        SignalSide side,
        GateDecision gate,
        double close,
        double atr,
        long barIntervalMillis) {

    /** The candidate a signal makes, priced at {@code close} with {@code atr}. */
    public static Candidate of(
            ModelSignal signal, double close, double atr, long barIntervalMillis) {
        return new Candidate(
                signal.getModel(),
                signal.getVersion(),
                signal.getSymbol(),
                signal.getTime().toEpochMilli(),
                signal.getRegime(),
                signal.getPCal(),
                sideOf(signal),
                signal.getGate(),
                close,
                atr,
                barIntervalMillis);
    }

    /**
     * The side the signal asks for: its side when the policy's gate passed it, else the side its
     * model proposed (a book whose gate has moved may pass it), FLAT when neither is known.
     */
    private static SignalSide sideOf(ModelSignal signal) {
        if (signal.getGate() == GateDecision.PASS) {
            return signal.getSide();
        }
        SignalSide proposed = signal.getProposedSide();
        return proposed == SignalSide.LONG || proposed == SignalSide.SHORT
                ? proposed
                : signal.getSide();
    }

    /**
     * Why the candidate's own numbers cannot be traded, or null when they can. A bad number is
     * named, never thrown on.
     */
    String unusable() {
        if (model == null || symbol == null) {
            return "no model or symbol";
        }
        if (side != SignalSide.LONG && side != SignalSide.SHORT) {
            return "side " + side + " opens no position";
        }
        if (!(pCal >= 0 && pCal <= 1)) {
            return "calibrated probability " + pCal + " is not in [0, 1]";
        }
        if (!(close > 0) || Double.isInfinite(close)) {
            return "close " + close + " is not a positive price";
        }
        if (!(atr > 0) || Double.isInfinite(atr)) {
            return "ATR " + atr + " is not positive";
        }
        return null;
    }
}
