package io.arbiter.operators.broker;

/** What the paper broker did with an order ({@link PaperBroker#onIntent}). */
public enum IntentAdmission {
    /** Waits for the first bar of its symbol after its decision time. */
    QUEUED("queued"),
    /** Breaks a rule of {@link TradeIntentValidator}, or names another symbol. */
    INVALID("invalid"),
    /** An order with the same id is already waiting or open. */
    DUPLICATE("duplicate"),
    /** A later bar of the symbol was already processed: "the next bar's open" is gone. */
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
