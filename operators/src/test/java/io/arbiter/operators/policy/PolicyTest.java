package io.arbiter.operators.policy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTest {

    @Test
    void theShippedPolicyFileIsValidAndEqualsTheBuiltInDefaults() {
        Policy shipped = Policy.load(Path.of("../conf/policy.yaml"));
        assertThat(shipped.features()).isEqualTo(Policy.defaults().features());
        assertThat(shipped.labels()).isEqualTo(new LabelPolicy(2.0, 1.0, 10));
        assertThat(shipped.gates()).isEqualTo(new GatePolicy(0.60, 0.62, 0.65));
        assertThat(shipped.labels()).isEqualTo(Policy.defaults().labels());
        assertThat(shipped.gates()).isEqualTo(Policy.defaults().gates());
        assertThat(shipped.version()).isNotBlank();
    }

    @Test
    void readsTheFeatureSection() {
        Policy policy =
                Policy.fromYaml(
                        "test",
                        "version: v7\n"
                                + "features:\n"
                                + "  regime: {window-bars: 100, min-history-bars: 50,"
                                + " cut-points: [0.01, 0.02]}\n"
                                + "  window: {bars: 16}\n");
        assertThat(policy.version()).isEqualTo("v7");
        assertThat(policy.features().windowBars()).isEqualTo(16);
        assertThat(policy.features().regime().windowBars()).isEqualTo(100);
        assertThat(policy.features().regime().cutPoints()).containsExactly(0.01, 0.02);
    }

    @Test
    void listsEveryViolationOfABadFileAtOnce() {
        String yaml =
                "features:\n"
                        + "  regime:\n"
                        + "    window-bars: 10\n"
                        + "    min-history-bars: 20\n"
                        + "    low-percentile: 0.8\n"
                        + "    high-percentile: 1.5\n"
                        + "    cut-points: [0.03, 0.01]\n"
                        + "  window: {bars: many}\n"
                        + "  max-pending: 5\n";
        assertThatThrownBy(() -> Policy.fromYaml("policy.yaml", yaml))
                .isInstanceOfSatisfying(
                        PolicyException.class,
                        e ->
                                assertThat(e.violations())
                                        .containsExactlyInAnyOrder(
                                                "features.regime.min-history-bars: 20 exceeds"
                                                        + " features.regime.window-bars 10",
                                                "features.regime.high-percentile: 1.5 is outside"
                                                        + " [0.0, 1.0]",
                                                "features.regime.cut-points: must be two ATR%"
                                                        + " values 0 < low < high, e.g. [0.01,"
                                                        + " 0.02]",
                                                "features.window.bars: 'many' is not a whole"
                                                        + " number",
                                                "features.max-pending: unknown key"))
                .hasMessageStartingWith("policy.yaml is not a valid policy (5 errors)");
    }

    @Test
    void percentilesMustBeOrdered() {
        assertThatThrownBy(
                        () ->
                                Policy.fromYaml(
                                        "p",
                                        "features: {regime: {low-percentile: 0.7,"
                                                + " high-percentile: 0.3}}"))
                .hasMessageContaining(
                        "features.regime.low-percentile: 0.7 must be below"
                                + " features.regime.high-percentile 0.3");
    }
}
