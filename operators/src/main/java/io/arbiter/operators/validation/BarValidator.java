package io.arbiter.operators.validation;

import io.arbiter.schemas.Bar;

import java.util.ArrayList;
import java.util.List;

/**
 * The desk's sanity rules for a bar: finite positive prices, a high and low that contain the open
 * and close, a non-negative volume and a named symbol. These are properties of any real bar, not
 * thresholds, so they are not in the policy file.
 */
public final class BarValidator implements RecordValidator<Bar> {

    private static final long serialVersionUID = 1L;

    @Override
    public List<Violation> validate(Bar bar) {
        List<Violation> violations = new ArrayList<>(0);
        if (bar.getSymbol() == null || bar.getSymbol().isBlank()) {
            violations.add(new Violation("symbol", "bar.symbol-blank", "is blank"));
        }
        if (bar.getIntervalMillis() < 0) {
            violations.add(
                    new Violation(
                            "intervalMillis",
                            "bar.interval-negative",
                            "is negative (" + bar.getIntervalMillis() + ")"));
        }
        boolean pricesUsable =
                checkPrice("open", bar.getOpen(), violations)
                        & checkPrice("high", bar.getHigh(), violations)
                        & checkPrice("low", bar.getLow(), violations)
                        & checkPrice("close", bar.getClose(), violations);
        if (pricesUsable) {
            double bodyTop = Math.max(bar.getOpen(), bar.getClose());
            double bodyBottom = Math.min(bar.getOpen(), bar.getClose());
            if (bar.getHigh() < bodyTop) {
                violations.add(
                        new Violation(
                                "high",
                                "bar.high-below-body",
                                bar.getHigh() + " is below max(open, close) = " + bodyTop));
            }
            if (bar.getLow() > bodyBottom) {
                violations.add(
                        new Violation(
                                "low",
                                "bar.low-above-body",
                                bar.getLow() + " is above min(open, close) = " + bodyBottom));
            }
        }
        double volume = bar.getVolume();
        if (!Double.isFinite(volume)) {
            violations.add(new Violation("volume", "bar.volume-not-finite", "is " + volume));
        } else if (volume < 0) {
            violations.add(new Violation("volume", "bar.volume-negative", volume + " is negative"));
        }
        return violations;
    }

    /** Adds a violation unless the price is finite and positive; says whether it was. */
    private static boolean checkPrice(String field, double price, List<Violation> violations) {
        if (!Double.isFinite(price)) {
            violations.add(new Violation(field, "bar.price-not-finite", "is " + price));
            return false;
        }
        if (price <= 0) {
            violations.add(
                    new Violation(field, "bar.price-not-positive", price + " is not positive"));
            return false;
        }
        return true;
    }
}
