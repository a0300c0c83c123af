package io.arbiter.operators.ingest;

import io.arbiter.operators.validation.RecordValidator;
import io.arbiter.operators.validation.Violation;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.avro.specific.SpecificRecord;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns raw bytes into a usable record or a dead letter, never an exception: undecodable bytes and
 * records that break a validation rule both become a {@link DeadLetter} with the record's topic,
 * partition, offset, bytes and reason.
 */
public final class ValidatingDecoder<T extends SpecificRecord> {

    /** Error class of a dead letter for a record that decoded but broke validation rules. */
    public static final String INVALID_RECORD = "InvalidRecord";

    private final AvroCodec<T> codec;
    private final RecordValidator<T> validator;

    public ValidatingDecoder(Class<T> type, RecordValidator<T> validator) {
        this.codec = AvroCodec.of(type);
        this.validator = validator;
    }

    public Decoded<T> decode(RawRecord raw) {
        T value;
        try {
            value = codec.decode(raw.value());
        } catch (Exception | StackOverflowError e) {
            // Any failure here is the bytes' fault, not the job's: bad header, unknown schema
            // fingerprint, truncated or corrupt body.
            return Decoded.rejected(
                    DeadLetters.of(
                            raw,
                            DeadLetters.STAGE_DECODE,
                            e.getClass().getName(),
                            "not a " + codec.type().getSimpleName() + describe(e)));
        }
        List<Violation> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            String reason =
                    violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
            return Decoded.rejected(
                    DeadLetters.of(raw, DeadLetters.STAGE_VALIDATE, INVALID_RECORD, reason));
        }
        return Decoded.accepted(value);
    }

    /** The messages of the error and its causes, e.g. ": Decoding datum failed (EOFException)". */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            text.append(t == e ? ": " : " <- ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(" ").append(t.getMessage());
            }
        }
        return text.toString();
    }
}
