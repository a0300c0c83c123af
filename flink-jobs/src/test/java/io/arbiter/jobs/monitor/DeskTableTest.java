package io.arbiter.jobs.monitor;

import io.arbiter.schemas.ModelState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table's exact text. Columns after the model (width = the longest id, here "new-model", 9):
 * status %-10s, PF %7s, drawdown %8s, trades %6s, share %7s, α %7s, β %7s, two spaces apart, each
 * line indented by two.
 */
class DeskTableTest {

    static final Instant HALF_PAST_TWO = Instant.parse("2024-01-05T14:30:00Z");

    @Test
    void printsInfinityForAProfitFactorWithoutLossesAndDashesForUnknownFigures() {
        DeskTable.Section book =
                new DeskTable.Section(
                        "book-a",
                        HALF_PAST_TWO,
                        "round-trip",
                        0.7,
                        0.978,
                        List.of(
                                // PF 1.85; DD 0.0042 = 0.42 %; share 0.011 = 1.10 %
                                new DeskTable.Row(
                                        "gbdt-v3",
                                        ModelState.ACTIVE,
                                        1.85,
                                        0.0042,
                                        34,
                                        0.011,
                                        24,
                                        11),
                                // no losses yet: PF +∞; DD 0.043 = 4.30 %; halted, share 0
                                new DeskTable.Row(
                                        "mlp-v2",
                                        ModelState.HALTED,
                                        Double.POSITIVE_INFINITY,
                                        0.043,
                                        40,
                                        0.0,
                                        19.5,
                                        22),
                                // registered, nothing known yet
                                DeskTable.Row.stateOnly("new-model", ModelState.REGISTERED)));

        String text = DeskTable.render(List.of(book));

        assertThat(text)
                .isEqualTo(
                        "book-a  as of 2024-01-05 14:30:00Z (round-trip)  risk scaler 0.70  buffer 97.80%\n"
                                + "  model      status      PF(30d)  drawdown  trades    share        α        β\n"
                                + "  gbdt-v3    ACTIVE         1.85     0.42%      34    1.10%     24.0     11.0\n"
                                + "  mlp-v2     HALTED            ∞     4.30%      40    0.00%     19.5     22.0\n"
                                + "  new-model  REGISTERED        —         —       —        —        —        —\n");
    }

    @Test
    void cutsOverlongModelIdsSoTheColumnsStayOnScreen() {
        String longId = "a".repeat(40);
        DeskTable.Section book =
                new DeskTable.Section(
                        "b",
                        HALF_PAST_TWO,
                        "timer",
                        1.0,
                        1.0,
                        List.of(DeskTable.Row.stateOnly(longId, ModelState.PROBATION)));

        String row = DeskTable.render(List.of(book)).lines().toList().get(2);

        // 31 letters and the ellipsis fill the 32-wide column, then two spaces and the status
        assertThat(row).startsWith("  " + "a".repeat(31) + "…  PROBATION ");
    }

    @Test
    void saysSoForABookWithGovernanceEventsButNoAllocationYet() {
        DeskTable.Section book =
                new DeskTable.Section(
                        "book-z",
                        null,
                        null,
                        Double.NaN,
                        Double.NaN,
                        List.of(DeskTable.Row.stateOnly("m", ModelState.REGISTERED)));

        assertThat(DeskTable.render(List.of(book)))
                .startsWith("book-z  no allocation yet\n  model  status ");
    }

    @Test
    void saysSoWhenNothingHasBeenAllocated() {
        assertThat(DeskTable.render(List.of())).isEqualTo("no allocations yet\n");
    }
}
