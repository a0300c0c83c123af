package io.arbiter.operators.allocation;

import io.arbiter.schemas.ModelState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Shares from tiers under the desk's defaults: s₀ 1.1 %, band 4–6 %, cap 25 %. */
class ShareRuleTest {

    private static final ShareRule RULE = new ShareRule(0.011, 0.04, 0.06, null);
    private static final ShareRule WITH_BASELINE = new ShareRule(0.011, 0.04, 0.06, "incumbent");
    private static final double CAP = 0.25;

    @Test
    void newModelsStartAtTheStartShare() {
        var shares =
                RULE.apply(arms(Tier.FIXED, Tier.FIXED, Tier.FIXED), p(1 / 3.0, 1 / 3.0, 1 / 3.0));
        assertThat(shares.shares()).containsExactly(0.011, 0.011, 0.011);
        // 3 × 1.1 % = 3.3 %: under the band's 4 % with nobody proven to carry the rest.
        assertThat(shares.bookReasons())
                .contains("bandit flow below the band's min: no proven model carries the rest");
    }

    @Test
    void tooManyNewModelsShareTheBandMaxInsteadOfExceedingIt() {
        Tier[] tiers = new Tier[7];
        java.util.Arrays.fill(tiers, Tier.FIXED);
        double[] p = new double[7];
        java.util.Arrays.fill(p, 1 / 7.0);
        var shares = RULE.apply(arms(tiers), p);
        // 7 × 1.1 % = 7.7 % > 6 %: each gets 6 % / 7.
        for (double s : shares.shares()) {
            assertThat(s).isCloseTo(0.06 / 7, within(1e-15));
        }
    }

    @Test
    void provenModelsSplitTheRestOfTheBandByProbabilityOfBeingBest() {
        var shares =
                RULE.apply(
                        arms(Tier.FIXED, Tier.FIXED, Tier.BANDIT, Tier.BANDIT),
                        p(0.1, 0.1, 0.6, 0.2));
        // Pool 6 % − 2 × 1.1 % = 3.8 %; proven P(best) 0.6 + 0.2 = 0.8.
        // 3.8 % × 0.6/0.8 = 2.85 %, 3.8 % × 0.2/0.8 = 0.95 %.
        assertThat(shares.shares()[0]).isEqualTo(0.011);
        assertThat(shares.shares()[2]).isCloseTo(0.0285, within(1e-15));
        assertThat(shares.shares()[3]).isCloseTo(0.0095, within(1e-15));
        double total = 0;
        for (double s : shares.shares()) {
            total += s;
        }
        assertThat(total).isCloseTo(0.06, within(1e-15));
    }

    @Test
    void aClearWinnerGrowsTowardItsCapButNotBeyondWithoutApproval() {
        var shares = RULE.apply(arms(Tier.WINNER, Tier.BANDIT), p(0.9, 0.1));
        // max(bandit 6 % × 0.9, 0.9 × 25 %) = 22.5 %.
        assertThat(shares.shares()[0]).isCloseTo(0.225, within(1e-15));
        var alone = RULE.apply(arms(Tier.WINNER), p(1.0));
        assertThat(alone.shares()[0]).isEqualTo(0.25);
    }

    @Test
    void anApprovedCapLetsAWinnerAboveTwentyFivePercent() {
        List<Arm> arms = List.of(arm("a", Tier.WINNER, 0.40), arm("b", Tier.BANDIT, CAP));
        var shares = RULE.apply(arms, p(0.9, 0.1));
        // 0.9 × 40 % = 36 %.
        assertThat(shares.shares()[0]).isCloseTo(0.36, within(1e-15));
    }

    @Test
    void theBaselineModelTakesTheFlowTheBanditDoesNotRoute() {
        List<Arm> arms =
                List.of(
                        arm("a", Tier.FIXED, CAP),
                        arm("incumbent", Tier.FIXED, CAP),
                        arm("b", Tier.BANDIT, CAP));
        var shares = WITH_BASELINE.apply(arms, p(0.2, 0.5, 0.3));
        // a: 1.1 %; b: the pool 6 % − 1.1 % = 4.9 % (the only proven model); the baseline the
        // rest: 100 % − 1.1 % − 4.9 % = 94 %, neither capped at 25 % nor fixed though unproven.
        assertThat(shares.shares()[0]).isEqualTo(0.011);
        assertThat(shares.shares()[2]).isCloseTo(0.049, within(1e-15));
        assertThat(shares.shares()[1]).isCloseTo(0.94, within(1e-15));
        assertThat(shares.reasons().get(1))
                .containsExactly(
                        "baseline model: takes the flow the bandit does not route, 94.00%");
    }

    @Test
    void anOffBaselineTakesNothingAndTheRestIsNotTraded() {
        List<Arm> arms =
                List.of(
                        arm("a", Tier.FIXED, CAP),
                        new Arm(
                                "incumbent",
                                "v1",
                                ModelState.HALTED,
                                1,
                                1,
                                Tier.OFF,
                                CAP,
                                List.of("halted (pf.halt)")));
        var shares = WITH_BASELINE.apply(arms, p(1.0, Double.NaN));
        assertThat(shares.shares()).containsExactly(0.011, 0.0);
        assertThat(shares.reasons().get(1)).contains("halted (pf.halt)");
        assertThat(shares.bookReasons())
                .contains(
                        "baseline model incumbent is off: the flow no model is routed, 98.90%,"
                                + " is not traded");
    }

    @Test
    void withoutABaselineTheFlowNoModelIsRoutedIsNotTraded() {
        var shares = RULE.apply(arms(Tier.FIXED), p(1.0));
        assertThat(shares.shares()).containsExactly(0.011);
        assertThat(shares.bookReasons())
                .contains("no baseline model: the flow no model is routed, 98.90%, is not traded");
        var missing = WITH_BASELINE.apply(arms(Tier.FIXED), p(1.0));
        assertThat(missing.bookReasons())
                .contains(
                        "baseline model incumbent is not in the book: the flow no model is"
                                + " routed, 98.90%, is not traded");
    }

    @Test
    void offModelsGetNothing() {
        var shares = RULE.apply(arms(Tier.OFF, Tier.BANDIT), p(Double.NaN, 1.0));
        assertThat(shares.shares()[0]).isEqualTo(0.0);
        assertThat(shares.shares()[1]).isCloseTo(0.06, within(1e-15));
    }

    private static double[] p(double... values) {
        return values;
    }

    private static List<Arm> arms(Tier... tiers) {
        Arm[] arms = new Arm[tiers.length];
        for (int i = 0; i < tiers.length; i++) {
            arms[i] = arm("m" + i, tiers[i], CAP);
        }
        return List.of(arms);
    }

    private static Arm arm(String model, Tier tier, double cap) {
        return new Arm(model, "v1", ModelState.ACTIVE, 1, 1, tier, cap, List.of());
    }
}
