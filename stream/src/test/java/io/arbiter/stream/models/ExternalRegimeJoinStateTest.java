package io.arbiter.stream.models;

import org.apache.flink.streaming.util.OperatorSnapshotUtil;

import io.arbiter.stream.state.StateFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regime join's keyed state and timers are a contract: a snapshot of an earlier version is
 * restored into a join that continues exactly as the one that took it did. The fixture and where it
 * came from are described in {@link ExternalRegimeJoinStateFixture}.
 */
class ExternalRegimeJoinStateTest {

    @Test
    void restoresTheVersionOneSnapshotAndContinuesExactlyAsTheJoinThatTookIt() throws Exception {
        var snapshot =
                OperatorSnapshotUtil.readStateHandle(
                        StateFixtures.file(ExternalRegimeJoinStateFixture.SNAPSHOT_V1).toString());

        assertThat(ExternalRegimeJoinStateFixture.continuation(snapshot))
                .isEqualTo(StateFixtures.lines(ExternalRegimeJoinStateFixture.CONTINUATION_V1));
    }

    @Test
    void theScenarioRunTodayContinuesTheSame() throws Exception {
        assertThat(
                        ExternalRegimeJoinStateFixture.continuation(
                                ExternalRegimeJoinStateFixture.richSnapshot()))
                .isEqualTo(StateFixtures.lines(ExternalRegimeJoinStateFixture.CONTINUATION_V1));
    }
}
