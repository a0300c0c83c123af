package io.arbiter.operators.ledger;

/** Which way a position or a round trip faces: a long profits when the price rises. */
public enum Direction {
    LONG,
    SHORT;

    /** +1 for a long, -1 for a short: the sign of PnL per unit of price rise. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
