package io.arbiter.operators.allocation;

import java.util.Locale;

/** Shares written for people, the same on every machine (no default locale). */
public final class Percent {

    private Percent() {}

    /** 0.011 → "1.10%". */
    public static String of(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100.0);
    }

    /** A plain number with up to four decimals: 0.70 → "0.7000". */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
