package io.arbiter.operators.governance;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The governor's state is a contract: bytes written by an earlier version of the job are read back
 * into the same standings, and the governor continues from them as it did then. The fixtures and
 * where they came from are described in {@link GovernorStateFixture}.
 */
class GovernorStateCodecTest {

    @Test
    void readsVersionOneStateAndContinuesExactlyAsTheGovernorThatWroteIt() throws IOException {
        BookGovernor restored = read(resource(GovernorStateFixture.STATE_V1));

        List<String> expected =
                new String(resource(GovernorStateFixture.CONTINUATION_V1), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
        assertThat(GovernorStateFixture.continuation(restored)).isEqualTo(expected);
    }

    @Test
    void writesVersionOneStateBackByteForByte() throws IOException {
        byte[] v1 = resource(GovernorStateFixture.STATE_V1);
        assertThat(GovernorStateFixture.state(read(v1))).isEqualTo(v1);
    }

    @Test
    void theRichScenarioStillWritesTheCapturedVersionOneBytes() throws IOException {
        assertThat(GovernorStateFixture.state(GovernorStateFixture.richGovernor()))
                .isEqualTo(resource(GovernorStateFixture.STATE_V1));
    }

    @Test
    void refusesStateOfAnUnknownFormat() throws IOException {
        byte[] bytes = resource(GovernorStateFixture.STATE_V1).clone();
        bytes[0] = 99;
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(IOException.class)
                .hasMessage("unknown governor state format 99");
    }

    private static BookGovernor read(byte[] bytes) throws IOException {
        return BookGovernor.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GovernorStateCodecTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
