package io.arbiter.operators.planner;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.TradeIntent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import static io.arbiter.operators.planner.TestDesk.BOOK;
import static io.arbiter.operators.planner.TestDesk.bytes;
import static io.arbiter.operators.planner.TestDesk.restore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The planner's state survives a snapshot, and the same input always makes the same plan. */
class PlannerStateTest {

    private static final int STEPS = 120;

    @Test
    void aRestoredPlannerContinuesExactlyAsAnUninterruptedOne() throws IOException {
        for (long seed = 1; seed <= 10; seed++) {
            DeskSimulation uninterrupted = new DeskSimulation(seed, Policy.defaults()).run(STEPS);
            int snapshotAt = 20 + (int) (seed * 7);
            DeskSimulation restored =
                    new DeskSimulation(seed, Policy.defaults())
                            .run(
                                    STEPS,
                                    (step, planner) -> {
                                        if (step != snapshotAt) {
                                            return planner;
                                        }
                                        byte[] written = bytes(planner);
                                        TradePlanner back = restore(written, Policy.defaults());
                                        // Writing what was read gives the same bytes.
                                        assertThat(bytes(back)).isEqualTo(written);
                                        return back;
                                    });

            assertThat(restored.intents).isEqualTo(uninterrupted.intents);
            assertThat(restored.rejections).isEqualTo(uninterrupted.rejections);
            assertThat(bytes(restored.planner)).isEqualTo(bytes(uninterrupted.planner));
        }
    }

    @Test
    void theSameInputMakesTheSamePlan() throws IOException {
        DeskSimulation first = new DeskSimulation(42, Policy.defaults()).run(STEPS);
        DeskSimulation second = new DeskSimulation(42, Policy.defaults()).run(STEPS);

        assertThat(first.intents).isNotEmpty().isEqualTo(second.intents);
        assertThat(first.rejections).isEqualTo(second.rejections);
        assertThat(bytes(first.planner)).isEqualTo(bytes(second.planner));
    }

    @Test
    void theOrderOfABarsCandidatesDoesNotChangeThePlan() throws IOException {
        DeskSimulation inOrder = new DeskSimulation(7, Policy.defaults()).run(STEPS);
        DeskSimulation shuffled = new DeskSimulation(7, Policy.defaults(), true).run(STEPS);

        assertThat(shuffled.intents).isNotEmpty().isEqualTo(inOrder.intents);
        Comparator<Rejection> byContent =
                Comparator.comparing((Rejection r) -> r.candidate().toString())
                        .thenComparing(Rejection::detail);
        assertThat(sorted(shuffled.rejections, byContent))
                .isEqualTo(sorted(inOrder.rejections, byContent));
        assertThat(bytes(shuffled.planner)).isEqualTo(bytes(inOrder.planner));
    }

    @Test
    void anEmptyPlannerRoundTrips() throws IOException {
        TradePlanner planner = new TradePlanner(BOOK, Policy.defaults());

        TradePlanner back = restore(bytes(planner), Policy.defaults());

        assertThat(back.book()).isEqualTo(BOOK);
        assertThat(back.clock()).isEqualTo(Long.MIN_VALUE);
        assertThat(bytes(back)).isEqualTo(bytes(planner));
    }

    @Test
    void refusesStateItDidNotWrite() throws IOException {
        byte[] state = bytes(new DeskSimulation(3, Policy.defaults()).run(40).planner);
        byte[] unknownFormat = state.clone();
        unknownFormat[0] = 42;
        byte[] truncated = java.util.Arrays.copyOf(state, state.length / 2);

        assertThatThrownBy(() -> restore(unknownFormat, Policy.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessage("unknown planner state format 42");
        assertThatThrownBy(() -> restore(truncated, Policy.defaults()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void keepsTheStateBoundedOverALongRun() throws IOException {
        DeskSimulation desk = new DeskSimulation(11, Policy.defaults()).run(2000);

        // Pending intents are bounded by the position limit; fill ids by 30 days of fills.
        assertThat(desk.planner.pendingIntents()).isLessThanOrEqualTo(8);
        assertThat(bytes(desk.planner).length).isLessThan(20_000);
        List<TradeIntent> intents = desk.intents;
        assertThat(intents.size()).isGreaterThan(100);
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        return list.stream().sorted(order).toList();
    }
}
