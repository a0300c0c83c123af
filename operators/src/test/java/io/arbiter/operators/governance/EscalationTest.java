package io.arbiter.operators.governance;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.Severity;
import org.junit.jupiter.api.Test;

import static io.arbiter.operators.governance.TestBook.BEGINNING;
import static io.arbiter.operators.governance.TestBook.HOUR;
import static io.arbiter.operators.governance.TestBook.governorWith;
import static io.arbiter.operators.governance.TestBook.ofKind;
import static io.arbiter.operators.governance.TestBook.pf;
import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §2: any model PF < 1.5 for more than 48 h is escalated (a second event, ERROR). */
class EscalationTest {

    @Test
    void escalatesWhenProfitFactorStaysBelowTheFloorForMoreThan48Hours() {
        BookGovernor g = governorWith("gbdt");
        g.onMetrics(BEGINNING, "gbdt", pf(1.2, 30)); // the HALT, first event

        assertThat(ofKind(g.onTimer(BEGINNING + 47 * HOUR), GovernanceKind.ESCALATE)).isEmpty();
        assertThat(ofKind(g.onTimer(BEGINNING + 48 * HOUR), GovernanceKind.ESCALATE))
                .as("48 h exactly is not more than 48 h")
                .isEmpty();
        assertThat(g.nextTimer()).isEqualTo(BEGINNING + 48 * HOUR + 1);

        var escalations = ofKind(g.onTimer(BEGINNING + 48 * HOUR + 1), GovernanceKind.ESCALATE);
        assertThat(escalations).hasSize(1);
        GovernanceEvent e = escalations.get(0);
        assertThat(e.getSeverity()).isEqualTo(Severity.ERROR);
        assertThat(e.getRuleId()).isEqualTo(RuleIds.PF_ESCALATE);
        assertThat(e.getModel()).isEqualTo("gbdt");
        assertThat(e.getThresholds())
                .containsEntry("governance.pf-halt", 1.5)
                .containsEntry("governance.escalation-after", 48.0 * HOUR);
        assertThat(ofKind(g.onTimer(BEGINNING + 72 * HOUR), GovernanceKind.ESCALATE))
                .as("once per episode")
                .isEmpty();
    }

    @Test
    void aProfitFactorBackAboveTheFloorStopsTheEscalationClock() {
        BookGovernor g = governorWith("gbdt");
        g.onMetrics(BEGINNING, "gbdt", pf(1.2, 30));
        g.onMetrics(BEGINNING + 10 * HOUR, "gbdt", pf(1.55, 31));
        assertThat(ofKind(g.onTimer(BEGINNING + 49 * HOUR), GovernanceKind.ESCALATE)).isEmpty();
        // A new episode starts its own 48 h.
        g.onMetrics(BEGINNING + 50 * HOUR, "gbdt", pf(1.4, 32));
        assertThat(ofKind(g.onTimer(BEGINNING + 97 * HOUR), GovernanceKind.ESCALATE)).isEmpty();
        assertThat(ofKind(g.onTimer(BEGINNING + 99 * HOUR), GovernanceKind.ESCALATE)).hasSize(1);
    }

    @Test
    void aLateSnapshotCanEscalateByItself() {
        BookGovernor g = governorWith("gbdt");
        g.onMetrics(BEGINNING, "gbdt", pf(1.2, 30));
        Decision late = g.onMetrics(BEGINNING + 50 * HOUR, "gbdt", pf(1.1, 30));
        assertThat(ofKind(late, GovernanceKind.ESCALATE)).hasSize(1);
    }
}
