package io.arbiter.stream.control;

import io.arbiter.operators.control.SeenCommands;
import io.arbiter.stream.state.StateFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A book's replay memory is a contract: bytes a savepoint holds from an earlier version are read
 * back into a memory that answers and continues exactly as the one that wrote them. See {@link
 * SeenCommandsStateFixture}.
 */
class SeenCommandsStateTest {

    @Test
    void readsFormatOneAndContinuesExactlyAsTheMemoryThatWroteIt() {
        byte[] v1 = StateFixtures.resource(SeenCommandsStateFixture.STATE_V1);
        assertThat(v1[0]).isEqualTo((byte) 1);
        SeenCommands restored = StateFixtures.deserialize(SeenCommandsSerializer.INSTANCE, v1);

        assertThat(SeenCommandsStateFixture.continuation(restored))
                .isEqualTo(StateFixtures.lines(SeenCommandsStateFixture.CONTINUATION_V1));
    }

    @Test
    void theScenarioWrittenTodayIsByteForByteTheFixture() {
        assertThat(
                        StateFixtures.serialize(
                                SeenCommandsSerializer.INSTANCE,
                                SeenCommandsStateFixture.richState()))
                .isEqualTo(StateFixtures.resource(SeenCommandsStateFixture.STATE_V1));
    }
}
