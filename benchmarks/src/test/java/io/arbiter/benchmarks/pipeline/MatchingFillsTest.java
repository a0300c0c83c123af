package io.arbiter.benchmarks.pipeline;

import io.arbiter.benchmarks.features.SyntheticBars;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingFillsTest {

    private static final List<String> MODELS = List.of("alpha", "beta");
    private static final SyntheticBars BARS = SyntheticBars.generate(30, 200, 11);
    private static final List<Fill> FILLS = MatchingFills.generate(BARS, "desk", MODELS, 3.0, 5);

    @Test
    void everyFillIsPricedAtTheCloseOfItsSymbolsBarAtItsTime() {
        Map<String, Double> closes = new HashMap<>();
        for (int i = 0; i < BARS.size(); i++) {
            closes.put(BARS.name(BARS.symbol(i)) + "@" + BARS.time(i), BARS.close(i));
        }
        assertThat(FILLS).isNotEmpty();
        for (Fill fill : FILLS) {
            String key = fill.getSymbol() + "@" + fill.getTime().toEpochMilli();
            assertThat(closes).containsKey(key);
            assertThat(fill.getPrice()).isEqualTo(closes.get(key));
            assertThat(fill.getFee()).isEqualTo(fill.getQty() * fill.getPrice() * 5e-4);
        }
    }

    @Test
    void everyOpeningFillIsClosedLaterWithTheSameQuantityOnTheOtherSide() {
        Map<String, Fill> opens = new HashMap<>();
        Map<String, Fill> closes = new HashMap<>();
        for (Fill fill : FILLS) {
            String trip = fill.getFillId().substring(0, fill.getFillId().lastIndexOf('-'));
            (fill.getFillId().endsWith("-open") ? opens : closes).put(trip, fill);
        }
        assertThat(closes.keySet()).isEqualTo(opens.keySet());
        opens.forEach(
                (trip, open) -> {
                    Fill close = closes.get(trip);
                    assertThat(close.getQty()).isEqualTo(open.getQty());
                    assertThat(close.getSide())
                            .isEqualTo(open.getSide() == Side.BUY ? Side.SELL : Side.BUY);
                    assertThat(close.getTime()).isAfter(open.getTime());
                    assertThat(close.getSymbol()).isEqualTo(open.getSymbol());
                    assertThat(close.getModel()).isEqualTo(open.getModel());
                });
    }

    @Test
    void aModelNeverHoldsTwoPositionsInOneSymbolAndTradesAboutAsOftenAsAsked() {
        Map<String, Integer> position = new HashMap<>();
        Map<String, Integer> tripsByModel = new HashMap<>();
        for (Fill fill : FILLS) {
            String key = fill.getModel() + "/" + fill.getSymbol();
            int signed = fill.getSide() == Side.BUY ? 1 : -1;
            if (fill.getFillId().endsWith("-open")) {
                assertThat(position.getOrDefault(key, 0)).as("flat before " + fill).isZero();
                tripsByModel.merge(fill.getModel(), 1, Integer::sum);
            }
            position.merge(key, signed * (int) fill.getQty(), Integer::sum);
        }
        assertThat(position.values()).allMatch(p -> p == 0);
        // 3 per step asked over 199 steps; a draw of a symbol still held is skipped, so fewer.
        assertThat(tripsByModel.values()).allSatisfy(n -> assertThat(n).isBetween(150, 597));
    }

    @Test
    void theSameSeedGivesTheSameFills() {
        assertThat(MatchingFills.generate(BARS, "desk", MODELS, 3.0, 5)).isEqualTo(FILLS);
        assertThat(MatchingFills.generate(BARS, "desk", MODELS, 3.0, 6)).isNotEqualTo(FILLS);
    }
}
