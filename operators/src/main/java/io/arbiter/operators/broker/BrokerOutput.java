package io.arbiter.operators.broker;

import io.arbiter.schemas.Fill;
import io.arbiter.schemas.TradeIntent;

/** Where the paper broker's results go: its fills, and orders it drops without filling. */
public interface BrokerOutput {

    void fill(Fill fill);

    /**
     * An order left the queue without a fill.
     *
     * @param admission why ({@link IntentAdmission#STALE})
     * @param reason a sentence for the person reading the dead-letter topic
     */
    void dropped(TradeIntent intent, IntentAdmission admission, String reason);
}
