package io.arbiter.stream.broker;

import io.arbiter.operators.broker.BrokerInput;
import io.arbiter.operators.broker.BrokerOutput;
import io.arbiter.operators.broker.HeldInputs;
import io.arbiter.operators.broker.IntentAdmission;
import io.arbiter.operators.broker.PaperBroker;
import io.arbiter.operators.broker.TestOrders;
import io.arbiter.operators.time.Admission;
import io.arbiter.operators.time.EventTimeBuffer;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.Fill;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.stream.state.StateFixtures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.arbiter.operators.broker.TestOrders.TERMS;
import static io.arbiter.operators.broker.TestOrders.buy;
import static io.arbiter.operators.broker.TestOrders.day;
import static io.arbiter.operators.broker.TestOrders.quiet;

/**
 * The paper broker's two keyed states in the middle of a stream, for {@link
 * PaperBrokerSerializer}'s and {@link PendingInputsSerializer}'s fixtures.
 *
 * <ul>
 *   <li>{@code state/paper-broker/v2.bin}: a symbol's {@link PaperBroker} (format 2) after 40 days
 *       of a seeded random walk of bars and orders: waiting orders, open positions, held bars and
 *       exited orders. Its continuation plays the remaining days and a late order through it.
 *   <li>{@code state/pending-inputs/v1.bin}: a symbol's records held for the watermark (format 1:
 *       its own sorted list), bars and orders out of order, several of one time. Its continuation
 *       releases them in two steps with two more records offered between.
 * </ul>
 *
 * <p>Both were written by {@link #main} on the code of commit f953b47, before the held records
 * moved to the shared event-time buffer ({@code PendingInputs} then, {@link HeldInputs} now: the
 * scenario and continuation here are today's translation of that code's). They are never
 * regenerated: a new format keeps reading them.
 *
 * <pre>{@code
 * java -cp "stream/target/test-classes:stream/target/classes:$(cat stream/cp.txt)" \
 *     io.arbiter.stream.broker.BrokerStateFixture stream/src/test/resources/state
 * }</pre>
 *
 * (class path as in {@code SymbolFeaturesStateFixture}). Run today it would write the held records
 * in format 2: the format-1 files are the ones committed, not what {@link #main} writes now.
 */
final class BrokerStateFixture {

    static final String BROKER_V2 = "/state/paper-broker/v2.bin";
    static final String BROKER_V2_CONTINUATION = "/state/paper-broker/v2-continuation.txt";
    static final String PENDING_V1 = "/state/pending-inputs/v1.bin";
    static final String PENDING_V1_CONTINUATION = "/state/pending-inputs/v1-continuation.txt";

    private static final int SPLIT_DAY = 40;

    private BrokerStateFixture() {}

    static PaperBroker richBroker() {
        PaperBroker broker = new PaperBroker("MSFT");
        Lines ignored = new Lines();
        for (Object event : TestOrders.randomWalk("MSFT", 60, 3)) {
            if (timeOf(event) >= day(SPLIT_DAY).toEpochMilli()) {
                break;
            }
            play(broker, event, ignored);
        }
        return broker;
    }

    /** The rest of the walk, a late order and a repeat, then the end of input. */
    static List<String> brokerContinuation(PaperBroker broker) {
        Lines lines = new Lines();
        lines.add(standing(broker));
        lines.add(
                "late "
                        + broker.onIntent(
                                buy("late-1", day(SPLIT_DAY - 3), 3, 4)
                                        .setTakeProfit(1e6)
                                        .setStopLoss(1e-6)
                                        .build(),
                                TERMS,
                                lines));
        for (Object event : TestOrders.randomWalk("MSFT", 60, 3)) {
            if (timeOf(event) >= day(SPLIT_DAY).toEpochMilli()) {
                play(broker, event, lines);
            }
        }
        broker.expireUpTo(Long.MAX_VALUE, TERMS, lines);
        lines.add(standing(broker));
        return lines;
    }

    /** The records of the format-1 fixture, held as today's code holds them. */
    static EventTimeBuffer<BrokerInput> richPending() {
        EventTimeBuffer<BrokerInput> held = HeldInputs.empty(100);
        hold(held, BrokerInput.of(quiet(day(5))));
        hold(held, BrokerInput.of(buy("b", day(4), 1, 5).build()));
        hold(held, BrokerInput.of(buy("a", day(4), 1, 5).build()));
        hold(held, BrokerInput.of(quiet(day(4))));
        hold(held, BrokerInput.of(buy("c", day(6), 2, 5).build()));
        hold(held, BrokerInput.of(quiet(day(6))));
        hold(held, BrokerInput.of(quiet(day(3))));
        hold(held, BrokerInput.of(buy("z", day(3), 1, 5).build()));
        return held;
    }

    /** Two releases with two records added between; one line per released record. */
    static List<String> pendingContinuation(EventTimeBuffer<BrokerInput> held) {
        List<String> lines = new ArrayList<>();
        lines.add("size " + held.size() + " earliest " + held.nextTime());
        release(held.releaseUpTo(day(4).toEpochMilli()), lines);
        lines.add("size " + held.size() + " earliest " + held.nextTime());
        hold(held, BrokerInput.of(buy("y", day(5), 1, 5).build()));
        hold(held, BrokerInput.of(quiet(day(7))));
        release(held.releaseUpTo(Long.MAX_VALUE), lines);
        lines.add("size " + held.size() + " earliest " + held.nextTime());
        return lines;
    }

    private static void hold(EventTimeBuffer<BrokerInput> held, BrokerInput input) {
        if (held.offer(input, input.time(), Long.MIN_VALUE) != Admission.HELD) {
            throw new IllegalStateException("not held: " + input);
        }
    }

    private static void release(List<BrokerInput> released, List<String> lines) {
        for (BrokerInput input : released) {
            lines.add(
                    input.isBar()
                            ? "bar " + input.bar().getTime() + " " + input.bar()
                            : "intent " + input.intent().getTime() + " " + input.intent());
        }
    }

    private static void play(PaperBroker broker, Object event, Lines lines) {
        if (event instanceof Bar bar) {
            broker.expireUpTo(bar.getTime().toEpochMilli() - 1, TERMS, lines);
            lines.add("bar " + bar.getTime() + " " + broker.onBar(bar, TERMS, lines));
        } else {
            TradeIntent intent = (TradeIntent) event;
            lines.add(
                    "intent " + intent.getIntentId() + " " + broker.onIntent(intent, TERMS, lines));
        }
    }

    private static String standing(PaperBroker broker) {
        return "queued "
                + broker.queuedCount()
                + " open "
                + broker.openCount()
                + " lastBar "
                + broker.lastBarTime()
                + " replayableFrom "
                + broker.replayableFrom()
                + " heldBars "
                + broker.heldBarCount()
                + " nextDeadline "
                + broker.nextDeadline(TERMS);
    }

    private static long timeOf(Object event) {
        return event instanceof Bar bar
                ? bar.getTime().toEpochMilli()
                : ((TradeIntent) event).getTime().toEpochMilli();
    }

    /** Continuation lines; the broker's fills and drops go in as they come. */
    private static final class Lines extends ArrayList<String> implements BrokerOutput {
        @Override
        public void fill(Fill fill) {
            add("fill " + fill);
        }

        @Override
        public void dropped(TradeIntent intent, IntentAdmission admission, String reason) {
            add("dropped " + intent.getIntentId() + " " + admission + " " + reason);
        }
    }

    /** Writes the four fixtures under the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        StateFixtures.writeBytes(
                dir.resolve("paper-broker/v2.bin"),
                StateFixtures.serialize(PaperBrokerSerializer.INSTANCE, richBroker()));
        StateFixtures.writeLines(
                dir.resolve("paper-broker/v2-continuation.txt"), brokerContinuation(richBroker()));
        StateFixtures.writeBytes(
                dir.resolve("pending-inputs/v2.bin"),
                StateFixtures.serialize(PendingInputsSerializer.INSTANCE, richPending()));
        StateFixtures.writeLines(
                dir.resolve("pending-inputs/v2-continuation.txt"),
                pendingContinuation(richPending()));
    }
}
