package io.arbiter.operators.governance;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.AllocationEvent;
import org.junit.jupiter.api.Test;

import static io.arbiter.operators.governance.TestBook.BEGINNING;
import static io.arbiter.operators.governance.TestBook.BOOK;
import static io.arbiter.operators.governance.TestBook.HOUR;
import static io.arbiter.operators.governance.TestBook.MINUTE;
import static io.arbiter.operators.governance.TestBook.NEXT_MIDNIGHT;
import static io.arbiter.operators.governance.TestBook.governor;
import static io.arbiter.operators.governance.TestBook.governorWith;
import static io.arbiter.operators.governance.TestBook.only;
import static io.arbiter.operators.governance.TestBook.pf;
import static io.arbiter.operators.governance.TestBook.share;
import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §3 through the governor: start share, caps, approvals, when allocations happen. */
class GovernorAllocationTest {

    @Test
    void newModelStartsAtOnePointOnePercentOfTheBook() {
        BookGovernor g = governor();
        Decision d = g.register(BEGINNING, Registration.withDefaultPrior("gbdt", "v1"), "cmd-1");
        AllocationEvent a = d.allocation();
        assertThat(a.getTrigger()).isEqualTo("command");
        assertThat(a.getBook()).isEqualTo(BOOK);
        assertThat(share(a, "gbdt").getShare()).isEqualTo(0.011);
        assertThat(share(a, "gbdt").getAlpha()).isEqualTo(1.0);
        assertThat(share(a, "gbdt").getBeta()).isEqualTo(1.0);
        assertThat(share(a, "gbdt").getReasons()).contains("fixed at the start share 1.10%");
        assertThat(a.getBufferShare()).isEqualTo(1 - 0.011);
    }

    @Test
    void capsAWinnerAtTwentyFivePercentWithoutApprovalAndAboveWithIt() {
        BookGovernor g = governorWith("gbdt");
        // Alone, performing, no drawdown: P(best) = 1, so it grows to its whole cap.
        Decision performing = g.onMetrics(BEGINNING, "gbdt", pf(2.0, 40));
        assertThat(share(performing.allocation(), "gbdt").getShare()).isEqualTo(0.25);
        assertThat(share(performing.allocation(), "gbdt").getCap()).isEqualTo(0.25);

        Decision approved = g.approve(BEGINNING + HOUR, "gbdt", 0.40, "cmd-2");
        assertThat(only(approved).getMetrics()).containsEntry("approvedMaxShare", 0.40);
        assertThat(share(approved.allocation(), "gbdt").getShare()).isEqualTo(0.40);
        assertThat(share(approved.allocation(), "gbdt").getReasons())
                .contains("approved cap 40.00%");
    }

    @Test
    void aWinnerWhoseDrawdownGrowsPastTheScaleGateFallsBackToTheBanditAtOnce() {
        BookGovernor g = governorWith("gbdt");
        g.onMetrics(BEGINNING, "gbdt", pf(2.0, 40));
        // Max drawdown 1.5 % > promotion.scale-max-drawdown 1 %: no longer scaled, no state change.
        Decision d =
                g.onMetrics(BEGINNING + HOUR, "gbdt", new ModelMetrics(2.0, 41, 0.6, 0.0, 0.015));
        assertThat(d.events()).isEmpty();
        assertThat(d.allocation().getTrigger()).isEqualTo("governance");
        // Alone in the bandit: the whole band's max, 6 %.
        assertThat(share(d.allocation(), "gbdt").getShare()).isEqualTo(0.06);
    }

    @Test
    void refusesAnApprovalOutsideZeroToOne() {
        BookGovernor g = governorWith("gbdt");
        assertThat(only(g.approve(BEGINNING, "gbdt", 1.5, "cmd")).getReason())
                .isEqualTo("command refused: max share must be in (0, 1]: 1.5");
    }

    @Test
    void reallocatesOnEveryClosedRoundTripWithThePosteriorUpdated() {
        BookGovernor g = governorWith("gbdt", "mlp");
        Decision win = g.onRoundTrip(BEGINNING, "gbdt", 4.2);
        assertThat(win.allocation().getTrigger()).isEqualTo("round-trip");
        assertThat(share(win.allocation(), "gbdt").getAlpha()).isEqualTo(2.0);
        Decision loss = g.onRoundTrip(BEGINNING + MINUTE, "gbdt", -1.0);
        assertThat(share(loss.allocation(), "gbdt").getBeta()).isEqualTo(2.0);
        assertThat(share(loss.allocation(), "mlp").getAlpha()).isEqualTo(1.0);
    }

    @Test
    void ignoresARoundTripWithoutAFiniteNetPnl() {
        BookGovernor g = governorWith("gbdt");
        Decision d = g.onRoundTrip(BEGINNING, "gbdt", Double.NaN);
        assertThat(only(d).getRuleId()).isEqualTo(RuleIds.INPUT_IGNORED);
        assertThat(d.hasAllocation()).isFalse();
        assertThat(g.bookDrawdown()).isEqualTo(0.0);
    }

    @Test
    void reallocatesOnTheDailyEventTimeTimer() {
        BookGovernor g = governorWith("gbdt");
        assertThat(g.nextTimer()).isEqualTo(NEXT_MIDNIGHT);
        assertThat(g.onTimer(NEXT_MIDNIGHT - 1).hasAllocation()).isFalse();
        Decision tick = g.onTimer(NEXT_MIDNIGHT);
        assertThat(tick.allocation().getTrigger()).isEqualTo("timer");
        assertThat(g.nextTimer()).isEqualTo(NEXT_MIDNIGHT + TestBook.DAY);
    }

    @Test
    void discountingForgetsOldOutcomesWhenThePolicyAsksForIt() {
        Policy policy = Policy.fromYaml("test", "allocation: {discount: 0.5}");
        BookGovernor g = new BookGovernor(BOOK, policy);
        g.register(BEGINNING, Registration.withDefaultPrior("gbdt", "v1"), "cmd");
        g.onRoundTrip(BEGINNING + 1, "gbdt", 1); // α = 1 + 0.5·0 + 1 = 2
        Decision d = g.onRoundTrip(BEGINNING + 2, "gbdt", 1); // α = 1 + 0.5·1 + 1 = 2.5
        assertThat(share(d.allocation(), "gbdt").getAlpha()).isEqualTo(2.5);
        assertThat(share(d.allocation(), "gbdt").getBeta()).isEqualTo(1.0);
    }

    @Test
    void refusesRegistrationsBeyondTheBooksModelLimit() {
        BookGovernor g =
                new BookGovernor(BOOK, Policy.fromYaml("t", "governance: {max-models: 2}"));
        g.register(BEGINNING, Registration.withDefaultPrior("a", "v1"), "c1");
        g.register(BEGINNING, Registration.withDefaultPrior("b", "v1"), "c2");
        Decision third = g.register(BEGINNING, Registration.withDefaultPrior("c", "v1"), "c3");
        assertThat(only(third).getReason()).contains("already holds 2 models");
        assertThat(g.models()).containsExactly("a", "b");
    }
}
