package io.arbiter.operators.planner;

import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.SignalSide;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.arbiter.operators.planner.TestDesk.DAY;
import static org.assertj.core.api.Assertions.assertThat;

class CandidateTest {

    @Test
    void takesTheSignalsFieldsAndThePricesGivenWithIt() {
        ModelSignal signal = new ModelSignal();
        signal.setModel("gbdt");
        signal.setVersion("v3");
        signal.setSymbol("IBM");
        signal.setTime(Instant.parse("2000-03-06T00:00:00Z"));
        signal.setRegime(Regime.HIGH_VOL);
        signal.setPRaw(0.58);
        signal.setPCal(0.66);
        signal.setSide(SignalSide.LONG);
        signal.setGate(GateDecision.PASS);
        signal.setGateThreshold(0.65);

        Candidate c = Candidate.of(signal, 101.5, 2.25, DAY);

        assertThat(c)
                .isEqualTo(
                        new Candidate(
                                "gbdt",
                                "v3",
                                "IBM",
                                Instant.parse("2000-03-06T00:00:00Z").toEpochMilli(),
                                Regime.HIGH_VOL,
                                0.66,
                                SignalSide.LONG,
                                GateDecision.PASS,
                                101.5,
                                2.25,
                                DAY));
        assertThat(c.unusable()).isNull();
    }
}
