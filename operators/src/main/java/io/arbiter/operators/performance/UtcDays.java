package io.arbiter.operators.performance;

import java.time.Instant;

/** The stream's performance buckets: whole UTC days since 1970-01-01, from event time. */
public final class UtcDays {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private UtcDays() {}

    /** The UTC day of {@code epochMillis} (floor, so times before 1970 fall on the right day). */
    public static long of(long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    }

    public static long of(Instant time) {
        return of(time.toEpochMilli());
    }
}
