package io.arbiter.operators.governance;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.arbiter.operators.governance.TestBook.BEGINNING;
import static io.arbiter.operators.governance.TestBook.HOUR;
import static io.arbiter.operators.governance.TestBook.governorWith;
import static io.arbiter.operators.governance.TestBook.only;
import static io.arbiter.operators.governance.TestBook.pf;
import static io.arbiter.operators.governance.TestBook.share;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** DOMAIN.md §2: pair correlation above 0.85 flags both; the newer loses traffic until reviewed. */
class CorrelationFlagTest {

    /** "old" registered before "new"; both proven, in the warn band (bandit, not winners). */
    private static BookGovernor provenPair() {
        BookGovernor g = governorWith("old", "new");
        g.onMetrics(BEGINNING, "old", pf(1.6, 30));
        g.onMetrics(BEGINNING, "new", pf(1.6, 30));
        return g;
    }

    @Test
    void flagsBothModelsAndCutsTheNewerToTheStartShareUntilApproved() {
        BookGovernor g = provenPair();
        Decision d = g.onCorrelation(BEGINNING + HOUR, "new", "old", 0.9, 50);

        List<GovernanceEvent> flags = d.events();
        assertThat(flags)
                .extracting(GovernanceEvent::getKind)
                .containsExactly(GovernanceKind.FLAG, GovernanceKind.FLAG);
        assertThat(flags).extracting(GovernanceEvent::getModel).containsExactly("old", "new");
        assertThat(flags.get(1).getReason()).contains("newer", "cut to the start share");
        assertThat(flags.get(0).getMetrics())
                .containsEntry("correlation", 0.9)
                .containsEntry("observations", 50.0);
        assertThat(flags.get(0).getThresholds())
                .containsEntry("governance.correlation.flag-above", 0.85)
                .containsEntry("governance.correlation.min-observations", 30.0);
        assertThat(share(d.allocation(), "new").getShare()).isEqualTo(0.011);
        assertThat(share(d.allocation(), "old").getShare()).isGreaterThan(0.011);

        Decision approved = g.approve(BEGINNING + 2 * HOUR, "new", 0.10, "cmd-5");
        assertThat(only(approved).getReason()).contains("correlation cut lifted");
        // Both back in the bandit: together the band's 6 %.
        double total =
                share(approved.allocation(), "new").getShare()
                        + share(approved.allocation(), "old").getShare();
        assertThat(total).isCloseTo(0.06, within(1e-15));
        assertThat(share(approved.allocation(), "new").getCap()).isEqualTo(0.10);
    }

    @Test
    void doesNotFlagAtTheThresholdOrOnTooFewObservations() {
        BookGovernor g = provenPair();
        assertThat(g.onCorrelation(BEGINNING, "old", "new", 0.85, 500).events()).isEmpty();
        assertThat(g.onCorrelation(BEGINNING, "old", "new", 0.99, 29).events()).isEmpty();
        assertThat(g.onCorrelation(BEGINNING, "old", "new", Double.NaN, 500).events()).isEmpty();
    }

    @Test
    void anApprovalHoldsWhileThePairStaysCorrelatedAndAFreshRiseFlagsAgain() {
        BookGovernor g = provenPair();
        g.onCorrelation(BEGINNING, "old", "new", 0.9, 50);
        g.approve(BEGINNING + HOUR, "new", 0.2, "cmd");
        assertThat(g.onCorrelation(BEGINNING + 2 * HOUR, "old", "new", 0.95, 60).events())
                .isEmpty();
        g.onCorrelation(BEGINNING + 3 * HOUR, "old", "new", 0.5, 70);
        Decision again = g.onCorrelation(BEGINNING + 4 * HOUR, "old", "new", 0.9, 80);
        assertThat(again.events()).hasSize(2);
        assertThat(share(again.allocation(), "new").getShare()).isEqualTo(0.011);
    }
}
