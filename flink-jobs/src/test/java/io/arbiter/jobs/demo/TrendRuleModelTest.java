package io.arbiter.jobs.demo;

import io.arbiter.models.gating.ExternalModels;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.SignalSide;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrendRuleModelTest {

    private static final Instant DAY0 = Instant.parse("2000-01-03T00:00:00Z");

    @Test
    void staysSilentForTwentyBarsThenScoresTheDistanceAboveTheMean() {
        TrendRuleModel rule = new TrendRuleModel();
        List<Optional<ExternalSignal>> out = new ArrayList<>();
        // Closes 1, 2, ..., 21: every move is 1, so the 20-bar mean of moves is 1 from bar 21 on.
        for (int i = 0; i < 21; i++) {
            out.add(rule.onBar(bar(i, 1 + i)));
        }
        assertThat(out.subList(0, 20)).allMatch(Optional::isEmpty);
        ExternalSignal signal = out.get(20).orElseThrow();
        // Bar 21: close 21, mean of closes 2..21 = 11.5, distance (21 - 11.5) / 1 = 9.5 → capped
        // at 0.8.
        assertThat(signal.getPWin()).isEqualTo(0.8);
        assertThat(signal.getSide()).isEqualTo(SignalSide.LONG);
        assertThat(signal.getModel()).isEqualTo(TrendRuleModel.ID);

        // A close below its mean: no trend, FLAT at 0.5.
        ExternalSignal down = rule.onBar(bar(21, 5)).orElseThrow();
        assertThat(down.getSide()).isEqualTo(SignalSide.FLAT);
        assertThat(down.getPWin()).isCloseTo(0.5, within(0.0));
    }

    @Test
    void itsShippedManifestIsAnExternalModelWithIdentityCalibrators() {
        var model = ExternalModels.load(Path.of("../models/trend-rule"));
        assertThat(model.manifest().id()).isEqualTo(TrendRuleModel.ID);
        assertThat(model.manifest().version()).isEqualTo(TrendRuleModel.VERSION);
        for (Regime regime : List.of(Regime.LOW_VOL, Regime.MED_VOL, Regime.HIGH_VOL)) {
            assertThat(model.calibrators().calibrate(regime, 0.67)).isCloseTo(0.67, within(1e-12));
        }
    }

    private static Bar bar(int day, double close) {
        return Bar.newBuilder()
                .setSymbol("IBM")
                .setTime(DAY0.plus(Duration.ofDays(day)))
                .setIntervalMillis(86_400_000L)
                .setOpen(close)
                .setHigh(close)
                .setLow(close)
                .setClose(close)
                .setVolume(1)
                .build();
    }
}
