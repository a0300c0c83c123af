package io.arbiter.operators.governance;

/**
 * Event-time calendar periods of the breakers: the UTC day and the ISO week (Monday to Sunday,
 * UTC). Numbered from the epoch, so they need no time-zone database and are the same everywhere.
 */
final class UtcPeriods {

    static final long DAY_MS = 86_400_000L;

    private UtcPeriods() {}

    /** Days since 1970-01-01 (UTC). */
    static long day(long time) {
        return Math.floorDiv(time, DAY_MS);
    }

    /** Start of the next UTC day. */
    static long nextDayStart(long time) {
        return (day(time) + 1) * DAY_MS;
    }

    /** ISO weeks since the week of the epoch. 1970-01-01 was a Thursday: +3 makes Monday day 0. */
    static long week(long time) {
        return Math.floorDiv(day(time) + 3, 7);
    }

    /** Start of the next ISO week (Monday 00:00 UTC). */
    static long nextWeekStart(long time) {
        return ((week(time) + 1) * 7 - 3) * DAY_MS;
    }

    /** The first multiple of {@code period} after {@code time}: a timer aligned to the epoch. */
    static long nextTick(long time, long period) {
        return (Math.floorDiv(time, period) + 1) * period;
    }
}
