package io.arbiter.jobs.kafka;

import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecordIdsTest {

    private static final Instant BAR = Instant.parse("2024-01-05T14:30:00Z");

    @Test
    void aSignalIsWrittenWithItsIdentityAsIdAndTheSameRecordAlwaysGetsTheSameBytesAndId()
            throws Exception {
        AvroRecordSerializer<ModelSignal> serializer =
                new AvroRecordSerializer<>(
                        ModelSignal.class,
                        "signals.scored",
                        ModelSignal::getSymbol,
                        signal -> signal.getTime().toEpochMilli(),
                        RecordIds.SIGNALS);
        ProducerRecord<byte[], byte[]> first = serializer.serialize(signal(0.61), null, null);
        ProducerRecord<byte[], byte[]> again = serializer.serialize(signal(0.61), null, null);

        assertThat(RecordIds.of(first.headers())).isEqualTo("gbdt|2|AAPL|" + BAR.toEpochMilli());
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("AAPL");
        assertThat(first.timestamp()).isEqualTo(BAR.toEpochMilli());
        assertThat(AvroCodec.of(ModelSignal.class).decode(first.value())).isEqualTo(signal(0.61));
        // A replay: byte-identical, same id.
        assertThat(again.value()).isEqualTo(first.value());
        assertThat(RecordIds.of(again.headers())).isEqualTo(RecordIds.of(first.headers()));
        // Another model or bar: another id.
        ModelSignal other = ModelSignal.newBuilder(signal(0.61)).setModel("mlp").build();
        assertThat(RecordIds.of(serializer.serialize(other, null, null).headers()))
                .isEqualTo("mlp|2|AAPL|" + BAR.toEpochMilli());
    }

    @Test
    void withoutAnIdFunctionNoHeaderIsWritten() {
        AvroRecordSerializer<ModelSignal> serializer =
                new AvroRecordSerializer<>(
                        ModelSignal.class,
                        "t",
                        ModelSignal::getSymbol,
                        signal -> signal.getTime().toEpochMilli(),
                        null);
        assertThat(serializer.serialize(signal(0.5), null, null).headers().toArray()).isEmpty();
        assertThat(RecordIds.of(serializer.serialize(signal(0.5), null, null).headers())).isNull();
    }

    @Test
    void aDeadLetterIsNamedByItsKafkaPositionOrElseByItsContent() {
        AvroCodec<DeadLetter> codec = AvroCodec.of(DeadLetter.class);
        DeadLetter fromKafka = letter(1, 42, "bad bar");
        assertThat(RecordIds.DEAD_LETTERS.of(fromKafka, codec.encode(fromKafka)))
                .isEqualTo("market.bars|1|42|validate");

        DeadLetter a = letter(-1, -1, "late");
        DeadLetter b = letter(-1, -1, "duplicate");
        String idA = RecordIds.DEAD_LETTERS.of(a, codec.encode(a));
        assertThat(idA)
                .startsWith("market.bars|validate|" + BAR.toEpochMilli() + "|")
                .hasSize(("market.bars|validate|" + BAR.toEpochMilli() + "|").length() + 16);
        assertThat(RecordIds.DEAD_LETTERS.of(a, codec.encode(a))).isEqualTo(idA);
        assertThat(RecordIds.DEAD_LETTERS.of(b, codec.encode(b))).isNotEqualTo(idA);
    }

    private static ModelSignal signal(double p) {
        return ModelSignal.newBuilder()
                .setModel("gbdt")
                .setVersion("2")
                .setSymbol("AAPL")
                .setTime(BAR)
                .setRegime(Regime.MED_VOL)
                .setPRaw(p)
                .setPCal(p)
                .setSide(SignalSide.LONG)
                .setGate(GateDecision.PASS)
                .setGateThreshold(0.6)
                .build();
    }

    private static DeadLetter letter(int partition, long offset, String reason) {
        return DeadLetter.newBuilder()
                .setSourceTopic("market.bars")
                .setPartition(partition)
                .setOffset(offset)
                .setKey(null)
                .setValue(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setStage("validate")
                .setErrorClass("rule")
                .setReason(reason)
                .setTime(BAR)
                .build();
    }
}
