package io.arbiter.operators.ingest;

import io.arbiter.schemas.DeadLetter;

import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds {@link DeadLetter}s that carry a refused record whole, with where and why. */
public final class DeadLetters {

    /** Stage names used in {@link DeadLetter#getStage()}. */
    public static final String STAGE_DECODE = "decode";

    public static final String STAGE_VALIDATE = "validate";

    public static final String STAGE_FEATURES = "features";

    private DeadLetters() {}

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
}
