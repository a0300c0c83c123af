package io.arbiter.operators.governance;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;
import org.junit.jupiter.api.Test;

import static io.arbiter.operators.governance.TestBook.BEGINNING;
import static io.arbiter.operators.governance.TestBook.HOUR;
import static io.arbiter.operators.governance.TestBook.governorWith;
import static io.arbiter.operators.governance.TestBook.only;
import static io.arbiter.operators.governance.TestBook.pf;
import static org.assertj.core.api.Assertions.assertThat;

/** SET_POLICY: a bad file is refused with every violation and the book keeps its policy. */
class SetPolicyTest {

    @Test
    void refusesABadPolicyListingEveryViolationAndKeepsTheOldOne() {
        BookGovernor g = governorWith("gbdt");
        String before = g.policy().version();
        Decision d =
                g.setPolicy(
                        BEGINNING,
                        "version: v2\ngovernance: {pf-halt: 1.9, pf-performing: 1.7, min-trdes: 5}",
                        "cmd-policy");
        GovernanceEvent refused = only(d);
        assertThat(refused.getSeverity()).isEqualTo(Severity.ERROR);
        assertThat(refused.getRuleId()).isEqualTo(RuleIds.COMMAND_SET_POLICY);
        assertThat(refused.getCommandId()).isEqualTo("cmd-policy");
        assertThat(refused.getReason())
                .contains(before + " stays in force")
                .contains("governance.pf-halt: 1.9 must not exceed governance.pf-performing 1.7")
                .contains("governance.min-trdes: unknown key");
        assertThat(refused.getMetrics()).containsEntry("violations", 2.0);
        assertThat(d.hasAllocation()).isFalse();
        assertThat(g.policy().version()).isEqualTo(before);
        // The old thresholds still decide: PF 1.4 after 30 trades halts under pf-halt 1.5.
        assertThat(only(g.onMetrics(BEGINNING + HOUR, "gbdt", pf(1.4, 30))).getRuleId())
                .isEqualTo(RuleIds.PF_HALT);
    }

    @Test
    void aGoodPolicyTakesOverAndIsWrittenIntoLaterDecisions() {
        BookGovernor g = governorWith("gbdt");
        Decision d =
                g.setPolicy(BEGINNING, "version: v2\ngovernance: {pf-halt: 1.3}", "cmd-policy");
        assertThat(only(d).getReason()).contains("policy v2 replaces");
        assertThat(d.allocation().getTrigger()).isEqualTo("policy");
        assertThat(d.allocation().getPolicyVersion()).isEqualTo("v2");
        // PF 1.4 is above the new floor 1.3: warned, not halted.
        GovernanceEvent warn = only(g.onMetrics(BEGINNING + HOUR, "gbdt", pf(1.4, 30)));
        assertThat(warn.getToState()).isEqualTo(ModelState.WARNING);
        assertThat(warn.getPolicyVersion()).isEqualTo("v2");
        assertThat(warn.getThresholds()).containsEntry("governance.pf-halt", 1.3);
    }
}
