package io.arbiter.jobs.monitor;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the monitor and {@code arbiter tail} write numbers and times: the same text on every machine
 * (root locale, UTC), and never a crash on a non-finite value. A profit factor without losses is
 * +Infinity and prints as {@value #INFINITY}; a metric without data is NaN and prints as {@value
 * #NONE}.
 */
public final class Figures {

    public static final String INFINITY = "∞";
    public static final String NONE = "—";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private Figures() {}

    /** {@code value} with {@code decimals} digits after the point, ∞, -∞ or —. */
    public static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? INFINITY : "-" + INFINITY;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A fraction as a percentage: 0.0123 → {@code 1.23%} with two decimals. */
    public static String percent(double fraction, int decimals) {
        if (!Double.isFinite(fraction)) {
            return number(fraction, decimals);
        }
        return number(fraction * 100.0, decimals) + "%";
    }

    /** Event time to the second, UTC: {@code 2024-01-05 14:30:00Z}; — when absent. */
    public static String time(Instant time) {
        return time == null ? NONE : TIME.format(time);
    }

    /**
     * Text from a record, safe to print: null as —, and control characters (a terminal escape in a
     * command's reason, a line break) as spaces, so one record stays on one line and cannot rewrite
     * the operator's screen.
     */
    public static String text(String text) {
        if (text == null) {
            return NONE;
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return safe.toString();
    }

    /** Left-aligned in {@code width} code points (α, ∞ and — count one each). */
    public static String pad(String text, int width) {
        int length = text.codePointCount(0, text.length());
        return length >= width ? text : text + " ".repeat(width - length);
    }

    /** {@code text} cut to {@code width} characters, the last one an ellipsis when cut. */
    public static String fit(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        return text.substring(0, Math.max(0, width - 1)) + "…";
    }
}
