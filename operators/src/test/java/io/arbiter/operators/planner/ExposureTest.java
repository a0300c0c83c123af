package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import org.junit.jupiter.api.Test;

import static io.arbiter.operators.planner.TestDesk.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExposureTest {

    private static final double EXACT = 1e-9;

    @Test
    void measuresRoomsAgainstTheAccountCash() {
        Exposure exposure = new Exposure(Policy.defaults().planner());
        exposure.add("MSFT", 100);
        exposure.add("IBM", 150);

        // single ticker 0.25 × 1000 = 250
        assertThat(exposure.tickerRoom("MSFT")).isCloseTo(150, within(EXACT));
        assertThat(exposure.tickerRoom("XOM")).isCloseTo(250, within(EXACT));
        // information technology 0.40 × 1000 = 400, holding 250
        assertThat(exposure.sectorRoom("INTC")).isCloseTo(150, within(EXACT));
        assertThat(exposure.sectorRoom("XOM")).isCloseTo(400, within(EXACT));
        // top five 0.50 × 1000 = 500: the others sum 150 (IBM), so MSFT may reach 350
        assertThat(exposure.topRoom("MSFT")).isCloseTo(250, within(EXACT));
    }

    @Test
    void theTopFiveRoomCountsOnlyTheLargestOthers() {
        Exposure exposure = new Exposure(Policy.defaults().planner());
        for (String symbol : new String[] {"AA", "AXP", "BA", "C"}) {
            exposure.add(symbol, 110);
        }
        exposure.add("DD", 30);
        exposure.add("GE", 10);

        // New ticker: the four largest others sum 440 and the fifth (30) fits under 500: it may
        // grow to 500 − 440 = 60.
        assertThat(exposure.topRoom("KO")).isCloseTo(60, within(EXACT));
        // GE itself (10): its others' four largest are 440, fifth 30; it may grow to 60, by 50.
        assertThat(exposure.topRoom("GE")).isCloseTo(50, within(EXACT));
        // AA (110): others' four largest 110 × 3 + 30 = 360, fifth 10; AA may grow to 140.
        assertThat(exposure.topRoom("AA")).isCloseTo(30, within(EXACT));
        assertThat(exposure.topSum()).isCloseTo(470, within(EXACT));
    }

    @Test
    void noTopFiveRoomOnceTheOthersAloneBreakTheLimit() {
        Exposure exposure = new Exposure(Policy.defaults().planner());
        for (String symbol : new String[] {"AA", "AXP", "BA", "C", "DD"}) {
            exposure.add(symbol, 120);
        }

        // 5 × 120 = 600 > 500 already (e.g. after fills above their entry prices): a sixth
        // ticker, however small, may not be added, even though it would not enter the top five.
        assertThat(exposure.topRoom("GE")).isNegative();
    }

    @Test
    void aTopCountOfOneIsTheLargestTicker() {
        Exposure exposure =
                new Exposure(
                        policy("planner: {exposure: {top-five: 0.3, top-count: 1}}").planner());
        exposure.add("AA", 200);

        assertThat(exposure.topRoom("AA")).isCloseTo(100, within(EXACT));
        assertThat(exposure.topRoom("BA")).isCloseTo(300, within(EXACT));
    }
}
