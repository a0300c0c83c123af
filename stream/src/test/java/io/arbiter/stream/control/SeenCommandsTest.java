package io.arbiter.stream.control;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import io.arbiter.operators.control.SeenCommands;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static io.arbiter.operators.control.CommandVerifierTest.bytes;
import static io.arbiter.operators.control.CommandVerifierTest.restore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeenCommandsTest {

    private static final long MINUTE = 60_000;
    private static final long TEN_MINUTES = 10 * MINUTE;

    @Test
    void roundTripKeepsIdsWindowAndForgettingPoint() throws IOException {
        SeenCommands seen = SeenCommands.empty();
        seen.accept("a", 0, TEN_MINUTES);
        seen.accept("b", 30 * MINUTE, TEN_MINUTES); // forgets a; complete since 20 min
        seen.accept("c", 25 * MINUTE, TEN_MINUTES);

        SeenCommands back = restore(bytes(seen));

        assertThat(back.contains("a")).isFalse();
        assertThat(back.timeOf("b")).hasValue(30 * MINUTE);
        assertThat(back.timeOf("c")).hasValue(25 * MINUTE);
        assertThat(back.newestAccepted()).hasValue(30 * MINUTE);
        assertThat(back.completeSince()).hasValue(20 * MINUTE);
        assertThat(bytes(back)).isEqualTo(bytes(seen));

        // Both continue alike: the restored heap forgets in the same order.
        seen.accept("d", 36 * MINUTE, TEN_MINUTES);
        back.accept("d", 36 * MINUTE, TEN_MINUTES);
        assertThat(bytes(back)).isEqualTo(bytes(seen));
        assertThat(back.contains("c")).isFalse();
        assertThat(back.size()).isEqualTo(2);
    }

    @Test
    void bytesDoNotDependOnTheOrderIdsWereAccepted() throws IOException {
        SeenCommands forward = SeenCommands.empty();
        SeenCommands backward = SeenCommands.empty();
        for (int i = 0; i < 5; i++) {
            forward.accept("id-" + i, i * MINUTE, TEN_MINUTES);
        }
        for (int i = 4; i >= 0; i--) {
            backward.accept("id-" + i, i * MINUTE, TEN_MINUTES);
        }

        assertThat(bytes(backward)).isEqualTo(bytes(forward));
    }

    @Test
    void emptyMemoryHasNoWindow() throws IOException {
        SeenCommands back = restore(bytes(SeenCommands.empty()));

        assertThat(back.newestAccepted()).isEmpty();
        assertThat(back.windowStart(TEN_MINUTES)).isEmpty();
        assertThat(back.completeSince()).isEmpty();
        assertThat(back.size()).isZero();
    }

    @Test
    void hugeMaxAgeForgetsNothingInsteadOfOverflowing() {
        SeenCommands seen = SeenCommands.empty();
        seen.accept("a", -1_000, Long.MAX_VALUE);

        // −1 000 − Long.MAX_VALUE wraps around to a large positive number without saturation.
        assertThat(seen.windowStart(Long.MAX_VALUE)).hasValue(Long.MIN_VALUE);
        seen.accept("b", 1_000, Long.MAX_VALUE);
        assertThat(seen.size()).isEqualTo(2);
    }

    @Test
    void refusesUnknownStateFormats() {
        assertThatThrownBy(() -> restore(new byte[] {9}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format 9");
    }

    @Test
    void flinkSerializerCopiesAndRoundTripsThroughTheSameBytes() throws IOException {
        SeenCommands seen = SeenCommands.empty();
        seen.accept("a", MINUTE, TEN_MINUTES);
        seen.accept("b", 2 * MINUTE, TEN_MINUTES);
        SeenCommandsSerializer serializer = SeenCommandsSerializer.INSTANCE;

        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(seen, out);
        SeenCommands back =
                serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        SeenCommands copy = serializer.copy(seen);
        copy.accept("c", 3 * MINUTE, TEN_MINUTES);

        assertThat(bytes(back)).isEqualTo(bytes(seen));
        assertThat(seen.contains("c")).as("the copy is deep").isFalse();
        assertThat(serializer.createInstance().size()).isZero();
    }
}
