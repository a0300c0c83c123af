package io.arbiter.operators.governance;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UtcPeriodsTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void aDayEndsAtMidnightUtc() {
        assertThat(UtcPeriods.nextDayStart(at("2026-03-02T23:59:59.999Z")))
                .isEqualTo(at("2026-03-03T00:00:00Z"));
        assertThat(UtcPeriods.nextDayStart(at("2026-03-03T00:00:00Z")))
                .isEqualTo(at("2026-03-04T00:00:00Z"));
    }

    @Test
    void aWeekRunsFromMondayToSundayUtc() {
        // 2026-03-02 is a Monday, 2026-03-08 a Sunday.
        assertThat(UtcPeriods.week(at("2026-03-02T00:00:00Z")))
                .isEqualTo(UtcPeriods.week(at("2026-03-08T23:59:59Z")));
        assertThat(UtcPeriods.week(at("2026-03-09T00:00:00Z")))
                .isEqualTo(UtcPeriods.week(at("2026-03-08T23:59:59Z")) + 1);
        assertThat(UtcPeriods.nextWeekStart(at("2026-03-04T12:00:00Z")))
                .isEqualTo(at("2026-03-09T00:00:00Z"));
        // Before the epoch too (1969-12-29 was a Monday).
        assertThat(UtcPeriods.nextWeekStart(at("1969-12-31T12:00:00Z")))
                .isEqualTo(at("1970-01-05T00:00:00Z"));
    }

    @Test
    void theTimerTicksOnMultiplesOfItsPeriodFromTheEpoch() {
        long day = UtcPeriods.DAY_MS;
        assertThat(UtcPeriods.nextTick(at("2026-03-02T09:00:00Z"), day))
                .isEqualTo(at("2026-03-03T00:00:00Z"));
        assertThat(UtcPeriods.nextTick(at("2026-03-03T00:00:00Z"), day))
                .isEqualTo(at("2026-03-04T00:00:00Z"));
    }
}
