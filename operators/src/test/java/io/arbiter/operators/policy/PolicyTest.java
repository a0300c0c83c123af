package io.arbiter.operators.policy;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTest {

    @Test
    void theShippedPolicyFileIsValidAndEqualsTheBuiltInDefaults() {
        Policy shipped = Policy.load(Path.of("../conf/policy.yaml"));
        assertThat(shipped.features()).isEqualTo(Policy.defaults().features());
        assertThat(shipped.labels()).isEqualTo(new LabelPolicy(2.0, 1.0, 10));
        assertThat(shipped.gates())
                .isEqualTo(
                        new GatePolicy(
                                0.60,
                                0.62,
                                0.65,
                                new CoveragePolicy(
                                        true, 0.15, 0.35, 0.02, Duration.ofDays(1), 100)));
        assertThat(shipped.labels()).isEqualTo(Policy.defaults().labels());
        assertThat(shipped.gates()).isEqualTo(Policy.defaults().gates());
        assertThat(shipped.version()).isNotBlank();
    }

    @Test
    void theShippedFileEqualsTheBuiltInDefaultsInEverySection() {
        Policy shipped = Policy.load(Path.of("../conf/policy.yaml"));
        // The one difference: the desk's file names its baseline model; the built-in default
        // names none (a model id is the desk's, not the rulebook's).
        assertThat(shipped.allocation().baselineModel()).isEqualTo("gbdt-ttr28");
        assertThat(Policy.defaults().allocation().baselineModel()).isNull();
        assertThat(
                        shipped.withVersion("default")
                                .withAllocation(shipped.allocation().withBaselineModel(null)))
                .isEqualTo(Policy.defaults());
    }

    @Test
    void theDefaultsAreTheNumbersOfTheDesksRulebook() {
        Policy p = Policy.defaults();
        // DOMAIN.md §1
        assertThat(p.performance()).isEqualTo(new PerformancePolicy(30, 252));
        // DOMAIN.md §2 (book capital: the account cash of §5)
        assertThat(p.governance())
                .isEqualTo(
                        new GovernancePolicy(
                                30,
                                1.5,
                                1.7,
                                0.025,
                                0.04,
                                Duration.ofHours(48),
                                128,
                                new CorrelationPolicy(0.85, 30),
                                new BookRiskPolicy(1000, 0.04, 0.025, 0.7)));
        // DOMAIN.md §7
        assertThat(p.breakers())
                .isEqualTo(
                        new BreakerPolicy(0.05, 0.10, 10, 0.45, 30, 0.95, Duration.ofSeconds(1)));
        // DOMAIN.md §3; discount off
        assertThat(p.allocation())
                .isEqualTo(
                        new AllocationPolicy(
                                20261121L,
                                1.0,
                                1.0,
                                0.011,
                                0.25,
                                0.04,
                                0.06,
                                1.0,
                                Duration.ofHours(24),
                                null));
        assertThat(p.allocation().discounting()).isFalse();
        // DOMAIN.md §4
        assertThat(p.promotion()).isEqualTo(new PromotionPolicy(0.01));
        assertThat(p.commands()).isEqualTo(new CommandPolicy(Duration.ofMinutes(10)));
    }

    @Test
    void readsDurationsWithTheirUnitsAndADiscount() {
        Policy p =
                Policy.fromYaml(
                        "test",
                        "governance: {escalation-after: \"90 min\"}\n"
                                + "breakers: {max-scoring-latency: \"250 ms\"}\n"
                                + "allocation: {discount: 0.98, timer-period: \"1 h\"}\n"
                                + "commands: {max-age: \"30 s\"}\n");
        assertThat(p.governance().escalationAfter()).isEqualTo(Duration.ofMinutes(90));
        assertThat(p.breakers().maxScoringLatency()).isEqualTo(Duration.ofMillis(250));
        assertThat(p.allocation().discount()).isEqualTo(0.98);
        assertThat(p.allocation().discounting()).isTrue();
        assertThat(p.allocation().timerPeriod()).isEqualTo(Duration.ofHours(1));
        assertThat(p.commands().maxAge()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFileThatStillSetsTheRetiredThompsonDrawCountLoadsAndTheCountIsIgnored() {
        // allocation.draws sized the Monte Carlo estimate of P(best); P(best) is exact now.
        Policy old = Policy.fromYaml("old", "allocation: {seed: 5, draws: 1000}\n");
        Policy absent = Policy.fromYaml("old", "allocation: {seed: 5}\n");
        assertThat(old).isEqualTo(absent);
        assertThat(Policy.fromYaml("old", "allocation: {draws: not a number}\n"))
                .isEqualTo(Policy.defaults());
    }

    @Test
    void listsEveryViolationOfTheGovernanceSectionsAtOnce() {
        String yaml =
                "governance:\n"
                        + "  pf-halt: 1.8\n"
                        + "  pf-performing: 1.7\n"
                        + "  model-drawdown-warn: 0.05\n"
                        + "  model-drawdown-halt: 0.04\n"
                        + "  escalation-after: two days\n"
                        + "  pf-hlt: 1.5\n"
                        + "  book: {scale-above: 0.02, restore-below: 0.03}\n"
                        + "breakers: {daily-loss: 0.2, weekly-loss: 0.1}\n"
                        + "allocation:\n"
                        + "  start-share: 0.3\n"
                        + "  bandit-flow: {min: 0.07, max: 0.06}\n"
                        + "  discount: 0\n";
        assertThatThrownBy(() -> Policy.fromYaml("policy.yaml", yaml))
                .isInstanceOfSatisfying(
                        PolicyException.class,
                        e ->
                                assertThat(e.violations())
                                        .containsExactlyInAnyOrder(
                                                "governance.pf-halt: 1.8 must not exceed"
                                                        + " governance.pf-performing 1.7",
                                                "governance.model-drawdown-warn: 0.05 must be"
                                                        + " below governance.model-drawdown-halt"
                                                        + " 0.04",
                                                "governance.escalation-after: 'two days' is not"
                                                        + " a duration such as \"48 h\" (units ms,"
                                                        + " s, min, h, d)",
                                                "governance.pf-hlt: unknown key",
                                                "governance.book.restore-below: 0.03 must be"
                                                        + " below governance.book.scale-above 0.02"
                                                        + " (the gap is what keeps the scaler"
                                                        + " from flapping)",
                                                "breakers.daily-loss: 0.2 must not exceed"
                                                        + " breakers.weekly-loss 0.1",
                                                "allocation.start-share: 0.3 must not exceed"
                                                        + " allocation.cap-without-approval 0.25",
                                                "allocation.bandit-flow.min: 0.07 must not exceed"
                                                        + " allocation.bandit-flow.max 0.06",
                                                "allocation.discount: 0.0 is outside [1.0E-6,"
                                                        + " 1.0]"));
    }

    @Test
    void aDurationOutsideItsRangeIsNamedWithReadableBounds() {
        assertThatThrownBy(() -> Policy.fromYaml("p", "breakers: {max-scoring-latency: \"2 h\"}"))
                .hasMessageContaining("breakers.max-scoring-latency: 2 h is outside [1 ms, 1 h]");
    }

    @Test
    void roundTripsThroughItsBinaryStateForm() throws IOException {
        Policy policy =
                Policy.fromYaml(
                        "test",
                        "version: v9\n"
                                + "features: {regime: {cut-points: [0.01, 0.02]}}\n"
                                + "governance: {min-trades: 12, book: {capital: 5000}}\n"
                                + "allocation: {seed: -7, discount: 0.99}\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PolicyBinary.writeTo(policy, new DataOutputStream(bytes));
        Policy back =
                PolicyBinary.readFrom(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back).isEqualTo(policy);
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
