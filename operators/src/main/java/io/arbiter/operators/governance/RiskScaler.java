package io.arbiter.operators.governance;

import io.arbiter.operators.policy.BookRiskPolicy;

/**
 * The book's drawdown risk scaler with hysteresis (DOMAIN.md §2): sizing is cut once the book's
 * drawdown rises above {@code scale-above} and lifted only once it falls below {@code
 * restore-below}. Between the two the scaler keeps whatever it was, so a drawdown hovering around
 * one threshold cannot make it flap.
 */
final class RiskScaler {

    private RiskScaler() {}

    /** Whether sizing is cut after observing {@code drawdown}, given whether it was cut before. */
    static boolean cutAfter(boolean cut, double drawdown, BookRiskPolicy policy) {
        if (!cut && drawdown > policy.scaleAbove()) {
            return true;
        }
        if (cut && drawdown < policy.restoreBelow()) {
            return false;
        }
        return cut;
    }
}
