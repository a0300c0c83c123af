package io.arbiter.jobs.monitor;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.arbiter.jobs.monitor.DeskEvents.ELEVEN;
import static io.arbiter.jobs.monitor.DeskEvents.NINE;
import static io.arbiter.jobs.monitor.DeskEvents.TEN;
import static io.arbiter.jobs.monitor.DeskEvents.allocation;
import static io.arbiter.jobs.monitor.DeskEvents.governance;
import static io.arbiter.jobs.monitor.DeskEvents.model;
import static org.assertj.core.api.Assertions.assertThat;

class DeskMonitorTest {

    @Test
    void showsEachBooksNewestAllocationWhateverTheArrivalOrder() {
        DeskMonitor monitor = new DeskMonitor(5);

        monitor.accept(allocation("book-a", TEN, 0.98, model("m1", ModelState.ACTIVE, 0.02, 5, 2)));
        monitor.accept(
                allocation("book-a", NINE, 0.99, model("m1", ModelState.PROBATION, 0.011, 1, 1)));

        List<DeskTable.Section> sections = monitor.sections();
        assertThat(sections).hasSize(1);
        assertThat(sections.get(0).asOf()).isEqualTo(TEN);
        assertThat(sections.get(0).rows())
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row.state()).isEqualTo(ModelState.ACTIVE);
                            assertThat(row.share()).isEqualTo(0.02);
                            assertThat(row.alpha()).isEqualTo(5.0);
                        });
    }

    @Test
    void eachRowCarriesTheFiguresOfTheAllocationShown() {
        DeskMonitor monitor = new DeskMonitor(5);

        monitor.accept(
                allocation(
                        "book-a",
                        NINE,
                        0.98,
                        model("m1", ModelState.ACTIVE, 0.02, 5, 2, 1.85, 0.0042, 34)));

        assertThat(monitor.sections().get(0).rows().get(0))
                .isEqualTo(
                        new DeskTable.Row("m1", ModelState.ACTIVE, 1.85, 0.0042, 34, 0.02, 5, 2));
        assertThat(monitor.renderTable())
                .endsWith(
                        "  m1     ACTIVE         1.85     0.42%      34    2.00%      5.0      2.0\n");
    }

    @Test
    void haltAfterTheLastAllocationShowsAsTheModelsStatusAtOnce() {
        DeskMonitor monitor = new DeskMonitor(5);
        monitor.accept(
                allocation("book-a", NINE, 0.98, model("m1", ModelState.ACTIVE, 0.02, 5, 2)));

        monitor.accept(
                governance(
                        "h1",
                        "book-a",
                        "m1",
                        TEN,
                        GovernanceKind.HALT,
                        ModelState.ACTIVE,
                        ModelState.HALTED,
                        "drawdown 4.2% above 4.0%"));

        DeskTable.Row row = monitor.sections().get(0).rows().get(0);
        assertThat(row.state()).isEqualTo(ModelState.HALTED);
        assertThat(row.share()).as("the share is the last allocation's").isEqualTo(0.02);
    }

    @Test
    void anOlderHaltDoesNotOverrideANewerAllocationsState() {
        DeskMonitor monitor = new DeskMonitor(5);
        monitor.accept(
                allocation("book-a", ELEVEN, 0.98, model("m1", ModelState.ACTIVE, 0.02, 5, 2)));

        monitor.accept(
                governance(
                        "h1",
                        "book-a",
                        "m1",
                        TEN,
                        GovernanceKind.HALT,
                        ModelState.ACTIVE,
                        ModelState.HALTED,
                        "drawdown 4.2% above 4.0%"));

        assertThat(monitor.sections().get(0).rows().get(0).state()).isEqualTo(ModelState.ACTIVE);
    }

    @Test
    void aGovernanceEventAtTheAllocationsTimeDecidesTheStatus() {
        DeskMonitor monitor = new DeskMonitor(5);
        monitor.accept(
                governance(
                        "r1",
                        "book-a",
                        "m1",
                        TEN,
                        GovernanceKind.RESUME,
                        ModelState.HALTED,
                        ModelState.PROBATION,
                        "resumed by command"));
        monitor.accept(allocation("book-a", TEN, 0.99, model("m1", ModelState.HALTED, 0.0, 5, 2)));

        assertThat(monitor.sections().get(0).rows().get(0).state()).isEqualTo(ModelState.PROBATION);
    }

    @Test
    void aModelNamedOnlyByGovernanceGetsARowWithItsStateAndNoFigures() {
        DeskMonitor monitor = new DeskMonitor(5);
        monitor.accept(
                allocation("book-a", NINE, 0.98, model("m1", ModelState.ACTIVE, 0.02, 5, 2)));
        monitor.accept(
                governance(
                        "g1",
                        "book-a",
                        "late-joiner",
                        TEN,
                        GovernanceKind.INFO,
                        ModelState.UNKNOWN,
                        ModelState.REGISTERED,
                        "registered version 1"));
        monitor.accept(
                governance(
                        "g2",
                        "book-b",
                        null,
                        TEN,
                        GovernanceKind.SECURITY,
                        ModelState.UNKNOWN,
                        ModelState.UNKNOWN,
                        "unsigned command refused"));

        List<DeskTable.Section> sections = monitor.sections();

        assertThat(sections)
                .extracting(DeskTable.Section::book)
                .containsExactly("book-a", "book-b");
        assertThat(sections.get(0).rows())
                .extracting(DeskTable.Row::model)
                .containsExactly("late-joiner", "m1");
        DeskTable.Row joiner = sections.get(0).rows().get(0);
        assertThat(joiner.state()).isEqualTo(ModelState.REGISTERED);
        assertThat(joiner.share()).isNaN();
        assertThat(joiner.closedTrades()).isNegative();
        assertThat(sections.get(1).asOf()).isNull();
        assertThat(sections.get(1).rows()).as("book-wide events name no model").isEmpty();
    }

    @Test
    void keepsTheLatestEventsByEventTimeOldestFirstAndEachIdOnce() {
        DeskMonitor monitor = new DeskMonitor(2);
        GovernanceEvent nine = warn("w9", NINE, "nine");
        GovernanceEvent ten = warn("w10", TEN, "ten");
        GovernanceEvent eleven = warn("w11", ELEVEN, "eleven");

        monitor.accept(eleven);
        monitor.accept(nine);
        monitor.accept(ten);
        monitor.accept(eleven);

        assertThat(monitor.renderEvents().lines())
                .extracting(line -> line.substring(line.lastIndexOf(' ') + 1))
                .containsExactly("ten", "eleven");
    }

    @Test
    void eventsAtTheSameTimeAreListedBookWideFirstThenByModel() {
        DeskMonitor monitor = new DeskMonitor(5);
        for (String model : List.of("trend-rule", "gbdt", "mlp")) {
            monitor.accept(
                    governance(
                            "id-" + (char) ('z' - model.length()),
                            "book-a",
                            model,
                            NINE,
                            GovernanceKind.INFO,
                            ModelState.UNKNOWN,
                            ModelState.PROBATION,
                            "registered"));
        }
        monitor.accept(
                governance(
                        "id-0",
                        "book-a",
                        null,
                        NINE,
                        GovernanceKind.RISK_SCALE,
                        ModelState.UNKNOWN,
                        ModelState.UNKNOWN,
                        "sizing × 0.7"));

        assertThat(monitor.renderEvents().lines())
                .extracting(line -> line.substring(30, 40).strip())
                .containsExactly("whole book", "gbdt", "mlp", "trend-rule");
    }

    @Test
    void theSameEventsInAnyOrderRenderTheSameText() {
        List<Object> events =
                List.of(
                        allocation(
                                "book-a",
                                NINE,
                                0.989,
                                model("m1", ModelState.PROBATION, 0.011, 1, 1)),
                        allocation(
                                "book-a",
                                TEN,
                                0.978,
                                model("m1", ModelState.ACTIVE, 0.011, 3, 1),
                                model("m2", ModelState.PROBATION, 0.011, 1, 2)),
                        allocation("book-b", TEN, 1.0, model("x", ModelState.HALTED, 0, 1, 9)),
                        warn("w1", NINE, "first"),
                        governance(
                                "h1",
                                "book-a",
                                "m2",
                                ELEVEN,
                                GovernanceKind.HALT,
                                ModelState.PROBATION,
                                ModelState.HALTED,
                                "profit factor 0.80 below 1.50"),
                        warn("w2", TEN, "second"));
        String expected = renderInOrder(events);

        for (int shift = 1; shift < events.size(); shift++) {
            List<Object> rotated = new ArrayList<>(events.subList(shift, events.size()));
            rotated.addAll(events.subList(0, shift));
            assertThat(renderInOrder(rotated)).as("rotated by %d", shift).isEqualTo(expected);
            java.util.Collections.reverse(rotated);
            assertThat(renderInOrder(rotated))
                    .as("rotated by %d, reversed", shift)
                    .isEqualTo(expected);
        }
        assertThat(expected)
                .contains("  m2     HALTED")
                .contains("book-b  as of 2024-01-05 10:00:00Z")
                .contains("latest governance events (newest last)\n  2024-01-05 09:00:00Z");
    }

    private static String renderInOrder(List<Object> events) {
        DeskMonitor monitor = new DeskMonitor(10);
        for (Object event : events) {
            if (event instanceof AllocationEvent allocation) {
                monitor.accept(allocation);
            } else {
                monitor.accept((GovernanceEvent) event);
            }
        }
        return monitor.render();
    }

    private static GovernanceEvent warn(String id, Instant time, String reason) {
        return governance(
                id,
                "book-a",
                "m1",
                time,
                GovernanceKind.WARN,
                ModelState.ACTIVE,
                ModelState.ACTIVE,
                reason);
    }
}
