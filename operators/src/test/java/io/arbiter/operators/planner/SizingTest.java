package io.arbiter.operators.planner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SizingTest {

    @Test
    void takesTheWholeUnitsThatFitUnderEveryLimit() {
        // entry 10, fee 0.1 %: target 95 → 9 units, cash 1000 / 10.01 → 99, ticker 250 → 25,
        // top five 42 → 4, sector 400 → 40: 4 units.
        Sizing size = Sizing.of(10, 0.001, 95, 1000, 250, 42, 400);

        assertThat(size.qty()).isEqualTo(4);
        assertThat(size.reason()).isNull();
    }

    @Test
    void namesTheFirstLimitThatLeavesNoUnit() {
        assertThat(Sizing.of(10, 0, 9, 5, 5, 5, 5).detail()).startsWith("per-trade target");
        assertThat(Sizing.of(10, 0, 50, 5, 5, 5, 5).reason()).isEqualTo(RejectReason.GUARDRAIL);
        assertThat(Sizing.of(10, 0, 50, 5, 5, 5, 5).detail()).startsWith("account cash left");
        assertThat(Sizing.of(10, 0, 50, 50, -3, 5, 5).reason()).isEqualTo(RejectReason.EXPOSURE);
        assertThat(Sizing.of(10, 0, 50, 50, 50, 5, 5).detail()).startsWith("top-five");
        assertThat(Sizing.of(10, 0, 50, 50, 50, 50, 9.99).detail()).startsWith("sector");
    }

    @Test
    void theCashLimitPaysTheEntryFee() {
        // 10 units at 10 are 100 of notional but 100.05 of cash at 5 bps.
        assertThat(Sizing.of(10, 0.0005, 1000, 100, 1000, 1000, 1000).qty()).isEqualTo(9);
        assertThat(Sizing.of(10, 0.0005, 1000, 100.05, 1000, 1000, 1000).qty()).isEqualTo(10);
    }

    @Test
    void neverLetsARoundedQuotientExceedTheRoom() {
        // 34 × 27.49 rounds to 934.66; the room is the double just below it. The quotient
        // room / 27.49 rounds up to exactly 34.0, yet 34 units would cost more than the room.
        double room = 934.6599999999999;
        assertThat(Math.floor(room / 27.49)).isEqualTo(34.0);
        assertThat(34 * 27.49).isGreaterThan(room);

        assertThat(Sizing.wholeUnits(room, 27.49)).isEqualTo(33);
    }

    @Test
    void noRoomOrNaNRoomBuysNothing() {
        assertThat(Sizing.wholeUnits(0, 1)).isZero();
        assertThat(Sizing.wholeUnits(-5, 1)).isZero();
        assertThat(Sizing.wholeUnits(Double.NaN, 1)).isZero();
        assertThat(Sizing.wholeUnits(Double.POSITIVE_INFINITY, 1))
                .isEqualTo(1_000_000_000_000_000L);
    }
}
