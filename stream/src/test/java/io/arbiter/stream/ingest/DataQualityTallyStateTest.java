package io.arbiter.stream.ingest;

import org.apache.flink.streaming.util.OperatorSnapshotUtil;

import io.arbiter.stream.state.StateFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tally's windows are a contract: a snapshot of an earlier version restores into a tally that
 * closes its windows exactly as the one that took it did. See {@link DataQualityTallyStateFixture}.
 */
class DataQualityTallyStateTest {

    @Test
    void restoresTheVersionOneSnapshotAndClosesItsWindowsAsTheTallyThatTookIt() throws Exception {
        var snapshot =
                OperatorSnapshotUtil.readStateHandle(
                        StateFixtures.file(DataQualityTallyStateFixture.SNAPSHOT_V1).toString());

        assertThat(DataQualityTallyStateFixture.continuation(snapshot))
                .isEqualTo(StateFixtures.lines(DataQualityTallyStateFixture.CONTINUATION_V1));
    }

    @Test
    void theScenarioRunTodayContinuesTheSame() throws Exception {
        assertThat(
                        DataQualityTallyStateFixture.continuation(
                                DataQualityTallyStateFixture.richSnapshot()))
                .isEqualTo(StateFixtures.lines(DataQualityTallyStateFixture.CONTINUATION_V1));
    }
}
