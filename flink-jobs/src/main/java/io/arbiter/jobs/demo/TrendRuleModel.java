package io.arbiter.jobs.demo;

import io.arbiter.operators.features.indicators.Sma;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.SignalSide;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's model scored outside the job: a trend rule that stands in for an LLM or an RL agent
 * publishing to {@code signals.external}. Long when the close is above its 20-bar mean: P(win)
 * grows with the distance above it, in units of the 20-bar mean absolute move, from 0.5 to 0.8. It
 * is deliberately simple: the point is the path (an external model's signal calibrated and gated
 * like the job's own), not the edge.
 */
final class TrendRuleModel {

    /** The id of its manifest in models/ (kind external). */
    static final String ID = "trend-rule";

    static final String VERSION = "1";

    private static final int BARS = 20;

    private final Map<String, SymbolTrend> bySymbol = new HashMap<>();

    /** The rule's signal at this bar; empty until the symbol has 20 bars. */
    Optional<ExternalSignal> onBar(Bar bar) {
        SymbolTrend trend = bySymbol.computeIfAbsent(bar.getSymbol(), s -> new SymbolTrend());
        double mean = trend.mean.update(bar.getClose());
        double move =
                trend.previous == null ? Double.NaN : Math.abs(bar.getClose() - trend.previous);
        trend.previous = bar.getClose();
        double typicalMove = Double.isNaN(move) ? Double.NaN : trend.moves.update(move);
        if (Double.isNaN(mean) || !(typicalMove > 0)) {
            return Optional.empty();
        }
        double distance = (bar.getClose() - mean) / typicalMove;
        double pWin = distance <= 0 ? 0.5 : Math.min(0.8, 0.5 + 0.1 * distance);
        return Optional.of(
                ExternalSignal.newBuilder()
                        .setModel(ID)
                        .setVersion(VERSION)
                        .setSymbol(bar.getSymbol())
                        .setTime(bar.getTime())
                        .setPWin(pWin)
                        .setSide(distance > 0 ? SignalSide.LONG : SignalSide.FLAT)
                        .build());
    }

    private static final class SymbolTrend {
        final Sma mean = new Sma(BARS);
        final Sma moves = new Sma(BARS);
        Double previous;
    }
}
