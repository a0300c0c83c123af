package io.arbiter.jobs.monitor;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.arbiter.jobs.monitor.DeskEvents.NINE;
import static io.arbiter.jobs.monitor.DeskEvents.TEN;
import static io.arbiter.jobs.monitor.DeskEvents.governance;
import static org.assertj.core.api.Assertions.assertThat;

class GovernanceSentencesTest {

    @Test
    void writesTimeBookModelKindStateChangeAndReasonInAlignedColumns() {
        GovernanceEvent halt =
                governance(
                        "e1",
                        "book-a",
                        "mlp-v2",
                        NINE,
                        GovernanceKind.HALT,
                        ModelState.ACTIVE,
                        ModelState.HALTED,
                        "profit factor 1.21 below 1.50 after 40 closed trades");
        GovernanceEvent riskScale =
                governance(
                        "e2",
                        "b",
                        null,
                        TEN,
                        GovernanceKind.RISK_SCALE,
                        ModelState.UNKNOWN,
                        ModelState.UNKNOWN,
                        "book drawdown 4.3% above 4.0%: sizing × 0.7");

        String text = GovernanceSentences.render(List.of(halt, riskScale));

        // book column 6 wide ("book-a"), model 10 ("whole book"), kind 10 ("RISK_SCALE")
        assertThat(text)
                .isEqualTo(
                        "2024-01-05 09:00:00Z  book-a  mlp-v2      HALT        ACTIVE → HALTED:"
                                + " profit factor 1.21 below 1.50 after 40 closed trades\n"
                                + "2024-01-05 10:00:00Z  b       whole book  RISK_SCALE  book"
                                + " drawdown 4.3% above 4.0%: sizing × 0.7\n");
    }

    @Test
    void namesTheRuleWhenAnEventHasNoReasonAndKeepsItOnOneLine() {
        GovernanceEvent bare =
                governance(
                        "e1",
                        "book-a",
                        "m",
                        NINE,
                        GovernanceKind.WARN,
                        ModelState.ACTIVE,
                        ModelState.ACTIVE,
                        " ");
        GovernanceEvent twoLines =
                governance(
                        "e2",
                        "book-a",
                        "m",
                        NINE,
                        GovernanceKind.INFO,
                        ModelState.UNKNOWN,
                        ModelState.REGISTERED,
                        "registered\nby ops");

        assertThat(GovernanceSentences.sentence(bare)).isEqualTo("rule rule-warn");
        assertThat(GovernanceSentences.sentence(twoLines))
                .isEqualTo("→ REGISTERED: registered by ops");
    }

    @Test
    void saysSoWhenThereAreNoEvents() {
        assertThat(GovernanceSentences.render(List.of())).isEqualTo("no governance events yet\n");
    }
}
