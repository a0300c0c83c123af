package io.arbiter.stream.ingest;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;

import io.arbiter.schemas.DeadLetter;

/** The side output every operator sends refused records to; the job sinks it to dlq.records. */
public final class DeadLetterOutput {

    public static final OutputTag<DeadLetter> TAG =
            new OutputTag<>("dead-letters", new AvroTypeInfo<>(DeadLetter.class));

    private DeadLetterOutput() {}
}
