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
                        reader.text(PolicyKey.VERSION, "default"),
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
                r.integer(PolicyKey.PERFORMANCE_WINDOW_DAYS, 30, 1, 3650),
                r.integer(PolicyKey.PERFORMANCE_SHARPE_ANNUALISATION, 252, 1, 366));
    }

    private static GovernancePolicy governance(PolicyReader r) {
        int minTrades = r.integer(PolicyKey.GOVERNANCE_MIN_TRADES, 30, 1, 1_000_000);
        double pfHalt = r.number(PolicyKey.GOVERNANCE_PF_HALT, 1.5, 0, 1000);
        double pfPerforming = r.number(PolicyKey.GOVERNANCE_PF_PERFORMING, 1.7, 0, 1000);
        r.requireAtMost(
                PolicyKey.GOVERNANCE_PF_HALT,
                pfHalt,
                PolicyKey.GOVERNANCE_PF_PERFORMING,
                pfPerforming);
        double ddWarn = r.number(PolicyKey.GOVERNANCE_MODEL_DRAWDOWN_WARN, 0.025, 0, 1);
        double ddHalt = r.number(PolicyKey.GOVERNANCE_MODEL_DRAWDOWN_HALT, 0.04, 0, 1);
        r.requireBelow(
                PolicyKey.GOVERNANCE_MODEL_DRAWDOWN_WARN,
                ddWarn,
                PolicyKey.GOVERNANCE_MODEL_DRAWDOWN_HALT,
                ddHalt);
        Duration escalation =
                r.duration(
                        PolicyKey.GOVERNANCE_ESCALATION_AFTER, Duration.ofHours(48), ONE_MS, YEAR);
        int maxModels = r.integer(PolicyKey.GOVERNANCE_MAX_MODELS, 128, 1, 10_000);
        CorrelationPolicy correlation =
                new CorrelationPolicy(
                        r.number(PolicyKey.GOVERNANCE_CORRELATION_FLAG_ABOVE, 0.85, -1, 1),
                        r.integer(
                                PolicyKey.GOVERNANCE_CORRELATION_MIN_OBSERVATIONS,
                                30,
                                2,
                                10_000_000));
        double capital = r.number(PolicyKey.GOVERNANCE_BOOK_CAPITAL, 1000, 1e-9, 1e15);
        double scaleAbove = r.number(PolicyKey.GOVERNANCE_BOOK_SCALE_ABOVE, 0.04, 0, 1);
        double restoreBelow = r.number(PolicyKey.GOVERNANCE_BOOK_RESTORE_BELOW, 0.025, 0, 1);
        if (!(restoreBelow < scaleAbove)) {
            r.violation(
                    PolicyKey.GOVERNANCE_BOOK_RESTORE_BELOW,
                    restoreBelow
                            + " must be below "
                            + PolicyKey.GOVERNANCE_BOOK_SCALE_ABOVE.path()
                            + " "
                            + scaleAbove
                            + " (the gap is what keeps the scaler from flapping)");
        }
        double scaler = r.number(PolicyKey.GOVERNANCE_BOOK_RISK_SCALER, 0.7, 1e-9, 1);
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
        double daily = r.number(PolicyKey.BREAKERS_DAILY_LOSS, 0.05, 1e-9, 1);
        double weekly = r.number(PolicyKey.BREAKERS_WEEKLY_LOSS, 0.10, 1e-9, 1);
        r.requireAtMost(
                PolicyKey.BREAKERS_DAILY_LOSS, daily, PolicyKey.BREAKERS_WEEKLY_LOSS, weekly);
        return new BreakerPolicy(
                daily,
                weekly,
                r.integer(PolicyKey.BREAKERS_MAX_TRADES_PER_DAY, 10, 1, 1_000_000),
                r.number(PolicyKey.BREAKERS_MIN_ACCURACY, 0.45, 0, 1),
                r.integer(PolicyKey.BREAKERS_MIN_ACCURACY_TRADES, 30, 1, 1_000_000),
                r.number(PolicyKey.BREAKERS_MIN_VALID_SHARE, 0.95, 0, 1),
                r.duration(
                        PolicyKey.BREAKERS_MAX_SCORING_LATENCY,
                        Duration.ofSeconds(1),
                        ONE_MS,
                        Duration.ofHours(1)));
    }

    private static AllocationPolicy allocation(PolicyReader r) {
        long seed = r.longInteger(PolicyKey.ALLOCATION_SEED, 20261121L);
        r.ignore(PolicyKey.ALLOCATION_DRAWS);
        double priorAlpha = r.number(PolicyKey.ALLOCATION_PRIOR_ALPHA, 1.0, 1e-6, 1e9);
        double priorBeta = r.number(PolicyKey.ALLOCATION_PRIOR_BETA, 1.0, 1e-6, 1e9);
        double startShare = r.number(PolicyKey.ALLOCATION_START_SHARE, 0.011, 0, 1);
        double cap = r.number(PolicyKey.ALLOCATION_CAP_WITHOUT_APPROVAL, 0.25, 0, 1);
        r.requireAtMost(
                PolicyKey.ALLOCATION_START_SHARE,
                startShare,
                PolicyKey.ALLOCATION_CAP_WITHOUT_APPROVAL,
                cap);
        double flowMin = r.number(PolicyKey.ALLOCATION_BANDIT_FLOW_MIN, 0.04, 0, 1);
        double flowMax = r.number(PolicyKey.ALLOCATION_BANDIT_FLOW_MAX, 0.06, 0, 1);
        r.requireAtMost(
                PolicyKey.ALLOCATION_BANDIT_FLOW_MIN,
                flowMin,
                PolicyKey.ALLOCATION_BANDIT_FLOW_MAX,
                flowMax);
        // null (the shipped value) means off, the same as a factor of 1.
        double discount = r.number(PolicyKey.ALLOCATION_DISCOUNT, 1.0, 1e-6, 1);
        Duration period =
                r.duration(PolicyKey.ALLOCATION_TIMER_PERIOD, Duration.ofHours(24), ONE_MS, YEAR);
        // null (the built-in default): no baseline, the flow the bandit does not route is untraded.
        String baseline = r.text(PolicyKey.ALLOCATION_BASELINE_MODEL, null);
        return new AllocationPolicy(
                seed,
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
        return new PromotionPolicy(r.number(PolicyKey.PROMOTION_SCALE_MAX_DRAWDOWN, 0.01, 0, 1));
    }

    private static CommandPolicy commands(PolicyReader r) {
        return new CommandPolicy(
                r.duration(
                        PolicyKey.COMMANDS_MAX_AGE,
                        Duration.ofMinutes(10),
                        ONE_MS,
                        Duration.ofDays(7)));
    }

    private static PlannerPolicy planner(PolicyReader r) {
        double cash = r.number(PolicyKey.PLANNER_ACCOUNT_CASH, 1000, 1e-9, 1e15);
        double target = r.number(PolicyKey.PLANNER_PER_TRADE_TARGET, 250, 1e-9, 1e15);
        int maxOpen = r.integer(PolicyKey.PLANNER_MAX_OPEN_POSITIONS, 8, 1, 100_000);
        int maxPerTicker = r.integer(PolicyKey.PLANNER_MAX_PER_TICKER, 2, 1, 100_000);
        r.requireNoMoreThan(
                PolicyKey.PLANNER_MAX_PER_TICKER,
                maxPerTicker,
                PolicyKey.PLANNER_MAX_OPEN_POSITIONS,
                maxOpen);
        double feeBps = r.number(PolicyKey.PLANNER_FEE_BPS, 5, 0, 10_000);
        ExposurePolicy exposure =
                new ExposurePolicy(
                        r.number(PolicyKey.PLANNER_EXPOSURE_SINGLE_TICKER, 0.25, 0, 1),
                        r.number(PolicyKey.PLANNER_EXPOSURE_TOP_FIVE, 0.50, 0, 1),
                        r.integer(PolicyKey.PLANNER_EXPOSURE_TOP_COUNT, 5, 1, 1000),
                        r.number(PolicyKey.PLANNER_EXPOSURE_SECTOR, 0.40, 0, 1));
        double sigmaPerAtr = r.number(PolicyKey.PLANNER_ETTH_SIGMA_PER_ATR, 1.0, 1e-3, 1e3);
        Duration barInterval =
                r.duration(
                        PolicyKey.PLANNER_ETTH_DEFAULT_BAR_INTERVAL,
                        Duration.ofDays(1),
                        ONE_MS,
                        YEAR);
        Duration fillIdHorizon =
                r.duration(
                        PolicyKey.PLANNER_FILL_ID_HORIZON,
                        Duration.ofDays(30),
                        Duration.ZERO,
                        YEAR);
        Map<String, String> sectors = r.textMap(PolicyKey.PLANNER_SECTORS);
        String unknownSector = r.text(PolicyKey.PLANNER_UNKNOWN_SECTOR, "other");
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
                r.number(PolicyKey.PAPER_BROKER_SLIPPAGE, 0.001, 0, 1),
                r.number(PolicyKey.PAPER_BROKER_FEE, 0.001, 0, 1));
    }

    private static LabelPolicy labels(PolicyReader r) {
        return new LabelPolicy(
                r.number(PolicyKey.LABELS_TAKE_PROFIT_ATR, 2.0, 0.01, 100),
                r.number(PolicyKey.LABELS_STOP_LOSS_ATR, 1.0, 0.01, 100),
                r.integer(PolicyKey.LABELS_HORIZON_BARS, 10, 1, 10_000));
    }

    private static GatePolicy gates(PolicyReader r) {
        double min = r.number(PolicyKey.GATING_COVERAGE_MIN, 0.15, 0, 1);
        double max = r.number(PolicyKey.GATING_COVERAGE_MAX, 0.35, 0, 1);
        r.requireBelow(PolicyKey.GATING_COVERAGE_MIN, min, PolicyKey.GATING_COVERAGE_MAX, max);
        CoveragePolicy coverage =
                new CoveragePolicy(
                        r.flag(PolicyKey.GATING_COVERAGE_ENABLED, true),
                        min,
                        max,
                        r.number(PolicyKey.GATING_COVERAGE_STEP, 0.02, 1e-6, 1),
                        r.duration(
                                PolicyKey.GATING_COVERAGE_EVERY, Duration.ofDays(1), ONE_MS, YEAR),
                        r.integer(PolicyKey.GATING_COVERAGE_MIN_SIGNALS, 100, 1, 100_000_000));
        return new GatePolicy(
                r.number(PolicyKey.GATING_THRESHOLDS_LOW_VOL, 0.60, 0, 1),
                r.number(PolicyKey.GATING_THRESHOLDS_MED_VOL, 0.62, 0, 1),
                r.number(PolicyKey.GATING_THRESHOLDS_HIGH_VOL, 0.65, 0, 1),
                coverage);
    }

    private static FeaturePolicy features(PolicyReader r) {
        int windowBars = r.integer(PolicyKey.FEATURES_REGIME_WINDOW_BARS, 252, 3, 100_000);
        int minHistory = r.integer(PolicyKey.FEATURES_REGIME_MIN_HISTORY_BARS, 252, 1, 100_000);
        r.requireNoMoreThan(
                PolicyKey.FEATURES_REGIME_MIN_HISTORY_BARS,
                minHistory,
                PolicyKey.FEATURES_REGIME_WINDOW_BARS,
                windowBars);
        double low = r.number(PolicyKey.FEATURES_REGIME_LOW_PERCENTILE, 0.33, 0, 1);
        double high = r.number(PolicyKey.FEATURES_REGIME_HIGH_PERCENTILE, 0.67, 0, 1);
        r.requireBelow(
                PolicyKey.FEATURES_REGIME_LOW_PERCENTILE,
                low,
                PolicyKey.FEATURES_REGIME_HIGH_PERCENTILE,
                high);
        double[] cutPoints = r.numbers(PolicyKey.FEATURES_REGIME_CUT_POINTS);
        if (cutPoints != null
                && (cutPoints.length != 2 || !(0 < cutPoints[0] && cutPoints[0] < cutPoints[1]))) {
            r.violation(
                    PolicyKey.FEATURES_REGIME_CUT_POINTS,
                    "must be two ATR% values 0 < low < high, e.g. [0.01, 0.02]");
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
                r.integer(PolicyKey.FEATURES_WINDOW_BARS, 64, 0, 4096),
                r.integer(PolicyKey.FEATURES_MAX_PENDING_BARS, 10_000, 1, 10_000_000));
    }
}
