package io.arbiter.operators.planner;

/** Why a candidate did not become a trade intent; every rejected candidate is counted by one. */
public enum RejectReason {
    /** The signal did not pass its gate, or its own numbers cannot be traded. */
    GATE,
    /** The model is halted or retired (by the allocation, or by the gate's MODEL_HALTED). */
    HALTED_MODEL,
    /**
     * A book guardrail: no traffic share, no positive expected net PnL, account cash, max open
     * positions, max per ticker, an opposite position of the same model, less than one whole unit.
     */
    GUARDRAIL,
    /** An exposure limit: single ticker, top five tickers, or sector. */
    EXPOSURE,
    /**
     * Not routed to its model: the routing draw was not below the model's traffic share (the rest
     * of the decision flow goes to other models and the book's baseline).
     */
    NOT_ROUTED
}
