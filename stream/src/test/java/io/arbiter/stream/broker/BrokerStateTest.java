package io.arbiter.stream.broker;

import io.arbiter.operators.broker.BrokerInput;
import io.arbiter.operators.broker.PaperBroker;
import io.arbiter.operators.time.EventTimeBuffer;
import io.arbiter.stream.state.StateFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper broker's keyed states are a contract: bytes a savepoint holds from an earlier version
 * are read back into the same state, which continues exactly as the state that wrote them did. The
 * fixtures and where they came from are described in {@link BrokerStateFixture}.
 */
class BrokerStateTest {

    @Test
    void readsBrokerFormatTwoAndContinuesExactlyAsTheBrokerThatWroteIt() {
        PaperBroker restored =
                StateFixtures.deserialize(
                        PaperBrokerSerializer.INSTANCE,
                        StateFixtures.resource(BrokerStateFixture.BROKER_V2));

        assertThat(BrokerStateFixture.brokerContinuation(restored))
                .isEqualTo(StateFixtures.lines(BrokerStateFixture.BROKER_V2_CONTINUATION));
    }

    @Test
    void theBrokerScenarioWrittenTodayContinuesTheSame() {
        byte[] today =
                StateFixtures.serialize(
                        PaperBrokerSerializer.INSTANCE, BrokerStateFixture.richBroker());

        assertThat(
                        BrokerStateFixture.brokerContinuation(
                                StateFixtures.deserialize(PaperBrokerSerializer.INSTANCE, today)))
                .isEqualTo(StateFixtures.lines(BrokerStateFixture.BROKER_V2_CONTINUATION));
    }

    @Test
    void readsHeldInputsFormatOneAndReleasesThemAsTheyWouldHaveBeen() {
        byte[] v1 = StateFixtures.resource(BrokerStateFixture.PENDING_V1);
        assertThat(v1[0]).isEqualTo((byte) 1);
        EventTimeBuffer<BrokerInput> restored =
                StateFixtures.deserialize(PendingInputsSerializer.INSTANCE, v1);

        assertThat(BrokerStateFixture.pendingContinuation(restored))
                .isEqualTo(StateFixtures.lines(BrokerStateFixture.PENDING_V1_CONTINUATION));
    }

    @Test
    void thePendingScenarioWrittenTodayInFormatTwoReleasesTheSame() {
        byte[] today =
                StateFixtures.serialize(
                        PendingInputsSerializer.INSTANCE, BrokerStateFixture.richPending());
        assertThat(today[0]).isEqualTo((byte) 2);

        assertThat(
                        BrokerStateFixture.pendingContinuation(
                                StateFixtures.deserialize(PendingInputsSerializer.INSTANCE, today)))
                .isEqualTo(StateFixtures.lines(BrokerStateFixture.PENDING_V1_CONTINUATION));
    }
}
