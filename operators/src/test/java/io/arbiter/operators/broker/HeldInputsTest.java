package io.arbiter.operators.broker;

import io.arbiter.operators.time.Admission;
import io.arbiter.operators.time.EventTimeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static io.arbiter.operators.broker.TestOrders.bar;
import static io.arbiter.operators.broker.TestOrders.buy;
import static io.arbiter.operators.broker.TestOrders.day;
import static io.arbiter.operators.broker.TestOrders.quiet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker's use of the event-time buffer: its tie-break, late rule and state form. */
class HeldInputsTest {

    private static final long NO_WATERMARK = Long.MIN_VALUE;

    @Test
    void releasesByTimeThenBarsBeforeOrdersThenOrdersById() {
        EventTimeBuffer<BrokerInput> held = HeldInputs.empty(100);
        offer(held, BrokerInput.of(buy("z", day(1), 1, 5).build()), NO_WATERMARK);
        offer(held, BrokerInput.of(quiet(day(2))), NO_WATERMARK);
        offer(held, BrokerInput.of(buy("b", day(1), 1, 5).build()), NO_WATERMARK);
        offer(held, BrokerInput.of(quiet(day(1))), NO_WATERMARK);
        offer(held, BrokerInput.of(buy("a", day(0), 1, 5).build()), NO_WATERMARK);

        assertThat(held.nextTime()).isEqualTo(day(0).toEpochMilli());
        assertThat(names(held.releaseUpTo(day(1).toEpochMilli())))
                .containsExactly("order a", "bar 100.0", "order b", "order z");
        assertThat(names(held.releaseUpTo(Long.MAX_VALUE))).containsExactly("bar 100.0");
    }

    @Test
    void aSecondBarOfOneTimeAndARepeatedOrderAreDuplicates() {
        EventTimeBuffer<BrokerInput> held = HeldInputs.empty(100);
        offer(held, BrokerInput.of(quiet(day(1))), NO_WATERMARK);
        offer(held, BrokerInput.of(buy("a", day(1), 1, 5).build()), NO_WATERMARK);

        assertThat(
                        held.offer(
                                BrokerInput.of(bar(day(1), 50, 51, 49, 50)),
                                day(1).toEpochMilli(),
                                NO_WATERMARK))
                .isEqualTo(Admission.DUPLICATE);
        assertThat(
                        held.offer(
                                BrokerInput.of(buy("a", day(1), 9, 5).build()),
                                day(1).toEpochMilli(),
                                NO_WATERMARK))
                .isEqualTo(Admission.DUPLICATE);
        assertThat(names(held.releaseUpTo(Long.MAX_VALUE))).containsExactly("bar 100.0", "order a");
    }

    @Test
    void aRecordBehindTheWatermarkIsDueAtOnceAndNotHeld() {
        EventTimeBuffer<BrokerInput> held = HeldInputs.empty(1);
        offer(held, BrokerInput.of(quiet(day(5))), day(2).toEpochMilli());
        assertThat(
                        held.offer(
                                BrokerInput.of(buy("late", day(0), 1, 5).build()),
                                day(0).toEpochMilli(),
                                day(2).toEpochMilli()))
                .isEqualTo(Admission.DUE_NOW);
        assertThat(held.size()).isEqualTo(1);
    }

    @Test
    void heldRecordsSurviveAWriteAndReadInFormatTwo() throws IOException {
        EventTimeBuffer<BrokerInput> held = HeldInputs.empty(100);
        offer(held, BrokerInput.of(buy("b", day(1), 1, 5).build()), NO_WATERMARK);
        offer(held, BrokerInput.of(quiet(day(1))), NO_WATERMARK);
        offer(held, BrokerInput.of(buy("a", day(3), 1, 5).build()), NO_WATERMARK);

        byte[] bytes = write(held);
        assertThat(bytes[0]).isEqualTo((byte) 2);
        EventTimeBuffer<BrokerInput> back = read(bytes);

        assertThat(write(back)).isEqualTo(bytes);
        assertThat(names(back.releaseUpTo(Long.MAX_VALUE)))
                .containsExactly("bar 100.0", "order b", "order a");
    }

    @Test
    void refusesAnUnknownFormat() {
        assertThatThrownBy(() -> read(new byte[] {7}))
                .isInstanceOf(IOException.class)
                .hasMessage("unknown held broker inputs format 7");
    }

    private static void offer(EventTimeBuffer<BrokerInput> held, BrokerInput input, long mark) {
        assertThat(held.offer(input, input.time(), mark)).isEqualTo(Admission.HELD);
    }

    private static List<String> names(List<BrokerInput> inputs) {
        return inputs.stream()
                .map(
                        i ->
                                i.isBar()
                                        ? "bar " + i.bar().getOpen()
                                        : "order " + i.intent().getIntentId())
                .toList();
    }

    private static byte[] write(EventTimeBuffer<BrokerInput> held) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HeldInputs.writeTo(held, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static EventTimeBuffer<BrokerInput> read(byte[] bytes) throws IOException {
        return HeldInputs.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
