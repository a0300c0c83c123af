package io.arbiter.operators.ingest;

import io.arbiter.operators.validation.BarValidator;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.codec.AvroCodec;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static io.arbiter.operators.TestBars.msft;
import static org.assertj.core.api.Assertions.assertThat;

class ValidatingDecoderTest {

    private static final long KAFKA_TIME = Instant.parse("2026-11-21T06:00:00Z").toEpochMilli();
    private static final byte[] KEY = "MSFT".getBytes(StandardCharsets.UTF_8);

    private final ValidatingDecoder<Bar> decoder =
            new ValidatingDecoder<>(Bar.class, new BarValidator());
    private final AvroCodec<Bar> codec = AvroCodec.of(Bar.class);

    @Test
    void acceptsAValidBar() {
        Bar bar = msft().build();
        Decoded<Bar> decoded = decoder.decode(raw(42, codec.encode(bar)));
        assertThat(decoded.isAccepted()).isTrue();
        assertThat(decoded.value()).isEqualTo(bar);
    }

    @Test
    void deadLettersUndecodableBytesWithTheirOffsetAndBytes() {
        byte[] garbage = "{\"symbol\":\"MSFT\"}".getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = decoder.decode(raw(7, garbage)).deadLetter();

        assertThat(letter.getSourceTopic()).isEqualTo("market.bars");
        assertThat(letter.getPartition()).isEqualTo(3);
        assertThat(letter.getOffset()).isEqualTo(7);
        assertThat(bytes(letter.getValue())).isEqualTo(garbage);
        assertThat(bytes(letter.getKey())).isEqualTo(KEY);
        assertThat(letter.getStage()).isEqualTo(DeadLetters.STAGE_DECODE);
        assertThat(letter.getErrorClass()).isEqualTo("org.apache.avro.message.BadHeaderException");
        assertThat(letter.getReason()).startsWith("not a Bar");
        assertThat(letter.getTime()).isEqualTo(Instant.ofEpochMilli(KAFKA_TIME));
    }

    @Test
    void deadLettersATruncatedBody() {
        byte[] whole = codec.encode(msft().build());
        byte[] truncated = Arrays.copyOf(whole, whole.length - 9);
        DeadLetter letter = decoder.decode(raw(8, truncated)).deadLetter();
        assertThat(letter.getStage()).isEqualTo(DeadLetters.STAGE_DECODE);
        assertThat(letter.getErrorClass()).isEqualTo("org.apache.avro.AvroRuntimeException");
        assertThat(letter.getReason()).contains("EOFException");
    }

    @Test
    void deadLettersANullValue() {
        DeadLetter letter = decoder.decode(raw(9, null)).deadLetter();
        assertThat(letter.getValue()).isNull();
        assertThat(letter.getReason()).contains("null record value");
    }

    @Test
    void deadLettersAnInvalidBarWithEveryFieldNamed() {
        byte[] bytes = codec.encode(msft().setHigh(1.0).setVolume(-2).build());
        DeadLetter letter = decoder.decode(raw(10, bytes)).deadLetter();
        assertThat(letter.getStage()).isEqualTo(DeadLetters.STAGE_VALIDATE);
        assertThat(letter.getErrorClass()).isEqualTo(ValidatingDecoder.INVALID_RECORD);
        assertThat(letter.getReason())
                .isEqualTo(
                        "high: 1.0 is below max(open, close) = 63.4375; volume: -2.0 is negative");
        assertThat(bytes(letter.getValue())).isEqualTo(bytes);
    }

    private static RawRecord raw(long offset, byte[] value) {
        return new RawRecord("market.bars", 3, offset, KAFKA_TIME, KEY, value);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
