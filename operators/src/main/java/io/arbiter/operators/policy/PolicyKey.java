package io.arbiter.operators.policy;

/**
 * Every key of the policy file ({@code conf/policy.yaml}), by its dotted path: the one list that
 * {@link Policy} reads the file by and that journal entries and reasons name their thresholds by,
 * so a key cannot be spelt one way in the file and another in an event. A key added to the policy
 * is added here first; {@code PolicyKeyTest} holds the list and the shipped file to each other.
 */
public enum PolicyKey {
    VERSION("version"),

    FEATURES_REGIME_WINDOW_BARS("features.regime.window-bars"),
    FEATURES_REGIME_MIN_HISTORY_BARS("features.regime.min-history-bars"),
    FEATURES_REGIME_LOW_PERCENTILE("features.regime.low-percentile"),
    FEATURES_REGIME_HIGH_PERCENTILE("features.regime.high-percentile"),
    FEATURES_REGIME_CUT_POINTS("features.regime.cut-points"),
    FEATURES_WINDOW_BARS("features.window.bars"),
    FEATURES_MAX_PENDING_BARS("features.max-pending-bars"),

    LABELS_TAKE_PROFIT_ATR("labels.take-profit-atr"),
    LABELS_STOP_LOSS_ATR("labels.stop-loss-atr"),
    LABELS_HORIZON_BARS("labels.horizon-bars"),

    GATING_THRESHOLDS_LOW_VOL("gating.thresholds.low_vol"),
    GATING_THRESHOLDS_MED_VOL("gating.thresholds.med_vol"),
    GATING_THRESHOLDS_HIGH_VOL("gating.thresholds.high_vol"),
    GATING_COVERAGE_ENABLED("gating.coverage.enabled"),
    GATING_COVERAGE_MIN("gating.coverage.min"),
    GATING_COVERAGE_MAX("gating.coverage.max"),
    GATING_COVERAGE_STEP("gating.coverage.step"),
    GATING_COVERAGE_EVERY("gating.coverage.every"),
    GATING_COVERAGE_MIN_SIGNALS("gating.coverage.min-signals"),

    PERFORMANCE_WINDOW_DAYS("performance.window-days"),
    PERFORMANCE_SHARPE_ANNUALISATION("performance.sharpe-annualisation"),

    GOVERNANCE_MIN_TRADES("governance.min-trades"),
    GOVERNANCE_PF_HALT("governance.pf-halt"),
    GOVERNANCE_PF_PERFORMING("governance.pf-performing"),
    GOVERNANCE_MODEL_DRAWDOWN_WARN("governance.model-drawdown-warn"),
    GOVERNANCE_MODEL_DRAWDOWN_HALT("governance.model-drawdown-halt"),
    GOVERNANCE_ESCALATION_AFTER("governance.escalation-after"),
    GOVERNANCE_MAX_MODELS("governance.max-models"),
    GOVERNANCE_CORRELATION_FLAG_ABOVE("governance.correlation.flag-above"),
    GOVERNANCE_CORRELATION_MIN_OBSERVATIONS("governance.correlation.min-observations"),
    GOVERNANCE_BOOK_CAPITAL("governance.book.capital"),
    GOVERNANCE_BOOK_SCALE_ABOVE("governance.book.scale-above"),
    GOVERNANCE_BOOK_RESTORE_BELOW("governance.book.restore-below"),
    GOVERNANCE_BOOK_RISK_SCALER("governance.book.risk-scaler"),

    BREAKERS_DAILY_LOSS("breakers.daily-loss"),
    BREAKERS_WEEKLY_LOSS("breakers.weekly-loss"),
    BREAKERS_MAX_TRADES_PER_DAY("breakers.max-trades-per-day"),
    BREAKERS_MIN_ACCURACY("breakers.min-accuracy"),
    BREAKERS_MIN_ACCURACY_TRADES("breakers.min-accuracy-trades"),
    BREAKERS_MIN_VALID_SHARE("breakers.min-valid-share"),
    BREAKERS_MAX_SCORING_LATENCY("breakers.max-scoring-latency"),

    ALLOCATION_SEED("allocation.seed"),
    /**
     * Retired: Thompson draws per model and decision, from when P(best) was estimated by sampling;
     * it is computed exactly now. Older files may still set it; the value is ignored.
     */
    ALLOCATION_DRAWS("allocation.draws", true),
    ALLOCATION_PRIOR_ALPHA("allocation.prior-alpha"),
    ALLOCATION_PRIOR_BETA("allocation.prior-beta"),
    ALLOCATION_START_SHARE("allocation.start-share"),
    ALLOCATION_CAP_WITHOUT_APPROVAL("allocation.cap-without-approval"),
    ALLOCATION_BANDIT_FLOW_MIN("allocation.bandit-flow.min"),
    ALLOCATION_BANDIT_FLOW_MAX("allocation.bandit-flow.max"),
    ALLOCATION_DISCOUNT("allocation.discount"),
    ALLOCATION_TIMER_PERIOD("allocation.timer-period"),
    ALLOCATION_BASELINE_MODEL("allocation.baseline-model"),

    PROMOTION_SCALE_MAX_DRAWDOWN("promotion.scale-max-drawdown"),

    COMMANDS_MAX_AGE("commands.max-age"),

    PLANNER_ACCOUNT_CASH("planner.account-cash"),
    PLANNER_PER_TRADE_TARGET("planner.per-trade-target"),
    PLANNER_MAX_OPEN_POSITIONS("planner.max-open-positions"),
    PLANNER_MAX_PER_TICKER("planner.max-per-ticker"),
    PLANNER_FEE_BPS("planner.fee-bps"),
    PLANNER_EXPOSURE_SINGLE_TICKER("planner.exposure.single-ticker"),
    PLANNER_EXPOSURE_TOP_FIVE("planner.exposure.top-five"),
    PLANNER_EXPOSURE_TOP_COUNT("planner.exposure.top-count"),
    PLANNER_EXPOSURE_SECTOR("planner.exposure.sector"),
    PLANNER_ETTH_SIGMA_PER_ATR("planner.etth.sigma-per-atr"),
    PLANNER_ETTH_DEFAULT_BAR_INTERVAL("planner.etth.default-bar-interval"),
    PLANNER_FILL_ID_HORIZON("planner.fill-id-horizon"),
    PLANNER_SECTORS("planner.sectors"),
    PLANNER_UNKNOWN_SECTOR("planner.unknown-sector"),

    PAPER_BROKER_SLIPPAGE("paper-broker.slippage"),
    PAPER_BROKER_FEE("paper-broker.fee");

    private final String path;
    private final boolean retired;

    PolicyKey(String path) {
        this(path, false);
    }

    PolicyKey(String path, boolean retired) {
        this.path = path;
        this.retired = retired;
    }

    /** The key's dotted path in the policy file, e.g. {@code governance.pf-halt}. */
    public String path() {
        return path;
    }

    /**
     * Whether the policy no longer has this key: a file may still set it (so a policy written for
     * an older version still loads), the reader ignores its value, and the shipped file omits it.
     */
    public boolean retired() {
        return retired;
    }
}
