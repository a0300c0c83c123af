package io.arbiter.jobs.kafka;

import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

import io.arbiter.operators.validation.BarValidator;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.SourcedBar;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecodingDeserializerTest {

    private static final DecodingDeserializer<Bar, SourcedBar> BARS =
            new DecodingDeserializer<>(
                    Bar.class,
                    new BarValidator(),
                    SourcedBar.class,
                    (bar, raw) ->
                            new SourcedBar(
                                    bar,
                                    raw.partition(),
                                    raw.offset(),
                                    raw.keyBuffer(),
                                    raw.valueBuffer()));

    @Test
    void aDecodedRecordCarriesItsPositionAndTheExactBytesItWasReadFrom() {
        byte[] key = "MSFT".getBytes(StandardCharsets.UTF_8);
        byte[] value = AvroCodec.of(Bar.class).encode(bar());

        List<Either<DeadLetter, SourcedBar>> out = deserialize(key, value);

        SourcedBar sourced = out.get(0).right();
        assertThat(sourced.getBar()).isEqualTo(bar());
        assertThat(sourced.getPartition()).isEqualTo(2);
        assertThat(sourced.getOffset()).isEqualTo(77L);
        assertThat(bytes(sourced.getRawKey())).isEqualTo(key);
        assertThat(bytes(sourced.getRawValue())).isEqualTo(value);
    }

    @Test
    void aRecordThatDoesNotDecodeLeavesAsADeadLetterWithItsBytes() {
        byte[] value = {1, 2, 3};

        List<Either<DeadLetter, SourcedBar>> out = deserialize(null, value);

        DeadLetter letter = out.get(0).left();
        assertThat(letter.getStage()).isEqualTo("decode");
        assertThat(letter.getKey()).isNull();
        assertThat(bytes(letter.getValue())).isEqualTo(value);
    }

    private static List<Either<DeadLetter, SourcedBar>> deserialize(byte[] key, byte[] value) {
        List<Either<DeadLetter, SourcedBar>> out = new ArrayList<>();
        BARS.deserialize(
                new ConsumerRecord<>("market.bars", 2, 77L, key, value),
                new Collector<>() {
                    @Override
                    public void collect(Either<DeadLetter, SourcedBar> record) {
                        out.add(record);
                    }

                    @Override
                    public void close() {}
                });
        assertThat(out).hasSize(1);
        return out;
    }

    private static Bar bar() {
        return Bar.newBuilder()
                .setSymbol("MSFT")
                .setTime(Instant.parse("2020-01-02T00:00:00Z"))
                .setIntervalMillis(86_400_000L)
                .setOpen(10)
                .setHigh(11)
                .setLow(9)
                .setClose(10.5)
                .setVolume(100)
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
