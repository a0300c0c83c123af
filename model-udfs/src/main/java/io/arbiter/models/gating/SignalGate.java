package io.arbiter.models.gating;

import io.arbiter.operators.policy.GatePolicy;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.SignalSide;

import java.time.Instant;

/**
 * Calibrates a raw probability with the regime's calibrator and decides whether the signal may
 * become a trade candidate (DOMAIN.md §5), in this order:
 *
 * <ol>
 *   <li>regime UNKNOWN → {@code REGIME_UNKNOWN} (no threshold applies: NaN);
 *   <li>no calibrator for the regime → {@code NO_CALIBRATOR} (p_cal NaN): an uncalibrated p is not
 *       comparable with a threshold on calibrated p;
 *   <li>p_cal below the regime's threshold → {@code BELOW_THRESHOLD};
 *   <li>otherwise {@code PASS} (p_cal equal to the threshold passes).
 * </ol>
 *
 * <p>Side: our models are trained on a long-only label (take-profit above the entry touched before
 * the stop below), so p is P(a long trade wins): a passing signal asks for LONG, any other for FLAT
 * (the signal is still emitted, so its p_raw and p_cal reach health checks and the journal). An
 * external signal's p_win is the probability that the trade it names wins, so a passing external
 * signal keeps its own side and a failing one is FLAT.
 *
 * <p>{@code MODEL_HALTED} is not decided here: whether a model is halted is governance state, which
 * the caller overlays on the signal this gate returns.
 */
public final class SignalGate {

    private final GatePolicy policy;

    public SignalGate(GatePolicy policy) {
        this.policy = policy;
    }

    /**
     * The gated signal of one model at one bar.
     *
     * @throws IllegalArgumentException when {@code pRaw} is not a probability (NaN, outside [0, 1])
     */
    public ModelSignal gate(
            String model,
            String version,
            String symbol,
            Instant time,
            Regime regime,
            double pRaw,
            RegimeCalibrators calibrators) {
        return decide(model, version, symbol, time, regime, pRaw, SignalSide.LONG, calibrators)
                .setExternal(false)
                .build();
    }

    /**
     * The gated form of a signal scored outside the job, in the regime of its symbol at its bar
     * (the caller joins that from the feature stream; ExternalSignal carries none).
     *
     * @throws IllegalArgumentException when {@code pWin} is not a probability
     */
    public ModelSignal gate(ExternalSignal signal, Regime regime, RegimeCalibrators calibrators) {
        return decide(
                        signal.getModel(),
                        signal.getVersion(),
                        signal.getSymbol(),
                        signal.getTime(),
                        regime,
                        signal.getPWin(),
                        signal.getSide(),
                        calibrators)
                .setExternal(true)
                .build();
    }

    /** True for a finite value in [0, 1], the only thing the gate accepts as p_raw. */
    public static boolean isProbability(double p) {
        return p >= 0 && p <= 1;
    }

    private ModelSignal.Builder decide(
            String model,
            String version,
            String symbol,
            Instant time,
            Regime regime,
            double pRaw,
            SignalSide passSide,
            RegimeCalibrators calibrators) {
        if (!isProbability(pRaw)) {
            throw new IllegalArgumentException(
                    "p_raw " + pRaw + " of model " + model + " is not a probability");
        }
        Regime known = regime == null ? Regime.UNKNOWN : regime;
        double threshold = policy.threshold(known);
        double pCal = calibrators.calibrate(known, pRaw);
        GateDecision decision;
        if (known == Regime.UNKNOWN) {
            decision = GateDecision.REGIME_UNKNOWN;
        } else if (!calibrators.has(known)) {
            decision = GateDecision.NO_CALIBRATOR;
        } else if (!(pCal >= threshold)) {
            decision = GateDecision.BELOW_THRESHOLD;
        } else {
            decision = GateDecision.PASS;
        }
        return ModelSignal.newBuilder()
                .setModel(model)
                .setVersion(version)
                .setSymbol(symbol)
                .setTime(time)
                .setRegime(known)
                .setPRaw(pRaw)
                .setPCal(pCal)
                .setSide(decision == GateDecision.PASS ? passSide : SignalSide.FLAT)
                .setProposedSide(passSide)
                .setGate(decision)
                .setGateThreshold(threshold);
    }
}
