package io.arbiter.operators.broker;

import io.arbiter.schemas.Bar;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static io.arbiter.operators.broker.TestOrders.SYMBOL;
import static io.arbiter.operators.broker.TestOrders.TERMS;
import static io.arbiter.operators.broker.TestOrders.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaperBrokerStateTest {

    @Test
    void aBrokerWrittenAndReadBackMidStreamContinuesExactlyLikeAnUninterruptedOne()
            throws IOException {
        List<Object> events = TestOrders.randomWalk(SYMBOL, 400, 7);
        TestOrders.Recorder uninterrupted = new TestOrders.Recorder();
        PaperBroker straight = new PaperBroker(SYMBOL);
        for (Object event : events) {
            apply(straight, event, uninterrupted);
        }
        assertThat(uninterrupted.fills).hasSizeGreaterThan(100); // the walk trades a lot

        TestOrders.Recorder resumed = new TestOrders.Recorder();
        PaperBroker broker = new PaperBroker(SYMBOL);
        for (int i = 0; i < events.size(); i++) {
            if (i % 37 == 0) {
                // Written with orders waiting and positions open: both must survive.
                broker = roundTrip(broker);
            }
            apply(broker, events.get(i), resumed);
        }

        assertThat(resumed.fills.toString()).isEqualTo(uninterrupted.fills.toString());
        assertThat(resumed.dropped).isEqualTo(uninterrupted.dropped);
        assertThat(broker.openCount()).isEqualTo(straight.openCount());
        assertThat(broker.queuedCount()).isEqualTo(straight.queuedCount());
    }

    @Test
    void aRestoredBrokerStillRefusesRepeatedAndLateOrders() throws IOException {
        PaperBroker broker = new PaperBroker(SYMBOL);
        broker.onIntent(TestOrders.buy("open", day(0), 1, 5).build(), TERMS);
        broker.onBar(TestOrders.quiet(day(1)), TERMS, new TestOrders.Recorder());
        broker.onIntent(TestOrders.buy("waiting", day(1), 1, 5).build(), TERMS);

        PaperBroker restored = roundTrip(broker);
        assertThat(restored.onIntent(TestOrders.buy("open", day(1), 1, 5).build(), TERMS))
                .isEqualTo(IntentAdmission.DUPLICATE);
        assertThat(restored.onIntent(TestOrders.buy("waiting", day(1), 1, 5).build(), TERMS))
                .isEqualTo(IntentAdmission.DUPLICATE);
        assertThat(restored.onIntent(TestOrders.buy("old", day(0), 1, 5).build(), TERMS))
                .isEqualTo(IntentAdmission.LATE);
        assertThat(restored.lastBarTime()).isEqualTo(day(1).toEpochMilli());
    }

    @Test
    void aCorruptStateFailsWithAnIoExceptionNotAHugeAllocation() {
        byte[] bytes = {1, 0, 4, 'M', 'S', 'F', 'T', 0, 0, 0, 0, 0, 0, 0, 0, 0x7f, 0, 0, 0};
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read(new byte[] {9})).isInstanceOf(IOException.class);
    }

    private static void apply(PaperBroker broker, Object event, TestOrders.Recorder out) {
        if (event instanceof Bar bar) {
            broker.onBar(bar, TERMS, out);
            broker.expireUpTo(bar.getTime().toEpochMilli(), TERMS, out);
        } else {
            broker.onIntent((TradeIntent) event, TERMS);
        }
    }

    private static PaperBroker roundTrip(PaperBroker broker) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        broker.writeTo(new DataOutputStream(bytes));
        return read(bytes.toByteArray());
    }

    private static PaperBroker read(byte[] bytes) throws IOException {
        return PaperBroker.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
