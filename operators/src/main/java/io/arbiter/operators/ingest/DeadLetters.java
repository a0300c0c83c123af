package io.arbiter.operators.ingest;

import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.SourcedBar;
import io.arbiter.schemas.SourcedCommand;
import io.arbiter.schemas.SourcedFill;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Builds {@link DeadLetter}s that carry a refused record whole, with where and why: at the source
 * from the {@link RawRecord} it read, after it from the bytes the source handed on with the decoded
 * record ({@link #ofSourced}), never by encoding the record again.
 */
public final class DeadLetters {

    /** Stage names used in {@link DeadLetter#getStage()}. */
    public static final String STAGE_DECODE = "decode";

    public static final String STAGE_VALIDATE = "validate";

    public static final String STAGE_FEATURES = "features";

    private DeadLetters() {}

    /** A record refused at the source, where its Kafka timestamp stamps the letter. */
    public static DeadLetter of(RawRecord raw, String stage, String errorClass, String reason) {
        return DeadLetter.newBuilder()
                .setSourceTopic(raw.topic())
                .setPartition(raw.partition())
                .setOffset(raw.offset())
                .setKey(raw.key() == null ? null : ByteBuffer.wrap(raw.key()))
                .setValue(raw.value() == null ? null : ByteBuffer.wrap(raw.value()))
                .setStage(stage)
                .setErrorClass(errorClass)
                .setReason(reason)
                // The record's own time, never the wall clock: a replay reproduces it.
                .setTime(Instant.ofEpochMilli(Math.max(0, raw.timestamp())))
                .build();
    }

    /**
     * A record refused after the source, from what the source handed on: its position and its key
     * and value bytes exactly as read ({@code null} when it did not come from Kafka). The letter is
     * stamped with the record's event time, so a replay reproduces it.
     *
     * @param topic the topic it was read from (the operator knows its input's topic)
     * @param eventTime the decoded record's own time, epoch milliseconds
     */
    public static DeadLetter ofSourced(
            String topic,
            int partition,
            long offset,
            ByteBuffer rawKey,
            ByteBuffer rawValue,
            long eventTime,
            String stage,
            String errorClass,
            String reason) {
        return DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setPartition(partition)
                .setOffset(offset)
                // Duplicates: the letter shares the bytes, never the sourced record's position.
                .setKey(rawKey == null ? null : rawKey.duplicate())
                .setValue(rawValue == null ? null : rawValue.duplicate())
                .setStage(stage)
                .setErrorClass(errorClass)
                .setReason(reason)
                .setTime(Instant.ofEpochMilli(Math.max(0, eventTime)))
                .build();
    }

    /** A bar refused after the source, stamped with the bar's time. */
    public static DeadLetter ofSourced(
            SourcedBar sourced, String topic, String stage, String errorClass, String reason) {
        return ofSourced(
                topic,
                sourced.getPartition(),
                sourced.getOffset(),
                sourced.getRawKey(),
                sourced.getRawValue(),
                sourced.getBar().getTime().toEpochMilli(),
                stage,
                errorClass,
                reason);
    }

    /** A fill refused after the source, stamped with the fill's time. */
    public static DeadLetter ofSourced(
            SourcedFill sourced, String topic, String stage, String errorClass, String reason) {
        return ofSourced(
                topic,
                sourced.getPartition(),
                sourced.getOffset(),
                sourced.getRawKey(),
                sourced.getRawValue(),
                sourced.getFill().getTime().toEpochMilli(),
                stage,
                errorClass,
                reason);
    }

    /** A control command refused after the source, stamped with the command's time. */
    public static DeadLetter ofSourced(
            SourcedCommand sourced, String topic, String stage, String errorClass, String reason) {
        return ofSourced(
                topic,
                sourced.getPartition(),
                sourced.getOffset(),
                sourced.getRawKey(),
                sourced.getRawValue(),
                sourced.getCommand().getTime().toEpochMilli(),
                stage,
                errorClass,
                reason);
    }
}
