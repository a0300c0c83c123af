package io.arbiter.operators.ingest;

import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.SourcedFill;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    private static final Instant FILLED = Instant.parse("2024-03-04T14:30:00Z");

    @Test
    void aRecordRefusedAfterTheSourceLeavesWithTheBytesPositionAndEventTimeItWasReadWith() {
        byte[] key = {'b', '1'};
        byte[] value = {9, 8, 7};
        SourcedFill sourced =
                new SourcedFill(fill(), 4, 1234L, ByteBuffer.wrap(key), ByteBuffer.wrap(value));

        DeadLetter letter =
                DeadLetters.ofSourced(sourced, "exec.fills", "book", "unknown-model", "why");

        assertThat(letter.getSourceTopic()).isEqualTo("exec.fills");
        assertThat(letter.getPartition()).isEqualTo(4);
        assertThat(letter.getOffset()).isEqualTo(1234L);
        assertThat(bytes(letter.getKey())).isEqualTo(key);
        assertThat(bytes(letter.getValue())).isEqualTo(value);
        assertThat(letter.getStage()).isEqualTo("book");
        assertThat(letter.getErrorClass()).isEqualTo("unknown-model");
        assertThat(letter.getReason()).isEqualTo("why");
        assertThat(letter.getTime()).isEqualTo(FILLED);
        // The sourced record keeps its bytes whole for whoever reads them next.
        assertThat(sourced.getRawValue().remaining()).isEqualTo(3);
    }

    @Test
    void aRecordThatDidNotComeFromKafkaLeavesWithoutBytes() {
        SourcedFill sourced = new SourcedFill(fill(), -1, -1L, null, null);

        DeadLetter letter = DeadLetters.ofSourced(sourced, "exec.fills", "book", "x", "y");

        assertThat(letter.getKey()).isNull();
        assertThat(letter.getValue()).isNull();
        assertThat(letter.getPartition()).isEqualTo(-1);
    }

    private static Fill fill() {
        return Fill.newBuilder()
                .setFillId("f1")
                .setOrderId("o1")
                .setBook("b1")
                .setModel("gbdt")
                .setModelVersion("1")
                .setSymbol("MSFT")
                .setSide(Side.BUY)
                .setQty(10)
                .setPrice(100)
                .setFee(0.1)
                .setTime(FILLED)
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
