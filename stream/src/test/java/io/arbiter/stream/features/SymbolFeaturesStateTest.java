package io.arbiter.stream.features;

import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.stream.state.StateFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A symbol's feature state is a contract: bytes a savepoint holds from an earlier version are read
 * back into the same state, which continues exactly as the state that wrote them did. The fixtures
 * and where they came from are described in {@link SymbolFeaturesStateFixture}.
 */
class SymbolFeaturesStateTest {

    private static final SymbolFeaturesSerializer SERIALIZER = SymbolFeaturesSerializer.INSTANCE;

    @Test
    void readsFormatOneAndContinuesExactlyAsTheStateThatWroteIt() {
        SymbolFeatures restored =
                StateFixtures.deserialize(
                        SERIALIZER, StateFixtures.resource(SymbolFeaturesStateFixture.STATE_V1));

        assertThat(SymbolFeaturesStateFixture.continuation(restored))
                .isEqualTo(StateFixtures.lines(SymbolFeaturesStateFixture.CONTINUATION_V1));
    }

    @Test
    void theScenarioWrittenTodayRestoresToAStateThatContinuesTheSame() {
        byte[] today = StateFixtures.serialize(SERIALIZER, SymbolFeaturesStateFixture.richState());

        assertThat(
                        SymbolFeaturesStateFixture.continuation(
                                StateFixtures.deserialize(SERIALIZER, today)))
                .isEqualTo(StateFixtures.lines(SymbolFeaturesStateFixture.CONTINUATION_V1));
    }
}
