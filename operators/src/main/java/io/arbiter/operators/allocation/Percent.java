package io.arbiter.operators.allocation;

import java.util.Locale;

/**
 * Shares written for people, the same on every machine (no default locale).
 *
 * <p>Exactly what {@code String.format(Locale.ROOT, "%.2f%%", share * 100)} and {@code "%.4f"}
 * write, without the Formatter on the common path: an allocation step writes a few dozen of these
 * into its reasons, and the Formatter's parsing made up a third of the step's time. Away from a
 * rounding tie the digits are those of the exact value, so they are computed directly; within 1e-6
 * of a tie (where the Formatter rounds the shortest decimal form of the double half up) and for
 * anything negative, non-finite or large, the Formatter itself writes them.
 */
public final class Percent {

    /** Below this many hundredths or ten-thousandths the scaled value has an error under 1e-7. */
    private static final double DIRECT_BELOW = 1e9;

    /** The distance from a tie below which the Formatter decides. */
    private static final double NEAR_TIE = 1e-6;

    private Percent() {}

    /** 0.011 → "1.10%". */
    public static String of(double share) {
        double percent = share * 100.0;
        String digits = direct(percent, 100.0, 2);
        return digits != null ? digits + "%" : String.format(Locale.ROOT, "%.2f%%", percent);
    }

    /** A plain number with up to four decimals: 0.70 → "0.7000". */
    public static String number(double value) {
        String digits = direct(value, 10_000.0, 4);
        return digits != null ? digits : String.format(Locale.ROOT, "%.4f", value);
    }

    /** The value rounded to {@code decimals} places, or null where the Formatter must decide. */
    private static String direct(double value, double scale, int decimals) {
        double scaled = value * scale;
        // The sign bit, not value < 0: the Formatter writes −0.0 as "-0.00".
        if (Double.doubleToRawLongBits(value) < 0 || !(scaled < DIRECT_BELOW)) {
            return null;
        }
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) <= NEAR_TIE) {
            return null;
        }
        long units = (long) whole + (fraction > 0.5 ? 1 : 0);
        long divisor = decimals == 2 ? 100 : 10_000;
        String tail = Long.toString(units % divisor);
        StringBuilder out = new StringBuilder(24).append(units / divisor).append('.');
        for (int pad = tail.length(); pad < decimals; pad++) {
            out.append('0');
        }
        return out.append(tail).toString();
    }
}
