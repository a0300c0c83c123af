package io.arbiter.operators.governance;

/**
 * The stable ids of governance rules and commands, written into every {@code GovernanceEvent}'s
 * {@code ruleId}. Downstream filters and people's runbooks key on them: never rename one.
 */
public final class RuleIds {

    public static final String PF_HALT = "pf.halt";
    public static final String PF_WARN = "pf.warn";
    public static final String PF_PERFORMING = "pf.performing";
    public static final String PF_ESCALATE = "pf.escalate";
    public static final String DD_HALT = "dd.halt";
    public static final String DD_WARN = "dd.warn";
    public static final String PROBATION_COMPLETE = "probation.complete";
    public static final String CORRELATION_FLAG = "corr.flag";
    public static final String BOOK_RISK_SCALE = "book.risk-scale";

    public static final String BREAKER_DAILY_LOSS = "breaker.daily-loss";
    public static final String BREAKER_WEEKLY_LOSS = "breaker.weekly-loss";
    public static final String BREAKER_MAX_TRADES = "breaker.max-trades-per-day";
    public static final String BREAKER_ACCURACY = "breaker.accuracy";
    public static final String BREAKER_DATA_QUALITY = "breaker.data-quality";
    public static final String BREAKER_SCORING_LATENCY = "breaker.scoring-latency";

    /** A model that failed to load or to score (the scoring side's own rule id is kept). */
    public static final String MODEL_FAILURE = "model.failure";

    public static final String MODEL_NEW_VERSION = "model.new-version";

    /** An input the governor cannot use (a round trip with a non-finite PnL), ignored. */
    public static final String INPUT_IGNORED = "input.ignored";

    public static final String COMMAND_HALT = "command.halt";
    public static final String COMMAND_RESUME = "command.resume";
    public static final String COMMAND_APPROVE = "command.approve-allocation";
    public static final String COMMAND_REGISTER = "command.register-model";
    public static final String COMMAND_RETIRE = "command.retire-model";
    public static final String COMMAND_SET_POLICY = "command.set-policy";

    private RuleIds() {}
}
