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
    void rewritesVersionOneStateSoThatItRestoresToTheSameGovernor() throws IOException {
        // The governor's own layout is unchanged, but the policy it carries is written in the
        // policy's newest binary format (3: baseline model, coverage rule), so the bytes differ
        // from the fixture's while meaning the same governor.
        byte[] rewritten =
                GovernorStateFixture.state(read(resource(GovernorStateFixture.STATE_V1)));
        assertThat(GovernorStateFixture.state(read(rewritten))).isEqualTo(rewritten);
        assertThat(GovernorStateFixture.continuation(read(rewritten))).isEqualTo(expected());
    }

    @Test
    void theRichScenarioStillMakesTheCapturedGovernor() throws IOException {
        byte[] today = GovernorStateFixture.state(GovernorStateFixture.richGovernor());
        assertThat(GovernorStateFixture.continuation(read(today))).isEqualTo(expected());
    }

    private static List<String> expected() throws IOException {
        return new String(resource(GovernorStateFixture.CONTINUATION_V1), StandardCharsets.UTF_8)
                .lines()
                .toList();
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
