package io.arbiter.operators.broker;

import io.arbiter.schemas.Bar;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.arbiter.operators.broker.TestOrders.SYMBOL;
import static io.arbiter.operators.broker.TestOrders.TERMS;
import static io.arbiter.operators.broker.TestOrders.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    void aBrokerReplayingLateOrdersWrittenAndReadBackContinuesLikeAnUninterruptedOne()
            throws IOException {
        // Orders 0 to 40 bars late, each sent twice: the held bars, the replayed positions and
        // the exited orders remembered against repeats must all survive.
        SplittableRandom random = new SplittableRandom(23);
        List<Object> events = new ArrayList<>();
        for (Object event :
                TestOrders.delayed(
                        TestOrders.randomWalk(SYMBOL, 400, 9), o -> random.nextInt(41))) {
            events.add(event);
            if (event instanceof TradeIntent) {
                events.add(event);
            }
        }
        TestOrders.Recorder uninterrupted = new TestOrders.Recorder();
        PaperBroker straight = new PaperBroker(SYMBOL);
        List<IntentAdmission> straightAdmissions = new ArrayList<>();
        for (Object event : events) {
            straightAdmissions.add(apply(straight, event, uninterrupted));
        }
        assertThat(straightAdmissions)
                .contains(
                        IntentAdmission.REPLAYED,
                        IntentAdmission.LATE,
                        IntentAdmission.QUEUED,
                        IntentAdmission.DUPLICATE);
        // No order traded twice.
        assertThat(uninterrupted.fillIds()).doesNotHaveDuplicates().hasSizeGreaterThan(100);

        TestOrders.Recorder resumed = new TestOrders.Recorder();
        PaperBroker broker = new PaperBroker(SYMBOL);
        List<IntentAdmission> admissions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (i % 29 == 0) {
                broker = roundTrip(broker);
            }
            admissions.add(apply(broker, events.get(i), resumed));
        }
        assertThat(admissions).isEqualTo(straightAdmissions);
        assertThat(resumed.fills.toString()).isEqualTo(uninterrupted.fills.toString());
        assertThat(resumed.dropped).isEqualTo(uninterrupted.dropped);
        assertThat(broker.heldBarCount()).isEqualTo(TERMS.barHistory());
        assertThat(broker.replayableFrom()).isEqualTo(straight.replayableFrom());
        assertThat(broker.openCount()).isEqualTo(straight.openCount());
        assertThat(broker.queuedCount()).isEqualTo(straight.queuedCount());
    }

    @Test
    void aRestoredBrokerStillRefusesRepeatedOrdersAndReplaysLateOnes() throws IOException {
        TestOrders.Recorder out = new TestOrders.Recorder();
        PaperBroker broker = new PaperBroker(SYMBOL);
        broker.onIntent(TestOrders.buy("open", day(0), 1, 5).build(), TERMS, out);
        broker.onIntent(TestOrders.buy("exited", day(0), 1, 1).build(), TERMS, out);
        broker.onBar(TestOrders.quiet(day(1)), TERMS, out);
        broker.onIntent(TestOrders.buy("waiting", day(1), 1, 5).build(), TERMS, out);

        PaperBroker restored = roundTrip(broker);
        for (String id : List.of("open", "exited", "waiting")) {
            assertThat(restored.onIntent(TestOrders.buy(id, day(0), 1, 5).build(), TERMS, out))
                    .as(id)
                    .isEqualTo(IntentAdmission.DUPLICATE);
        }
        assertThat(restored.onIntent(TestOrders.buy("old", day(0), 1, 5).build(), TERMS, out))
                .isEqualTo(IntentAdmission.REPLAYED);
        assertThat(restored.lastBarTime()).isEqualTo(day(1).toEpochMilli());
        assertThat(restored.openCount()).isEqualTo(2);
    }

    @Test
    void aStateOfTheFormatWithoutHeldBarsIsReadAsABrokerThatLetThemAllGo() throws IOException {
        // Format 1, as written before the broker kept bars: symbol, last bar, queue, positions.
        TradeIntent open = TestOrders.buy("open", day(0), 10, 3).build();
        TradeIntent waiting = TestOrders.buy("waiting", day(1), 1, 5).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream old = new DataOutputStream(bytes);
        old.writeByte(1);
        old.writeUTF(SYMBOL);
        old.writeLong(day(1).toEpochMilli());
        old.writeInt(1);
        RecordState.writeIntent(old, waiting);
        old.writeInt(1);
        new Position(open, 100.1, day(1).toEpochMilli(), 1).writeTo(old);

        PaperBroker broker = read(bytes.toByteArray());
        TestOrders.Recorder out = new TestOrders.Recorder();
        assertThat(broker.heldBarCount()).isZero();
        assertThat(broker.replayableFrom()).isEqualTo(day(1).toEpochMilli());
        assertThat(broker.onIntent(TestOrders.buy("old", day(0), 1, 5).build(), TERMS, out))
                .isEqualTo(IntentAdmission.LATE);
        assertThat(broker.onIntent(open, TERMS, out)).isEqualTo(IntentAdmission.DUPLICATE);

        broker.onBar(TestOrders.quiet(day(2)), TERMS, out);
        broker.onBar(TestOrders.bar(day(3), 100, 102, 99.5, 101), TERMS, out);
        // "waiting" enters at day 2's open 100 × 1.001 = 100.1; "open", held 1 bar when written,
        // reaches its 3-bar horizon at day 3: close 101 × 0.999 = 100.899.
        assertThat(out.fillIds()).containsExactly("waiting-entry", "open-exit");
        assertThat(out.fills.get(1).getPrice()).isCloseTo(100.899, within(1e-9));
        // Bars held from now on: an order decided at day 2 arriving late is replayed.
        assertThat(broker.onIntent(TestOrders.buy("new", day(2), 1, 5).build(), TERMS, out))
                .isEqualTo(IntentAdmission.REPLAYED);
    }

    @Test
    void aCorruptStateFailsWithAnIoExceptionNotAHugeAllocation() {
        byte[] bytes = {1, 0, 4, 'M', 'S', 'F', 'T', 0, 0, 0, 0, 0, 0, 0, 0, 0x7f, 0, 0, 0};
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read(new byte[] {9})).isInstanceOf(IOException.class);
    }

    /** Hands one record to the broker; null for a bar, the order's admission for an order. */
    private static IntentAdmission apply(
            PaperBroker broker, Object event, TestOrders.Recorder out) {
        if (event instanceof Bar bar) {
            broker.onBar(bar, TERMS, out);
            broker.expireUpTo(bar.getTime().toEpochMilli(), TERMS, out);
            return null;
        }
        return broker.onIntent((TradeIntent) event, TERMS, out);
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
