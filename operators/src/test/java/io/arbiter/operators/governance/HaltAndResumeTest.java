package io.arbiter.operators.governance;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;
import org.junit.jupiter.api.Test;

import static io.arbiter.operators.governance.TestBook.BEGINNING;
import static io.arbiter.operators.governance.TestBook.HOUR;
import static io.arbiter.operators.governance.TestBook.drawdown;
import static io.arbiter.operators.governance.TestBook.governorWith;
import static io.arbiter.operators.governance.TestBook.only;
import static io.arbiter.operators.governance.TestBook.pf;
import static io.arbiter.operators.governance.TestBook.share;
import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §2: a halted model resumes only by a RESUME command or a new version. */
class HaltAndResumeTest {

    @Test
    void haltedModelStaysHaltedWhateverItsMetricsDoUntilResumed() {
        BookGovernor g = governorWith("gbdt");
        g.onMetrics(BEGINNING, "gbdt", pf(1.2, 30));
        assertThat(g.onMetrics(BEGINNING + HOUR, "gbdt", pf(3.0, 40)).events()).isEmpty();
        Decision trip = g.onRoundTrip(BEGINNING + 2 * HOUR, "gbdt", 50);
        assertThat(g.state("gbdt")).contains(ModelState.HALTED);
        assertThat(share(trip.allocation(), "gbdt").getShare()).isEqualTo(0.0);
        assertThat(share(trip.allocation(), "gbdt").getReasons()).contains("halted (pf.halt)");
    }

    @Test
    void resumeCommandBringsAHaltedModelBackAndAcknowledgesTheBreachItStillHas() {
        BookGovernor g = governorWith("gbdt");
        g.onMetrics(BEGINNING, "gbdt", pf(1.2, 30));

        Decision resume = g.resume(BEGINNING + HOUR, "gbdt", "cmd-7");
        GovernanceEvent event = only(resume);
        assertThat(event.getKind()).isEqualTo(GovernanceKind.RESUME);
        assertThat(event.getCommandId()).isEqualTo("cmd-7");
        assertThat(event.getFromState()).isEqualTo(ModelState.HALTED);
        // Its PF is still below the floor: acknowledged, so it runs warned instead of re-halting.
        assertThat(event.getToState()).isEqualTo(ModelState.WARNING);
        assertThat(event.getReason()).contains("acknowledged: pf.halt");
        assertThat(resume.allocation().getTrigger()).isEqualTo("command");
        assertThat(share(resume.allocation(), "gbdt").getShare()).isGreaterThan(0.0);

        assertThat(g.onMetrics(BEGINNING + 2 * HOUR, "gbdt", pf(1.3, 31)).events()).isEmpty();
        // Recovers above the floor (re-arms the rule), then breaches anew: halted again.
        g.onMetrics(BEGINNING + 3 * HOUR, "gbdt", pf(1.6, 32));
        GovernanceEvent again = only(g.onMetrics(BEGINNING + 4 * HOUR, "gbdt", pf(1.4, 33)));
        assertThat(again.getRuleId()).isEqualTo(RuleIds.PF_HALT);
        assertThat(g.state("gbdt")).contains(ModelState.HALTED);
    }

    @Test
    void newVersionResumesAHaltedModelOnProbationWithItsNewPrior() {
        BookGovernor g = governorWith("gbdt");
        g.onMetrics(BEGINNING, "gbdt", drawdown(0.05, 40));
        Decision d = g.register(BEGINNING + HOUR, new Registration("gbdt", "v2", 36, 17), "cmd-9");
        GovernanceEvent event = only(d);
        assertThat(event.getKind()).isEqualTo(GovernanceKind.RESUME);
        assertThat(event.getRuleId()).isEqualTo(RuleIds.MODEL_NEW_VERSION);
        assertThat(event.getModelVersion()).isEqualTo("v2");
        assertThat(event.getFromState()).isEqualTo(ModelState.HALTED);
        assertThat(event.getToState()).isEqualTo(ModelState.PROBATION);
        var allocation = share(d.allocation(), "gbdt");
        assertThat(allocation.getAlpha()).isEqualTo(36.0);
        assertThat(allocation.getBeta()).isEqualTo(17.0);
        assertThat(allocation.getShare()).isEqualTo(0.011);
    }

    @Test
    void theSameVersionRegisteredAgainIsRefusedAndChangesNothing() {
        BookGovernor g = governorWith("gbdt");
        g.onMetrics(BEGINNING, "gbdt", pf(1.2, 30));
        GovernanceEvent refused =
                only(
                        g.register(
                                BEGINNING + HOUR,
                                Registration.withDefaultPrior("gbdt", "v1"),
                                "c"));
        assertThat(refused.getReason())
                .isEqualTo("command refused: already registered at version v1");
        assertThat(g.state("gbdt")).contains(ModelState.HALTED);
    }

    @Test
    void haltCommandHaltsARunningModelAndASecondHaltIsRefused() {
        BookGovernor g = governorWith("gbdt");
        GovernanceEvent halt = only(g.halt(BEGINNING, "gbdt", "cmd-1"));
        assertThat(halt.getKind()).isEqualTo(GovernanceKind.HALT);
        assertThat(halt.getRuleId()).isEqualTo(RuleIds.COMMAND_HALT);
        assertThat(halt.getCommandId()).isEqualTo("cmd-1");
        GovernanceEvent refused = only(g.halt(BEGINNING + 1, "gbdt", "cmd-2"));
        assertThat(refused.getKind()).isEqualTo(GovernanceKind.INFO);
        assertThat(refused.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(refused.getReason()).contains("already halted (command.halt)");
        // Resumed with no metrics yet: back on probation.
        assertThat(only(g.resume(BEGINNING + 2, "gbdt", "cmd-3")).getToState())
                .isEqualTo(ModelState.PROBATION);
    }

    @Test
    void resumeOfARunningModelAndCommandsForUnknownModelsAreRefused() {
        BookGovernor g = governorWith("gbdt");
        Decision d = g.resume(BEGINNING, "gbdt", "cmd-1");
        assertThat(only(d).getReason()).contains("neither halted nor paused");
        assertThat(d.hasAllocation()).isFalse();
        assertThat(only(g.halt(BEGINNING, "ghost", "cmd-2")).getReason())
                .isEqualTo("command refused: unknown model");
        assertThat(only(g.approve(BEGINNING, "ghost", 0.3, "cmd-3")).getReason())
                .isEqualTo("command refused: unknown model");
        assertThat(only(g.retire(BEGINNING, "ghost", "cmd-4")).getCommandId()).isEqualTo("cmd-4");
    }

    @Test
    void retiredModelLeavesTheBookAndItsState() {
        BookGovernor g = governorWith("gbdt", "mlp");
        Decision d = g.retire(BEGINNING, "gbdt", "cmd-1");
        assertThat(only(d).getToState()).isEqualTo(ModelState.RETIRED);
        assertThat(g.models()).containsExactly("mlp");
        assertThat(d.allocation().getAllocations()).hasSize(1);
    }

    @Test
    void modelThatFailsToScoreLosesItsTrafficUntilANewVersion() {
        BookGovernor g = governorWith("gbdt");
        Decision d = g.onModelFailure(BEGINNING, "gbdt", "model.score: session closed");
        GovernanceEvent halt = only(d);
        assertThat(halt.getKind()).isEqualTo(GovernanceKind.HALT);
        assertThat(halt.getSeverity()).isEqualTo(Severity.ERROR);
        assertThat(halt.getRuleId()).isEqualTo(RuleIds.MODEL_FAILURE);
        assertThat(halt.getReason()).startsWith("model.score: session closed").contains("baseline");
        assertThat(share(d.allocation(), "gbdt").getShare()).isEqualTo(0.0);
        g.register(BEGINNING + HOUR, Registration.withDefaultPrior("gbdt", "v2"), "cmd");
        assertThat(g.state("gbdt")).contains(ModelState.PROBATION);
    }
}
