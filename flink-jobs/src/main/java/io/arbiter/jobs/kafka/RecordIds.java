package io.arbiter.jobs.kafka;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.TradeIntent;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deterministic id of every output record, in the Kafka header {@value #HEADER} (UTF-8). Each
 * is built from what makes the record what it is, never from when or how often it was written, so a
 * replay after a failover writes the same id with byte-identical content (README, "Topics").
 *
 * <table>
 *   <caption>ids by topic</caption>
 *   <tr><th>record</th><th>id</th></tr>
 *   <tr><td>{@link FeatureVector}</td><td>{@code symbol|bar time}</td></tr>
 *   <tr><td>{@link ModelSignal}</td><td>{@code model|version|symbol|bar time}</td></tr>
 *   <tr><td>{@link TradeIntent}</td><td>its {@code intentId} ({@code book|model|symbol|bar time})</td></tr>
 *   <tr><td>{@link GovernanceEvent}</td><td>its {@code eventId}</td></tr>
 *   <tr><td>{@link AllocationEvent}</td><td>{@code book|time|trigger|} SHA-256 of the value, 16 hex digits</td></tr>
 *   <tr><td>{@link DeadLetter}</td><td>{@code topic|partition|offset|stage}; for a record that did not
 *       come from Kafka {@code topic|stage|time|} SHA-256 of the value, 16 hex digits</td></tr>
 * </table>
 *
 * Times are epoch milliseconds. One model scores a symbol's bar once, so a signal's identity is
 * unique; the planner's intent ids rest on the same fact.
 */
public final class RecordIds {

    /** The header that carries the id. */
    public static final String HEADER = "arbiter-id";

    private RecordIds() {}

    public static final RecordId<FeatureVector> FEATURES =
            (vector, value) -> vector.getSymbol() + '|' + vector.getTime().toEpochMilli();

    public static final RecordId<ModelSignal> SIGNALS =
            (signal, value) ->
                    signal.getModel()
                            + '|'
                            + signal.getVersion()
                            + '|'
                            + signal.getSymbol()
                            + '|'
                            + signal.getTime().toEpochMilli();

    public static final RecordId<TradeIntent> INTENTS = (intent, value) -> intent.getIntentId();

    public static final RecordId<GovernanceEvent> GOVERNANCE = (event, value) -> event.getEventId();

    public static final RecordId<AllocationEvent> ALLOCATIONS =
            (event, value) ->
                    event.getBook()
                            + '|'
                            + event.getTime().toEpochMilli()
                            + '|'
                            + event.getTrigger()
                            + '|'
                            + digest(value);

    public static final RecordId<DeadLetter> DEAD_LETTERS =
            (letter, value) ->
                    letter.getPartition() >= 0
                            ? letter.getSourceTopic()
                                    + '|'
                                    + letter.getPartition()
                                    + '|'
                                    + letter.getOffset()
                                    + '|'
                                    + letter.getStage()
                            : letter.getSourceTopic()
                                    + '|'
                                    + letter.getStage()
                                    + '|'
                                    + letter.getTime().toEpochMilli()
                                    + '|'
                                    + digest(value);

    /** The id a record was written with, or null when it has none. */
    public static String of(Iterable<Header> headers) {
        String id = null;
        for (Header header : headers) {
            if (HEADER.equals(header.key())) {
                id = new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return id;
    }

    /** The first 8 bytes of the SHA-256 of {@code value}, in hex. */
    static String digest(byte[] value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
