package io.arbiter.operators.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The desk's policy ({@code conf/policy.yaml}): every threshold and default of DOMAIN.md, in one
 * immutable, validated value. Loading reports every violation at once.
 *
 * <pre>{@code
 * Policy policy = Policy.load(Path.of("conf/policy.yaml"));
 * int window = policy.features().windowBars();
 * }</pre>
 *
 * @param version the policy's version, written into every decision it shapes
 * @param features the feature engine's settings
 * @param labels how training rows are labelled
 * @param gates the per-regime probability thresholds of the signal gate
 * @param performance how a model's live results are measured
 * @param governance the governance rules' thresholds and the book's risk scaler
 * @param breakers the circuit breakers
 * @param allocation the Thompson allocator's settings
 * @param promotion the promotion gates the allocator uses
 * @param commands how control commands are accepted
 * @param planner the trade planner's guardrails, exposure limits and sector map
 * @param paperBroker the paper broker's slippage and costs
 */
public record Policy(
        String version,
        FeaturePolicy features,
        LabelPolicy labels,
        GatePolicy gates,
        PerformancePolicy performance,
        GovernancePolicy governance,
        BreakerPolicy breakers,
        AllocationPolicy allocation,
        PromotionPolicy promotion,
        CommandPolicy commands,
        PlannerPolicy planner,
        PaperBrokerPolicy paperBroker)
        implements Serializable {

    private static final Duration ONE_MS = Duration.ofMillis(1);
    private static final Duration YEAR = Duration.ofDays(366);

    /** The defaults of DOMAIN.md, as shipped in conf/policy.yaml. */
    public static Policy defaults() {
        return fromYaml("defaults", "{}");
    }

    public static Policy load(Path file) {
        try {
            return fromYaml(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new PolicyException(file.toString(), List.of("cannot read: " + e));
        }
    }

    public static Policy fromYaml(String source, String yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new PolicyException(source, List.of("not valid YAML: " + e.getMessage()));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = new ObjectMapper().createObjectNode();
        }
        if (!root.isObject()) {
            throw new PolicyException(source, List.of("must be a mapping of keys to values"));
        }
        PolicyReader reader = new PolicyReader(root);
        Policy policy =
                new Policy(
                        reader.text("version", "default"),
                        features(reader),
                        labels(reader),
                        gates(reader),
                        performance(reader),
                        governance(reader),
                        breakers(reader),
                        allocation(reader),
                        promotion(reader),
                        commands(reader),
                        planner(reader),
                        paperBroker(reader));
        reader.rejectUnread();
        if (!reader.violations().isEmpty()) {
            throw new PolicyException(source, reader.violations());
        }
        return policy;
    }

    /** This policy with other feature settings (tests and replays that vary one section). */
    public Policy withFeatures(FeaturePolicy newFeatures) {
        return new Policy(
                version,
                newFeatures,
                labels,
                gates,
                performance,
                governance,
                breakers,
                allocation,
                promotion,
                commands,
                planner,
                paperBroker);
    }

    /** This policy under another version name. */
    public Policy withVersion(String newVersion) {
        return new Policy(
                newVersion,
                features,
                labels,
                gates,
                performance,
                governance,
                breakers,
                allocation,
                promotion,
                commands,
                planner,
                paperBroker);
    }

    /** This policy with other governance thresholds. */
    public Policy withGovernance(GovernancePolicy newGovernance) {
        return new Policy(
                version,
                features,
                labels,
                gates,
                performance,
                newGovernance,
                breakers,
                allocation,
                promotion,
                commands,
                planner,
                paperBroker);
    }

    /** This policy with other circuit breakers. */
    public Policy withBreakers(BreakerPolicy newBreakers) {
        return new Policy(
                version,
                features,
                labels,
                gates,
                performance,
                governance,
                newBreakers,
                allocation,
                promotion,
                commands,
                planner,
                paperBroker);
    }

    /** This policy with other allocation settings. */
    public Policy withAllocation(AllocationPolicy newAllocation) {
        return new Policy(
                version,
                features,
                labels,
                gates,
                performance,
                governance,
                breakers,
                newAllocation,
                promotion,
                commands,
                planner,
                paperBroker);
    }

    /** This policy with other planner guardrails. */
    public Policy withPlanner(PlannerPolicy newPlanner) {
        return new Policy(
                version,
                features,
                labels,
                gates,
                performance,
                governance,
                breakers,
                allocation,
                promotion,
                commands,
                newPlanner,
                paperBroker);
    }

    /** This policy with another paper broker. */
    public Policy withPaperBroker(PaperBrokerPolicy newPaperBroker) {
        return new Policy(
                version,
                features,
                labels,
                gates,
                performance,
                governance,
                breakers,
                allocation,
                promotion,
                commands,
                planner,
                newPaperBroker);
    }

    private static PerformancePolicy performance(PolicyReader r) {
        return new PerformancePolicy(
                r.integer("performance.window-days", 30, 1, 3650),
                r.integer("performance.sharpe-annualisation", 252, 1, 366));
    }

    private static GovernancePolicy governance(PolicyReader r) {
        int minTrades = r.integer("governance.min-trades", 30, 1, 1_000_000);
        double pfHalt = r.number("governance.pf-halt", 1.5, 0, 1000);
        double pfPerforming = r.number("governance.pf-performing", 1.7, 0, 1000);
        r.requireAtMost("governance.pf-halt", pfHalt, "governance.pf-performing", pfPerforming);
        double ddWarn = r.number("governance.model-drawdown-warn", 0.025, 0, 1);
        double ddHalt = r.number("governance.model-drawdown-halt", 0.04, 0, 1);
        r.requireBelow(
                "governance.model-drawdown-warn", ddWarn, "governance.model-drawdown-halt", ddHalt);
        Duration escalation =
                r.duration("governance.escalation-after", Duration.ofHours(48), ONE_MS, YEAR);
        int maxModels = r.integer("governance.max-models", 128, 1, 10_000);
        CorrelationPolicy correlation =
                new CorrelationPolicy(
                        r.number("governance.correlation.flag-above", 0.85, -1, 1),
                        r.integer("governance.correlation.min-observations", 30, 2, 10_000_000));
        double capital = r.number("governance.book.capital", 1000, 1e-9, 1e15);
        double scaleAbove = r.number("governance.book.scale-above", 0.04, 0, 1);
        double restoreBelow = r.number("governance.book.restore-below", 0.025, 0, 1);
        if (!(restoreBelow < scaleAbove)) {
            r.violation(
                    "governance.book.restore-below: "
                            + restoreBelow
                            + " must be below governance.book.scale-above "
                            + scaleAbove
                            + " (the gap is what keeps the scaler from flapping)");
        }
        double scaler = r.number("governance.book.risk-scaler", 0.7, 1e-9, 1);
        return new GovernancePolicy(
                minTrades,
                pfHalt,
                pfPerforming,
                ddWarn,
                ddHalt,
                escalation,
                maxModels,
                correlation,
                new BookRiskPolicy(capital, scaleAbove, restoreBelow, scaler));
    }

    private static BreakerPolicy breakers(PolicyReader r) {
        double daily = r.number("breakers.daily-loss", 0.05, 1e-9, 1);
        double weekly = r.number("breakers.weekly-loss", 0.10, 1e-9, 1);
        r.requireAtMost("breakers.daily-loss", daily, "breakers.weekly-loss", weekly);
        return new BreakerPolicy(
                daily,
                weekly,
                r.integer("breakers.max-trades-per-day", 10, 1, 1_000_000),
                r.number("breakers.min-accuracy", 0.45, 0, 1),
                r.integer("breakers.min-accuracy-trades", 30, 1, 1_000_000),
                r.number("breakers.min-valid-share", 0.95, 0, 1),
                r.duration(
                        "breakers.max-scoring-latency",
                        Duration.ofSeconds(1),
                        ONE_MS,
                        Duration.ofHours(1)));
    }

    private static AllocationPolicy allocation(PolicyReader r) {
        long seed = r.longInteger("allocation.seed", 20261121L);
        int draws = r.integer("allocation.draws", 1000, 1, 1_000_000);
        double priorAlpha = r.number("allocation.prior-alpha", 1.0, 1e-6, 1e9);
        double priorBeta = r.number("allocation.prior-beta", 1.0, 1e-6, 1e9);
        double startShare = r.number("allocation.start-share", 0.011, 0, 1);
        double cap = r.number("allocation.cap-without-approval", 0.25, 0, 1);
        r.requireAtMost(
                "allocation.start-share", startShare, "allocation.cap-without-approval", cap);
        double flowMin = r.number("allocation.bandit-flow.min", 0.04, 0, 1);
        double flowMax = r.number("allocation.bandit-flow.max", 0.06, 0, 1);
        r.requireAtMost(
                "allocation.bandit-flow.min", flowMin, "allocation.bandit-flow.max", flowMax);
        // null (the shipped value) means off, the same as a factor of 1.
        double discount = r.number("allocation.discount", 1.0, 1e-6, 1);
        Duration period = r.duration("allocation.timer-period", Duration.ofHours(24), ONE_MS, YEAR);
        // null (the built-in default): no baseline, the flow the bandit does not route is untraded.
        String baseline = r.text("allocation.baseline-model", null);
        return new AllocationPolicy(
                seed,
                draws,
                priorAlpha,
                priorBeta,
                startShare,
                cap,
                flowMin,
                flowMax,
                discount,
                period,
                baseline);
    }

    private static PromotionPolicy promotion(PolicyReader r) {
        return new PromotionPolicy(r.number("promotion.scale-max-drawdown", 0.01, 0, 1));
    }

    private static CommandPolicy commands(PolicyReader r) {
        return new CommandPolicy(
                r.duration("commands.max-age", Duration.ofMinutes(10), ONE_MS, Duration.ofDays(7)));
    }

    private static PlannerPolicy planner(PolicyReader r) {
        double cash = r.number("planner.account-cash", 1000, 1e-9, 1e15);
        double target = r.number("planner.per-trade-target", 250, 1e-9, 1e15);
        int maxOpen = r.integer("planner.max-open-positions", 8, 1, 100_000);
        int maxPerTicker = r.integer("planner.max-per-ticker", 2, 1, 100_000);
        r.requireNoMoreThan(
                "planner.max-per-ticker", maxPerTicker, "planner.max-open-positions", maxOpen);
        double feeBps = r.number("planner.fee-bps", 5, 0, 10_000);
        ExposurePolicy exposure =
                new ExposurePolicy(
                        r.number("planner.exposure.single-ticker", 0.25, 0, 1),
                        r.number("planner.exposure.top-five", 0.50, 0, 1),
                        r.integer("planner.exposure.top-count", 5, 1, 1000),
                        r.number("planner.exposure.sector", 0.40, 0, 1));
        double sigmaPerAtr = r.number("planner.etth.sigma-per-atr", 1.0, 1e-3, 1e3);
        Duration barInterval =
                r.duration("planner.etth.default-bar-interval", Duration.ofDays(1), ONE_MS, YEAR);
        Duration fillIdHorizon =
                r.duration("planner.fill-id-horizon", Duration.ofDays(30), Duration.ZERO, YEAR);
        Map<String, String> sectors = r.textMap("planner.sectors");
        String unknownSector = r.text("planner.unknown-sector", "other");
        return new PlannerPolicy(
                cash,
                target,
                maxOpen,
                maxPerTicker,
                feeBps,
                exposure,
                sigmaPerAtr,
                barInterval,
                fillIdHorizon,
                sectors == null ? DefaultSectors.SECTORS : sectors,
                unknownSector);
    }

    private static PaperBrokerPolicy paperBroker(PolicyReader r) {
        return new PaperBrokerPolicy(
                r.number("paper-broker.slippage", 0.001, 0, 1),
                r.number("paper-broker.fee", 0.001, 0, 1));
    }

    private static LabelPolicy labels(PolicyReader r) {
        return new LabelPolicy(
                r.number("labels.take-profit-atr", 2.0, 0.01, 100),
                r.number("labels.stop-loss-atr", 1.0, 0.01, 100),
                r.integer("labels.horizon-bars", 10, 1, 10_000));
    }

    private static GatePolicy gates(PolicyReader r) {
        double min = r.number("gating.coverage.min", 0.15, 0, 1);
        double max = r.number("gating.coverage.max", 0.35, 0, 1);
        r.requireBelow("gating.coverage.min", min, "gating.coverage.max", max);
        CoveragePolicy coverage =
                new CoveragePolicy(
                        r.flag("gating.coverage.enabled", true),
                        min,
                        max,
                        r.number("gating.coverage.step", 0.02, 1e-6, 1),
                        r.duration("gating.coverage.every", Duration.ofDays(1), ONE_MS, YEAR),
                        r.integer("gating.coverage.min-signals", 100, 1, 100_000_000));
        return new GatePolicy(
                r.number("gating.thresholds.low_vol", 0.60, 0, 1),
                r.number("gating.thresholds.med_vol", 0.62, 0, 1),
                r.number("gating.thresholds.high_vol", 0.65, 0, 1),
                coverage);
    }

    private static FeaturePolicy features(PolicyReader r) {
        int windowBars = r.integer("features.regime.window-bars", 252, 3, 100_000);
        int minHistory = r.integer("features.regime.min-history-bars", 252, 1, 100_000);
        r.requireNoMoreThan(
                "features.regime.min-history-bars",
                minHistory,
                "features.regime.window-bars",
                windowBars);
        double low = r.number("features.regime.low-percentile", 0.33, 0, 1);
        double high = r.number("features.regime.high-percentile", 0.67, 0, 1);
        r.requireBelow(
                "features.regime.low-percentile", low, "features.regime.high-percentile", high);
        double[] cutPoints = r.numbers("features.regime.cut-points");
        if (cutPoints != null
                && (cutPoints.length != 2 || !(0 < cutPoints[0] && cutPoints[0] < cutPoints[1]))) {
            r.violation(
                    "features.regime.cut-points: must be two ATR% values 0 < low < high, e.g."
                            + " [0.01, 0.02]");
        }
        RegimePolicy regime =
                new RegimePolicy(
                        windowBars,
                        minHistory,
                        low,
                        high,
                        cutPoints == null
                                ? List.of()
                                : java.util.Arrays.stream(cutPoints).boxed().toList());
        return new FeaturePolicy(
                regime,
                r.integer("features.window.bars", 64, 0, 4096),
                r.integer("features.max-pending-bars", 10_000, 1, 10_000_000));
    }
}
