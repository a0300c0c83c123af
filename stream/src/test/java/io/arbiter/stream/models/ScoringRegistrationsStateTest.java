package io.arbiter.stream.models;

import org.apache.flink.streaming.util.OperatorSnapshotUtil;

import io.arbiter.stream.state.StateFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registrations by command are a contract: a snapshot of an earlier version restores into a scoring
 * operator that serves exactly the models the one that took it served. See {@link
 * ScoringRegistrationsStateFixture}.
 */
class ScoringRegistrationsStateTest {

    @Test
    void restoresTheVersionOneSnapshotAndServesTheSameModels() throws Exception {
        var snapshot =
                OperatorSnapshotUtil.readStateHandle(
                        StateFixtures.file(ScoringRegistrationsStateFixture.SNAPSHOT_V1)
                                .toString());

        assertThat(ScoringRegistrationsStateFixture.continuation(snapshot))
                .isEqualTo(StateFixtures.lines(ScoringRegistrationsStateFixture.CONTINUATION_V1));
    }

    @Test
    void theScenarioRunTodayContinuesTheSame() throws Exception {
        assertThat(
                        ScoringRegistrationsStateFixture.continuation(
                                ScoringRegistrationsStateFixture.richSnapshot()))
                .isEqualTo(StateFixtures.lines(ScoringRegistrationsStateFixture.CONTINUATION_V1));
    }
}
