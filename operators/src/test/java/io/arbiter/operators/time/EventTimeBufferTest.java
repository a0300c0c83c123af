package io.arbiter.operators.time;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTimeBufferTest {

    /** Items are strings; the tie-break is their natural order. */
    private static final Comparator<String> BY_NAME = Comparator.naturalOrder();

    private static final long NO_WATERMARK = Long.MIN_VALUE;

    @Test
    void releasesByTimeThenTieBreakWhateverTheArrivalOrder() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 100);
        buffer.offer("b", 20, NO_WATERMARK);
        buffer.offer("z", 10, NO_WATERMARK);
        buffer.offer("a", 20, NO_WATERMARK);
        buffer.offer("c", 30, NO_WATERMARK);
        buffer.offer("m", 10, NO_WATERMARK);

        assertThat(buffer.releaseUpTo(Long.MAX_VALUE)).containsExactly("m", "z", "a", "b", "c");
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void releasesOnlyWhatTheWatermarkHasPassedAndForgetsIt() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 100);
        buffer.offer("t30", 30, NO_WATERMARK);
        buffer.offer("t10", 10, NO_WATERMARK);
        buffer.offer("t20", 20, NO_WATERMARK);

        assertThat(buffer.releaseUpTo(9)).isEmpty();
        assertThat(buffer.releaseUpTo(20)).containsExactly("t10", "t20");
        assertThat(buffer.size()).isEqualTo(1);
        assertThat(buffer.releaseUpTo(20)).isEmpty();
        assertThat(buffer.releaseUpTo(30)).containsExactly("t30");
        assertThat(buffer.size()).isZero();
    }

    @Test
    void releasingToAConsumerHandsOnTheSameItemsInTheSameOrderAsTheList() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 100);
        buffer.offer("b", 20, NO_WATERMARK);
        buffer.offer("c", 30, NO_WATERMARK);
        buffer.offer("a", 20, NO_WATERMARK);
        List<String> released = new ArrayList<>();

        assertThat(buffer.releaseUpTo(25, released::add)).isEqualTo(2);
        assertThat(released).containsExactly("a", "b");
        assertThat(buffer.releaseUpTo(25, released::add)).isZero();
        assertThat(buffer.nextTime()).isEqualTo(30);
        assertThat(buffer.releaseUpTo(Long.MAX_VALUE, released::add)).isEqualTo(1);
        assertThat(released).containsExactly("a", "b", "c");
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void anItemHandedOnIsAlreadyGoneSoTheConsumerSeesTheBufferWithoutIt() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 100);
        buffer.offer("a", 10, NO_WATERMARK);
        buffer.offer("b", 20, NO_WATERMARK);
        List<String> seen = new ArrayList<>();

        buffer.releaseUpTo(20, item -> seen.add(item + " leaves " + buffer.size()));

        assertThat(seen).containsExactly("a leaves 1", "b leaves 0");
    }

    @Test
    void nextTimeIsTheEarliestHeldTimeOrMaxValueWhenEmpty() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 100);
        assertThat(buffer.nextTime()).isEqualTo(Long.MAX_VALUE);
        buffer.offer("a", 50, NO_WATERMARK);
        assertThat(buffer.nextTime()).isEqualTo(50);
        buffer.offer("b", 40, NO_WATERMARK);
        assertThat(buffer.nextTime()).isEqualTo(40);
        buffer.releaseUpTo(45);
        assertThat(buffer.nextTime()).isEqualTo(50);
        buffer.releaseUpTo(50);
        assertThat(buffer.nextTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refuseCallsAnItemAtOrBehindTheWatermarkLateAndHoldsNothing() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 100);
        assertThat(buffer.offer("at", 100, 100)).isEqualTo(Admission.LATE);
        assertThat(buffer.offer("behind", 99, 100)).isEqualTo(Admission.LATE);
        assertThat(buffer.offer("after", 101, 100)).isEqualTo(Admission.HELD);
        assertThat(buffer.releaseUpTo(Long.MAX_VALUE)).containsExactly("after");
    }

    @Test
    void atOnceHandsALateItemBackAsDueNowAndHoldsNothing() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.AT_ONCE, 100);
        assertThat(buffer.offer("late", 100, 100)).isEqualTo(Admission.DUE_NOW);
        assertThat(buffer.offer("early", 101, 100)).isEqualTo(Admission.HELD);
        assertThat(buffer.releaseUpTo(Long.MAX_VALUE)).containsExactly("early");
    }

    @Test
    void nextInstantHoldsALateItemUntilTheNextWatermarkAdvance() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.NEXT_INSTANT, 100);
        buffer.offer("on-time", 105, 90);
        assertThat(buffer.offer("late-b", 50, 100)).isEqualTo(Admission.HELD);
        assertThat(buffer.offer("late-a", 80, 100)).isEqualTo(Admission.HELD);

        assertThat(buffer.nextTime()).isEqualTo(101);
        assertThat(buffer.releaseUpTo(100)).isEmpty();
        // Both moved to 101: their own times no longer count, only the tie-break among them.
        assertThat(buffer.releaseUpTo(101)).containsExactly("late-a", "late-b");
        assertThat(buffer.releaseUpTo(105)).containsExactly("on-time");
    }

    @Test
    void nextInstantAtTheEndOfTimeHoldsAtTheLastInstant() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.NEXT_INSTANT, 100);
        assertThat(buffer.offer("x", 5, Long.MAX_VALUE)).isEqualTo(Admission.HELD);
        assertThat(buffer.nextTime()).isEqualTo(Long.MAX_VALUE);
        assertThat(buffer.releaseUpTo(Long.MAX_VALUE)).containsExactly("x");
    }

    @Test
    void anItemOfAHeldTimeThatTheTieBreakCannotTellApartIsADuplicate() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 100);
        assertThat(buffer.offer("a", 10, NO_WATERMARK)).isEqualTo(Admission.HELD);
        assertThat(buffer.offer("b", 10, NO_WATERMARK)).isEqualTo(Admission.HELD);
        assertThat(buffer.offer("c", 30, NO_WATERMARK)).isEqualTo(Admission.HELD);

        assertThat(buffer.offer("a", 10, NO_WATERMARK)).isEqualTo(Admission.DUPLICATE);
        assertThat(buffer.offer("c", 30, NO_WATERMARK)).isEqualTo(Admission.DUPLICATE);
        assertThat(buffer.offer("a", 20, NO_WATERMARK)).isEqualTo(Admission.HELD);
        assertThat(buffer.releaseUpTo(Long.MAX_VALUE)).containsExactly("a", "b", "a", "c");
    }

    @Test
    void aTieBreakThatCallsEveryPairEqualMakesTheTimeAloneTheIdentity() {
        EventTimeBuffer<String> buffer = new EventTimeBuffer<>((x, y) -> 0, LatePolicy.REFUSE, 9);
        assertThat(buffer.offer("first", 10, NO_WATERMARK)).isEqualTo(Admission.HELD);
        assertThat(buffer.offer("second", 10, NO_WATERMARK)).isEqualTo(Admission.DUPLICATE);
        assertThat(buffer.releaseUpTo(10)).containsExactly("first");
        // Once released it is no longer held: remembering it is the caller's business.
        assertThat(buffer.offer("third", 10, NO_WATERMARK)).isEqualTo(Admission.HELD);
    }

    @Test
    void aDuplicateIsReportedBeforeLatenessAndLatenessBeforeAFullBuffer() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 1);
        buffer.offer("a", 10, NO_WATERMARK);
        // Behind the watermark and full too, but already held: a duplicate.
        assertThat(buffer.offer("a", 10, 10)).isEqualTo(Admission.DUPLICATE);
        assertThat(buffer.offer("b", 10, 10)).isEqualTo(Admission.LATE);
        assertThat(buffer.offer("b", 11, 10)).isEqualTo(Admission.FULL);
    }

    @Test
    void aNextInstantDuplicateIsFoundAtTheInstantItWouldBeHeldAt() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.NEXT_INSTANT, 100);
        buffer.offer("a", 3, 100);
        assertThat(buffer.offer("a", 7, 100)).isEqualTo(Admission.DUPLICATE);
        assertThat(buffer.offer("a", 101, 50)).isEqualTo(Admission.DUPLICATE);
    }

    @Test
    void refusesItemsBeyondMaxPendingUntilAReleaseMakesRoom() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 2);
        assertThat(buffer.offer("a", 1, NO_WATERMARK)).isEqualTo(Admission.HELD);
        assertThat(buffer.offer("b", 2, NO_WATERMARK)).isEqualTo(Admission.HELD);
        assertThat(buffer.offer("c", 3, NO_WATERMARK)).isEqualTo(Admission.FULL);
        assertThat(buffer.offer("c", 0, NO_WATERMARK)).isEqualTo(Admission.FULL);
        buffer.releaseUpTo(1);
        assertThat(buffer.offer("c", 3, 1)).isEqualTo(Admission.HELD);
        assertThat(buffer.releaseUpTo(Long.MAX_VALUE)).containsExactly("b", "c");
    }

    @Test
    void aLateItemUnderAtOnceIsDueEvenWhenTheBufferIsFull() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.AT_ONCE, 1);
        buffer.offer("a", 50, 0);
        assertThat(buffer.offer("b", 0, 0)).isEqualTo(Admission.DUE_NOW);
    }

    @Test
    void aLoweredLimitKeepsWhatIsHeldAndRefusesNewItemsUntilBelowIt() {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 3);
        buffer.offer("a", 1, NO_WATERMARK);
        buffer.offer("b", 2, NO_WATERMARK);
        buffer.offer("c", 3, NO_WATERMARK);
        buffer.setMaxPending(2);
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.offer("d", 4, NO_WATERMARK)).isEqualTo(Admission.FULL);
        buffer.releaseUpTo(2);
        assertThat(buffer.offer("d", 4, 2)).isEqualTo(Admission.HELD);
        assertThat(buffer.releaseUpTo(Long.MAX_VALUE)).containsExactly("c", "d");
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> buffer(LatePolicy.REFUSE, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thousandsOfShuffledOffersInterleavedWithReleasesComeOutAsASortedMapGivesThem() {
        Random random = new Random(7);
        // Items are "name@time"; the tie-break looks at the name only.
        EventTimeBuffer<String> buffer =
                new EventTimeBuffer<>(
                        Comparator.comparing((String s) -> s.substring(0, s.indexOf('@'))),
                        LatePolicy.REFUSE,
                        1_000_000);
        // The oracle: a sorted map of time → sorted names, with the same late and duplicate rules.
        TreeMap<Long, TreeMap<String, String>> oracle = new TreeMap<>();
        List<String> released = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        long watermark = NO_WATERMARK;
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < 50; i++) {
                long time = round * 10L + random.nextInt(60) - 20;
                String name = "n" + random.nextInt(4);
                Admission admission = buffer.offer(name + "@" + time, time, watermark);
                if (oracle.containsKey(time) && oracle.get(time).containsKey(name)) {
                    assertThat(admission).isEqualTo(Admission.DUPLICATE);
                } else if (time <= watermark) {
                    assertThat(admission).isEqualTo(Admission.LATE);
                } else {
                    assertThat(admission).isEqualTo(Admission.HELD);
                    oracle.computeIfAbsent(time, t -> new TreeMap<>()).put(name, name + "@" + time);
                }
            }
            watermark = round * 10L - 15;
            released.addAll(buffer.releaseUpTo(watermark));
            Map<Long, TreeMap<String, String>> due = oracle.headMap(watermark, true);
            due.values().forEach(names -> expected.addAll(names.values()));
            due.clear();
            assertThat(buffer.size()).isEqualTo(oracle.values().stream().mapToInt(Map::size).sum());
            assertThat(buffer.nextTime())
                    .isEqualTo(oracle.isEmpty() ? Long.MAX_VALUE : oracle.firstKey());
        }
        assertThat(released).hasSizeGreaterThan(5_000).isEqualTo(expected);
    }

    @Test
    void writesTheFormatByteTheCountThenEachItemsTimeAndForm() throws IOException {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 10);
        buffer.offer("b", 7, NO_WATERMARK);
        buffer.offer("a", 5, NO_WATERMARK);

        byte[] expected = {
            1, // format
            0, 0, 0, 2, // count
            0, 0, 0, 0, 0, 0, 0, 5, // time of "a"
            0, 1, 'a', // writeUTF("a")
            0, 0, 0, 0, 0, 0, 0, 7, 0, 1, 'b'
        };
        assertThat(bytes(buffer)).isEqualTo(expected);
    }

    @Test
    void readsBackWhatItWroteIntoABufferThatReleasesTheSameAndWritesTheSameBytes()
            throws IOException {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.NEXT_INSTANT, 10);
        buffer.offer("c", 40, 20);
        buffer.offer("a", 30, 20);
        buffer.offer("b", 30, 20);
        buffer.offer("late", 10, 20); // held at 21
        buffer.releaseUpTo(0); // nothing, but moves no head

        byte[] written = bytes(buffer);
        EventTimeBuffer<String> read = read(written, LatePolicy.NEXT_INSTANT, 10);

        assertThat(bytes(read)).isEqualTo(written);
        assertThat(read.size()).isEqualTo(4);
        assertThat(read.nextTime()).isEqualTo(21);
        assertThat(read.offer("b", 30, 20)).isEqualTo(Admission.DUPLICATE);
        assertThat(read.releaseUpTo(30)).containsExactly("late", "a", "b");
        assertThat(read.releaseUpTo(Long.MAX_VALUE)).containsExactly("c");
    }

    @Test
    void aBufferReadBackTakesTheLimitAndLatePolicyItIsGivenNotTheWritersOnes() throws IOException {
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 10);
        buffer.offer("a", 1, NO_WATERMARK);
        buffer.offer("b", 2, NO_WATERMARK);

        EventTimeBuffer<String> read = read(bytes(buffer), LatePolicy.AT_ONCE, 1);

        assertThat(read.size()).isEqualTo(2);
        assertThat(read.offer("c", 3, NO_WATERMARK)).isEqualTo(Admission.FULL);
        assertThat(read.offer("c", 0, 0)).isEqualTo(Admission.DUE_NOW);
    }

    @Test
    void anEmptyBufferRoundTrips() throws IOException {
        byte[] written = bytes(buffer(LatePolicy.REFUSE, 3));
        assertThat(written).containsExactly(1, 0, 0, 0, 0);
        assertThat(read(written, LatePolicy.REFUSE, 3).isEmpty()).isTrue();
    }

    @Test
    void refusesBytesOfAnUnknownFormatACorruptCountOrItemsOutOfOrder() {
        assertThatThrownBy(() -> read(new byte[] {2, 0, 0, 0, 0}, LatePolicy.REFUSE, 3))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format 2");
        assertThatThrownBy(() -> read(new byte[] {1, -1, -1, -1, -1}, LatePolicy.REFUSE, 3))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("count -1");
        byte[] twice = {
            1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 5, 0, 1, 'a', 0, 0, 0, 0, 0, 0, 0, 5, 0, 1, 'a'
        };
        assertThatThrownBy(() -> read(twice, LatePolicy.REFUSE, 3))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("out of order");
        byte[] backwards = {
            1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 6, 0, 1, 'a', 0, 0, 0, 0, 0, 0, 0, 5, 0, 1, 'a'
        };
        assertThatThrownBy(() -> read(backwards, LatePolicy.REFUSE, 3))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("out of order");
    }

    @Test
    void inOrderOffersAndReleasesReuseTheSameArrays() {
        // Steady state of the features operator: one bar in, one bar out, for ever. The held
        // items move to the front instead of the arrays growing.
        EventTimeBuffer<String> buffer = buffer(LatePolicy.REFUSE, 10);
        for (int t = 0; t < 100_000; t++) {
            buffer.offer("bar", t, t - 3L);
            if (t >= 2) {
                assertThat(buffer.releaseUpTo(t - 2L)).containsExactly("bar");
            }
        }
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(capacity(buffer)).isLessThanOrEqualTo(8);
    }

    private static EventTimeBuffer<String> buffer(LatePolicy late, int maxPending) {
        return new EventTimeBuffer<>(BY_NAME, late, maxPending);
    }

    private static byte[] bytes(EventTimeBuffer<String> buffer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        buffer.writeTo(new DataOutputStream(bytes), (out, item) -> out.writeUTF(item));
        return bytes.toByteArray();
    }

    private static EventTimeBuffer<String> read(byte[] bytes, LatePolicy late, int maxPending)
            throws IOException {
        return EventTimeBuffer.readFrom(
                new DataInputStream(new ByteArrayInputStream(bytes)),
                DataInput::readUTF,
                BY_NAME,
                late,
                maxPending);
    }

    private static int capacity(EventTimeBuffer<?> buffer) {
        try {
            var field = EventTimeBuffer.class.getDeclaredField("times");
            field.setAccessible(true);
            return ((long[]) field.get(buffer)).length;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
