package io.arbiter.operators.broker;

/** What the paper broker did with an order ({@link PaperBroker#onIntent}). */
public enum IntentAdmission {
    /** Waits for the first bar of its symbol after its decision time. */
    QUEUED("queued"),
    /** Breaks a rule of {@link TradeIntentValidator}, or names another symbol. */
    INVALID("invalid"),
    /** An order with the same id is already waiting or open. */
    DUPLICATE("duplicate"),
    /**
     * Later bars of the symbol were already processed, and they are still held: played through them
     * at once, exactly as if it had come in time. Its fills (or its drop as stale) went to the
     * output; still open after the newest bar, it goes on with the next bars.
     */
    REPLAYED("replayed"),
    /**
     * Later bars of the symbol were already processed, and its entry bar (the first after its
     * decision) is no longer among those held: "the next bar's open" is gone.
     */
    LATE("late"),
    /** The symbol already holds {@link PaperBrokerTerms#maxQueuedIntents()} waiting orders. */
    QUEUE_FULL("queue-full"),
    /** Held by the stream until the watermark passes it, but its buffer is full. */
    BUFFER_FULL("buffer-full"),
    /** No bar of its symbol came within {@link PaperBrokerTerms#maxEntryDelay()}: never entered. */
    STALE("stale");

    private final String reason;

    IntentAdmission(String reason) {
        this.reason = reason;
    }

    /** The dead-letter error class. */
    public String reason() {
        return reason;
    }
}
