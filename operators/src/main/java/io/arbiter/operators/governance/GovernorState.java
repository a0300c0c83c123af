package io.arbiter.operators.governance;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.Severity;

import java.util.TreeMap;

/**
 * Everything one book's governor holds, in one place: the rule classes ({@link ModelRules}, {@link
 * ModelBreakers}, {@link CorrelationRule}, {@link BookBreakers}, {@link GovernorCommands}) work on
 * it, {@link AllocationStep} reads it, and {@link GovernorStateCodec} writes and reads it whole.
 * Fields are package-private like {@link ModelRecord}'s: the rule classes and the codec are its
 * only writers.
 */
final class GovernorState {

    /** No time: a sentinel for "not set" in state. */
    static final long NONE = Long.MIN_VALUE;

    final String book;
    Policy policy;
    final TreeMap<String, ModelRecord> models = new TreeMap<>();
    final FlaggedPairs flaggedPairs = new FlaggedPairs();

    BookEquity equity = new BookEquity();

    /**
     * The risk scaler is cut (book drawdown rose above scale-above, not yet below restore-below).
     */
    boolean riskCut;

    /** End of the daily and weekly loss stops; NONE when not stopped. */
    long dailyStopUntil = NONE;

    long weeklyStopUntil = NONE;

    /** Halted by the data-quality breaker until a RESUME for the book. */
    boolean dataQualityHalt;

    /** The book's journal sequence number, part of every event id. */
    long eventSeq;

    /** Counts registrations, to order models registered at the same time. */
    long registrationSeq;

    /** The periodic allocation's next tick; NONE before the first input. */
    long nextAllocationAt = NONE;

    GovernorState(String book, Policy policy) {
        this.book = book;
        this.policy = policy;
    }

    /** The sizing multiplier in force: 1, or {@code governance.book.risk-scaler} while cut. */
    double riskScaler() {
        return riskCut ? policy.governance().book().riskScaler() : 1.0;
    }

    double capital() {
        return policy.governance().book().capital();
    }

    long timerPeriod() {
        return policy.allocation().timerPeriod().toMillis();
    }

    /** Whether a daily or weekly loss stop is in force at {@code time}. */
    boolean stopped(long time) {
        return (dailyStopUntil != NONE && dailyStopUntil > time)
                || (weeklyStopUntil != NONE && weeklyStopUntil > time);
    }

    String versionOf(String model) {
        ModelRecord r = model == null ? null : models.get(model);
        return r == null ? null : r.version;
    }

    /** The book's next journal entry: each takes the next sequence number, so ids stay unique. */
    Journal.Entry entry(long time, GovernanceKind kind, Severity severity, String rule) {
        return Journal.entry(book, ++eventSeq, time, kind, severity, rule);
    }
}
