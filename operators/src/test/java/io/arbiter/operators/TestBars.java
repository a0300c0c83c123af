package io.arbiter.operators;

import io.arbiter.schemas.Bar;

import java.time.Duration;
import java.time.Instant;

/** Named bars and times for tests. */
public final class TestBars {

    public static final Instant BEGINNING = Instant.parse("2000-09-27T00:00:00Z");
    public static final Duration ONE_DAY = Duration.ofDays(1);

    private TestBars() {}

    /** A well-formed daily MSFT bar (the real one of 2000-09-27). */
    public static Bar.Builder msft() {
        return Bar.newBuilder()
                .setSymbol("MSFT")
                .setTime(BEGINNING)
                .setIntervalMillis(ONE_DAY.toMillis())
                .setOpen(63.4375)
                .setHigh(63.5625)
                .setLow(59.8125)
                .setClose(60.625)
                .setVolume(53_077_800);
    }

    /** A well-formed bar of {@code symbol} closing at {@code close}, {@code day} days in. */
    public static Bar daily(String symbol, int day, double close) {
        return Bar.newBuilder()
                .setSymbol(symbol)
                .setTime(BEGINNING.plus(ONE_DAY.multipliedBy(day)))
                .setIntervalMillis(ONE_DAY.toMillis())
                .setOpen(close)
                .setHigh(close)
                .setLow(close)
                .setClose(close)
                .setVolume(0)
                .build();
    }
}
