package io.arbiter.models.gating;

import io.arbiter.models.manifest.ModelManifest.Calibrator;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.SignalSide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalGateTest {

    private static final Instant BAR_TIME = Instant.parse("2024-03-01T21:00:00Z");

    /** Identity isotonic map on [0, 1]: p_cal = p_raw, so thresholds can be hit exactly. */
    private static final Calibrator IDENTITY =
            new Calibrator("isotonic", null, null, List.of(0.0, 1.0), List.of(0.0, 1.0), 0.2);

    private static final RegimeCalibrators LOW_AND_HIGH =
            RegimeCalibrators.of(Map.of("low_vol", IDENTITY, "high_vol", IDENTITY));

    private final SignalGate gate = new SignalGate(Policy.defaults().gates());

    @Test
    void passesAtOrAboveTheRegimesThresholdAndAsksForLong() {
        ModelSignal low = score(Regime.LOW_VOL, 0.60);
        ModelSignal high = score(Regime.HIGH_VOL, 0.66);

        assertThat(low.getGate()).isEqualTo(GateDecision.PASS);
        assertThat(low.getGateThreshold()).isEqualTo(0.60);
        assertThat(low.getSide()).isEqualTo(SignalSide.LONG);
        assertThat(high.getGate()).isEqualTo(GateDecision.PASS);
        assertThat(high.getGateThreshold()).isEqualTo(0.65);
        assertThat(high.getPCal()).isEqualTo(0.66, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void belowTheThresholdIsFlatAndStillCarriesItsProbabilities() {
        ModelSignal signal = score(Regime.HIGH_VOL, 0.64);

        assertThat(signal.getGate()).isEqualTo(GateDecision.BELOW_THRESHOLD);
        assertThat(signal.getSide()).isEqualTo(SignalSide.FLAT);
        assertThat(signal.getGateThreshold()).isEqualTo(0.65);
        assertThat(signal.getPRaw()).isEqualTo(0.64);
        assertThat(signal.getPCal()).isEqualTo(0.64, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(signal.getExternal()).isFalse();
    }

    @Test
    void theSameProbabilityPassesInOneRegimeAndNotInAnother() {
        RegimeCalibrators everywhere =
                RegimeCalibrators.of(
                        Map.of("low_vol", IDENTITY, "med_vol", IDENTITY, "high_vol", IDENTITY));
        double p = 0.63;

        assertThat(gate.gate("m", "1", "AAPL", BAR_TIME, Regime.LOW_VOL, p, everywhere).getGate())
                .isEqualTo(GateDecision.PASS);
        assertThat(gate.gate("m", "1", "AAPL", BAR_TIME, Regime.MED_VOL, p, everywhere).getGate())
                .isEqualTo(GateDecision.PASS);
        assertThat(gate.gate("m", "1", "AAPL", BAR_TIME, Regime.HIGH_VOL, p, everywhere).getGate())
                .isEqualTo(GateDecision.BELOW_THRESHOLD);
        assertThat(
                        gate.gate("m", "1", "AAPL", BAR_TIME, Regime.MED_VOL, 0.61, everywhere)
                                .getGate())
                .isEqualTo(GateDecision.BELOW_THRESHOLD);
    }

    @Test
    void aRegimeWithoutCalibratorIsNoCalibratorWhateverP() {
        ModelSignal signal = score(Regime.MED_VOL, 0.99);

        assertThat(signal.getGate()).isEqualTo(GateDecision.NO_CALIBRATOR);
        assertThat(signal.getPCal()).isNaN();
        assertThat(signal.getGateThreshold()).isEqualTo(0.62);
        assertThat(signal.getSide()).isEqualTo(SignalSide.FLAT);
    }

    @Test
    void anUnknownRegimeIsRegimeUnknownWithNoThreshold() {
        ModelSignal signal = score(Regime.UNKNOWN, 0.99);

        assertThat(signal.getGate()).isEqualTo(GateDecision.REGIME_UNKNOWN);
        assertThat(signal.getGateThreshold()).isNaN();
        assertThat(signal.getPCal()).isNaN();
        assertThat(signal.getSide()).isEqualTo(SignalSide.FLAT);
        assertThat(signal.getRegime()).isEqualTo(Regime.UNKNOWN);
    }

    @Test
    void anExternalSignalGoesThroughTheSameGateAndKeepsItsSideWhenItPasses() {
        ExternalSignal shortCall =
                ExternalSignal.newBuilder()
                        .setModel("llm-news")
                        .setVersion("7")
                        .setSymbol("MSFT")
                        .setTime(BAR_TIME)
                        .setPWin(0.70)
                        .setSide(SignalSide.SHORT)
                        .build();

        ModelSignal passed = gate.gate(shortCall, Regime.LOW_VOL, LOW_AND_HIGH);
        ModelSignal uncalibrated = gate.gate(shortCall, Regime.MED_VOL, LOW_AND_HIGH);

        assertThat(passed.getExternal()).isTrue();
        assertThat(passed.getModel()).isEqualTo("llm-news");
        assertThat(passed.getVersion()).isEqualTo("7");
        assertThat(passed.getSymbol()).isEqualTo("MSFT");
        assertThat(passed.getTime()).isEqualTo(BAR_TIME);
        assertThat(passed.getPRaw()).isEqualTo(0.70);
        assertThat(passed.getGate()).isEqualTo(GateDecision.PASS);
        assertThat(passed.getSide()).isEqualTo(SignalSide.SHORT);
        assertThat(uncalibrated.getGate()).isEqualTo(GateDecision.NO_CALIBRATOR);
        assertThat(uncalibrated.getSide()).isEqualTo(SignalSide.FLAT);
    }

    @Test
    void refusesARawValueThatIsNotAProbability() {
        for (double p : new double[] {Double.NaN, -0.01, 1.2, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> score(Regime.LOW_VOL, p))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a probability");
        }
    }

    private ModelSignal score(Regime regime, double pRaw) {
        return gate.gate("gbdt-ttr", "3", "AAPL", BAR_TIME, regime, pRaw, LOW_AND_HIGH);
    }
}
