package io.arbiter.operators.features;

import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.codec.AvroCodec;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WindowlessVectorTest {

    private static FeatureVector windowed() {
        FeatureWindow window = new FeatureWindow(4, 2);
        return FeatureVector.newBuilder()
                .setSymbol("IBM")
                .setTime(Instant.parse("1999-03-01T00:00:00Z"))
                .setClose(101.25)
                .setFeatureSet("ttr-v1")
                .setValues(List.of(0.5, -1.25))
                .setRegime(Regime.HIGH_VOL)
                .setWindowFeatures(2)
                .setWindow(window.toBytes())
                .build();
    }

    @Test
    void dropsOnlyTheWindowAndKeepsItsWidth() {
        FeatureVector vector = windowed();
        FeatureVector onTheWire = WindowlessVector.of(vector);

        assertThat(onTheWire.getWindow().remaining()).isZero();
        assertThat(onTheWire.getWindowFeatures()).isEqualTo(2);
        FeatureVector expected = FeatureVector.newBuilder(vector).build();
        expected.setWindow(ByteBuffer.allocate(0));
        assertThat(onTheWire).isEqualTo(expected);
    }

    @Test
    void leavesTheVectorTheModelsScoreAsItWas() {
        FeatureVector vector = windowed();
        int windowBytes = vector.getWindow().remaining();

        WindowlessVector.of(vector);

        assertThat(windowBytes).isEqualTo(4 * 2 * Float.BYTES);
        assertThat(vector.getWindow().remaining()).isEqualTo(windowBytes);
    }

    @Test
    void isSmallerOnTheTopicByTheWindowsBytes() {
        AvroCodec<FeatureVector> codec = AvroCodec.of(FeatureVector.class);
        FeatureVector vector = windowed();
        int full = codec.encode(vector).length;
        int light = codec.encode(WindowlessVector.of(vector)).length;
        // The window's 32 bytes; both length prefixes are one varint byte (zig-zag 64 and 0).
        assertThat(full - light).isEqualTo(4 * 2 * Float.BYTES);
    }
}
